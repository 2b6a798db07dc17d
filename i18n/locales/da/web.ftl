### The web chat page (bot/static/index.html, filled in by bot/page.py) and the strings chat.js shows.

web-title = Jobassistenten – chat
web-heading = Jobassistenten
web-new_chat = Ny samtale
# The header's language button, in the language it switches to.
web-other_language = English
web-notice = Du skriver med en chatbot, ikke et menneske. Skriv 'medarbejder' for at tale med en person.
web-no_cpr = Skriv ikke dit CPR-nummer.
web-conversation = Samtale
web-log_label = Samtale med Jobassistenten
web-noscript = Jobassistenten virker kun, når JavaScript er slået til i din browser.
web-message_label = Skriv din besked
web-send = Send
web-hint = Tryk Enter eller Send for at sende. Shift+Enter giver en ny linje. Højst 1000 tegn.

## Used by chat.js (passed in the page as JSON).

web-connection_error = Beklager, der er noget galt med forbindelsen. Prøv igen om lidt.
web-typing = Jobassistenten skriver ...
# Hidden speaker prefixes for screen readers; chat.js adds the space after them.
web-speaker_user = Du:
web-speaker_bot = Jobassistenten:
web-download = Hent fil:
# Name of a download whose server-given name is empty.
web-file_fallback = fil
web-choices_label = Svarmuligheder

## Identity (the header after a MitID login, and the link to continue on Telegram).

web-log_out = Log ud
web-logged_in = Du er logget ind med MitID.
web-logged_out = Du er logget ud. Bruger andre også denne computer, så luk browseren, når du er færdig.
web-telegram = Fortsæt på Telegram
