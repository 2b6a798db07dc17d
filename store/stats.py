"""Aggregate queries over the event log for the staff statistics; only counts leave the database.

Every figure is grouped by a time bucket (given as edges, so days and weeks follow Copenhagen time),
municipality, channel and a key. The municipality and channel of an event come from its conversation's
`conversation_started` event (by anon_id), so the figures survive a citizen's deletion unchanged.
"""
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence

from sqlalchemy import ColumnElement, and_, case, exists, func, literal, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased

from store.models import Event, HandledQuestions

STARTED = "conversation_started"
CONTAINMENT_HOURS = 24


@dataclass(frozen=True)
class Count:
    """One group: bucket index (into the edges), municipality, channel, key; events and distinct conversations."""

    bucket: int
    municipality: str
    channel: str
    key: str
    events: int
    conversations: int


@dataclass(frozen=True)
class Duration:
    seconds: float
    municipality: str
    channel: str


@dataclass(frozen=True)
class Question:
    """A redacted question the assistant could not answer; anon_id only to count conversations."""

    text: str
    at: datetime
    anon_id: str
    municipality: str
    channel: str


@dataclass(frozen=True)
class HandledMark:
    terms: tuple[str, ...]
    label: str
    handled_by: str
    handled_at: datetime


def _bucket(column: Any, edges: Sequence[datetime]) -> ColumnElement[Any]:
    """The index of the bucket [edges[i], edges[i+1]) a time falls in (the caller limits it to the period)."""
    if len(edges) == 2:
        return literal(0)
    return case(*((column < edge, i) for i, edge in enumerate(edges[1:-1])), else_=len(edges) - 2)


def _text(field: Any) -> ColumnElement[Any]:
    return func.coalesce(field.as_string(), "")


class StatsStore:
    """Read-only figures, plus the caseworkers' 'handled' marks on unanswered-question groups."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    def _period(self, edges: Sequence[datetime], kinds: Sequence[str]) -> ColumnElement[bool]:
        return and_(Event.kind.in_(kinds), Event.created_at >= edges[0], Event.created_at < edges[-1])

    async def _counts(self, query: Any) -> list[Count]:
        async with self._sessions() as s:
            rows = (await s.execute(query)).all()
        return [Count(int(r[0]), r[1] or "", r[2] or "", str(r[3] if r[3] is not None else ""), int(r[4]), int(r[5]))
                for r in rows]

    async def conversations(self, edges: Sequence[datetime]) -> list[Count]:
        """Conversations by their start; key 'contained' (no handoff within 24 h of the first message) or 'handoff'."""
        handoff = aliased(Event)
        async with self._sessions() as s:
            dialect = s.bind.dialect.name
        if dialect == "postgresql":
            deadline = handoff.created_at < Event.created_at + text(f"interval '{CONTAINMENT_HOURS} hours'")
        else:  # SQLite has no interval type: compare Julian days
            deadline = func.julianday(handoff.created_at) < func.julianday(Event.created_at) + CONTAINMENT_HOURS / 24
        handed = exists().where(handoff.anon_id == Event.anon_id, handoff.kind == "handoff_requested", deadline)
        key = case((handed, "handoff"), else_="contained")
        b = _bucket(Event.created_at, edges)
        muni, channel = _text(Event.data["municipality"]), _text(Event.data["channel"])
        query = (select(b, muni, channel, key, func.count(), func.count())  # one start per conversation
                 .where(self._period(edges, [STARTED])).group_by(b, muni, channel, key))
        return await self._counts(query)

    async def turns(self, edges: Sequence[datetime]) -> list[Count]:
        """Messages (typed or pressed), key 'turn'; those not understood, key 'not_understood'."""
        return await self.events(edges, ["turn", "not_understood"])

    async def events(self, edges: Sequence[datetime], kinds: Sequence[str], key_fields: Sequence[str] = (),
                     where: ColumnElement[bool] | None = None) -> list[Count]:
        """Events of some kinds, keyed by kind or by fields of their data ('a|b'), placed by their conversation.

        Counted per conversation first (no JSON read for a plain kind), then joined to the conversations'
        starts (one per conversation) for municipality and channel: fast on a month of events.
        """
        key: Any = Event.kind
        for i, name in enumerate(key_fields):
            key = _text(Event.data[name]) if i == 0 else key + "|" + _text(Event.data[name])
        per = (select(Event.anon_id, _bucket(Event.created_at, edges).label("b"), key.label("k"),
                      func.count().label("n"))
               .where(self._period(edges, kinds), *([where] if where is not None else []))
               .group_by(Event.anon_id, text("2"), text("3")).subquery())
        start = aliased(Event)
        muni, channel = _text(start.data["municipality"]), _text(start.data["channel"])
        query = (select(per.c.b, muni, channel, per.c.k, func.sum(per.c.n), func.count())
                 .select_from(per).outerjoin(start, and_(start.anon_id == per.c.anon_id, start.kind == STARTED))
                 .group_by(per.c.b, muni, channel, per.c.k))
        return await self._counts(query)

    async def handoffs(self, edges: Sequence[datetime], key_field: str) -> list[Count]:
        """New handoff requests keyed by a field of their data (reason, outside_hours)."""
        return await self.events(edges, ["handoff_requested"], (key_field,),
                                 func.coalesce(Event.data["new"].as_boolean(), True).is_(True))

    async def clarifications(self, edges: Sequence[datetime]) -> list[Count]:
        """Clarification questions keyed by the citizen's next turn: '<intent>|<1 if a button>', or '' for none."""
        nxt = aliased(Event)
        next_id = (select(func.min(nxt.id)).where(nxt.anon_id == Event.anon_id, nxt.kind == "turn", nxt.id > Event.id)
                   .scalar_subquery())
        asked = (select(Event.anon_id, _bucket(Event.created_at, edges).label("b"), next_id.label("next_id"))
                 .where(self._period(edges, ["clarify_offered"])).subquery())
        follow, start = aliased(Event), aliased(Event)
        pressed = case((func.coalesce(follow.data["payload"].as_boolean(), False).is_(True), "1"), else_="0")
        key = case((follow.id.is_(None), ""), else_=_text(follow.data["intent"]) + "|" + pressed)
        muni, channel = _text(start.data["municipality"]), _text(start.data["channel"])
        query = (select(asked.c.b, muni, channel, key, func.count(), func.count(asked.c.anon_id.distinct()))
                 .select_from(asked).outerjoin(follow, follow.id == asked.c.next_id)
                 .outerjoin(start, and_(start.anon_id == asked.c.anon_id, start.kind == STARTED))
                 .group_by(asked.c.b, muni, channel, key))
        return await self._counts(query)

    async def durations(self, since: datetime, until: datetime, kind: str) -> list[Duration]:
        """Seconds from request to claim (handoff_claimed) or to the end (handoff_ended) of steps in the period."""
        start = aliased(Event)
        query = (select(Event.data["seconds"].as_float(), _text(start.data["municipality"]),
                        _text(start.data["channel"]))
                 .select_from(Event).outerjoin(start, and_(start.anon_id == Event.anon_id, start.kind == STARTED))
                 .where(self._period([since, until], [kind])))
        async with self._sessions() as s:
            rows = (await s.execute(query)).all()
        return [Duration(float(r[0] or 0), r[1], r[2]) for r in rows]

    async def unanswered(self, since: datetime, until: datetime, limit: int = 5000) -> list[Question]:
        """The newest redacted questions without an answer in the period."""
        start = aliased(Event)
        query = (select(_text(Event.data["text"]), Event.created_at, Event.anon_id, _text(start.data["municipality"]),
                        _text(start.data["channel"]))
                 .select_from(Event).outerjoin(start, and_(start.anon_id == Event.anon_id, start.kind == STARTED))
                 .where(self._period([since, until], ["no_answer"]))
                 .order_by(Event.created_at.desc()).limit(limit))
        async with self._sessions() as s:
            rows = (await s.execute(query)).all()
        return [Question(*r) for r in rows if r[0]]

    async def handled(self) -> list[HandledMark]:
        async with self._sessions() as s:
            rows = (await s.scalars(select(HandledQuestions).order_by(HandledQuestions.id))).all()
        return [HandledMark(tuple(r.terms.split()), r.label, r.handled_by, r.handled_at) for r in rows]

    async def mark_handled(self, terms: Sequence[str], label: str, handled_by: str, at: datetime) -> None:
        async with self._sessions.begin() as s:
            s.add(HandledQuestions(terms=" ".join(terms), label=label[:300], handled_by=handled_by[:120],
                                   handled_at=at))
