"""Repository for conversations and their transcript: load, save a turn atomically, recent messages."""
import uuid
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Iterable

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.db import serial_writes
from store.models import Citizen, Conversation, Event, Message, Outbox, TurnTicket
from store.outbox import Pending, take_in


@dataclass
class ConversationState:
    """The engine's view of a conversation: who, which flow and its raw state, language, municipality, mode."""

    id: str
    citizen_id: int
    channel: str
    flow: str | None = None
    state: dict[str, Any] = field(default_factory=dict)
    locale: str = "da"
    municipality: str = ""
    mode: str = "bot"
    version: int = 0
    anon_id: str = ""
    language_asked: bool = False  # "Continue in English?" was asked (once per conversation)


@dataclass(frozen=True)
class StoredMessage:
    """A logged message (already redacted)."""

    direction: str
    text: str
    intent: str | None
    created_at: datetime


@dataclass(frozen=True)
class NewEvent:
    """An event of a turn, written with the turn."""

    kind: str
    data: dict[str, Any]


@dataclass
class TurnRecord:
    """Everything one turn writes, in one transaction: state, transcript, messages to send, events."""

    inbound: str
    intent: str | None
    confidence: float | None
    transcript_out: list[str]
    outgoing: list[tuple[str, dict[str, Any]]]  # (kind, services.outgoing.to_json body)
    events: list[NewEvent]


class StaleConversation(RuntimeError):
    """The conversation was saved by another turn meanwhile (the version moved); nothing was written."""


# The view's fields are the table's columns of the same names: read as a plain row, no ORM object per load.
_VIEW = select(*(getattr(Conversation, f.name) for f in fields(ConversationState)))


async def _load_in(s: AsyncSession, conversation_id: str) -> ConversationState | None:
    row = (await s.execute(_VIEW.where(Conversation.id == conversation_id))).one_or_none()
    if row is None:
        return None
    convo = ConversationState(*row)
    convo.state = dict(convo.state or {})  # the turn's own copy
    return convo


async def _insert(s: AsyncSession, model: type[Message] | type[Event] | type[Outbox],
                  rows: list[dict[str, Any]]) -> None:
    """Rows of one table in one executemany (no ORM objects); nothing for no rows."""
    if rows:
        await s.execute(insert(model), rows)


class ConversationStore:
    """Conversations and messages; each method is one explicit transaction."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._writes = serial_writes(sessions)

    async def ensure(self, conversation_id: str, channel: str, municipality: str) -> None:
        """Create the conversation (and a new citizen) on first contact; a no-op afterwards."""
        try:
            async with self._sessions.begin() as s:
                await self.create_in(s, conversation_id, channel, municipality)
        except IntegrityError:  # two first messages at once: the other one created it
            pass

    async def create_in(self, s: AsyncSession, conversation_id: str, channel: str, municipality: str) -> None:
        """ensure() inside a caller's transaction (a turn's ticket); an IntegrityError means another created it."""
        if await s.scalar(select(Conversation.id).where(Conversation.id == conversation_id)) is not None:
            return
        citizen = Citizen()
        s.add(citizen)
        await s.flush()
        s.add(Conversation(id=conversation_id, citizen_id=citizen.id, channel=channel, state={},
                           municipality=municipality, anon_id=str(uuid.uuid4())))
        await s.flush()

    async def load(self, conversation_id: str) -> ConversationState | None:
        async with self._sessions() as s:
            return await _load_in(s, conversation_id)

    async def load_in(self, s: AsyncSession, conversation_id: str) -> ConversationState | None:
        """load() inside a caller's transaction (a turn's ticket, when it is first in line)."""
        return await _load_in(s, conversation_id)

    async def save_turn(self, convo: ConversationState, record: TurnRecord, ticket: int | None = None,
                        take_at: datetime | None = None) -> list[Pending] | None:
        """Persist state, transcript, outgoing messages and events together; None if the conversation is gone.

        In the same commit the turn leaves the line (its ticket) and, with take_at, takes the
        conversation's undelivered messages (web, terminal): one write transaction per turn.

        The UPDATE is conditional on the version the turn started from, so a turn that raced
        another (which the turn gate prevents) writes nothing instead of overwriting it.
        """
        async with self._writes, self._sessions.begin() as s:
            # The UPDATE first: it is what almost every turn does; only when it matches nothing do we ask why.
            result = await s.execute(
                update(Conversation).where(Conversation.id == convo.id, Conversation.version == convo.version)
                .values(flow=convo.flow, state=convo.state, locale=convo.locale,
                        language_asked=convo.language_asked, version=convo.version + 1))
            if result.rowcount != 1:  # type: ignore[attr-defined]
                if await s.scalar(select(Conversation.id).where(Conversation.id == convo.id)) is not None:
                    raise StaleConversation(convo.id)
                # deleted during this turn ("slet mine data"): only anonymous events remain
                await _insert(s, Event, [{"conversation_id": None, "anon_id": convo.anon_id, "kind": e.kind,
                                          "data": e.data} for e in record.events])
                return None
            # Bulk INSERTs (one statement per table, rows in order, so ids keep the transcript's order): the
            # unit of work's per-object bookkeeping was the largest cost of a turn.
            await _insert(s, Message, [
                {"conversation_id": convo.id, "direction": "in", "text": record.inbound, "intent": record.intent,
                 "confidence": record.confidence},
                *({"conversation_id": convo.id, "direction": "out", "text": t, "intent": None, "confidence": None}
                  for t in record.transcript_out)])
            await _insert(s, Event, [{"conversation_id": convo.id, "anon_id": convo.anon_id, "kind": e.kind,
                                      "data": e.data} for e in record.events])
            await _insert(s, Outbox, [{"conversation_id": convo.id, "kind": kind, "body": body}
                                      for kind, body in record.outgoing])
            if ticket is not None:
                await s.execute(delete(TurnTicket).where(TurnTicket.id == ticket))
            taken = await take_in(s, convo.id, convo.locale, take_at) if take_at is not None else []
            convo.version += 1
            return taken

    async def add_events(self, convo: ConversationState, events: Iterable[NewEvent]) -> None:
        async with self._sessions.begin() as s:
            s.add_all(Event(conversation_id=convo.id, anon_id=convo.anon_id, kind=e.kind, data=e.data)
                      for e in events)

    async def recent_messages(self, conversation_id: str, limit: int = 12,
                              upto_id: int | None = None) -> list[StoredMessage]:
        """The last messages (up to a message id, if given), oldest first (for handoff summaries)."""
        query = select(Message).where(Message.conversation_id == conversation_id)
        if upto_id is not None:
            query = query.where(Message.id <= upto_id)
        async with self._sessions() as s:
            rows = (await s.scalars(query.order_by(Message.id.desc()).limit(limit))).all()
        return [StoredMessage(m.direction, m.text, m.intent, m.created_at) for m in reversed(rows)]

    async def recent_outgoing(self, conversation_id: str, limit: int = 6) -> list[dict[str, Any]]:
        """The latest outgoing message bodies, newest first (to name the button a payload came from)."""
        async with self._sessions() as s:
            return list((await s.scalars(select(Outbox.body).where(Outbox.conversation_id == conversation_id)
                                         .order_by(Outbox.id.desc()).limit(limit))).all())

    async def last_message_id(self, conversation_id: str) -> int:
        async with self._sessions() as s:
            return int(await s.scalar(select(func.max(Message.id)).where(
                Message.conversation_id == conversation_id)) or 0)

    async def set_mode(self, conversation_id: str, mode: str) -> None:
        async with self._sessions.begin() as s:
            await s.execute(update(Conversation).where(Conversation.id == conversation_id).values(mode=mode))

    async def drop_tickets(self, conversation_id: str) -> None:
        """For tests and admin: forget queued turns of a conversation."""
        async with self._sessions.begin() as s:
            await s.execute(delete(TurnTicket).where(TurnTicket.conversation_id == conversation_id))
