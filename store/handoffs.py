"""Repository for handoffs: the lifecycle requested → claimed → closed (or cancelled), guarded by the database."""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import Conversation, Event, Handoff

REQUESTED, CLAIMED, CLOSED, CANCELLED = "requested", "claimed", "closed", "cancelled"
OPEN = (REQUESTED, CLAIMED)


@dataclass(frozen=True)
class Contact:
    """How the citizen wants to be reached; the phone number is stored on the handoff only."""

    method: str = "chat"  # chat | phone | callback
    phone: str | None = None
    callback_at: datetime | None = None
    consent: bool = True  # may the caseworker see the conversation summary


@dataclass(frozen=True)
class HandoffView:
    id: int
    conversation_id: str
    reason: str
    summary: str
    status: str
    priority: int
    claimed_by: str | None
    created_at: datetime
    end_status: str | None


def _view(h: Handoff) -> HandoffView:
    return HandoffView(h.id, h.conversation_id, h.reason, h.summary, h.status, h.priority, h.claimed_by,
                       h.created_at, h.end_status)


class HandoffStore:
    """Each change is one conditional UPDATE, so two caseworkers or workers can never both win."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def create(self, conversation_id: str, reason: str, summary: str, priority: int,
                     contact: Contact | None = None) -> HandoffView | None:
        """A new request; None when the conversation already has an open one (a partial unique index)."""
        c = contact or Contact()
        try:
            async with self._sessions.begin() as s:
                row = Handoff(conversation_id=conversation_id, reason=reason, summary=summary, priority=priority,
                              status=REQUESTED, contact=c.method, phone=c.phone, callback_at=c.callback_at,
                              consent=c.consent)
                s.add(row)
                await s.flush()
                return _view(row)
        except IntegrityError:
            return None

    async def open_for(self, conversation_id: str) -> HandoffView | None:
        async with self._sessions() as s:
            row = await s.scalar(select(Handoff).where(Handoff.conversation_id == conversation_id,
                                                       Handoff.status.in_(OPEN)))
            return _view(row) if row else None

    async def get(self, handoff_id: int) -> HandoffView | None:
        async with self._sessions() as s:
            row = await s.get(Handoff, handoff_id)
            return _view(row) if row else None

    async def escalate(self, handoff_id: int, reason: str, summary: str, priority: int) -> None:
        async with self._sessions.begin() as s:
            await s.execute(update(Handoff).where(Handoff.id == handoff_id, Handoff.status.in_(OPEN))
                            .values(reason=reason, summary=summary, priority=priority))

    async def claim(self, handoff_id: int, caseworker: str, now: datetime) -> bool:
        """requested → claimed by one caseworker; the conversation goes to 'human' in the same transaction."""
        async with self._sessions.begin() as s:
            result = await s.execute(update(Handoff).where(Handoff.id == handoff_id, Handoff.status == REQUESTED)
                                     .values(status=CLAIMED, claimed_by=caseworker, claimed_at=now))
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            await self._set_mode(s, handoff_id, "human")
            await self._event(s, handoff_id, "handoff_claimed", now)
            return True

    async def close(self, handoff_id: int, end_status: str, now: datetime) -> bool:
        """claimed or requested → closed; the assistant has the conversation again."""
        return await self._end(handoff_id, OPEN, CLOSED, end_status, now)

    async def cancel(self, handoff_id: int, now: datetime) -> bool:
        """The citizen withdraws a request nobody has claimed yet."""
        return await self._end(handoff_id, (REQUESTED,), CANCELLED, "cancelled_by_citizen", now)

    async def _end(self, handoff_id: int, from_: tuple[str, ...], to: str, end_status: str, now: datetime) -> bool:
        async with self._sessions.begin() as s:
            result = await s.execute(update(Handoff).where(Handoff.id == handoff_id, Handoff.status.in_(from_))
                                     .values(status=to, end_status=end_status, closed_at=now))
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            await self._set_mode(s, handoff_id, "bot")
            await self._event(s, handoff_id, "handoff_ended", now, status=to, end_status=end_status)
            return True

    @staticmethod
    async def _event(s: AsyncSession, handoff_id: int, kind: str, now: datetime, **data: str) -> None:
        """The step's timing for the statistics, in the same transaction; kept anonymised when the citizen goes."""
        row = (await s.execute(select(Handoff.conversation_id, Handoff.created_at, Conversation.anon_id).join(
            Conversation, Conversation.id == Handoff.conversation_id).where(Handoff.id == handoff_id))).one()
        s.add(Event(conversation_id=row.conversation_id, anon_id=row.anon_id, kind=kind,
                    data={"handoff_id": handoff_id, "seconds": round((now - row.created_at).total_seconds()), **data}))

    @staticmethod
    async def _set_mode(s: AsyncSession, handoff_id: int, mode: str) -> None:
        conversation = select(Handoff.conversation_id).where(Handoff.id == handoff_id).scalar_subquery()
        await s.execute(update(Conversation).where(Conversation.id == conversation).values(mode=mode))

    async def queue(self, statuses: tuple[str, ...]) -> list[HandoffView]:
        """Most urgent first: crisis, then oldest."""
        async with self._sessions() as s:
            rows = (await s.scalars(select(Handoff).where(Handoff.status.in_(statuses))
                                    .order_by(Handoff.priority.desc(), Handoff.created_at, Handoff.id))).all()
        return [_view(h) for h in rows]

    async def ahead_of(self, handoff_id: int) -> int:
        """Waiting requests that come before this one (higher priority, or as urgent and older)."""
        async with self._sessions() as s:
            me = await s.get(Handoff, handoff_id)
            if me is None:
                return 0
            return int(await s.scalar(select(func.count()).select_from(Handoff).where(
                Handoff.status == REQUESTED, Handoff.id != me.id,
                or_(Handoff.priority > me.priority,
                    and_(Handoff.priority == me.priority, Handoff.created_at <= me.created_at)))) or 0)

    async def recent_claim_minutes(self, limit: int = 20) -> list[float]:
        """Minutes from request to claim of the latest claimed handoffs (for the expected wait)."""
        async with self._sessions() as s:
            rows = (await s.execute(select(Handoff.created_at, Handoff.claimed_at).where(
                Handoff.claimed_at.is_not(None)).order_by(Handoff.claimed_at.desc()).limit(limit))).all()
        return [(claimed - created).total_seconds() / 60 for created, claimed in rows]
