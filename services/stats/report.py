"""All staff statistics for a period and filter: queries the store, returns suppressed, labelled tables."""
import asyncio
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable, Mapping, Sequence

from services.stats.figures import MIN_CELL, Cell, Period, period, quantile
from services.stats.grouping import Asked, group_questions, handled_at
from services.stats.tables import (Key, Table, activity_table, base_from, conversations_table, fallback_table, grid,
                                   ratings_table, shares_table, waiting_table)
from store.stats import Count, Duration, Question, StatsStore

ACTIVITY = ("crisis_reply", "booking_made", "booking_moved", "booking_cancelled", "cv_started", "cv_completed")
CLARIFY_OUTCOMES = ("chose", "something_else", "person", "typed", "left")


@dataclass(frozen=True)
class Query:
    """What the caseworker asked for: local days, day or week, optionally one municipality and one channel."""

    first: date
    last: date
    by: str = "day"
    municipality: str | None = None
    channel: str | None = None

    def period(self) -> Period:
        return period(self.first, self.last, self.by)


def _ours(q: Query, c: Count | Duration | Question) -> bool:
    return q.municipality in (None, c.municipality) and q.channel in (None, c.channel)


def by_bucket(q: Query, p: Period, counts: Sequence[Count], col: Callable[[Count], str] = lambda c: c.key
              ) -> list[tuple[str, str, int, int]]:
    return [(p.labels[c.bucket], col(c), c.events, c.conversations) for c in counts if _ours(q, c)]


def by_key(q: Query, counts: Sequence[Count], row: Callable[[Count], str], col: str = "n"
           ) -> list[tuple[str, str, int, int]]:
    return [(row(c), col, c.events, c.conversations) for c in counts if _ours(q, c)]


def clarify_outcome(key: str) -> str:
    """The citizen's next turn after 'did you mean ...?': '<intent>|<1 if a button>' or '' for none."""
    if not key:
        return "left"
    intent, _, pressed = key.partition("|")
    if pressed != "1":
        return "typed"
    return {"something_else": "something_else", "human_handoff": "person"}.get(intent, "chose")


def unanswered_table(t: Key, asked: Sequence[Asked], marks: Sequence[tuple[Sequence[str], datetime]],
                     when: Callable[[datetime], str]) -> Table:
    """Groups of similar unanswered questions, newest first; groups from fewer than 5 conversations fold."""
    groups = group_questions(asked)
    table = Table("ubesvarede", t("stats.table.unanswered"),
                  [t("stats.col.question"), t("stats.col.newest"), t("stats.col.status"), t("stats.col.count"),
                   t("stats.col.conversations")], [], [], None, t("stats.note.unanswered"), [])
    for g in (g for g in groups if g.conversations >= MIN_CELL):
        done = handled_at(g, marks)
        status = t("stats.handled", at=when(done)) if done else t("stats.open")
        table.labels.append(" / ".join(g.examples()))
        table.rows.append([Cell(when(g.newest), 0), Cell(status, 0), Cell(g.count), Cell(g.conversations)])
        table.row_keys.append(g.signature())
    small = [g for g in groups if g.conversations < MIN_CELL]
    if small:
        rest = sum(g.conversations for g in small)
        table.labels.append(t("stats.other_questions"))
        table.rows.append([Cell(None), Cell(None), Cell(sum(g.count for g in small), rest), Cell(rest, rest)])
        table.row_keys.append(None)
    return table


class StatsReport:
    """Builds the tables of the page and of `python -m bot stats` from the store."""

    def __init__(self, store: StatsStore, texts: Key, titles: Mapping[str, str], when: Callable[..., str]) -> None:
        self._store, self._t, self._titles, self._when = store, texts, titles, when
        self.texts = texts

    async def mark_handled(self, terms: Sequence[str], label: str, by: str, at: datetime) -> None:
        """A caseworker marks a group of unanswered questions handled (until new questions arrive in it)."""
        await self._store.mark_handled(terms, label, by, at)

    async def tables(self, q: Query) -> list[Table]:
        t, p, store = self._t, q.period(), self._store
        whole = [p.since, p.until]
        # The queries are independent: run them at once (each on its own connection), the page waits for the slowest.
        (by_day, turn_counts, acts, clar, why, when, answers, rated, claimed, ended, unanswered, handled,
         places) = await asyncio.gather(
            store.conversations(p.edges), store.turns(p.edges), store.events(p.edges, ACTIVITY),
            store.clarifications(whole), store.handoffs(whole, "reason"), store.handoffs(whole, "outside_hours"),
            store.events(whole, ["answer_given", "no_answer"], keyed=True), store.events(whole, ["rating"], keyed=True),
            store.durations(p.since, p.until, "handoff_claimed"), store.durations(p.since, p.until, "handoff_ended"),
            store.unanswered(p.since, p.until), store.handled(), store.conversations(whole))
        convs = grid(by_bucket(q, p, by_day), p.labels, ["contained", "handoff"])
        for r in convs:
            r.base = sum(r.conversations)  # each conversation is counted once, at its start
        bases = {r.label: r.base for r in convs}
        turns = base_from(grid(by_bucket(q, p, turn_counts), p.labels, ["turn", "not_understood"]), bases)
        activity = base_from(grid(by_bucket(q, p, acts), p.labels, ACTIVITY), bases)
        outcomes = grid(by_key(q, clar, lambda c: clarify_outcome(c.key)), CLARIFY_OUTCOMES, ["n"])
        for r in outcomes:
            r.label = t(OUTCOME_KEYS[r.label])
        reasons = grid(by_key(q, why, lambda c: self._reason(c.key)), [], ["n"])
        hours = grid(by_key(q, when, lambda c: t("stats.outside_hours") if c.key in ("true", "1")
                            else t("stats.inside_hours")), [t("stats.inside_hours"), t("stats.outside_hours")], ["n"])
        entries = grid(by_key(q, answers, lambda c: self._titles.get(c.key, c.key) if c.key else t("stats.no_answer")),
                       [], ["n"])
        ratings = grid([(t("stats.rated_bot") if c.key.startswith("bot|") else t("stats.rated_caseworker"),
                         "up" if c.key.endswith("|1") else "down", c.events, c.conversations)
                        for c in rated if _ours(q, c)],
                       [t("stats.rated_bot"), t("stats.rated_caseworker")], ["up", "down"])
        for r in ratings:
            r.base = sum(r.conversations)
        claims = [d.seconds for d in claimed if _ours(q, d)]
        ends = [d.seconds for d in ended if _ours(q, d)]
        asked = [Asked(x.text, x.at, x.anon_id) for x in unanswered if _ours(q, x)]
        marks = [(m.terms, m.handled_at) for m in handled]
        return [
            conversations_table(t, convs),
            shares_table(t, "henvisninger", t("stats.table.reasons"), t("stats.col.reason"), reasons, ranked=True),
            fallback_table(t, turns),
            shares_table(t, "afklaring", t("stats.table.clarify"), t("stats.col.outcome"), outcomes),
            activity_table(t, activity, [t(ACTIVITY_KEYS[k]) for k in ACTIVITY]),
            waiting_table(t, [(t("stats.to_claim"), claims), (t("stats.to_close"), ends)], quantile),
            shares_table(t, "aabningstid", t("stats.table.hours"), t("stats.col.when"), hours, chart=False),
            shares_table(t, "viden", t("stats.table.answers"), t("stats.col.entry"), entries, ranked=True),
            unanswered_table(t, asked, marks, self._when),
            ratings_table(t, ratings),
            self._places(places),
        ]

    def _reason(self, key: str) -> str:
        try:
            return self._t(f"caseworker.reasons.{key}")
        except KeyError:
            return key or self._t("stats.other")

    def _places(self, counts: Sequence[Count]) -> Table:
        """Conversations and containment per municipality and channel over the whole period (filters ignored)."""
        t = self._t
        rows = grid([(f"{c.municipality or '?'} · {c.channel or '?'}", c.key, c.events, c.conversations)
                     for c in counts], [], ["contained", "handoff"])
        for r in rows:
            r.base = sum(r.conversations)
        table = conversations_table(t, rows)
        table.name, table.title, table.chart = "steder", t("stats.table.places"), None
        table.columns[0] = t("stats.col.place")
        return table


OUTCOME_KEYS = {"chose": "stats.outcome.chose", "something_else": "stats.outcome.something_else",
                "person": "stats.outcome.person", "typed": "stats.outcome.typed", "left": "stats.outcome.left"}
ACTIVITY_KEYS = {"crisis_reply": "stats.col.crisis", "booking_made": "stats.col.booked",
                 "booking_moved": "stats.col.moved", "booking_cancelled": "stats.col.cancelled",
                 "cv_started": "stats.col.cv_started", "cv_completed": "stats.col.cv_done"}
