"""Handoff to a person: request, claim, close, cancel; the summary a caseworker acts on (redacted text only)."""
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Protocol

from services.redact import redact
from store.conversations import StoredMessage
from store.handoffs import HandoffStore, HandoffView

CRISIS_PRIORITY = 1


class Labels(Protocol):
    """Caseworker-facing texts (i18n.Texts of the municipality's language)."""

    def get(self, key: str, **values: Any) -> str: ...

    def has(self, key: str) -> bool: ...


def build_summary(texts: Labels, reason: str, history: list[StoredMessage], citizen_words: str | None,
                  locale: str) -> str:
    """Reason, the citizen's own words, topics, language and the recent conversation; all redacted."""
    asked = [m.intent for m in history if m.direction == "in" and m.intent]
    topics = ", ".join(dict.fromkeys(texts.get(f"intent_labels.{i}") for i in asked
                                     if texts.has(f"intent_labels.{i}")))
    reason_text = texts.get(f"caseworker.reasons.{reason}") if texts.has(f"caseworker.reasons.{reason}") else reason
    lines = [texts.get("caseworker.reason", reason=reason_text)]
    if citizen_words:
        lines.append(texts.get("caseworker.last", text=redact(citizen_words)))
    lines += [texts.get("caseworker.topics", topics=topics or "-"), texts.get("caseworker.language", locale=locale),
              texts.get("caseworker.history")]
    who = {"in": texts.get("caseworker.citizen"), "out": texts.get("caseworker.bot")}
    lines += [f"{who[m.direction]}: {redact(m.text)}" for m in history]
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
                      citizen_words: str | None, locale: str) -> Requested:
        """Open a request; if one is open, a crisis raises its priority and the existing one is returned."""
        summary = build_summary(self._texts, reason, history, citizen_words, locale)
        priority = CRISIS_PRIORITY if reason == "crisis" else 0
        created = await self._store.create(conversation_id, reason, summary, priority)
        if created is not None:
            return Requested(created, True)
        existing = await self._store.open_for(conversation_id)
        if existing is None:  # closed between the insert and the read: try once more
            created = await self._store.create(conversation_id, reason, summary, priority)
            if created is None:
                raise RuntimeError("handoff could not be created or found")
            return Requested(created, True)
        if priority > existing.priority:
            await self._store.escalate(existing.id, reason, summary, priority)
        return Requested(existing, False)

    async def open_for(self, conversation_id: str) -> HandoffView | None:
        return await self._store.open_for(conversation_id)

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
