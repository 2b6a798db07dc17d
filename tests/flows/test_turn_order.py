"""Turns of one conversation run one at a time in arrival order, across workers (issue 7, finding 1)."""
import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.wiring import build_core
from services.booking import BookingRules
from services.municipality import load_all
from store.db import make_engine, make_sessions
from store.conversations import ConversationStore
from store.models import Booking, Message, TurnTicket
from store.turns import TurnGate
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import say, texts_of

ANSWERS = {"hej": "Hej! Jeg er Jobassistenten", "tak": "Så lidt!", "farvel": "Tak for nu.",
           "menu": "Jeg er en chatbot. Jeg kan", "er du en robot": "Jeg er en chatbot, ikke"}


@pytest.fixture
async def two_workers(any_db_url, fake_nlu, clock, municipality):
    """Two engines over one database, as two app processes would be."""
    db1, db2 = make_engine(any_db_url), make_engine(any_db_url)
    s1, s2 = make_sessions(db1), make_sessions(db2)
    await publish(s1, municipality)
    cores = [build_core(s, fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000) for s in (s1, s2)]
    yield [c.engine for c in cores], s1
    await db1.dispose()
    await db2.dispose()


async def test_twenty_messages_at_once_are_answered_one_turn_at_a_time(two_workers):
    (a, b), sessions = two_workers
    said = [list(ANSWERS)[i % len(ANSWERS)] for i in range(20)]
    results = await asyncio.gather(*(say(a if i % 2 else b, t, "x") for i, t in enumerate(said)))
    for text, replies in zip(said, results):  # every HTTP answer is the answer to its own message
        assert texts_of(replies).startswith(ANSWERS[text]), (text, texts_of(replies))
    async with sessions() as s:
        rows = (await s.execute(select(Message.direction, Message.text).order_by(Message.id))).all()
        assert await s.scalar(select(func.count()).select_from(TurnTicket)) == 0
    # The transcript never interleaves two turns: each message is followed by its own answer.
    assert [d for d, _ in rows] == ["in", "out"] * 20
    for (_, inbound), (_, outbound) in zip(rows[::2], rows[1::2]):
        assert outbound.startswith(ANSWERS[inbound])


async def test_double_yes_through_two_workers_books_once_and_says_so_once(two_workers):
    """Before: both turns loaded 'confirm'; one booked, the other told the citizen their own slot was taken."""
    (a, b), sessions = two_workers
    offer = await say(a, "jeg vil booke en jobsamtale på telefon", "y")
    first = next(x.payload for r in offer for x in r.buttons if x.payload.startswith("/pick_slot"))
    await say(b, first, "y")
    one, two = await asyncio.gather(say(a, "ja", "y"), say(b, "ja", "y"))
    outcomes = [texts_of(one), texts_of(two)]
    assert sum("Din samtale er booket" in o for o in outcomes) == 1
    assert not any("lige blevet taget" in o for o in outcomes)
    assert "Fint. Hvad vil du gerne?" in outcomes  # the second 'ja' meets no open question any more
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Booking)) == 1


async def _tickets(sessions) -> int:
    async with sessions() as s:
        return await s.scalar(select(func.count()).select_from(TurnTicket))


async def test_the_gate_lets_tickets_through_in_ticket_order(sessions):
    gate, order = TurnGate(sessions), []
    await ConversationStore(sessions).ensure("web:g", "web", "ballerup")
    entered = asyncio.Event()

    async def first() -> None:
        async with gate.turn("web:g"):
            entered.set()
            while await _tickets(sessions) < 6:  # others arrive while this turn runs
                await asyncio.sleep(0.005)
            order.append(0)

    async def later(i: int) -> None:
        async with gate.turn("web:g"):
            order.append(i)

    task = asyncio.create_task(first())
    await entered.wait()
    waiting = []
    for i in range(1, 6):  # arrive one after another while the first turn still runs
        waiting.append(asyncio.create_task(later(i)))
        while await _tickets(sessions) < i + 1:  # its ticket is in line before the next one arrives
            await asyncio.sleep(0.001)
    await asyncio.gather(task, *waiting)
    assert order == [0, 1, 2, 3, 4, 5]


async def test_a_ticket_left_by_a_dead_worker_is_cleared(sessions, clock):
    await ConversationStore(sessions).ensure("web:d", "web", "ballerup")
    async with sessions.begin() as s:
        s.add(TurnTicket(conversation_id="web:d", created_at=clock.now - timedelta(minutes=5)))
    gate = TurnGate(sessions, stale_after=timedelta(seconds=90), clock=clock)
    async with asyncio.timeout(5):
        async with gate.turn("web:d"):
            pass
