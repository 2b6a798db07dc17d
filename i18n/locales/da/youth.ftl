### The youth-education guide (dialogs/flows/youth_guide.py): four short questions, then suggestions.

youth-intro = Jeg stiller fire korte spørgsmål. Så foreslår jeg uddannelser, der kan passe til dig.
youth-ask_age = Hvor gammel er du?
youth-age_under18 = Under 18
youth-age_18_24 = 18-24 år
youth-age_25_29 = 25-29 år
youth-age_30plus = 30 år eller ældre
youth-ask_school = Har du gået ud af 9. eller 10. klasse?
youth-school_exam = Ja, med afgangseksamen
youth-school_no_exam = Ja, men uden eksamen eller med lave karakterer
youth-school_not_finished = Nej, ikke endnu
youth-ask_style = Hvad passer dig bedst?
youth-style_practical = At lære med hænderne (praktisk)
youth-style_academic = At læse og skrive (boglig)
youth-style_unsure = Det ved jeg ikke
youth-ask_benefit = Får du kontanthjælp fra kommunen?
youth-benefit_yes = Ja
youth-benefit_no = Nej
youth-suggestions = Ud fra dine svar kan disse passe til dig. Tryk på en for at læse mere. En vejleder kan hjælpe dig med at vælge.
