"""Repository for citizens, conversations, messages, handoffs and files."""
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import Booking, Citizen, Conversation, Handoff, Message, Outbox, StoredFile
from store.types import utcnow


@dataclass
class ConversationState:
    """The engine's view of a conversation: who, which flow, that flow's state."""

    id: str
    citizen_id: int
    channel: str
    flow: str | None = None
    state: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredMessage:
    """A logged message (already redacted)."""

    direction: str
    text: str
    intent: str | None
    created_at: datetime


class ConversationStore:
    """All conversation-side persistence; each method is one explicit transaction."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def load(self, conversation_id: str, channel: str) -> ConversationState:
        """The conversation, created with a new citizen on first contact."""
        try:
            return await self._load_or_create(conversation_id, channel)
        except IntegrityError:  # two first messages at once: the other one created it, so read that
            return await self._load_or_create(conversation_id, channel)

    async def _load_or_create(self, conversation_id: str, channel: str) -> ConversationState:
        async with self._sessions.begin() as s:
            convo = await s.get(Conversation, conversation_id)
            if convo is None:
                citizen = Citizen()
                s.add(citizen)
                await s.flush()
                convo = Conversation(id=conversation_id, citizen_id=citizen.id, channel=channel, state={})
                s.add(convo)
                await s.flush()
            return ConversationState(convo.id, convo.citizen_id, convo.channel, convo.flow, dict(convo.state or {}))

    async def save_turn(self, convo: ConversationState, inbound: str, intent: str | None,
                        confidence: float | None, outbound: list[str]) -> None:
        """Persist the flow state and the (redacted) messages of one turn."""
        async with self._sessions.begin() as s:
            row = await s.get(Conversation, convo.id)
            if row is None:  # deleted during this turn ("slet mine data")
                return
            row.flow, row.state = convo.flow, convo.state
            s.add(Message(conversation_id=convo.id, direction="in", text=inbound, intent=intent, confidence=confidence))
            s.add_all(Message(conversation_id=convo.id, direction="out", text=t) for t in outbound)

    async def recent_messages(self, conversation_id: str, limit: int = 12) -> list[StoredMessage]:
        """The last messages, oldest first (for handoff summaries)."""
        async with self._sessions() as s:
            rows = (await s.scalars(select(Message).where(Message.conversation_id == conversation_id)
                                    .order_by(Message.id.desc()).limit(limit))).all()
        return [StoredMessage(m.direction, m.text, m.intent, m.created_at) for m in reversed(rows)]

    async def request_handoff(self, conversation_id: str, reason: str, summary: str) -> bool:
        """Open a handoff; False if one is already open (a crisis escalates that one instead).

        One open request per conversation is a partial unique index, so double taps and
        parallel workers cannot create two.
        """
        try:
            async with self._sessions.begin() as s:
                s.add(Handoff(conversation_id=conversation_id, reason=reason, summary=summary))
            return True
        except IntegrityError:
            if reason == "crisis":
                async with self._sessions.begin() as s:
                    await s.execute(update(Handoff).where(Handoff.conversation_id == conversation_id,
                                                          Handoff.status == "open")
                                    .values(reason=reason, summary=summary))
            return False

    async def add_file(self, conversation_id: str, name: str, content_type: str, content: bytes) -> str:
        """Store a file for the citizen; returns its unguessable token."""
        token = secrets.token_urlsafe(24)
        async with self._sessions.begin() as s:
            s.add(StoredFile(token=token, conversation_id=conversation_id, name=name,
                             content_type=content_type, content=content))
        return token

    async def get_file(self, token: str) -> StoredFile | None:
        async with self._sessions() as s:
            return await s.get(StoredFile, token)

    async def pending_outbox(self, conversation_id: str) -> list[tuple[int, str]]:
        """Undelivered outbox messages (id, text), for push channels that mark them after sending."""
        async with self._sessions() as s:
            rows = (await s.execute(select(Outbox.id, Outbox.text).where(
                Outbox.conversation_id == conversation_id, Outbox.delivered_at.is_(None)).order_by(Outbox.id))).all()
        return [(r.id, r.text) for r in rows]

    async def mark_delivered(self, outbox_id: int) -> None:
        async with self._sessions.begin() as s:
            await s.execute(update(Outbox).where(Outbox.id == outbox_id).values(delivered_at=utcnow()))

    async def take_outbox(self, conversation_id: str) -> list[str]:
        """Undelivered assistant-initiated messages, marked delivered in the same transaction."""
        async with self._sessions.begin() as s:
            rows = (await s.scalars(select(Outbox).where(Outbox.conversation_id == conversation_id,
                                                         Outbox.delivered_at.is_(None)).order_by(Outbox.id))).all()
            for row in rows:
                row.delivered_at = utcnow()
            return [r.text for r in rows]

    async def citizen_data(self, citizen_id: int) -> dict[str, Any]:
        """Everything stored about a citizen, for 'se mine data' and the export."""
        async with self._sessions() as s:
            convos = (await s.scalars(select(Conversation).where(Conversation.citizen_id == citizen_id))).all()
            ids = [c.id for c in convos]
            msgs = (await s.scalars(select(Message).where(Message.conversation_id.in_(ids)).order_by(Message.id))).all()
            handoffs = (await s.scalars(select(Handoff).where(Handoff.conversation_id.in_(ids)))).all()
            bookings = (await s.scalars(select(Booking).where(Booking.citizen_id == citizen_id))).all()
        return {
            "conversations": [{"id": c.id, "channel": c.channel, "created_at": c.created_at.isoformat()} for c in convos],
            "messages": [{"direction": m.direction, "text": m.text, "at": m.created_at.isoformat()} for m in msgs],
            "handoffs": [{"reason": h.reason, "status": h.status, "at": h.created_at.isoformat()} for h in handoffs],
            "bookings": [{"uid": b.uid, "slot_id": b.slot_id, "status": b.status} for b in bookings],
        }

    async def delete_citizen(self, citizen_id: int) -> None:
        """Delete the citizen and everything linked (bookings go, so their slots are free again)."""
        async with self._sessions.begin() as s:
            await s.execute(delete(Booking).where(Booking.citizen_id == citizen_id))
            await s.execute(delete(Citizen).where(Citizen.id == citizen_id))
