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
       *[other] { $locale }
    }
caseworker-history = Seneste beskeder:
caseworker-citizen = Borger
caseworker-bot = Chatbot
