### Reaching a person (dialogs/flows/handoff.py, rating.py) and what the citizen sees of the caseworker side.
### English copy of i18n/locales/da/handoff.ftl.

handoff-ask_reason = I will pass you on to a member of staff. What is it about? Write it briefly, or choose:
handoff-topic_benefits = My benefit or payment
handoff-topic_meeting = A meeting
handoff-topic_sickness = Sickness
handoff-topic_complaint = A complaint
handoff-ask_consent = May the member of staff read a short summary of our chat? Then you do not have to explain everything again. If you say no, the member of staff only sees what it is about.
handoff-consent_yes = Yes, they may
handoff-consent_no = No, only what it is about
handoff-ask_contact = How do you want to be contacted?
handoff-contact_chat = Here in the chat
handoff-contact_phone = Call me
handoff-contact_callback = Call me at a certain time
handoff-ask_callback = When is a good time for us to call? Write for example "tomorrow at 10" or "Thursday afternoon".
handoff-bad_callback = I did not understand that time, or it has already passed. Write for example "tomorrow at 10".
handoff-ask_phone = Which number should we call? The number is only used for this request.
handoff-bad_phone = Write a Danish phone number with 8 digits, for example 12 34 56 78.
handoff-sent_chat_open =
    Thank you. Your request has been sent to a member of staff. Expected waiting time: about { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    }. The member of staff will write to you here. You can use the chat in the meantime.
handoff-sent_chat_closed = Thank you. Your request has been sent. The job centre is closed now. A member of staff will write to you here when we open on { $opens }.
handoff-sent_phone_open =
    Thank you. Your request has been sent. A member of staff will call you, expected in about { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    }.
handoff-sent_phone_closed = Thank you. Your request has been sent. The job centre is closed now. A member of staff will call you when we open on { $opens }.
handoff-sent_callback_open = Thank you. A member of staff will call you on { $when }.
handoff-sent_callback_closed = Thank you. A member of staff will call you on { $when }.
# 112 answers in English; Livslinien answers in Danish (see crisis in general.ftl).
handoff-crisis_recorded = I have asked a member of staff to contact you as soon as possible. If you are in danger, call 112. Livslinien: 70 201 201 (answers in Danish).
handoff-already_open = You have already asked to be contacted. A member of staff will get back to you.
handoff-withdraw = Withdraw my request
handoff-withdrawn = Your request has been withdrawn. Just write again if you need help.
handoff-nothing_to_withdraw = There is no request to withdraw. If a member of staff has already started, write to them here, or call the job centre.

# Sent to the citizen by the caseworker side (services/inbox.py).
handoff-claimed = { $name } from the job centre has taken your request. Write here, and { $name } will answer you.
handoff-caseworker_says = { $name } (member of staff): { $text }
handoff-forwarded = Your request has been passed on to { $name }, who will write to you here.
handoff-closed = The member of staff has ended the chat. Now you are writing with Jobassistenten, a chatbot, again. How was the help?
handoff-rate_good = 👍 Good
handoff-rate_bad = 👎 Not good

rating-ask_comment = Thank you. Would you like to write briefly what was good or bad? You can also skip this.
rating-skip = Skip
rating-thanks = Thank you for your rating. It helps us get better.
handoff-noted = Thank you, the member of staff will get this too.
handoff-not_sent = Okay, I have not sent anything on. Just write again if you want to talk to a member of staff. Here is the menu:
