"""Per-turn cost of our own code: the bench's citizen scripts through the real web app in-process, over a fake NLU.

    .venv/bin/python -m tools.bench_turns --turns 300            # ms/turn and turns/s (N=1, then N=10)
    .venv/bin/python -m cProfile -o var/turns.prof -m tools.bench_turns --turns 300 --clients 1

The NLU is tests/fakes.py's keyword rules in-process (no HTTP, no model), so what is measured is the web app,
the engine, the flows and the database (a fresh SQLite file, as bin/serve uses), plus aiohttp's test client.
"""
import argparse
import asyncio
import logging
import random
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import event

from bot.settings import Settings
from bot.web import build_web_app
from bot.wiring import booking_rules, build_auth, build_core, utc_clock
from services.municipality import load_all
from services.slots import SlotAdmin
from store.db import make_engine, make_sessions, migrate
from tests.fakes import FakeNlu
from tools.bench_load import Assistant, Record, citizen, pick_script


@dataclass
class Measured(Record):
    """The bench's record plus the CPU time of this process (all threads: the event loop and SQLite's)."""

    cpu_s: float = 0.0


async def run(turns: int, clients: int, db: Path, statements: Counter[str]) -> Measured:
    """`clients` citizens in a closed loop until `turns` turns are answered; the wall time is in the record."""
    url = f"sqlite+aiosqlite:///{db}"
    settings = Settings(_env_file=None, database_url=url, nlu_url="http://127.0.0.1:9", municipality="ballerup",
                        telegram_bot_token=None, login_required=False)
    await migrate(url)
    engine = make_engine(url)

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements[" ".join(statement.split()[:4])] += 1

    sessions = make_sessions(engine)
    municipalities = load_all()
    await SlotAdmin(sessions, municipalities["ballerup"]).seed_demo_if_empty(utc_clock())
    core = build_core(sessions, FakeNlu(), municipalities, booking_rules(settings), utc_clock, "ballerup",
                      settings.max_message_chars)
    auth = build_auth(settings, core, "http://127.0.0.1:9")  # the issuer is only asked at a login

    async def healthy() -> bool:
        return True

    app = build_web_app(core.engine, core.outbox, core.services.files, core.renderer, core.services.catalog,
                        healthy, {"/auth/": auth.app()}, auth.may_use)
    rec = Measured()
    try:
        async with TestClient(TestServer(app)) as client:
            target = Assistant(str(client.make_url("")).rstrip("/"))
            http = client.session

            async def worker(w: int) -> None:
                rng, i = random.Random(w), 0
                while len(rec.latencies_ms) < turns:
                    await citizen(target, http, pick_script(rng), f"prof-{w}-{i}", rng, rec, float("inf"))
                    i += 1

            statements.clear()  # only the turns' statements, not the seeding
            started, cpu = time.perf_counter(), time.process_time()
            await asyncio.gather(*(worker(w) for w in range(clients)))
            rec.elapsed_s = time.perf_counter() - started
            rec.cpu_s = time.process_time() - cpu
    finally:
        await engine.dispose()
    return rec


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--clients", type=int, nargs="*", default=[1, 10])
    parser.add_argument("--sql", action="store_true", help="list the SQL statements per turn by kind")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    for n in args.clients:
        statements: Counter[str] = Counter()
        with tempfile.TemporaryDirectory() as tmp:
            rec = asyncio.run(run(args.turns, n, Path(tmp) / "profile.db", statements))
        done = len(rec.latencies_ms)
        print(f"N={n:<3} {done} turns in {rec.elapsed_s:.2f} s: {1000 * rec.elapsed_s / done:.1f} ms/turn "
              f"({1000 * rec.cpu_s / done:.1f} ms CPU), "
              f"{done / rec.elapsed_s:.1f} turns/s, {sum(statements.values()) / done:.1f} SQL statements/turn, "
              f"errors {rec.errors}, script misses {rec.misses}")
        if args.sql:
            for statement, count in statements.most_common():
                print(f"  {count / done:6.2f}/turn  {statement}")


if __name__ == "__main__":
    main()
