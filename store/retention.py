"""The retention job's SQL: delete old transcript, events, outbox rows and files, and silent anonymous web chats.

Idempotent: every statement deletes by age, so a second run (or a second worker) finds nothing left to do.
Small batches keep each write transaction short, so turns are never held up behind a long delete on SQLite.
On PostgreSQL a round takes a try-advisory-lock, so two workers do not both walk the same rows; losing it
just skips the round (the other worker is doing it).
"""
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import delete, exists, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.retention import Cutoffs, Purged
from store.citizens import CitizenStore
from store.models import Booking, Citizen, Conversation, Event, Handoff, Message, Outbox, StoredFile

BATCH = 500
ROUND_LOCK = 0x4A0B_7E7E  # PostgreSQL advisory lock key: "a retention round is running"
WEB = "web"  # bot/web.py's channel name; store/ does not import bot/
OPEN_HANDOFF = ("requested", "claimed")


class RetentionStore:
    """Runs one retention round against the database."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], citizens: CitizenStore) -> None:
        self._sessions, self._citizens = sessions, citizens

    async def purge(self, cutoffs: Cutoffs) -> Purged | None:
        """Delete what the cutoffs say; None if another worker holds this round (PostgreSQL)."""
        async with self._round() as mine:
            if not mine:
                return None
            anonymous = await self._anonymous_web(cutoffs)
            return Purged(
                messages=await self._batched(Message, Message.created_at < cutoffs.history_before),
                events=await self._batched(Event, Event.created_at < cutoffs.history_before),
                outbox=await self._batched(Outbox, Outbox.created_at < cutoffs.history_before),
                files=await self._batched(StoredFile, StoredFile.created_at < cutoffs.history_before),
                anonymous_citizens=anonymous)

    @asynccontextmanager
    async def _round(self) -> AsyncIterator[bool]:
        async with self._sessions() as s:
            if s.bind.dialect.name != "postgresql":  # SQLite: one writer at a time anyway; a rerun is a no-op
                yield True
                return
            got = bool(await s.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": ROUND_LOCK}))
            try:
                yield got
            finally:
                if got:
                    await s.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ROUND_LOCK})
                await s.commit()

    async def _batched(self, model: Any, old: Any) -> int:
        """Delete the rows matching `old`, oldest first, BATCH at a time, each batch its own transaction."""
        key = next(iter(model.__table__.primary_key.columns))
        total = 0
        while True:
            async with self._sessions.begin() as s:
                ids = select(key).where(old).order_by(key).limit(BATCH)
                result = await s.execute(delete(model).where(key.in_(ids)).execution_options(
                    synchronize_session=False))
            count = int(result.rowcount or 0)  # type: ignore[attr-defined]
            total += count
            if count < BATCH:
                return total

    async def _anonymous_web(self, cutoffs: Cutoffs) -> int:
        """Delete anonymous citizens whose only chats are web chats silent since the cutoff, as 'slet mine data' does.

        Kept: anyone logged in (subject), anyone with a Telegram or terminal chat, an active booking or an
        open request to a caseworker (someone is still waiting for them).
        """
        before = cutoffs.anonymous_before
        busy = or_(Conversation.channel != WEB, Conversation.updated_at >= before)
        query = (select(Citizen.id).where(
            Citizen.subject.is_(None), Citizen.created_at < before,
            ~exists().where(Conversation.citizen_id == Citizen.id, busy),
            ~exists().where(Booking.citizen_id == Citizen.id, Booking.status == "active"),
            ~exists().where(Handoff.conversation_id == Conversation.id, Conversation.citizen_id == Citizen.id,
                            Handoff.status.in_(OPEN_HANDOFF)))
                 .order_by(Citizen.id).limit(BATCH))
        total = 0
        while True:
            async with self._sessions() as s:
                ids = list((await s.scalars(query)).all())
            for citizen_id in ids:  # one transaction each, exactly the deletion a citizen can ask for
                await self._citizens.delete(citizen_id)
            total += len(ids)
            if len(ids) < BATCH:
                return total
