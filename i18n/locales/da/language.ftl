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
language-set = Fint, nu skriver jeg på dansk. Du kan skifte sprog når som helst ved at skrive /language.
language-set_in_flow = Fint, nu skriver jeg på dansk. Vi fortsætter, hvor vi var: svar på mit sidste spørgsmål, eller skriv "menu".
language-menu = Hvad kan jeg hjælpe dig med?
