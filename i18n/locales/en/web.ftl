### The web chat page (bot/static/index.html, filled in by bot/page.py) and the strings chat.js shows.
### English copy of i18n/locales/da/web.ftl.

web-title = Jobassistenten – chat
web-heading = Jobassistenten
web-new_chat = New chat
# The header's language button, in the language it switches to.
web-other_language = Dansk
web-notice = You are writing with a chatbot, not a human. Write 'talk to a person' at any time to reach a member of staff.
web-no_cpr = Do not write your CPR number (Danish personal ID number).
web-conversation = Chat
web-log_label = Chat with Jobassistenten
web-noscript = Jobassistenten only works when JavaScript is turned on in your browser.
web-message_label = Write your message
web-send = Send
web-hint = Press Enter or Send to send. Shift+Enter gives a new line. At most 1000 characters.

## Used by chat.js (passed in the page as JSON).

web-connection_error = Sorry, there is a problem with the connection. Try again in a little while.
web-typing = Jobassistenten is writing ...
# Hidden speaker prefixes for screen readers; chat.js adds the space after them.
web-speaker_user = You:
web-speaker_bot = Jobassistenten:
web-download = Download file:
# Name of a download whose server-given name is empty.
web-file_fallback = file
web-choices_label = Answer options

## Identity (the header after a MitID login, and the link to continue on Telegram).

web-log_out = Log out
web-logged_in = You are logged in with MitID (Denmark's digital ID).
web-logged_out = You are logged out. If other people also use this computer, close the browser when you are done.
web-telegram = Continue on Telegram
