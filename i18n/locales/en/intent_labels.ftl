### Labels of the "did you mean ...?" buttons, one per NLU intent (intent_labels.<intent>).
### English copy of i18n/locales/da/intent_labels.ftl.

intent_labels-greet = Say hello
intent_labels-goodbye = Say goodbye
intent_labels-thanks = Say thank you
intent_labels-affirm = Yes
intent_labels-deny = No
intent_labels-capabilities = See what I can do
intent_labels-cv_help = Help with CV
intent_labels-book_meeting = Book a meeting
intent_labels-reschedule_meeting = Move a meeting
intent_labels-cancel_meeting = Cancel a meeting
intent_labels-list_meetings = See my meetings
intent_labels-job_search_tips = Job search tips
intent_labels-youth_education = Education for young people
intent_labels-local_offers = Offers in the municipality
intent_labels-explain_term = Explain a word
intent_labels-human_handoff = Talk to a person
intent_labels-privacy = What do you save about me?
intent_labels-delete_my_data = Delete my data
intent_labels-complaint = Complaint
intent_labels-sickness = I am sick
intent_labels-benefits_payment = My benefit / payment
intent_labels-crisis = Urgent help
intent_labels-bot_challenge = Are you a robot?
intent_labels-out_of_scope = Something else
intent_labels-contact_jobcentre = Address and opening hours
