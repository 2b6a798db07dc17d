"""Turns of one conversation run one at a time, in arrival order, across processes: a ticket queue in the database.

Every turn inserts a ticket (its id is its place in line) and runs when its ticket is the lowest
of its conversation. This works the same on SQLite and PostgreSQL and for any number of app
workers; a ticket left by a crashed worker is removed once it is older than `stale_after`.
"""
import asyncio
import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import AsyncIterator, Awaitable, Callable, Generic, TypeVar
from weakref import WeakValueDictionary

from sqlalchemy import delete, func, insert, literal, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.db import Sessions, serial_writes
from store.models import Conversation, TurnTicket
from store.types import utcnow

log = logging.getLogger(__name__)
Prepare = Callable[[AsyncSession], Awaitable[None]]  # creates the conversation, in the ticket's transaction
T = TypeVar("T")


@dataclass(frozen=True)
class Place(Generic[T]):
    """A turn's ticket, and what `fetch` read in the ticket's transaction when it was first in line (else None)."""

    ticket: int
    seen: T | None = None


class TurnGate:
    """`async with gate.turn(conversation_id):` waits for the earlier turns of that conversation."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], stale_after: timedelta = timedelta(seconds=90),
                 poll_s: float = 0.005, max_poll_s: float = 0.05, clock: Callable[[], datetime] = utcnow) -> None:
        self._sessions, self._stale_after, self._clock = sessions, stale_after, clock
        self._poll_s, self._max_poll_s = poll_s, max_poll_s
        self._arrivals: WeakValueDictionary[str, asyncio.Lock] = WeakValueDictionary()
        self._writes = serial_writes(sessions)
        # Only where writers are serial (SQLite) does the ticket's own transaction see the whole line: on
        # PostgreSQL an earlier ticket may still be uncommitted, so the line is read after the commit (_wait).
        self._line_in_ticket = isinstance(sessions, Sessions) and sessions.serial
        self._left: set[int] = set()  # tickets the turn's own commit removed (ConversationStore.save_turn)

    def left(self, ticket: int) -> None:
        """The turn's save removed its ticket in the same commit: no second write transaction to remove it."""
        self._left.add(ticket)

    @asynccontextmanager
    async def turn(self, conversation_id: str, prepare: Prepare | None = None,
                   fetch: Callable[[AsyncSession], Awaitable[T]] | None = None) -> AsyncIterator[Place[T]]:
        """Take a ticket and wait for the earlier ones; `prepare` creates the conversation, in the ticket's
        transaction, when the ticket finds none (without `prepare` the ticket is taken unconditionally).

        `fetch` (e.g. loading the conversation) runs in the ticket's transaction when the ticket is first in line
        there: nothing can change the conversation's turns after it, so the turn needs no second read.
        """
        # Within a process, messages take their tickets in the order they arrived here (asyncio.Lock is
        # first come, first served); across processes the database's ticket order decides.
        arrival = self._arrivals.setdefault(conversation_id, asyncio.Lock())
        async with arrival:
            place, first = await self._enqueue(conversation_id, prepare, fetch)
        try:
            if not first:
                await self._wait(conversation_id, place.ticket)
            yield place
        finally:
            if place.ticket in self._left:
                self._left.discard(place.ticket)
            else:  # shielded: a cancelled request must still leave the line, or it blocks the conversation
                await asyncio.shield(self._release(place.ticket))

    async def _enqueue(self, conversation_id: str, prepare: Prepare | None,
                       fetch: Callable[[AsyncSession], Awaitable[T]] | None) -> tuple[Place[T], bool]:
        """The ticket, and (on SQLite) whether it is first in line: one write transaction, so most turns need no poll.

        The line is read after the ticket's INSERT: on SQLite the transaction holds the write lock by then, so
        every earlier ticket is committed and seen. Elsewhere the answer is False and _wait reads the line.
        """
        try:
            return await self._take(conversation_id, prepare, fetch)
        except IntegrityError:  # prepare lost a race with another worker's (two first messages at once): again
            return await self._take(conversation_id, prepare, fetch)

    async def _take(self, conversation_id: str, prepare: Prepare | None,
                    fetch: Callable[[AsyncSession], Awaitable[T]] | None) -> tuple[Place[T], bool]:
        async with self._writes, self._sessions.begin() as s:
            ticket, head = await self._insert(s, conversation_id, exists=prepare is not None)
            if ticket is None:  # no such conversation yet: create it (prepare), then the ticket
                assert prepare is not None
                await prepare(s)
                ticket, head = await self._insert(s, conversation_id, exists=False)
            assert ticket is not None
            if not self._line_in_ticket or head != ticket:
                return Place(ticket), False
            # Read under the write lock the ticket holds: no other writer of this file can come in between.
            return Place(ticket, await fetch(s) if fetch is not None else None), True

    async def _insert(self, s: AsyncSession, conversation_id: str, exists: bool) -> tuple[int | None, int | None]:
        """The ticket's INSERT (only if the conversation exists, with `exists`) and, on SQLite, the head of its line.

        One statement instead of a look-up, an INSERT and a SELECT min(). On SQLite the RETURNING subquery
        sees the new row, under the write lock the INSERT took, so the head is exact; on PostgreSQL it would
        not see it, and the head is not asked for there (_wait reads the line after the commit).
        """
        values = select(literal(conversation_id), literal(self._clock(), TurnTicket.created_at.type))
        if exists:
            values = values.where(select(Conversation.id).where(Conversation.id == conversation_id).exists())
        head = select(func.min(TurnTicket.id)).where(TurnTicket.conversation_id == conversation_id)
        returning = (TurnTicket.id, head.scalar_subquery()) if self._line_in_ticket else (TurnTicket.id,)
        row = (await s.execute(insert(TurnTicket).from_select(["conversation_id", "created_at"], values)
                               .returning(*returning))).one_or_none()
        if row is None:
            return None, None
        return row[0], (row[1] if self._line_in_ticket else None)

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
