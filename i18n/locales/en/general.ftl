### Global replies: errors, odd input, the crisis reply, hand-off to a person, "did you mean".
### Message ids are the dotted keys the code uses, with "-" for "." (input.too_long -> input-too_long).
### English copy of i18n/locales/da/general.ftl.

clarify-text = I am not sure what you mean. Do you mean one of these?
clarify-something_else = Something else
clarify-person = Talk to a person
input-empty = Please write your message, and I will help.

# No thousands separator: the limit is shown as the plain number the input field counts to.
input-too_long = Your message is too long. Please write it shorter, maybe in several messages (at most { NUMBER($limit, useGrouping: 0) } characters).
input-stale = That button does not work any more. Here is the menu:
error = Sorry, something went wrong on my side. Try again, or talk to a member of staff.
nlu_down = Right now I have problems understanding messages. Use the buttons, or talk to a member of staff. Try again in a little while.
# 112 answers in English. Livslinien answers in Danish: say so, and name no other helpline (none is verified).
crisis =
    This sounds serious, and I am glad that you are writing.
    If you are in danger right now, call 112.
    If you have thoughts of suicide, call Livslinien on 70 201 201. They are there for you. Livslinien answers in Danish.
    I am a chatbot. Do you want to talk to a member of staff here?

# A value shown as it is (a configured label, a date) where the code needs a text, e.g. a button title.
common-value = { $value }

# Terminal chat (make chat): a number that is not one of the buttons shown.
terminal-not_a_button =
    ({ $number } is not one of the buttons. { $count ->
        [one] Type 1
       *[other] Type a number from 1 to { $count }
    }, or write in words.)

# The safety check-in when a message might be about danger but is unclear (dialogs/safety.py).
crisis_check-text = I want to be sure that I understand you correctly. Are things so hard that you need help now?
crisis_check-yes = Yes, I need help now
crisis_check-no = No, I meant something else

# Distress without danger (services/data/safety.yml, distress): warm, short, a person.
distress = That sounds hard, and it is completely okay to say so. You do not have to deal with it alone. A member of staff can help you further, also if computers are difficult for you. Do you want to talk to one?
