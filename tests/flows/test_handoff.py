"""Handoff lifecycle: requested → claimed → closed / cancelled; summary from redacted text (findings 2 and 3)."""
import asyncio

from sqlalchemy import select

from store.models import Conversation, Handoff, Message
from tests.flows.helpers import payloads, say, texts_of

RECORDED = ("Jeg har sendt din besked videre til en medarbejder. Du bliver kontaktet, typisk inden for 2 hverdage. "
            "Har du travlt, så ring til jobcentret.")
ALREADY = "Du har allerede bedt om at blive kontaktet. En medarbejder vender tilbage."


async def _only_handoff(sessions) -> Handoff:
    async with sessions() as s:
        return (await s.scalars(select(Handoff).order_by(Handoff.id.desc()))).first()


async def test_cpr_in_the_request_never_reaches_the_summary(engine, sessions):
    """Before: the flow passed the raw text into handoffs.summary, CPR number and all."""
    await say(engine, "jeg vil tale med en medarbejder om min sag, mit cpr er 150687-1234")
    handoff = await _only_handoff(sessions)
    assert "150687" not in handoff.summary and "1234" not in handoff.summary
    assert "Borgerens besked: jeg vil tale med en medarbejder om min sag, mit cpr er [CPR]" in handoff.summary


async def test_summary_has_reason_topics_language_and_recent_messages(engine, sessions):
    await say(engine, "jeg vil booke en samtale")
    await say(engine, "jeg vil tale med et menneske")
    summary = (await _only_handoff(sessions)).summary.splitlines()
    assert summary[0] == "Årsag: Borgeren vil tale med en medarbejder"
    assert summary[1] == "Borgerens besked: jeg vil tale med et menneske"
    assert summary[2] == "Emner i samtalen: Book en samtale"
    assert summary[3] == "Sprog: dansk"
    assert "Borger: jeg vil booke en samtale" in summary


async def test_request_claim_close_and_a_new_request_works(engine, services, sessions):
    """Before: 'Du har allerede bedt om at blive kontaktet' forever, since nothing closed a handoff."""
    replies = await say(engine, "jeg vil tale med et menneske")
    assert texts_of(replies) == RECORDED and payloads(replies) == ["/cancel_handoff"]
    assert texts_of(await say(engine, "jeg vil tale med et menneske")) == ALREADY
    handoff = await _only_handoff(sessions)
    assert await services.handoffs.claim(handoff.id, "Anne Holm")
    assert await say(engine, "hej, er der nogen?") == []  # the caseworker has it: the bot stays quiet
    async with sessions() as s:
        assert (await s.scalars(select(Conversation.mode))).one() == "human"
        last_in = (await s.scalars(select(Message.text).where(Message.direction == "in")
                                   .order_by(Message.id.desc()))).first()
    assert last_in == "hej, er der nogen?"  # in the transcript, for the caseworker
    assert await services.handoffs.close(handoff.id, "løst")
    assert texts_of(await say(engine, "hej")).startswith("Hej! Jeg er Jobassistenten")
    assert texts_of(await say(engine, "jeg vil tale med et menneske")) == RECORDED
    async with sessions() as s:
        assert [h.status for h in (await s.scalars(select(Handoff).order_by(Handoff.id))).all()] == [
            "closed", "requested"]


async def test_citizen_can_withdraw_a_waiting_request(engine, sessions):
    await say(engine, "jeg vil tale med et menneske")
    replies = await say(engine, "/cancel_handoff")
    assert texts_of(replies) == ("Din henvendelse er trukket tilbage. Skriv bare igen, hvis du får brug for "
                                 "hjælp.")
    assert (await _only_handoff(sessions)).status == "cancelled"
    assert texts_of(await say(engine, "/cancel_handoff")).startswith("Der er ingen henvendelse at trække tilbage")


async def test_crisis_while_a_caseworker_has_it_gets_the_safety_reply_and_priority(engine, services, sessions):
    await say(engine, "jeg vil tale med et menneske")
    handoff = await _only_handoff(sessions)
    await services.handoffs.claim(handoff.id, "Anne Holm")
    assert "Livslinien på 70 201 201" in texts_of(await say(engine, "jeg vil ikke leve mere"))
    assert (await _only_handoff(sessions)).priority == 1


async def test_thirty_claims_at_once_one_wins(any_db_url, fake_nlu, clock):
    from bot.wiring import build_core
    from services.booking import BookingRules
    from services.municipality import load_all
    from store.db import make_engine, make_sessions

    db = make_engine(any_db_url)
    try:
        core = build_core(make_sessions(db), fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000)
        await say(core.engine, "jeg vil tale med et menneske")
        handoff = (await core.services.handoffs.open_for("test:t1"))
        wins = await asyncio.gather(*(core.services.handoffs.claim(handoff.id, f"cw{i}") for i in range(30)))
        assert sum(wins) == 1
        assert (await core.services.handoffs.open_for("test:t1")).claimed_by == f"cw{wins.index(True)}"
    finally:
        await db.dispose()
