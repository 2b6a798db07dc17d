### The youth-education guide (dialogs/flows/youth_guide.py): four short questions, then suggestions.
### English copy of i18n/locales/da/youth.ftl.

youth-intro = I will ask four short questions. Then I will suggest education that may suit you.
youth-ask_age = How old are you?
youth-age_under18 = Under 18
youth-age_18_24 = 18-24 years
youth-age_25_29 = 25-29 years
youth-age_30plus = 30 years or older
youth-ask_school = Have you finished 9th or 10th grade (9. or 10. klasse)?
youth-school_exam = Yes, with the final exam
youth-school_no_exam = Yes, but without the exam or with low grades
youth-school_not_finished = No, not yet
youth-ask_style = What suits you best?
youth-style_practical = Learning with my hands (practical)
youth-style_academic = Reading and writing (academic)
youth-style_unsure = I do not know
youth-ask_benefit = Do you get kontanthjælp (social assistance) from the municipality?
youth-benefit_yes = Yes
youth-benefit_no = No
youth-suggestions = Based on your answers, these may suit you. Press one to read more. A guidance counsellor (vejleder) can help you choose.
