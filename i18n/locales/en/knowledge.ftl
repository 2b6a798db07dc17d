### Answers from the knowledge base (dialogs/flows/knowledge.py). The entries' own text is data in knowledge/.
### English copy of i18n/locales/da/knowledge.ftl.

knowledge-status_current =
    { $answer }

    Source: { $source } · checked { $reviewed }
# A scheme that is being changed or abolished: the plain sentence about that comes first.
knowledge-status_changing =
    { $note }
    { $answer }

    Source: { $source } · checked { $reviewed }
knowledge-more = Read more
knowledge-next_book = Book a meeting
knowledge-next_person = Talk to a person
knowledge-details =
    { $title }
    { $details }
    For whom: { $for_whom }
knowledge-list_offer = Here are some of the municipality's offers. Choose one, or write your question in your own words:
knowledge-list_term = Which word do you want me to explain? Choose, or write the word:
knowledge-list_tip = What do you want good advice about? Choose, or write your question:
knowledge-list_education = Here is education for young people. Choose one, or write your question:
knowledge-choose = I am not quite sure what you are asking about. Do you mean one of these?
knowledge-none = Sorry, I do not have a good answer to that. I have saved the question (without personal information), so we can get better. A member of staff can help you:
knowledge-next_guide = Find education that suits me
knowledge-rate_up = 👍 Good answer
knowledge-rate_down = 👎 Not a good answer
knowledge-rated_up = Thank you for your rating. Is there anything else I can help with?
knowledge-rated_down = Thank you, that helps us make the answers better. Would you rather talk to a member of staff?
# An English conversation (dialogs/flows/knowledge.py): the entry's English text, written by people and marked so.
knowledge-en_current =
    { $answer }

    Source: { $source } · reviewed { $reviewed } · English text by { $translator } { $translated }
knowledge-en_changing =
    { $note }
    { $answer }

    Source: { $source } · reviewed { $reviewed } · English text by { $translator } { $translated }
# An English conversation and an entry without an English text: one sentence saying so, then the Danish answer.
knowledge-danish_only_current =
    This answer is only available in Danish. You can ask a person to explain it in English.

    { $answer }

    Source: { $source } · reviewed { $reviewed }
knowledge-danish_only_changing =
    This answer is only available in Danish. You can ask a person to explain it in English.

    { $note }
    { $answer }

    Source: { $source } · reviewed { $reviewed }
