### Caseworker-facing lines of a hand-off summary (not shown to the citizen).

caseworker-reason = Årsag: { $reason }
caseworker-reasons-human_handoff = Borgeren vil tale med en medarbejder
caseworker-reasons-crisis = AKUT: borgeren har skrevet om fare for liv eller sikkerhed
caseworker-topics = Emner i samtalen: { $topics }
caseworker-last = Borgerens besked: { $text }
# The language the citizen writes in, by locale code.
caseworker-language =
    Sprog: { $locale ->
        [da] dansk
        [en] engelsk
       *[other] { $locale }
    }
caseworker-history = Seneste beskeder:
caseworker-citizen = Borger
caseworker-bot = Chatbot
caseworker-caseworker = Medarbejder
caseworker-reasons-benefits = Ydelse eller udbetaling
caseworker-reasons-meeting = En samtale eller aftale
caseworker-reasons-sickness = Sygdom
caseworker-reasons-complaint = Klage
caseworker-risks = Risiko: { $risks }
caseworker-risk_crisis = AKUT (krise)
caseworker-risk_sickness = sygdom
caseworker-risk_complaint = klage
caseworker-bookings = Kommende samtaler: { $bookings }
# From the case system, when the citizen is logged in with MitID: target group and the citizen's own caseworker.
caseworker-case = Sagen: målgruppe { $group }, egen sagsbehandler { $caseworker }
caseworker-cv = CV: { $status }
caseworker-contact = Kontakt: { $method }
caseworker-contact_chat = skriv i chatten
caseworker-contact_phone = ring på { $phone }
caseworker-contact_callback = ring på { $phone } { $when }
caseworker-no_consent = Borgeren har ikke givet lov til at dele samtalen; kun årsagen er med.
