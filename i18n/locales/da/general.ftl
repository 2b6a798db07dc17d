### Global replies: errors, odd input, the crisis reply, hand-off to a person, "did you mean".
### Message ids are the dotted keys the code uses, with "-" for "." (input.too_long -> input-too_long).

clarify-text = Jeg er ikke sikker på, hvad du mener. Mener du en af disse?
clarify-something_else = Noget andet
clarify-person = Tal med en medarbejder
input-empty = Skriv gerne din besked, så hjælper jeg.

# No thousands separator: the limit is shown as the plain number the input field counts to.
input-too_long = Din besked er for lang. Skriv det kort, gerne i flere beskeder (højst { NUMBER($limit, useGrouping: 0) } tegn).
input-stale = Den knap er ikke aktiv længere. Her er menuen:
error = Beklager, noget gik galt hos mig. Prøv igen, eller tal med en medarbejder.
nlu_down = Jeg har lige nu problemer med at forstå tekst. Brug knapperne, eller tal med en medarbejder. Prøv igen om lidt.
crisis =
    Det lyder alvorligt, og jeg er glad for, at du skriver.
    Er du i fare lige nu, så ring 112.
    Har du tanker om selvmord, så ring til Livslinien på 70 201 201. De er der for dig.
    Jeg er en chatbot. Vil du tale med en medarbejder her?

# A value shown as it is (a configured label, a date) where the code needs a text, e.g. a button title.
common-value = { $value }

# Terminal chat (make chat): a number that is not one of the buttons shown.
terminal-not_a_button =
    ({ $number } er ikke en af knapperne. { $count ->
        [one] Skriv 1
       *[other] Skriv et tal fra 1 til { $count }
    }, eller skriv med ord.)

# The safety check-in when a message might be about danger but is unclear (dialogs/safety.py).
crisis_check-text = Jeg vil gerne være sikker på, at jeg forstår dig rigtigt. Har du det så svært, at du har brug for hjælp nu?
crisis_check-yes = Ja, jeg har brug for hjælp nu
crisis_check-no = Nej, jeg mente noget andet

# Distress without danger (services/data/safety.yml, distress): warm, short, a person.
distress = Det lyder hårdt, og det er helt i orden at sige det. Du behøver ikke klare det alene. En medarbejder kan hjælpe dig videre, også hvis det er svært med computeren. Vil du tale med en?
