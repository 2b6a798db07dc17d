"""The contract every case-system adapter must pass (services.case.port.CaseSystem).

A new adapter (a fagsystem, the common booking service) adds a Harness factory to IMPLEMENTATIONS: it
provides the system, new citizens with a chat, and one citizen whose caseworker booked meetings for them.
The database implementation runs on SQLite and PostgreSQL.
"""
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace
from typing import Awaitable, Callable

import pytest
from sqlalchemy import select

from services.booking import BookingRules
from services.case.db import DbCaseSystem
from services.case.demo import seed_demo_cases
from services.case.model import CASEWORKER, CITIZEN
from services.case.port import BookingNotFound, CaseSystem, SlotTaken
from services.slots import SlotAdmin
from store.conversations import ConversationStore
from store.db import make_engine, make_sessions
from store.models import Citizen

ANNA = "demo-anna-4f1c"


@dataclass
class Harness:
    system: CaseSystem
    new_citizen: Callable[[str], Awaitable[tuple[int, str]]]  # (citizen id, conversation id)
    known_citizen: int  # has meetings the caseworker booked: fremmøde and video


async def _db_harness(url: str, clock, municipality) -> tuple[Harness, Callable[[], Awaitable[None]]]:
    db = make_engine(url)
    sessions = make_sessions(db)
    await SlotAdmin(sessions, municipality).seed_demo_if_empty(clock.now)
    system = DbCaseSystem.for_municipality(sessions, municipality, BookingRules(), clock)
    await seed_demo_cases(sessions, system, [SimpleNamespace(sub=ANNA, municipality="ballerup")])
    async with sessions() as s:
        anna = await s.scalar(select(Citizen.id).where(Citizen.subject == ANNA))
    store = ConversationStore(sessions)

    async def new_citizen(name: str) -> tuple[int, str]:
        await store.ensure(f"contract:{name}", "contract", "ballerup")
        convo = await store.load(f"contract:{name}")
        return convo.citizen_id, convo.id

    return Harness(system, new_citizen, anna), db.dispose


IMPLEMENTATIONS = {"database": _db_harness}


@pytest.fixture(params=list(IMPLEMENTATIONS))
async def harness(request, any_db_url, clock, municipality):
    made, close = await IMPLEMENTATIONS[request.param](any_db_url, clock, municipality)
    yield made
    await close()


async def test_caseworker_booked_meetings_are_the_citizens_with_their_details(harness):
    meetings = await harness.system.upcoming(harness.known_citizen)
    assert [(m.booked_by, m.mode, m.slot.meeting_type) for m in meetings] == [
        (CASEWORKER, "fremmøde", "jobsamtale"), (CASEWORKER, "video", "opfølgning")]
    attend, video = meetings
    assert attend.place and attend.place.address and attend.place.phone and attend.conversation_id is None
    assert attend.caseworker_contact and attend.caseworker_contact.name == "Anne Holm"
    assert attend.caseworker_contact.phone and attend.caseworker_contact.email
    assert video.video_url and video.video_url.startswith("https://")


async def test_caseworker_and_target_group(harness):
    worker = await harness.system.caseworker(harness.known_citizen)
    assert worker is not None and worker.name == "Anne Holm" and worker.phone
    assert await harness.system.target_group(harness.known_citizen) == "jobparat"
    stranger, _ = await harness.new_citizen("nobody")
    assert await harness.system.caseworker(stranger) is None and await harness.system.target_group(stranger) is None


async def test_free_times_respect_the_notice_and_one_per_time(harness):
    slots = await harness.system.free_slots("jobsamtale", limit=5)
    assert len(slots) == 5 and all(s.starts_at >= harness.system.earliest() for s in slots)
    assert len({s.starts_at for s in slots}) == 5 and slots == sorted(slots, key=lambda s: s.starts_at)
    assert harness.system.deadline() > harness.system.earliest() - timedelta(days=1)


async def test_book_list_move_cancel(harness):
    system = harness.system
    citizen, chat = await harness.new_citizen("a")
    first, second = await system.free_slots("jobsamtale", limit=2)
    booked = await system.book(citizen, chat, first.id, "telefon")
    assert (booked.booked_by, booked.sequence, booked.status) == (CITIZEN, 0, "active")
    assert [m.id for m in await system.upcoming(citizen)] == [booked.id]
    assert await system.is_taken(first.id) and await system.free_slot(first.id) is None
    await system.set_call_number(citizen, booked.id, "12345678")
    assert (await system.get(citizen, booked.id)).call_number == "12345678"
    moved = await system.move(citizen, booked.id, second.id, chat)
    assert (moved.uid, moved.sequence, moved.slot.id, moved.call_number) == (booked.uid, 1, second.id, "12345678")
    assert not await system.is_taken(first.id)
    cancelled = await system.cancel(citizen, booked.id)
    assert (cancelled.status, cancelled.sequence) == ("cancelled", 2)
    assert await system.upcoming(citizen) == [] and await system.free_slot(second.id) is not None


async def test_a_citizen_can_move_a_meeting_the_caseworker_booked(harness):
    system = harness.system
    meeting = (await system.upcoming(harness.known_citizen))[0]
    _, chat = await harness.new_citizen("anna-chat")
    target = (await system.free_slots(meeting.slot.meeting_type, limit=1, exclude=[meeting.slot.id]))[0]
    moved = await system.move(harness.known_citizen, meeting.id, target.id, chat)
    assert (moved.uid, moved.sequence, moved.conversation_id, moved.booked_by) == (meeting.uid, 1, chat, CASEWORKER)


async def test_one_meeting_per_time(harness):
    system = harness.system
    (a, chat_a), (b, chat_b) = await harness.new_citizen("x"), await harness.new_citizen("y")
    slot = (await system.free_slots("jobsamtale", limit=1))[0]
    await system.book(a, chat_a, slot.id, "video")
    with pytest.raises(SlotTaken):
        await system.book(b, chat_b, slot.id, "video")


async def test_no_one_else_sees_or_changes_a_citizens_meeting(harness):
    system = harness.system
    meeting = (await system.upcoming(harness.known_citizen))[0]
    other, _ = await harness.new_citizen("other")
    assert await system.upcoming(other) == []
    with pytest.raises(BookingNotFound):
        await system.get(other, meeting.id)
    with pytest.raises(BookingNotFound):
        await system.cancel(other, meeting.id)
    with pytest.raises(BookingNotFound):
        await system.set_call_number(other, meeting.id, "12345678")
