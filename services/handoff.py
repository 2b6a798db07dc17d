"""Handoff to a person: request, claim, close, cancel; the summary a caseworker acts on (redacted text only)."""
import statistics
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Protocol

from services.opening_hours import OpeningHours, Wait, expected_wait
from services.redact import redact
from store.conversations import StoredMessage
from store.handoffs import Contact, HandoffStore, HandoffView

CRISIS_PRIORITY = 1
DEFAULT_MINUTES_PER_REQUEST = 10.0  # until there are claims to measure
RISK_INTENTS = {"crisis": "caseworker.risk_crisis", "sickness": "caseworker.risk_sickness",
                "complaint": "caseworker.risk_complaint"}
# Small talk and navigation are no topics a caseworker needs to see.
NOT_TOPICS = frozenset({"greet", "goodbye", "thanks", "affirm", "deny", "capabilities", "bot_challenge",
                        "out_of_scope", "human_handoff"})
CONTACT_LINES = {"chat": "caseworker.contact_chat", "phone": "caseworker.contact_phone",
                 "callback": "caseworker.contact_callback"}


class Labels(Protocol):
    """Caseworker-facing texts (i18n.Texts of the municipality's language)."""

    def get(self, key: str, **values: Any) -> str: ...

    def has(self, key: str) -> bool: ...


@dataclass(frozen=True)
class CaseContext:
    """What the summary says beyond the conversation: the citizen's own data, rendered by the caller."""

    bookings: tuple[str, ...] = ()  # "ons. 25. nov. kl. 10:00: Jobsamtale"
    cv_status: str | None = None
    callback_text: str | None = None  # the callback time as the caseworker reads it
    target_group: str | None = None  # from the case system, for a logged-in citizen
    own_caseworker: str | None = None


def build_summary(texts: Labels, reason: str, history: list[StoredMessage], citizen_words: str | None,
                  locale: str, contact: Contact | None = None, case: CaseContext | None = None) -> str:
    """Readable in 20 seconds: reason in the citizen's words, risk, topics, bookings, contact, language, last messages.

    Everything is redacted; without consent only the reason and how to make contact are shared.
    """
    contact, case = contact or Contact(), case or CaseContext()
    reason_text = texts.get(f"caseworker.reasons.{reason}") if texts.has(f"caseworker.reasons.{reason}") else reason
    lines = [texts.get("caseworker.reason", reason=reason_text)]
    if citizen_words:
        lines.append(texts.get("caseworker.last", text=redact(citizen_words)))
    method = texts.get(CONTACT_LINES[contact.method], phone=contact.phone or "-", when=case.callback_text or "-")
    if contact.consent:
        asked = [m.intent for m in history if m.direction == "in" and m.intent]
        risks = [texts.get(RISK_INTENTS[i]) for i in dict.fromkeys(asked) if i in RISK_INTENTS]
        if reason == "crisis" and texts.get("caseworker.risk_crisis") not in risks:
            risks.insert(0, texts.get("caseworker.risk_crisis"))
        topics = ", ".join(dict.fromkeys(texts.get(f"intent_labels.{i}") for i in asked
                                         if i not in NOT_TOPICS and texts.has(f"intent_labels.{i}")))
        lines += [texts.get("caseworker.risks", risks=", ".join(risks) or "-"),
                  texts.get("caseworker.topics", topics=topics or "-"),
                  texts.get("caseworker.bookings", bookings="; ".join(case.bookings) or "-")]
        if case.target_group or case.own_caseworker:
            lines.append(texts.get("caseworker.case", group=case.target_group or "-",
                                   caseworker=case.own_caseworker or "-"))
        if case.cv_status:
            lines.append(texts.get("caseworker.cv", status=case.cv_status))
    lines += [texts.get("caseworker.contact", method=method), texts.get("caseworker.language", locale=locale)]
    if contact.consent:
        lines.append(texts.get("caseworker.history"))
        who = {"in": texts.get("caseworker.citizen"), "out": texts.get("caseworker.bot"),
               "cw": texts.get("caseworker.caseworker")}
        lines += [f"{who.get(m.direction, m.direction)}: {redact(m.text)}" for m in history[-8:]]
    else:
        lines.append(texts.get("caseworker.no_consent"))
    return "\n".join(lines)


@dataclass(frozen=True)
class Requested:
    handoff: HandoffView
    is_new: bool


class HandoffService:
    """The lifecycle; the database decides races (one open request per conversation, one claim)."""

    def __init__(self, store: HandoffStore, texts: Labels, clock: Callable[[], datetime]) -> None:
        self._store, self._texts, self._clock = store, texts, clock

    async def request(self, conversation_id: str, reason: str, history: list[StoredMessage],
                      citizen_words: str | None, locale: str, contact: Contact | None = None,
                      case: CaseContext | None = None) -> Requested:
        """Open a request; if one is open, a crisis raises its priority and the existing one is returned."""
        summary = build_summary(self._texts, reason, history, citizen_words, locale, contact, case)
        priority = CRISIS_PRIORITY if reason == "crisis" else 0
        contact = contact or Contact()
        created = await self._store.create(conversation_id, reason, summary, priority, contact)
        if created is not None:
            return Requested(created, True)
        existing = await self._store.open_for(conversation_id)
        if existing is None:  # closed between the insert and the read: try once more
            created = await self._store.create(conversation_id, reason, summary, priority, contact)
            if created is None:
                raise RuntimeError("handoff could not be created or found")
            return Requested(created, True)
        if priority > existing.priority:
            await self._store.escalate(existing.id, reason, summary, priority)
        return Requested(existing, False)

    async def open_for(self, conversation_id: str) -> HandoffView | None:
        return await self._store.open_for(conversation_id)

    async def expected_wait(self, handoff: HandoffView, hours: OpeningHours) -> Wait:
        """From the queue: the requests ahead of this one times the recent median time to claim."""
        minutes = await self._store.recent_claim_minutes()
        per_request = statistics.median(minutes) if minutes else DEFAULT_MINUTES_PER_REQUEST
        return expected_wait(hours, self._clock(), await self._store.ahead_of(handoff.id), per_request)

    async def raise_priority(self, conversation_id: str) -> None:
        """A crisis message while waiting or talking to a person puts the request first in the queue."""
        existing = await self._store.open_for(conversation_id)
        if existing is not None and existing.priority < CRISIS_PRIORITY:
            await self._store.escalate(existing.id, existing.reason, existing.summary, CRISIS_PRIORITY)

    async def claim(self, handoff_id: int, caseworker: str) -> bool:
        return await self._store.claim(handoff_id, caseworker, self._clock())

    async def close(self, handoff_id: int, end_status: str) -> bool:
        return await self._store.close(handoff_id, end_status, self._clock())

    async def cancel_by_citizen(self, conversation_id: str) -> bool:
        """Withdraw a waiting request; False when there is none or a caseworker already has it."""
        existing = await self._store.open_for(conversation_id)
        return existing is not None and await self._store.cancel(existing.id, self._clock())
