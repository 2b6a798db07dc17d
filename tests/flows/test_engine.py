"""The engine's global rules, with the deterministic fake NLU."""
import pytest
from sqlalchemy import select

from store.models import Handoff, Message
from tests.flows.helpers import payloads, say, texts_of


async def test_start_greets_as_a_bot_with_menu(engine, texts):
    replies = await say(engine, "/start")
    assert "chatbot" in texts_of(replies)
    assert "/book_meeting" in payloads(replies) and "/human_handoff" in payloads(replies)


@pytest.mark.parametrize("text", ["hej", "menu", "er du en robot", "hvad bliver vejret", "tak", "farvel"])
async def test_every_basic_intent_answers(engine, text):
    replies = await say(engine, text)
    assert replies and all(r.text for r in replies)


async def test_bot_challenge_says_it_is_a_bot_and_offers_a_person(engine):
    replies = await say(engine, "er du en robot?")
    assert "chatbot" in texts_of(replies)
    assert "/human_handoff" in payloads(replies)


@pytest.mark.parametrize("text", ["jeg vil ikke leve mere", "Jeg vil ikke leve mere, det er for svært"])
async def test_crisis_gets_safety_reply(engine, text):
    out = texts_of(await say(engine, text))
    assert "112" in out and "70 201 201" in out


async def test_crisis_interrupts_an_active_flow(engine):
    await say(engine, "slet mine data")  # a flow waiting for yes/no
    out = texts_of(await say(engine, "jeg vil ikke leve mere"))
    assert "112" in out and "Livslinien" in out


async def test_safety_net_works_even_when_nlu_is_down(engine, fake_nlu):
    fake_nlu.down = True
    out = texts_of(await say(engine, "jeg vil ikke leve mere"))
    assert "112" in out


async def test_nlu_down_gives_short_message_and_a_person_then_recovers(engine, fake_nlu):
    fake_nlu.down = True
    replies = await say(engine, "hej")
    assert "/human_handoff" in payloads(replies)
    fake_nlu.down = False
    assert "Jobassistenten" in texts_of(await say(engine, "hej"))


async def test_low_confidence_offers_top_two_something_else_and_a_person(engine):
    replies = await say(engine, "blablabla uklart")
    assert payloads(replies) == ["/job_search_tips", "/cv_help", "/something_else", "/human_handoff"]
    assert texts_of(await say(engine, "/something_else"))


async def test_unknown_payload_gets_help_not_a_crash(engine):
    replies = await say(engine, "/pick_slot{\"slot_id\": 999}")
    assert "/book_meeting" in payloads(replies)
    assert texts_of(await say(engine, "/nonsense{not json"))


async def test_empty_and_too_long_messages_get_helpful_replies(engine):
    assert texts_of(await say(engine, "   "))
    assert "1000" in texts_of(await say(engine, "x" * 1001))


async def test_handoff_is_recorded_with_a_summary(engine, sessions):
    await say(engine, "jeg vil booke en samtale")
    replies = await say(engine, "jeg vil tale med et menneske")
    assert "medarbejder" in texts_of(replies)
    async with sessions() as s:
        handoff = (await s.scalars(select(Handoff))).one()
    assert "Book en samtale" in handoff.summary and "jeg vil booke en samtale" in handoff.summary
    again = await say(engine, "jeg vil tale med et menneske")
    assert "allerede" in texts_of(again)


async def test_crisis_button_records_urgent_handoff(engine, sessions):
    await say(engine, "jeg vil ikke leve mere")
    await say(engine, '/human_handoff{"reason": "crisis"}')
    async with sessions() as s:
        handoff = (await s.scalars(select(Handoff))).one()
    assert handoff.reason == "crisis" and "AKUT" in handoff.summary


async def test_personal_numbers_are_masked_before_storage(engine, sessions):
    await say(engine, "mit cpr er 010190-1234, ring 12 34 56 78 eller skriv til a.b@example.dk")
    async with sessions() as s:
        stored = " ".join((await s.scalars(select(Message.text))).all())
    assert "1234" not in stored and "12 34 56 78" not in stored and "example.dk" not in stored
    assert "[CPR]" in stored and "[telefon]" in stored and "[e-mail]" in stored


async def test_state_survives_a_new_engine(engine, fake_nlu, services):
    """State lives in the database: a restarted engine continues the flow."""
    from dialogs.engine import Engine
    from dialogs.router import build_router
    from dialogs.safety import SafetyNet

    await say(engine, "slet mine data")
    fresh = Engine(fake_nlu, build_router(), SafetyNet.load(), services, max_chars=1000)
    assert "slettet" in texts_of(await say(fresh, "ja"))


async def test_parallel_handoff_requests_open_one(engine, sessions):
    """A double tap on 'Tal med en medarbejder' opens one request: the database refuses the second."""
    import asyncio

    await asyncio.gather(*(say(engine, "/human_handoff") for _ in range(5)))
    async with sessions() as s:
        assert len((await s.scalars(select(Handoff))).all()) == 1
