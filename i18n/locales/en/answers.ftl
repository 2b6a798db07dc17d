### Simple answers, one per intent (answers.<intent>.text); their buttons are in dialogs/answers.yml.
### English copy of i18n/locales/da/answers.ftl: same ids and variables; plain English for second-language readers.

answers-greet-text = Hi! I am Jobassistenten, a chatbot from the job centre (jobcenter). I can help with meetings, your CV, looking for a job and education. What would you like to do?
answers-start-text = Hi! I am Jobassistenten, a chatbot from the job centre (jobcenter). Do not write your CPR number (Danish personal ID number) here. What can I help you with?
answers-something_else-text = Try to write it in other words. Or choose from the menu. You can always talk to a member of staff.
# The crisis check-in's "No, I meant something else": no alarm, and whatever we were doing goes on.
answers-crisis_check_no-text = Good. Thank you for answering. Let us continue where we were. Please write it in other words if I misunderstood you.
answers-goodbye-text = Thank you for now. Just write again if you need help.
answers-thanks-text = You are welcome! Is there anything else I can help with?
answers-affirm-text = Fine. What would you like to do?
answers-deny-text = Okay. Tell me if there is anything else.
answers-capabilities-text = I am a chatbot. I can help you with these things. Choose one, or write in your own words:
answers-bot_challenge-text = I am a chatbot, not a human. I do not make any decisions. If you want to talk to a member of staff, just tell me.
answers-out_of_scope-text = Sorry, I cannot help with that. I can help with things about the job centre:
answers-complaint-text = I am sorry to hear that. You can complain about a decision (afgørelse). The deadline is in the letter with the decision, often 4 weeks. I can send your complaint on to a member of staff.
answers-sickness-text = Get well soon. If you are sick on the day of a meeting, tell the job centre as soon as possible, best before the meeting. If you have questions about sygedagpenge (sickness benefit), a member of staff can help.
answers-benefits_payment-text = I cannot see or decide anything about your benefit (ydelse). Dagpenge (unemployment benefit): contact your a-kasse (unemployment insurance fund). Kontanthjælp (social assistance): contact the municipality's benefits department. Do you want to talk to a member of staff?
