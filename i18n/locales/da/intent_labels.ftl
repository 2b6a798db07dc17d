### Labels of the "did you mean ...?" buttons, one per NLU intent (intent_labels.<intent>).

intent_labels-greet = Sige hej
intent_labels-goodbye = Sige farvel
intent_labels-thanks = Sige tak
intent_labels-affirm = Ja
intent_labels-deny = Nej
intent_labels-capabilities = Se hvad jeg kan
intent_labels-cv_help = Hjælp til CV
intent_labels-book_meeting = Book en samtale
intent_labels-reschedule_meeting = Flyt en samtale
intent_labels-cancel_meeting = Aflys en samtale
intent_labels-list_meetings = Se mine samtaler
intent_labels-job_search_tips = Tips til jobsøgning
intent_labels-youth_education = Uddannelse for unge
intent_labels-local_offers = Tilbud i kommunen
intent_labels-explain_term = Forklaring af et ord
intent_labels-human_handoff = Tal med en medarbejder
intent_labels-privacy = Hvad gemmer I om mig?
intent_labels-delete_my_data = Slet mine data
intent_labels-complaint = Klage
intent_labels-sickness = Jeg er syg
intent_labels-benefits_payment = Min ydelse / udbetaling
intent_labels-crisis = Akut hjælp
intent_labels-bot_challenge = Er du en robot?
intent_labels-out_of_scope = Noget andet
intent_labels-contact_jobcentre = Adresse og åbningstider
