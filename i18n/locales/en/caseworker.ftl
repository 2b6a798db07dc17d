### Caseworker-facing lines of a hand-off summary (not shown to the citizen).
### English copy of i18n/locales/da/caseworker.ftl (today the summary is always built in Danish).

caseworker-reason = Reason: { $reason }
caseworker-reasons-human_handoff = The citizen wants to talk to a member of staff
caseworker-reasons-crisis = URGENT: the citizen has written about danger to life or safety
caseworker-topics = Topics in the chat: { $topics }
caseworker-last = The citizen's message: { $text }
# The language the citizen writes in, by locale code.
caseworker-language =
    Language: { $locale ->
        [da] Danish
        [en] English
       *[other] { $locale }
    }
caseworker-history = Latest messages:
caseworker-citizen = Citizen
caseworker-bot = Chatbot
caseworker-caseworker = Member of staff
caseworker-reasons-benefits = Benefit or payment
caseworker-reasons-meeting = A meeting
caseworker-reasons-sickness = Sickness
caseworker-reasons-complaint = Complaint
caseworker-risks = Risk: { $risks }
caseworker-risk_crisis = URGENT (crisis)
caseworker-risk_sickness = sickness
caseworker-risk_complaint = complaint
caseworker-bookings = Upcoming meetings: { $bookings }
# From the case system, when the citizen is logged in with MitID: target group and the citizen's own caseworker.
caseworker-case = The case: target group (målgruppe) { $group }, own caseworker { $caseworker }
caseworker-cv = CV: { $status }
caseworker-contact = Contact: { $method }
caseworker-contact_chat = write in the chat
caseworker-contact_phone = call { $phone }
caseworker-contact_callback = call { $phone } { $when }
caseworker-no_consent = The citizen has not agreed to share the chat; only the reason is included.
