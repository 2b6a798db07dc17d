"""The engine's global rules, with the deterministic fake NLU: exact texts and buttons."""
import pytest
from sqlalchemy import select

from bot.wiring import build_core
from services.booking import BookingRules
from services.municipality import load_all
from store.models import Conversation, Message
from tests.flows.helpers import payloads, say, texts_of, titles

MENU = ["/book_meeting", "/list_meetings", "/reschedule_meeting", "/cancel_meeting", "/cv_help", "/job_search_tips",
        "/youth_guide", "/local_offers", "/human_handoff"]
PERSON = ["/human_handoff", "/capabilities"]
CRISIS = ("Det lyder alvorligt, og jeg er glad for, at du skriver.\nEr du i fare lige nu, så ring 112.\n"
          "Har du tanker om selvmord, så ring til Livslinien på 70 201 201. De er der for dig.\n"
          "Jeg er en chatbot. Vil du tale med en medarbejder her?")


async def test_start_greets_as_a_bot_warns_about_cpr_and_shows_the_menu(engine):
    replies = await say(engine, "/start")
    assert texts_of(replies) == ("Hej! Jeg er Jobassistenten, en chatbot fra jobcentret. Skriv ikke dit CPR-nummer "
                                 "her. Hvad kan jeg hjælpe med?\nYou can also write to me in English.")
    assert payloads(replies) == MENU
    assert titles(replies)[0] == "Book en samtale" and titles(replies)[-1] == "Tal med en medarbejder"


@pytest.mark.parametrize(("text", "answer", "buttons"), [
    ("hej", "Hej! Jeg er Jobassistenten, en chatbot fra jobcentret. Jeg kan hjælpe med samtaler, CV, jobsøgning og "
            "uddannelse. Hvad vil du?", MENU),
    ("menu", "Jeg er en chatbot. Jeg kan hjælpe dig med det her. Vælg, eller skriv med dine egne ord:", MENU),
    ("er du en robot", "Jeg er en chatbot, ikke et menneske. Jeg træffer ingen afgørelser. Vil du tale med en "
                       "medarbejder, så sig til.", PERSON),
    ("hvad bliver vejret", "Det kan jeg desværre ikke hjælpe med. Jeg kan hjælpe med ting, der handler om "
                           "jobcentret:", MENU),
    ("tak", "Så lidt! Er der andet, jeg kan hjælpe med?", MENU),
    ("farvel", "Tak for nu. Skriv bare igen, hvis du får brug for hjælp.", []),
])
async def test_every_basic_intent_gets_its_own_answer(engine, text, answer, buttons):
    replies = await say(engine, text)
    assert texts_of(replies) == answer
    assert payloads(replies) == buttons


@pytest.mark.parametrize("text", ["jeg vil ikke leve mere", "Jeg vil ikke leve mere, det er for svært"])
async def test_crisis_gets_the_safety_reply_and_a_person(engine, text):
    replies = await say(engine, text)
    assert texts_of(replies) == CRISIS
    assert payloads(replies) == ['/human_handoff{"reason": "crisis"}']


async def test_crisis_interrupts_an_active_flow(engine, sessions):
    await say(engine, "slet mine data")  # a flow waiting for yes/no
    assert texts_of(await say(engine, "jeg vil ikke leve mere")) == CRISIS
    async with sessions() as s:
        assert (await s.scalars(select(Conversation.flow))).one() is None


async def test_safety_net_works_even_when_nlu_is_down(engine, fake_nlu):
    fake_nlu.down = True
    assert texts_of(await say(engine, "jeg vil ikke leve mere")) == CRISIS


async def test_nlu_down_gives_short_message_and_a_person_then_recovers(engine, fake_nlu):
    fake_nlu.down = True
    replies = await say(engine, "hej")
    assert texts_of(replies) == ("Jeg har lige nu problemer med at forstå tekst. Brug knapperne, eller tal med en "
                                 "medarbejder. Prøv igen om lidt.")
    assert payloads(replies) == MENU
    fake_nlu.down = False
    assert texts_of(await say(engine, "hej")).startswith("Hej! Jeg er Jobassistenten")


async def test_low_confidence_offers_top_two_something_else_and_a_person(engine):
    replies = await say(engine, "blablabla uklart")
    assert texts_of(replies) == "Jeg er ikke sikker på, hvad du mener. Mener du en af disse?"
    assert payloads(replies) == ["/job_search_tips", "/cv_help", "/something_else", "/human_handoff"]
    assert titles(replies) == ["Tips til jobsøgning", "Hjælp til CV", "Noget andet", "Tal med en medarbejder"]
    assert texts_of(await say(engine, "/something_else")) == ("Prøv at skrive det med andre ord. Eller vælg i menuen. "
                                                             "Du kan altid tale med en medarbejder.")


@pytest.mark.parametrize("payload", ['/pick_slot{"slot_id": 999}', "/no_such_intent", "/nonsense{not json"])
async def test_stale_or_unknown_payloads_get_the_menu_not_a_crash(engine, payload):
    replies = await say(engine, payload)
    if payload.endswith("json"):  # not a payload at all: free text the fake NLU does not understand
        assert texts_of(replies).startswith("Jeg er ikke sikker på")
        return
    assert texts_of(replies) == "Den knap er ikke aktiv længere. Her er menuen:"
    assert payloads(replies) == MENU


async def test_empty_and_too_long_messages_get_helpful_replies(engine, fake_nlu):
    assert texts_of(await say(engine, "   ")) == "Skriv gerne din besked, så hjælper jeg."
    assert texts_of(await say(engine, "x" * 1001)) == ("Din besked er for lang. Skriv det kort, gerne i flere "
                                                        "beskeder (højst 1000 tegn).")
    assert fake_nlu.calls == 0  # neither reached the NLU


async def test_state_survives_a_new_engine(engine, sessions, fake_nlu, clock):
    """State lives in the database: a restarted engine continues the flow."""
    await say(engine, "slet mine data")
    fresh = build_core(sessions, fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000).engine
    assert texts_of(await say(fresh, "ja")) == "Alt er slettet. Skriver du igen, starter vi forfra."


async def test_personal_numbers_are_masked_before_storage(engine, sessions):
    await say(engine, "mit cpr er 010190-1234, ring 12 34 56 78 eller skriv til a.b@example.dk")
    async with sessions() as s:
        stored = " ".join((await s.scalars(select(Message.text))).all())
    assert "1234" not in stored and "12 34 56 78" not in stored and "example.dk" not in stored
    assert "[CPR]" in stored and "[telefon]" in stored and "[e-mail]" in stored


async def test_side_remark_keeps_the_active_flow(engine, sessions):
    """'tak' mid-flow is answered, and the flow is still waiting for its answer (answers.yml side_remark)."""
    await say(engine, "jeg vil booke en samtale")
    assert texts_of(await say(engine, "tak")) == "Så lidt! Er der andet, jeg kan hjælpe med?"
    async with sessions() as s:
        assert (await s.scalars(select(Conversation.flow))).one() == "book"


@pytest.mark.parametrize(("text", "confidence", "expected"), [
    ("jeg dør af grin", 0.86, "Jeg er ikke sikker på, hvad du mener. Mener du en af disse?"),  # an idiom
    ("jeg har det så svært med det hele", 0.62, "Jeg vil gerne være sikker på, at jeg forstår dig rigtigt. Har du "
                                               "det så svært, at du har brug for hjælp nu?"),
    ("jeg bliver slået derhjemme", 0.94, CRISIS),
])
async def test_the_classifiers_crisis_is_weighed(engine, fake_nlu, text, confidence, expected):
    from nlu.client import NluResult

    async def parse(message: str) -> NluResult:
        return NluResult(text=message, intent="crisis", confidence=confidence,
                         ranking=[("crisis", confidence), ("greet", 0.1), ("thanks", 0.05)])
    fake_nlu.parse = parse
    replies = await say(engine, text)
    assert texts_of(replies) == expected
    if expected.startswith("Jeg vil gerne være sikker"):
        assert payloads(replies) == ["/crisis", "/crisis_check_no"]
        assert texts_of(await say(engine, "/crisis")) == CRISIS  # "Ja, jeg har brug for hjælp nu"


@pytest.mark.parametrize("text", ["jeg kan ikke mere", "det er for svært for mig med computer", "jeg er så stresset"])
async def test_distress_without_danger_gets_a_warm_reply_and_a_person(engine, fake_nlu, text):
    for down in (False, True):
        fake_nlu.down = down
        replies = await say(engine, text)
        assert texts_of(replies).startswith("Det lyder hårdt, og det er helt i orden at sige det.")
        assert payloads(replies) == PERSON
