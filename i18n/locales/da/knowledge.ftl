### Answers from the knowledge base (dialogs/flows/knowledge.py). The entries' own text is data in knowledge/.

knowledge-status_current =
    { $answer }

    Kilde: { $source } · gennemgået { $reviewed }
# A scheme that is being changed or abolished: the plain sentence about that comes first.
knowledge-status_changing =
    { $note }
    { $answer }

    Kilde: { $source } · gennemgået { $reviewed }
knowledge-more = Læs mere
knowledge-next_book = Book en samtale
knowledge-next_person = Tal med en medarbejder
knowledge-details =
    { $title }
    { $details }
    For hvem: { $for_whom }
knowledge-list_offer = Her er nogle af kommunens tilbud. Vælg et, eller skriv dit spørgsmål med dine egne ord:
knowledge-list_term = Hvilket ord vil du have forklaret? Vælg, eller skriv ordet:
knowledge-list_tip = Hvad vil du have gode råd om? Vælg, eller skriv dit spørgsmål:
knowledge-list_education = Her er uddannelser for unge. Vælg en, eller skriv dit spørgsmål:
knowledge-choose = Jeg er ikke helt sikker på, hvad du spørger om. Mener du en af disse?
knowledge-none = Det har jeg desværre ikke et godt svar på. Jeg har noteret spørgsmålet (uden personlige oplysninger), så vi kan blive bedre. En medarbejder kan hjælpe dig:
knowledge-next_guide = Find en uddannelse, der passer til mig
knowledge-rate_up = 👍 Godt svar
knowledge-rate_down = 👎 Ikke godt svar
knowledge-rated_up = Tak for din vurdering. Er der andet, jeg kan hjælpe med?
knowledge-rated_down = Tak, det hjælper os med at gøre svarene bedre. Vil du hellere tale med en medarbejder?
# An English conversation (dialogs/flows/knowledge.py): the entry's English text, written by people and marked so.
knowledge-en_current =
    { $answer }

    Kilde: { $source } · gennemgået { $reviewed } · engelsk tekst ved { $translator } { $translated }
knowledge-en_changing =
    { $note }
    { $answer }

    Kilde: { $source } · gennemgået { $reviewed } · engelsk tekst ved { $translator } { $translated }
# An English conversation and an entry without an English text: one sentence saying so, then the Danish answer.
knowledge-danish_only_current =
    Dette svar findes kun på dansk. Du kan bede en medarbejder om at forklare det på engelsk.

    { $answer }

    Kilde: { $source } · gennemgået { $reviewed }
knowledge-danish_only_changing =
    Dette svar findes kun på dansk. Du kan bede en medarbejder om at forklare det på engelsk.

    { $note }
    { $answer }

    Kilde: { $source } · gennemgået { $reviewed }
