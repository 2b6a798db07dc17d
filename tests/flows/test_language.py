"""The conversation's language: an English message is noticed once, the choice is remembered, /language changes it."""
import pytest

from i18n import Catalog
from nlu.client import make_payload, parse_payload
from tests.flows.helpers import payloads, say, texts_of, titles

ASK = ("It looks like you write in English. Do you want to continue in English?\n"
       "Det ser ud til, at du skriver på engelsk. Vil du hellere fortsætte på dansk?")
SET_EN = ("OK, I will write in English now. Some job-centre words stay in Danish, with a short explanation. "
          "You can change the language at any time: write /language.")
SET_DA = "Fint, nu skriver jeg på dansk. Du kan skifte sprog når som helst ved at skrive /language."
CHOICES = ["Continue in English", "Fortsæt på dansk"]


@pytest.fixture(scope="module")
def en():
    return Catalog.load().get("en")


@pytest.fixture(scope="module")
def da():
    return Catalog.load().get("da")


def _resume(payload: str) -> str | None:
    parsed = parse_payload(payload)
    assert parsed is not None and parsed.intent == "set_language"
    return parsed.entity("resume")


async def test_an_english_first_message_is_asked_about_once_and_then_answered_in_english(engine, en):
    replies = await say(engine, "Hello, can I book a meeting in English?")
    assert texts_of(replies) == ASK
    assert titles(replies) == CHOICES
    assert [_resume(p) for p in payloads(replies)] == ["Hello, can I book a meeting in English?"] * 2
    replies = await say(engine, payloads(replies)[0])  # Continue in English: the first message is answered now
    assert [r.text for r in replies] == [SET_EN, en.get("booking.ask_type")]
    assert len(titles(replies)) == 4  # Ballerup's four kinds of meeting
    replies = await say(engine, "hello again, thanks")  # never asked twice
    assert ASK not in texts_of(replies)


async def test_choosing_danish_answers_the_message_in_danish_and_never_asks_again(engine, da):
    replies = await say(engine, "I want to book a meeting please")
    replies = await say(engine, payloads(replies)[1])  # Fortsæt på dansk
    assert [r.text for r in replies] == [SET_DA, da.get("booking.ask_type")]
    replies = await say(engine, "what is the weather like today")
    assert ASK not in texts_of(replies)


async def test_a_message_that_asks_for_nothing_gets_the_menu_after_the_choice(engine, en):
    replies = await say(engine, "I don't speak Danish, sorry")
    assert texts_of(replies) == ASK
    replies = await say(engine, payloads(replies)[0])
    assert [r.text for r in replies] == [SET_EN, "What can I help you with?"]
    assert titles(replies)[:3] == ["Book a meeting", "My meetings", "Move a meeting"]


@pytest.mark.parametrize("text", ["hej", "ok", "jeg vil gerne booke en samtale", "kan jeg få hjælp til mit CV",
                                  "jeg har et job interview i morgen", "tak", "hvad er kontanthjaelp"])
async def test_danish_messages_are_never_asked_about(engine, text):
    assert ASK not in texts_of(await say(engine, text))


async def test_the_language_command_switches_mid_booking_and_the_booking_goes_on(engine, en):
    await say(engine, "jeg vil booke en samtale")
    replies = await say(engine, "/language")
    assert texts_of(replies) == ("Which language do you want me to write in?\n"
                                 "Hvilket sprog vil du have, at jeg skriver på?")
    assert payloads(replies) == [make_payload("set_language", locale="en"), make_payload("set_language", locale="da")]
    replies = await say(engine, payloads(replies)[0])
    assert texts_of(replies) == ('OK, I will write in English now. Let us continue where we were: answer my last '
                                 'question, or write "menu".')
    replies = await say(engine, make_payload("choose_type", meeting_type="jobsamtale"))
    assert texts_of(replies) == en.get("booking.ask_mode")


async def test_an_english_crisis_message_gets_the_safety_reply_in_english_at_once(engine, en):
    replies = await say(engine, "I want to kill myself")
    assert texts_of(replies) == en.get("crisis")
    assert "70 201 201" in texts_of(replies) and "112" in texts_of(replies)


async def test_english_in_a_free_text_answer_is_an_answer_not_a_language_question(engine, core):
    from tests.flows.helpers import log_in
    await log_in(core)
    await say(engine, "hjælp til mit cv")
    replies = await say(engine, "warehouse worker and forklift driver for five years")
    assert ASK not in texts_of(replies)


async def test_a_forged_language_is_refused(engine, da):
    replies = await say(engine, make_payload("set_language", locale="fr"))
    assert texts_of(replies) == da.get("input.stale")


async def test_the_choice_is_stored_with_the_conversation(engine, core):
    replies = await say(engine, "Hello, I need help with my CV please")
    await say(engine, payloads(replies)[0])
    convo = await core.services.conversations.load("test:t1")
    assert (convo.locale, convo.language_asked) == ("en", True)


async def test_english_distress_gets_the_warm_reply_and_a_person_in_english_at_once(engine, en, core):
    replies = await say(engine, "I am so stressed, I can't cope with all these letters")
    assert texts_of(replies) == en.get("distress")
    assert titles(replies) == ["Talk to a person", "Menu"]
    convo = await core.services.conversations.load("test:t1")
    assert (convo.locale, convo.language_asked) == ("en", True)
