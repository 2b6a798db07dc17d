### Log ind med MitID (issue 12): the login button, what happens after the login, Telegram linking, the auth pages.

identity-login_needed = Det handler om din egen sag, så du skal logge ind med MitID først. Tryk på knappen. Bagefter fortsætter vi, hvor vi slap.
identity-login_button = Log ind med MitID
identity-logged_in = Du er nu logget ind med MitID.
identity-telegram_linked = Nu er din Telegram koblet til dig. Du kan se, flytte og aflyse dine samtaler her.
identity-telegram_already_linked = Din Telegram er allerede koblet til dig. Du kan se, flytte og aflyse dine samtaler her.
identity-telegram_code_invalid = Linket virker ikke. Det kan kun bruges én gang og kun i 10 minutter. Log ind på jobcentrets chat på nettet og hent et nyt link.

## Pages the browser shows after the MitID login (bot/auth.py).

identity-page_title = Jobassistenten – log ind
identity-page_done = Du er logget ind. Gå tilbage til chatten for at fortsætte.
identity-page_failed = Det lykkedes ikke at logge ind. Gå tilbage til chatten, og prøv igen.
identity-page_expired = Linket til at logge ind er for gammelt eller er allerede brugt. Gå tilbage til chatten, og prøv igen.
identity-page_back = Tilbage til chatten
