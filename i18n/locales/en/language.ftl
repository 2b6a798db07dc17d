# The conversation's language (dialogs/flows/language.py). The question is asked before the citizen has
# chosen, so it is written in both languages, in both locales; so are the two buttons.
language-ask =
    It looks like you write in English. Do you want to continue in English?
    Det ser ud til, at du skriver på engelsk. Vil du hellere fortsætte på dansk?
language-choose =
    Which language do you want me to write in?
    Hvilket sprog vil du have, at jeg skriver på?
language-english = Continue in English
language-danish = Fortsæt på dansk
language-set = OK, I will write in English now. Some job-centre words stay in Danish, with a short explanation. You can change the language at any time: write /language.
language-set_in_flow = OK, I will write in English now. Let us continue where we were: answer my last question, or write "menu".
language-menu = What can I help you with?
