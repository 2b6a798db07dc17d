"""Turns of one conversation run one at a time, in arrival order, across processes: a ticket queue in the database.

Every turn inserts a ticket (its id is its place in line) and runs when its ticket is the lowest
of its conversation. This works the same on SQLite and PostgreSQL and for any number of app
workers; a ticket left by a crashed worker is removed once it is older than `stale_after`.
"""
import asyncio
import logging
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import AsyncIterator, Awaitable, Callable
from weakref import WeakValueDictionary

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.db import serial_writes
from store.models import TurnTicket
from store.types import utcnow

log = logging.getLogger(__name__)


class TurnGate:
    """`async with gate.turn(conversation_id):` waits for the earlier turns of that conversation."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], stale_after: timedelta = timedelta(seconds=90),
                 poll_s: float = 0.005, max_poll_s: float = 0.05, clock: Callable[[], datetime] = utcnow) -> None:
        self._sessions, self._stale_after, self._clock = sessions, stale_after, clock
        self._poll_s, self._max_poll_s = poll_s, max_poll_s
        self._arrivals: WeakValueDictionary[str, asyncio.Lock] = WeakValueDictionary()
        self._writes = serial_writes(sessions)
        self._left: set[int] = set()  # tickets the turn's own commit removed (ConversationStore.save_turn)

    def left(self, ticket: int) -> None:
        """The turn's save removed its ticket in the same commit: no second write transaction to remove it."""
        self._left.add(ticket)

    @asynccontextmanager
    async def turn(self, conversation_id: str,
                   prepare: Callable[[], Awaitable[None]] | None = None) -> AsyncIterator[int]:
        """Take a ticket (after `prepare`, e.g. creating the conversation) and wait for the earlier ones."""
        # Within a process, messages take their tickets in the order they arrived here (asyncio.Lock is
        # first come, first served); across processes the database's ticket order decides.
        arrival = self._arrivals.setdefault(conversation_id, asyncio.Lock())
        async with arrival:
            if prepare is not None:
                await prepare()
            ticket = await self._enqueue(conversation_id)
        try:
            await self._wait(conversation_id, ticket)
            yield ticket
        finally:
            if ticket in self._left:
                self._left.discard(ticket)
            else:  # shielded: a cancelled request must still leave the line, or it blocks the conversation
                await asyncio.shield(self._release(ticket))

    async def _enqueue(self, conversation_id: str) -> int:
        async with self._writes, self._sessions.begin() as s:
            ticket = TurnTicket(conversation_id=conversation_id, created_at=self._clock())
            s.add(ticket)
            await s.flush()
            return ticket.id

    async def _wait(self, conversation_id: str, ticket: int) -> None:
        delay = self._poll_s
        while True:
            async with self._sessions() as s:
                head = await s.scalar(select(func.min(TurnTicket.id)).where(
                    TurnTicket.conversation_id == conversation_id))
                if head is None or head >= ticket:
                    return
                started = await s.scalar(select(TurnTicket.created_at).where(TurnTicket.id == head))
            if started is not None and self._clock() - started > self._stale_after:
                log.warning("removing a stale turn ticket (a worker died mid-turn)")
                await self._release(head)
                continue
            await asyncio.sleep(delay)
            delay = min(delay * 2, self._max_poll_s)

    async def _release(self, ticket: int) -> None:
        async with self._writes, self._sessions.begin() as s:
            await s.execute(delete(TurnTicket).where(TurnTicket.id == ticket))
