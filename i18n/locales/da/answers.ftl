### Simple answers, one per intent (answers.<intent>.text); their buttons are in dialogs/answers.yml.

answers-greet-text = Hej! Jeg er Jobassistenten, en chatbot fra jobcentret. Jeg kan hjælpe med samtaler, CV, jobsøgning og uddannelse. Hvad vil du?
answers-start-text =
    Hej! Jeg er Jobassistenten, en chatbot fra jobcentret. Skriv ikke dit CPR-nummer her. Hvad kan jeg hjælpe med?
    You can also write to me in English.
answers-something_else-text = Prøv at skrive det med andre ord. Eller vælg i menuen. Du kan altid tale med en medarbejder.
# The crisis check-in's "Nej, jeg mente noget andet": no alarm, and whatever we were doing goes on.
answers-crisis_check_no-text = Godt. Tak, fordi du svarede. Så fortsætter vi, hvor vi var. Skriv det gerne med andre ord, hvis jeg misforstod dig.
answers-goodbye-text = Tak for nu. Skriv bare igen, hvis du får brug for hjælp.
answers-thanks-text = Så lidt! Er der andet, jeg kan hjælpe med?
answers-affirm-text = Fint. Hvad vil du gerne?
answers-deny-text = Okay. Sig til, hvis der er andet.
answers-capabilities-text = Jeg er en chatbot. Jeg kan hjælpe dig med det her. Vælg, eller skriv med dine egne ord:
answers-bot_challenge-text = Jeg er en chatbot, ikke et menneske. Jeg træffer ingen afgørelser. Vil du tale med en medarbejder, så sig til.
answers-out_of_scope-text = Det kan jeg desværre ikke hjælpe med. Jeg kan hjælpe med ting, der handler om jobcentret:
answers-complaint-text = Det er jeg ked af at høre. Du kan klage over en afgørelse. Fristen står i brevet med afgørelsen, ofte 4 uger. Jeg kan sende din klage videre til en medarbejder.
answers-sickness-text = God bedring. Er du syg på dagen for en samtale, så sig det til jobcentret hurtigst muligt, gerne før samtalen. Har du spørgsmål om sygedagpenge, kan en medarbejder hjælpe.
answers-benefits_payment-text = Jeg kan ikke se eller afgøre noget om din ydelse. Dagpenge: kontakt din a-kasse. Kontanthjælp: kontakt kommunens ydelsesafdeling. Vil du tale med en medarbejder?
