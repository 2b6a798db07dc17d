"""Repository for the caseworker side: the transcript since a handoff, private notes, the audit log."""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import AuditEntry, Handoff, HandoffNote, Message

FROM = {"in": "citizen", "out": "bot", "cw": "caseworker"}


@dataclass(frozen=True)
class Line:
    """One message of the conversation as the caseworker sees it (already redacted)."""

    sender: str  # citizen | bot | caseworker
    text: str
    at: datetime


@dataclass(frozen=True)
class Note:
    author: str
    text: str
    at: datetime


class CaseworkStore:
    """Transcript, notes, audit entries and the few handoff fields only the caseworker side changes."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def transcript(self, conversation_id: str, since: datetime, limit: int = 200) -> list[Line]:
        async with self._sessions() as s:
            rows = (await s.scalars(select(Message).where(Message.conversation_id == conversation_id,
                                                          Message.created_at >= since)
                                    .order_by(Message.id).limit(limit))).all()
        return [Line(FROM.get(m.direction, m.direction), m.text, m.created_at) for m in rows]

    async def add_caseworker_message(self, conversation_id: str, text: str) -> None:
        async with self._sessions.begin() as s:
            s.add(Message(conversation_id=conversation_id, direction="cw", text=text))

    async def add_note(self, handoff_id: int, conversation_id: str, author: str, text: str) -> None:
        async with self._sessions.begin() as s:
            s.add(HandoffNote(handoff_id=handoff_id, conversation_id=conversation_id, author=author, text=text))

    async def notes(self, handoff_id: int) -> list[Note]:
        async with self._sessions() as s:
            rows = (await s.scalars(select(HandoffNote).where(HandoffNote.handoff_id == handoff_id)
                                    .order_by(HandoffNote.id))).all()
        return [Note(n.author, n.text, n.created_at) for n in rows]

    async def audit(self, actor: str, action: str, handoff_id: int | None, conversation_id: str | None,
                    detail: str = "") -> None:
        async with self._sessions.begin() as s:
            s.add(AuditEntry(actor=actor, action=action, handoff_id=handoff_id, conversation_id=conversation_id,
                             detail=detail[:200]))

    async def audit_once(self, actor: str, action: str, handoff_id: int, conversation_id: str) -> None:
        """An entry only if this actor has none of this action on this handoff (a page polling 'viewed')."""
        async with self._sessions.begin() as s:
            seen = await s.scalar(select(AuditEntry.id).where(AuditEntry.actor == actor, AuditEntry.action == action,
                                                              AuditEntry.handoff_id == handoff_id).limit(1))
            if seen is None:
                s.add(AuditEntry(actor=actor, action=action, handoff_id=handoff_id, conversation_id=conversation_id))

    async def audit_log(self, limit: int = 200) -> list[AuditEntry]:
        async with self._sessions() as s:
            return list((await s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit))).all())

    async def reassign(self, handoff_id: int, from_name: str, to_name: str) -> bool:
        """Forward a claimed handoff to a colleague (only its current owner can)."""
        async with self._sessions.begin() as s:
            result = await s.execute(update(Handoff).where(Handoff.id == handoff_id, Handoff.status == "claimed",
                                                           Handoff.claimed_by == from_name)
                                     .values(claimed_by=to_name, forwarded_to=to_name))
            return result.rowcount == 1  # type: ignore[attr-defined]

    async def contact(self, handoff_id: int) -> tuple[str, str | None, datetime | None, bool]:
        """(contact method, phone, callback time, consent) of a handoff."""
        async with self._sessions() as s:
            h = await s.get(Handoff, handoff_id)
        if h is None:
            raise LookupError(handoff_id)
        return h.contact, h.phone, h.callback_at, h.consent

    async def mark_notified(self, handoff_id: int, at: datetime) -> bool:
        """Claim the group notification of a handoff (exactly once across workers)."""
        async with self._sessions.begin() as s:
            result = await s.execute(update(Handoff).where(Handoff.id == handoff_id, Handoff.notified_at.is_(None))
                                     .values(notified_at=at))
            return result.rowcount == 1  # type: ignore[attr-defined]
