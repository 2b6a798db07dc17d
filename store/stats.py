"""Aggregate queries over the event log for the staff statistics; only counts leave the database.

Every figure is grouped by a time bucket (given as edges, so days and weeks follow Copenhagen time),
municipality, channel and a key. The counts come from summaries that database triggers keep as each event is
written (migration 0010): one row per conversation (where it started, its first handoff request), per
conversation, hour, kind and key, and per 'did you mean'. Keyed by anon_id, so a citizen's deletion changes nothing.
"""
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence

from sqlalchemy import ColumnElement, and_, case, func, literal, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased

from store.models import Event, HandledQuestions, StatsClarify, StatsConversation, StatsHourly

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


def _hours(edges: Sequence[datetime]) -> Sequence[datetime]:
    """Summaries count per UTC hour, so a bucket must start on a whole hour (local midnights always do)."""
    if any(e.minute or e.second or e.microsecond for e in edges):
        raise ValueError("statistics periods start and end on whole hours")
    return edges


def _place(anon_id: Any) -> tuple[Any, ColumnElement[Any], ColumnElement[Any], Any]:
    """The conversation an anon_id belongs to (an outer join), its municipality and channel ('' if unknown)."""
    conv = aliased(StatsConversation)
    return conv, func.coalesce(conv.municipality, ""), func.coalesce(conv.channel, ""), conv.anon_id == anon_id


class StatsStore:
    """Read-only figures from the summary tables the event triggers keep, plus the 'handled' marks."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def _counts(self, query: Any) -> list[Count]:
        async with self._sessions() as s:
            rows = (await s.execute(query)).all()
        return [Count(int(r[0]), r[1] or "", r[2] or "", str(r[3] if r[3] is not None else ""), int(r[4]), int(r[5]))
                for r in rows]

    async def conversations(self, edges: Sequence[datetime]) -> list[Count]:
        """Conversations by their start; key 'contained' (no handoff within 24 h of the first message) or 'handoff'."""
        c = StatsConversation
        async with self._sessions() as s:
            dialect = s.bind.dialect.name
        if dialect == "postgresql":
            deadline = c.handoff_at < c.started_at + text(f"interval '{CONTAINMENT_HOURS} hours'")
        else:  # SQLite has no interval type: compare Julian days
            deadline = func.julianday(c.handoff_at) < func.julianday(c.started_at) + CONTAINMENT_HOURS / 24
        key = case((and_(c.handoff_at.is_not(None), deadline), "handoff"), else_="contained")
        b = _bucket(c.started_at, edges)
        query = (select(b, c.municipality, c.channel, key, func.count(), func.count())  # one row per conversation
                 .where(c.started_at >= edges[0], c.started_at < edges[-1])
                 .group_by(b, c.municipality, c.channel, key))
        return await self._counts(query)

    async def turns(self, edges: Sequence[datetime]) -> list[Count]:
        """Messages (typed or pressed), key 'turn'; those not understood, key 'not_understood'."""
        return await self.events(edges, ["turn", "not_understood"])

    async def events(self, edges: Sequence[datetime], kinds: Sequence[str], keyed: bool = False) -> list[Count]:
        """Events of some kinds per bucket, keyed by kind or (keyed) by their key: entry id, 'of|score', reason.

        Summed per conversation first, then placed by the conversation's municipality and channel. Besides the
        event kinds there are 'handoff_reason' and 'handoff_hours' (outside opening hours: 'true'/'1' or not),
        counted once per new handoff request.
        """
        h = StatsHourly
        b = _bucket(h.hour, _hours(edges))
        per = (select(h.anon_id, b.label("b"), (h.key if keyed else h.kind).label("k"), func.sum(h.n).label("n"))
               .where(h.kind.in_(kinds), h.hour >= edges[0], h.hour < edges[-1])
               .group_by(h.anon_id, text("2"), text("3")).subquery())
        conv, muni, channel, on = _place(per.c.anon_id)
        query = (select(per.c.b, muni, channel, per.c.k, func.sum(per.c.n), func.count())
                 .select_from(per).outerjoin(conv, on).group_by(per.c.b, muni, channel, per.c.k))
        return await self._counts(query)

    async def handoffs(self, edges: Sequence[datetime], key: str) -> list[Count]:
        """New handoff requests keyed by 'reason' or by 'outside_hours'."""
        return await self.events(edges, ["handoff_reason" if key == "reason" else "handoff_hours"], keyed=True)

    async def clarifications(self, edges: Sequence[datetime]) -> list[Count]:
        """Clarification questions keyed by the citizen's next turn: '<intent>|<1 if a button>', or '' for none."""
        k = StatsClarify
        b = _bucket(k.at, edges)
        conv, muni, channel, on = _place(k.anon_id)
        key = func.coalesce(k.next_key, "")
        query = (select(b, muni, channel, key, func.count(), func.count(k.anon_id.distinct()))
                 .select_from(k).outerjoin(conv, on).where(k.at >= edges[0], k.at < edges[-1])
                 .group_by(b, muni, channel, key))
        return await self._counts(query)

    async def durations(self, since: datetime, until: datetime, kind: str) -> list[Duration]:
        """Seconds from request to claim (handoff_claimed) or to the end (handoff_ended) of steps in the period."""
        conv, muni, channel, on = _place(Event.anon_id)
        query = (select(Event.data["seconds"].as_float(), muni, channel).select_from(Event).outerjoin(conv, on)
                 .where(Event.kind == kind, Event.created_at >= since, Event.created_at < until))
        async with self._sessions() as s:
            rows = (await s.execute(query)).all()
        return [Duration(float(r[0] or 0), r[1], r[2]) for r in rows]

    async def unanswered(self, since: datetime, until: datetime, limit: int = 5000) -> list[Question]:
        """The newest redacted questions without an answer in the period."""
        conv, muni, channel, on = _place(Event.anon_id)
        query = (select(_text(Event.data["text"]), Event.created_at, Event.anon_id, muni, channel)
                 .select_from(Event).outerjoin(conv, on)
                 .where(Event.kind == "no_answer", Event.created_at >= since, Event.created_at < until)
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
