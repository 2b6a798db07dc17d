"""30 conversations confirm the same slot at once: exactly one gets it, on SQLite and on PostgreSQL."""
import asyncio

from sqlalchemy import func, select

from bot.wiring import build_core
from services.booking import BookingRules, BookingService, SlotTaken
from services.municipality import load_all
from store.conversations import ConversationStore
from store.db import make_engine, make_sessions
from store.models import Booking
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import say, texts_of

N = 30


async def test_thirty_at_once_exactly_one_books(any_db_url, texts, clock, municipality, fake_nlu):
    db = make_engine(any_db_url)
    try:
        sessions = make_sessions(db)
        await publish(sessions, municipality)
        engine = build_core(sessions, fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000).engine
        senders = [f"c{i}" for i in range(N)]
        for sender in senders:  # everyone is at the confirmation of the same (first) slot
            offer = await say(engine, "jeg vil booke en jobsamtale på telefon", sender)
            first = next(b.payload for r in offer for b in r.buttons if b.payload.startswith("/pick_slot"))
            await say(engine, first, sender)
        results = await asyncio.gather(*(say(engine, "ja", s) for s in senders))
        outcomes = [texts_of(r) for r in results]
        assert sum("booket" in o for o in outcomes) == 1
        losers = [r for r, o in zip(results, outcomes) if "booket" not in o]
        assert all("lige blevet taget" in texts_of(r) for r in losers)
        assert all(any(b.payload.startswith("/pick_slot") and first not in b.payload for x in r for b in x.buttons)
                   for r in losers)
        async with sessions() as s:
            assert await s.scalar(select(func.count()).select_from(Booking)) == 1
    finally:
        await db.dispose()


async def test_service_level_race_on_one_slot(any_db_url, clock, municipality):
    """The database, not Python, refuses the second booking: 30 direct book() calls, one winner."""
    db = make_engine(any_db_url)
    try:
        sessions = make_sessions(db)
        await publish(sessions, municipality)
        booking = BookingService(sessions, municipality, BookingRules(), clock)
        store = ConversationStore(sessions)
        for i in range(N):
            await store.ensure(f"race:{i}", "race", "ballerup")
        convos = [await store.load(f"race:{i}") for i in range(N)]
        slot = (await booking.free_slots("jobsamtale", limit=1))[0]
        results = await asyncio.gather(*(booking.book(c.citizen_id, c.id, slot.id, "telefon") for c in convos),
                                       return_exceptions=True)
        assert sum(not isinstance(r, Exception) for r in results) == 1
        assert all(isinstance(r, SlotTaken) for r in results if isinstance(r, Exception))
    finally:
        await db.dispose()
