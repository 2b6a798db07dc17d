"""Retention: the policy's cutoffs, and the job on SQLite and PostgreSQL (old rows go, new stay, idempotent, parallel)."""
import asyncio
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select

import store.retention as retention_module
from dialogs.turn import Turn
from services.retention import Purged, RetentionPolicy
from store.citizens import CitizenStore
from store.db import make_engine, make_sessions
from store.models import Citizen, Conversation, Event, Handoff, Message, Outbox, StoredFile
from store.retention import RetentionStore

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
POLICY = RetentionPolicy(days=180, anonymous_days=30)


def test_cutoffs_are_the_configured_days_before_now():
    cut = POLICY.cutoffs(NOW)
    assert (cut.history_before, cut.anonymous_before) == (NOW - timedelta(days=180), NOW - timedelta(days=30))


@pytest.mark.parametrize("days, anonymous_days", [(0, 30), (180, 0), (-1, 1)])
def test_a_period_under_one_day_is_refused(days, anonymous_days):
    with pytest.raises(ValueError):
        RetentionPolicy(days, anonymous_days)


def test_a_naive_now_is_refused():
    with pytest.raises(ValueError):
        POLICY.cutoffs(NOW.replace(tzinfo=None))


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


async def citizen(s, channel: str, silent_days: float, subject: str | None = None, handoff: bool = False) -> str:
    """A citizen with one conversation, last active `silent_days` ago, with one message, event, outbox row, file."""
    person = Citizen(subject=subject, created_at=ago(400))
    s.add(person)
    await s.flush()
    cid = f"{channel}:{uuid.uuid4().hex[:8]}"
    s.add(Conversation(id=cid, citizen_id=person.id, channel=channel, state={}, anon_id=str(uuid.uuid4()),
                       created_at=ago(400), updated_at=ago(silent_days)))
    await s.flush()
    s.add_all([Message(conversation_id=cid, direction="in", text="hej", created_at=ago(silent_days)),
               Event(conversation_id=cid, anon_id="a", kind="turn", data={}, created_at=ago(silent_days)),
               Outbox(conversation_id=cid, body={"text": None}, created_at=ago(silent_days)),
               StoredFile(token=uuid.uuid4().hex, conversation_id=cid, name="x.ics", content_type="text/calendar",
                          content=b"x", created_at=ago(silent_days))])
    if handoff:
        s.add(Handoff(conversation_id=cid, reason="other", summary="-", status="requested", created_at=ago(40)))
    return cid


async def counts(sessions) -> dict[str, int]:
    async with sessions() as s:
        return {m.__tablename__: await s.scalar(select(func.count()).select_from(m))
                for m in (Citizen, Conversation, Message, Event, Outbox, StoredFile)}


@pytest.fixture
async def db(any_db_url):
    engine = make_engine(any_db_url)
    sessions = make_sessions(engine)
    yield sessions, RetentionStore(sessions, CitizenStore(sessions))
    await engine.dispose()


async def seed(sessions) -> dict[str, str]:
    async with sessions.begin() as s:
        return {
            "old_telegram": await citizen(s, "telegram", 200),  # its history goes, the conversation stays
            "recent_telegram": await citizen(s, "telegram", 10),
            "silent_anonymous_web": await citizen(s, "web", 40),  # goes whole
            "recent_anonymous_web": await citizen(s, "web", 10),
            "silent_logged_in_web": await citizen(s, "web", 40, subject="mitid-sub-1"),
            "waiting_anonymous_web": await citizen(s, "web", 40, handoff=True),  # a caseworker will answer it
        }


async def test_old_history_and_silent_anonymous_web_chats_go_and_a_rerun_does_nothing(db):
    sessions, store = db
    ids = await seed(sessions)
    before = await counts(sessions)
    purged = await store.purge(POLICY.cutoffs(NOW))
    assert purged == Purged(messages=1, events=1, outbox=1, files=1, anonymous_citizens=1)
    assert await store.purge(POLICY.cutoffs(NOW)) == Purged()  # idempotent
    after = await counts(sessions)
    # The silent anonymous web citizen: citizen, conversation, message, outbox row and file deleted (CASCADE).
    assert after == {"citizens": before["citizens"] - 1, "conversations": before["conversations"] - 1,
                     "messages": before["messages"] - 2, "events": before["events"] - 1,
                     "outbox": before["outbox"] - 2, "files": before["files"] - 2}
    async with sessions() as s:
        kept = set((await s.scalars(select(Conversation.id))).all())
        anonymised = await s.scalar(select(func.count()).select_from(Event).where(Event.conversation_id.is_(None)))
    assert kept == set(ids.values()) - {ids["silent_anonymous_web"]}
    assert anonymised == 1  # its event stays for the counts, linked to no one, until it is 180 days old
    later = await store.purge(POLICY.cutoffs(NOW + timedelta(days=141)))  # that event is now 181 days old
    # 40 days old then: the anonymised event, and those of the logged-in and the waiting chat; the 10-day chat is silent 151 days
    assert later is not None and later.events == 3 and later.anonymous_citizens == 1


async def test_batches_walk_every_old_row(db, monkeypatch):
    sessions, store = db
    monkeypatch.setattr(retention_module, "BATCH", 3)
    async with sessions.begin() as s:
        cid = await citizen(s, "telegram", 1)
        s.add_all(Message(conversation_id=cid, direction="in", text=str(i), created_at=ago(181 + i)) for i in range(10))
    assert (await store.purge(POLICY.cutoffs(NOW))).messages == 10
    async with sessions() as s:
        assert list((await s.scalars(select(Message.text))).all()) == ["hej"]


async def test_parallel_rounds_are_harmless(db):
    """Several workers at once: no error, every old row deleted once, nothing new touched."""
    sessions, store = db
    await seed(sessions)
    before = await counts(sessions)
    results = await asyncio.gather(*(store.purge(POLICY.cutoffs(NOW)) for _ in range(6)))
    done = [r for r in results if r is not None]  # PostgreSQL: a round another worker holds is skipped
    assert done and sum(r.messages for r in done) == 1 and sum(r.events for r in done) == 1
    assert await counts(sessions) == {**before, "citizens": before["citizens"] - 1,
                                      "conversations": before["conversations"] - 1,
                                      "messages": before["messages"] - 2, "events": before["events"] - 1,
                                      "outbox": before["outbox"] - 2, "files": before["files"] - 2}


async def test_a_web_chat_through_the_engine_is_gone_30_days_after_its_last_message(engine, sessions):
    """A fake clock (freezegun) moves the whole application: the chat, then the job a month later."""
    store = RetentionStore(sessions, CitizenStore(sessions))
    with freeze_time("2026-10-01 10:00:00"):
        await engine.handle(Turn("web", "browser-1", "hej"))
    with freeze_time("2026-10-20 10:00:00"):
        await engine.handle(Turn("web", "browser-1", "hvad gemmer I om mig"))
    with freeze_time("2026-11-18 10:00:00"):  # 29 days of silence: kept
        assert await store.purge(POLICY.cutoffs(datetime.now(timezone.utc))) == Purged()
    with freeze_time("2026-11-20 10:00:00"):  # 31 days
        purged = await store.purge(POLICY.cutoffs(datetime.now(timezone.utc)))
    assert purged is not None and purged.anonymous_citizens == 1
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Message)) == 0
        assert await s.get(Conversation, "web:browser-1") is None
