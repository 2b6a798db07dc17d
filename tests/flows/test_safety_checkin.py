"""The crisis check-in from inside a booking and a CV: "ja" gives the safety reply, "nej" goes back to the flow."""
import pytest
from sqlalchemy import select

from nlu.client import NluResult
from store.models import Conversation
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import payloads, say, texts_of

UNCLEAR = "jeg kan ikke se nogen vej ud af det her"
CHECK_IN = ("Jeg vil gerne være sikker på, at jeg forstår dig rigtigt. Har du det så svært, at du har brug for "
            "hjælp nu?")
YES, NO = "/crisis", "/crisis_check_no"
CRISIS = ("Det lyder alvorligt, og jeg er glad for, at du skriver.\nEr du i fare lige nu, så ring 112.\n"
          "Har du tanker om selvmord, så ring til Livslinien på 70 201 201. De er der for dig.\n"
          "Jeg er en chatbot. Vil du tale med en medarbejder her?")
GOES_ON = ("Godt. Tak, fordi du svarede. Så fortsætter vi, hvor vi var. Skriv det gerne med andre ord, hvis jeg "
           "misforstod dig.")
JOBSAMTALE = '/choose_type{"meeting_type": "jobsamtale"}'


@pytest.fixture(autouse=True)
def unsure_classifier(fake_nlu):
    """The fake NLU, except that UNCLEAR gets a crisis confidence between the check-in and nothing."""
    parse = fake_nlu.parse

    async def leaning_to_crisis(text: str) -> NluResult:
        if text == UNCLEAR:
            return NluResult(text=text, intent="crisis", confidence=0.62,
                             ranking=[("crisis", 0.62), ("job_search_tips", 0.2), ("cv_help", 0.1)])
        return await parse(text)
    fake_nlu.parse = leaning_to_crisis


async def active_flow(sessions) -> str | None:
    async with sessions() as s:
        return (await s.scalars(select(Conversation.flow))).one()


async def check_in(engine) -> None:
    replies = await say(engine, UNCLEAR)
    assert texts_of(replies) == CHECK_IN
    assert payloads(replies) == [YES, NO]


@pytest.fixture
async def booking_started(engine, sessions, municipality):
    await publish(sessions, municipality)
    assert texts_of(await say(engine, "jeg vil booke en samtale")) == "Hvilken slags samtale skal du have?"
    await check_in(engine)
    assert await active_flow(sessions) == "book"  # the question alone ends nothing


async def test_yes_in_a_booking_gives_the_safety_reply(engine, sessions, booking_started):
    replies = await say(engine, YES)
    assert texts_of(replies) == CRISIS
    assert payloads(replies) == ['/human_handoff{"reason": "crisis"}']
    assert await active_flow(sessions) is None


async def test_no_in_a_booking_goes_on_with_the_booking(engine, sessions, booking_started):
    replies = await say(engine, NO)
    assert texts_of(replies) == GOES_ON and payloads(replies) == []
    assert await active_flow(sessions) == "book"
    replies = await say(engine, JOBSAMTALE)  # the button of the question before the check-in still works
    assert '/choose_mode{"meeting_mode": "telefon"}' in payloads(replies)


@pytest.fixture
async def cv_started(engine, sessions):
    await say(engine, "jeg skal lave et cv")
    replies = await say(engine, "mette hansen")
    assert texts_of(replies) == "Hvilket telefonnummer kan arbejdsgivere ringe til? Det står kun i dit CV."
    await check_in(engine)  # a free-text step: the check-in still comes before the answer is taken
    assert await active_flow(sessions) == "cv"


async def test_yes_in_a_cv_gives_the_safety_reply_and_the_cv_waits(engine, sessions, cv_started):
    assert texts_of(await say(engine, YES)) == CRISIS
    assert await active_flow(sessions) is None
    replies = await say(engine, "jeg skal lave et cv")
    assert texts_of(replies) == ("Velkommen tilbage. Vi fortsætter, hvor du slap.\nHvilket telefonnummer kan "
                                 "arbejdsgivere ringe til? Det står kun i dit CV.")


async def test_no_in_a_cv_takes_the_next_message_as_the_answer(engine, sessions, cv_started):
    assert texts_of(await say(engine, NO)) == GOES_ON
    replies = await say(engine, "12 34 56 78")
    assert texts_of(replies).startswith("Hvilken e-mail kan arbejdsgivere skrive til?")


async def test_a_clear_crisis_needs_no_question(engine, booking_started):
    assert texts_of(await say(engine, "min kæreste slår mig")) == CRISIS
