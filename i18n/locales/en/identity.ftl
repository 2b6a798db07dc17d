### Log in with MitID (issue 12): the login button, what happens after the login, Telegram linking, the auth pages.
### English copy of i18n/locales/da/identity.ftl.

identity-login_needed = This is about your own case, so you must log in with MitID (Denmark's digital ID) first. Press the button. After that, we continue where we stopped.
identity-login_button = Log in with MitID
identity-logged_in = You are now logged in with MitID.
identity-telegram_linked = Your Telegram is now linked to you. You can see, move and cancel your meetings here.
identity-telegram_already_linked = Your Telegram is already linked to you. You can see, move and cancel your meetings here.
identity-telegram_code_invalid = The link does not work. It can only be used once and only for 10 minutes. Log in to the job centre's chat on the web and get a new link.

## Pages the browser shows after the MitID login (bot/auth.py).

identity-page_title = Jobassistenten – log in
identity-page_done = You are logged in. Go back to the chat to continue.
identity-page_failed = The login did not work. Go back to the chat and try again.
identity-page_expired = The login link is too old or has already been used. Go back to the chat and try again.
identity-page_back = Back to the chat
