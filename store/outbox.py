"""Repository for the outbox: every message to a citizen until its channel has delivered it."""
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import Conversation, Outbox
from store.types import utcnow


@dataclass(frozen=True)
class Pending:
    """An undelivered message and the conversation's language to render it in."""

    id: int
    conversation_id: str
    kind: str
    body: dict[str, Any]
    locale: str
    attempts: int = 0


def _pending_query() -> Any:
    return (select(Outbox.id, Outbox.conversation_id, Outbox.kind, Outbox.body, Conversation.locale, Outbox.attempts)
            .join(Conversation, Conversation.id == Outbox.conversation_id)
            .where(Outbox.delivered_at.is_(None)).order_by(Outbox.id))


class OutboxStore:
    """Queue, take (pull channels) or claim-and-mark (push channels) outgoing messages."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add(self, conversation_id: str, kind: str, body: dict[str, Any]) -> int:
        async with self._sessions.begin() as s:
            row = Outbox(conversation_id=conversation_id, kind=kind, body=body)
            s.add(row)
            await s.flush()
            return row.id

    async def take(self, conversation_id: str, now: datetime | None = None) -> list[Pending]:
        """Undelivered messages of a conversation, marked delivered by the same statement (web, terminal).

        One UPDATE ... RETURNING: two takers at once (the page's poll and a turn) can never both get
        a message, on SQLite as on PostgreSQL.
        """
        async with self._sessions.begin() as s:
            locale = await s.scalar(select(Conversation.locale).where(Conversation.id == conversation_id))
            return await take_in(s, conversation_id, locale or "da", now or utcnow())



    async def pending(self, channel: str, now: datetime, conversation_id: str | None = None,
                      limit: int = 200) -> list[Pending]:
        """Undelivered messages of a channel's conversations (or of one), oldest first (push delivery, retries).

        Claimed rows are included: a conversation whose oldest message is claimed must wait, so
        its messages never overtake each other.
        """
        query = _pending_query().where(Conversation.channel == channel).limit(limit)
        if conversation_id is not None:
            query = query.where(Outbox.conversation_id == conversation_id)
        async with self._sessions() as s:
            rows = (await s.execute(query)).all()
        return [Pending(r.id, r.conversation_id, r.kind, r.body, r.locale, r.attempts) for r in rows]

    async def claim(self, outbox_id: int, now: datetime, hold: timedelta) -> bool:
        """Claim a message for sending; False if delivered or claimed by another worker (conditional update)."""
        async with self._sessions.begin() as s:
            result = await s.execute(update(Outbox).where(
                Outbox.id == outbox_id, Outbox.delivered_at.is_(None),
                or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now))
                .values(claimed_until=now + hold, attempts=Outbox.attempts + 1))
            return result.rowcount == 1  # type: ignore[attr-defined]

    async def delivered(self, outbox_id: int, now: datetime | None = None) -> None:
        async with self._sessions.begin() as s:
            await s.execute(update(Outbox).where(Outbox.id == outbox_id).values(delivered_at=now or utcnow()))

    async def retry_later(self, outbox_id: int, at: datetime) -> None:
        """A failed send: keep it claimed until `at`, then any worker retries it."""
        async with self._sessions.begin() as s:
            await s.execute(update(Outbox).where(Outbox.id == outbox_id).values(claimed_until=at))


async def take_in(s: AsyncSession, conversation_id: str, locale: str, now: datetime) -> list[Pending]:
    """The take, inside a caller's transaction (a turn saves and takes in one commit)."""
    taken = (await s.execute(update(Outbox).where(Outbox.conversation_id == conversation_id,
                                                  Outbox.delivered_at.is_(None))
                             .values(delivered_at=now)
                             .returning(Outbox.id, Outbox.kind, Outbox.body, Outbox.attempts))).all()
    return [Pending(r.id, conversation_id, r.kind, r.body, locale, r.attempts) for r in sorted(taken, key=lambda r: r.id)]
