"""Times every statistics query over ~1 million generated events (a month) on a throwaway PostgreSQL.

`python -m tools.bench_stats [--events N]` prints JSON: seconds per figure query and for the whole page.
"""
import argparse
import asyncio
import json
import random
import time
import uuid
from datetime import date, datetime, timedelta, timezone

from i18n import Catalog
from knowledge import KnowledgeBase
from services.stats.figures import period
from services.stats.report import ACTIVITY, Query
from store.db import make_engine, make_sessions, migrate
from tests.pg import TempPostgres, pg_bin

FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)
MUNIS, CHANNELS = ("ballerup", "gentofte", "hvidovre"), ("web", "telegram")
QUESTIONS = ("tilskud til briller", "hvor kan jeg parkere", "må jeg holde ferie på dagpenge", "åbningstider",
             "kan jeg tage min hund med", "hvad koster kørekort", "løn under praktik")


def conversation(rng: random.Random, start: datetime) -> list[tuple]:
    """One conversation's events, like the engine and the handoff store write them."""
    anon, muni, channel = str(uuid.uuid4()), rng.choice(MUNIS), rng.choice(CHANNELS)
    rows = [(anon, "conversation_started", {"channel": channel, "municipality": muni, "locale": "da"}, start)]
    at = start
    for _ in range(rng.randint(8, 26)):
        at += timedelta(seconds=rng.randint(5, 120))
        fallback = rng.random() < 0.09
        rows.append((anon, "turn", {"intent": "nlu_fallback" if fallback else "greet", "confidence": 0.5,
                                    "fallback": fallback, "payload": rng.random() < 0.3, "channel": channel,
                                    "municipality": muni, "flow": None, "locale": "da", "mode": "bot"}, at))
        if fallback:
            rows.append((anon, "not_understood", {"intent": "nlu_fallback"}, at))
            rows.append((anon, "clarify_offered", {"options": ["greet"]}, at))
        roll = rng.random()
        if roll < 0.05:
            rows.append((anon, "answer_given", {"entry_id": rng.choice(("fgu", "kui", "ivaerksaetter"))}, at))
        elif roll < 0.07:
            rows.append((anon, "no_answer", {"intent": "local_offers", "text": rng.choice(QUESTIONS)}, at))
        elif roll < 0.09:
            rows.append((anon, rng.choice(ACTIVITY), {}, at))
    if rng.random() < 0.2:
        at += timedelta(hours=rng.choice((1, 23, 25)))
        rows.append((anon, "handoff_requested", {"reason": "human_handoff", "new": True,
                                                 "outside_hours": rng.random() < 0.3}, at))
        rows.append((anon, "handoff_claimed", {"seconds": rng.randint(60, 7200)}, at + timedelta(minutes=30)))
        rows.append((anon, "handoff_ended", {"seconds": rng.randint(600, 20000)}, at + timedelta(hours=2)))
        rows.append((anon, "rating", {"score": rng.randint(0, 1), "of": "caseworker"}, at + timedelta(hours=2)))
    return rows


async def fill(port: int, database: str, events: int) -> int:
    import asyncpg

    rng = random.Random(13)
    conn = await asyncpg.connect(host="127.0.0.1", port=port, user="postgres", database=database)
    span = (datetime.combine(LAST, datetime.min.time(), timezone.utc) -
            datetime.combine(FIRST, datetime.min.time(), timezone.utc)).total_seconds()
    written = 0
    try:
        while written < events:
            batch = []
            while len(batch) < 50_000:
                start = datetime(2026, 11, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.random() * span)
                batch.extend(conversation(rng, start))
            await conn.copy_records_to_table("events", columns=["anon_id", "kind", "data", "created_at"],
                                             records=[(a, k, json.dumps(d), t) for a, k, d, t in batch])
            written += len(batch)
        await conn.execute("ANALYZE events")
    finally:
        await conn.close()
    return written


async def timed(name: str, results: dict, call) -> None:
    t0 = time.perf_counter()
    await call
    results[name] = round(time.perf_counter() - t0, 3)


async def run(events: int) -> dict:
    bindir = pg_bin()
    if bindir is None:
        return {"skipped": "PostgreSQL server not installed"}
    server = TempPostgres(bindir)
    server.start()
    try:
        url = await server.new_database()
        await migrate(url)
        t0 = time.perf_counter()
        written = await fill(server.port, url.rsplit("/", 1)[1], events)
        results: dict = {"events": written, "fill_s": round(time.perf_counter() - t0, 1)}
        engine = make_engine(url)
        try:
            from bot.wiring import build_stats

            report = build_stats(make_sessions(engine), Catalog.load(), KnowledgeBase.load())
            store, p = report._store, period(FIRST, LAST, "day")
            whole = [p.since, p.until]
            await store.conversations(whole)  # warm the cache once, as a running server would be
            checks = {"conversations_by_day": store.conversations(p.edges), "turns_by_day": store.turns(p.edges),
                      "activity_by_day": store.events(p.edges, ACTIVITY),
                      "clarifications": store.clarifications(whole), "reasons": store.handoffs(whole, "reason"),
                      "answers": store.events(whole, ["answer_given", "no_answer"], keyed=True),
                      "ratings": store.events(whole, ["rating"], keyed=True),
                      "claim_times": store.durations(p.since, p.until, "handoff_claimed"),
                      "unanswered_5000": store.unanswered(p.since, p.until)}
            for name, call in checks.items():
                await timed(name, results, call)
            await timed("whole_page", results, report.tables(Query(FIRST, LAST, "day")))
        finally:
            await engine.dispose()
        return results
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    print(json.dumps(asyncio.run(run(parser.parse_args().events)), indent=2))


if __name__ == "__main__":
    main()
