"""The caseworker side of a handoff: queue, claim, reply, note, forward, close — audited, relayed to the citizen."""
import logging
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any, Awaitable, Callable

from nlu.client import make_payload
from services.handoff import HandoffService
from services.outgoing import Button, OutMessage, Text, Verbatim, to_json
from services.redact import redact
from store.casework import CaseworkStore, Line, Note
from store.handoffs import CLAIMED, CLOSED, OPEN, REQUESTED, HandoffStore, HandoffView
from store.outbox import OutboxStore

log = logging.getLogger(__name__)
STATUSES = {"open": (REQUESTED,), "claimed": (CLAIMED,), "closed": (CLOSED, "cancelled")}
END_STATUSES = ("løst", "videresendt", "borgeren_gik", "ring_op", "ikke_relevant")


class Outcome(Enum):
    OK = "ok"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"  # someone else has it, or it is not in a state that allows this


@dataclass(frozen=True)
class HandoffDetail:
    handoff: HandoffView
    messages: list[Line]
    notes: list[Note]
    contact: str
    phone: str | None
    callback_at: datetime | None
    extra: dict[str, Any] = field(default_factory=dict)


Notify = Callable[[list[str]], Awaitable[None]]


@dataclass(frozen=True)
class StaffEvent:
    """Something caseworkers' channels show: a new request, a citizen's message while live, a claim, a close."""

    kind: str  # requested | citizen_message | claimed | replied | closed | forwarded | cancelled
    handoff_id: int
    text: str = ""  # redacted: the citizen's message, or the caseworker's reply
    actor: str = ""  # the caseworker's name, for claimed / replied / closed / forwarded


StaffListener = Callable[[StaffEvent], Awaitable[None]]


class StaffEvents:
    """Fan-out to caseworker channels (the Telegram group); published only after the change is committed."""

    def __init__(self) -> None:
        self._listeners: list[StaffListener] = []

    def subscribe(self, listener: StaffListener) -> None:
        self._listeners.append(listener)

    async def publish(self, event: StaffEvent) -> None:
        for listener in self._listeners:
            try:
                await listener(event)
            except Exception:  # noqa: BLE001 - a channel's failure must not undo the change; its own retry loop catches up
                log.exception("staff channel failed on %s", event.kind)


class Inbox:
    """Every caseworker action: one database change, one audit entry, and a message to the citizen if any."""

    def __init__(self, handoffs: HandoffService, store: HandoffStore, casework: CaseworkStore, outbox: OutboxStore,
                 clock: Callable[[], datetime], events: StaffEvents) -> None:
        self._handoffs, self._store, self._casework, self._outbox, self._clock = handoffs, store, casework, outbox, clock
        self._listeners: list[Notify] = []
        self.events = events

    def on_citizen_message(self, notify: Notify) -> None:
        """Push channels register here to deliver caseworker messages at once (Telegram)."""
        self._listeners.append(notify)

    async def _tell_citizen(self, conversation_id: str, message: OutMessage, kind: str = "caseworker") -> None:
        await self._outbox.add(conversation_id, kind, to_json(message))
        for notify in self._listeners:
            try:
                await notify([conversation_id])
            except Exception:  # noqa: BLE001 - the message is safe in the outbox; the retry loop delivers it
                log.exception("immediate delivery failed; left to the retry loop")

    async def queue(self, status: str) -> list[HandoffView]:
        return await self._store.queue(STATUSES.get(status, OPEN))

    async def detail(self, handoff_id: int, actor: str) -> HandoffDetail | None:
        handoff = await self._store.get(handoff_id)
        if handoff is None:
            return None
        contact, phone, callback_at, _ = await self._casework.contact(handoff_id)
        await self._casework.audit_once(actor, "viewed", handoff_id, handoff.conversation_id)
        return HandoffDetail(handoff, await self._casework.transcript(handoff.conversation_id, handoff.created_at),
                             await self._casework.notes(handoff_id), contact, phone, callback_at)

    async def claim(self, handoff_id: int, actor: str, name: str) -> Outcome:
        handoff = await self._store.get(handoff_id)
        if handoff is None:
            return Outcome.NOT_FOUND
        if not await self._handoffs.claim(handoff_id, name):
            return Outcome.CONFLICT
        await self._casework.audit(actor, "claimed", handoff_id, handoff.conversation_id)
        await self._tell_citizen(handoff.conversation_id, OutMessage(Text("handoff.claimed", {"name": name})), "system")
        await self.events.publish(StaffEvent("claimed", handoff_id, actor=name))
        return Outcome.OK

    async def reply(self, handoff_id: int, actor: str, name: str, text: str) -> Outcome:
        handoff = await self._store.get(handoff_id)
        if handoff is None:
            return Outcome.NOT_FOUND
        if handoff.status != CLAIMED or handoff.claimed_by != name:
            return Outcome.CONFLICT
        await self._casework.add_caseworker_message(handoff.conversation_id, redact(text))
        await self._casework.audit(actor, "replied", handoff_id, handoff.conversation_id)
        await self._tell_citizen(handoff.conversation_id,
                                 OutMessage(Text("handoff.caseworker_says", {"name": name, "text": Verbatim(text)})))
        await self.events.publish(StaffEvent("replied", handoff_id, redact(text), name))
        return Outcome.OK

    async def note(self, handoff_id: int, actor: str, name: str, text: str) -> Outcome:
        handoff = await self._store.get(handoff_id)
        if handoff is None:
            return Outcome.NOT_FOUND
        await self._casework.add_note(handoff_id, handoff.conversation_id, name, redact(text))
        await self._casework.audit(actor, "noted", handoff_id, handoff.conversation_id)
        return Outcome.OK

    async def forward(self, handoff_id: int, actor: str, name: str, to_name: str, note: str) -> Outcome:
        handoff = await self._store.get(handoff_id)
        if handoff is None:
            return Outcome.NOT_FOUND
        if not await self._casework.reassign(handoff_id, name, to_name):
            return Outcome.CONFLICT
        if note.strip():
            await self._casework.add_note(handoff_id, handoff.conversation_id, name, redact(note))
        await self._casework.audit(actor, "forwarded", handoff_id, handoff.conversation_id, detail=to_name)
        await self._tell_citizen(handoff.conversation_id, OutMessage(Text("handoff.forwarded", {"name": to_name})),
                                 "system")
        await self.events.publish(StaffEvent("forwarded", handoff_id, actor=to_name))
        return Outcome.OK

    async def close(self, handoff_id: int, actor: str, name: str, end_status: str) -> Outcome:
        handoff = await self._store.get(handoff_id)
        if handoff is None:
            return Outcome.NOT_FOUND
        if handoff.status == CLAIMED and handoff.claimed_by != name:
            return Outcome.CONFLICT
        if not await self._handoffs.close(handoff_id, end_status if end_status in END_STATUSES else "løst"):
            return Outcome.CONFLICT
        await self._casework.audit(actor, "closed", handoff_id, handoff.conversation_id, detail=end_status)
        rate = (Button(Text("handoff.rate_good"), make_payload("rate", score=1)),
                Button(Text("handoff.rate_bad"), make_payload("rate", score=0)))
        await self._tell_citizen(handoff.conversation_id, OutMessage(Text("handoff.closed"), rate), "system")
        await self.events.publish(StaffEvent("closed", handoff_id, end_status, name))
        return Outcome.OK
