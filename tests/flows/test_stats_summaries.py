"""The trigger-kept summaries (migration 0010) give the same figures as a straightforward count over the events."""
import random
from dataclasses import astuple
from collections import defaultdict
from datetime import datetime, timedelta, timezone

from alembic import command
from alembic.config import Config
from sqlalchemy import select

from store.db import MIGRATIONS, make_engine, make_sessions
from store.models import Event
from store.stats import Count, StatsStore
from tests.pg import TempPostgres
from tools.bench_stats import conversation

DAY0 = datetime(2026, 10, 24, 22, 0, tzinfo=timezone.utc)  # local midnight before the change to winter time
EDGES = [DAY0 + timedelta(hours=h) for h in (0, 24, 49, 73)]  # three local days, the middle one 25 hours


def generated() -> list[Event]:
    rng = random.Random(7)
    rows = []
    for _ in range(60):
        rows.extend(conversation(rng, DAY0 + timedelta(seconds=rng.random() * 3 * 86400)))
    rows.sort(key=lambda r: r[3])
    return [Event(anon_id=a, kind=k, data=d, created_at=t) for a, k, d, t in rows]


def bucket(at: datetime) -> int | None:
    return next((i for i, (lo, hi) in enumerate(zip(EDGES, EDGES[1:])) if lo <= at < hi), None)


def ordered(counts) -> list[Count]:
    return sorted(counts, key=astuple)


def tally(items) -> list[Count]:
    """(bucket, anon, municipality, channel, key) per counted event → Counts, as the store groups them."""
    events, convs = defaultdict(int), defaultdict(set)
    for b, anon, muni, channel, key in items:
        if b is not None:
            events[(b, muni, channel, key)] += 1
            convs[(b, muni, channel, key)].add(anon)
    return ordered(Count(*k, n, len(convs[k])) for k, n in events.items())


def reference(rows: list[Event]) -> dict[str, list[Count]]:
    """The figures counted one event at a time in Python, straight from the event data."""
    starts = {e.anon_id: e for e in reversed(rows) if e.kind == "conversation_started"}
    place = {a: (e.data["municipality"], e.data["channel"]) for a, e in starts.items()}
    where = lambda e: place.get(e.anon_id, ("", ""))  # noqa: E731
    handed = {a: any(h.kind == "handoff_requested" and h.anon_id == a and h.created_at < s.created_at
                     + timedelta(hours=24) for h in rows) for a, s in starts.items()}
    ordered = sorted(rows, key=lambda e: e.id)

    def next_turn(c: Event) -> str:
        t = next((t for t in ordered if t.anon_id == c.anon_id and t.kind == "turn" and t.id > c.id), None)
        return "" if t is None else f"{t.data.get('intent') or ''}|{'1' if t.data.get('payload') else '0'}"

    def keyed(e: Event) -> str:
        if e.kind == "rating":
            return f"{e.data['of']}|{e.data['score']}"
        return e.data.get("entry_id", "") if e.kind == "answer_given" else ""

    new = [e for e in rows if e.kind == "handoff_requested" and e.data.get("new", True)]
    return {
        "conversations": tally((bucket(s.created_at), a, *place[a], "handoff" if handed[a] else "contained")
                               for a, s in starts.items()),
        "turns": tally((bucket(e.created_at), e.anon_id, *where(e), e.kind) for e in rows
                       if e.kind in ("turn", "not_understood")),
        "answers": tally((bucket(e.created_at), e.anon_id, *where(e), keyed(e)) for e in rows
                         if e.kind in ("answer_given", "no_answer", "rating")),
        "reasons": tally((bucket(e.created_at), e.anon_id, *where(e), e.data["reason"]) for e in new),
        "clarify": tally((bucket(e.created_at), e.anon_id, *where(e), next_turn(e)) for e in rows
                         if e.kind == "clarify_offered"),
    }


async def figures(store: StatsStore) -> dict[str, list[Count]]:
    return {"conversations": ordered(await store.conversations(EDGES)), "turns": ordered(await store.turns(EDGES)),
            "answers": ordered(await store.events(EDGES, ["answer_given", "no_answer", "rating"], keyed=True)),
            "reasons": ordered(await store.handoffs(EDGES, "reason")),
            "clarify": ordered(await store.clarifications(EDGES))}


def upgrade(url: str, to: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["url"] = url
    command.upgrade(cfg, to)


async def test_the_summaries_match_a_straightforward_count(any_db_url):
    engine = make_engine(any_db_url)
    sessions = make_sessions(engine)
    try:
        async with sessions.begin() as s:
            s.add_all(generated())
        async with sessions() as s:
            rows = list((await s.scalars(select(Event))).all())
        expected = reference(rows)
        assert all(expected.values()) and len(expected["clarify"]) > 3  # the generated month has every figure
        assert await figures(StatsStore(sessions)) == expected
    finally:
        await engine.dispose()


async def test_events_written_before_the_migration_are_summarised_alike(tmp_path, postgres: TempPostgres):
    for url in (f"sqlite+aiosqlite:///{tmp_path / 'old.db'}", await postgres.new_database()):
        import asyncio

        await asyncio.to_thread(upgrade, url, "0009")
        engine = make_engine(url)
        sessions = make_sessions(engine)
        try:
            async with sessions.begin() as s:
                s.add_all(generated())
            await asyncio.to_thread(upgrade, url, "head")
            async with sessions() as s:
                rows = list((await s.scalars(select(Event))).all())
            assert await figures(StatsStore(sessions)) == reference(rows), url.split(":")[0]
        finally:
            await engine.dispose()
