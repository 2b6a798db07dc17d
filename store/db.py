"""Engine, session factory and migrations (Alembic) for any SQLAlchemy URL."""
import asyncio
import fcntl
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from pathlib import Path
from typing import AsyncIterator

from alembic import command
from alembic.config import Config
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _prepare_sqlite(url: str) -> bool:
    """For a SQLite file URL, create its folder (var/ on a fresh clone); True if the URL is SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return False
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return True


def make_engine(url: str) -> AsyncEngine:
    """An async engine; SQLite gets WAL, a busy timeout and foreign keys, as concurrent writers need.

    hide_parameters keeps message texts (bound values) out of error messages and so out of logs.
    """
    if _prepare_sqlite(url):
        # Reset on return only when a transaction is open (below): each rollback is a round trip to aiosqlite's
        # thread, and after a commit, or a read (the driver begins no transaction for it), there is none to end.
        engine = create_async_engine(url, connect_args={"timeout": 30}, hide_parameters=True,
                                     pool_reset_on_return=None)

        @event.listens_for(engine.sync_engine, "reset")
        def _reset(dbapi_conn, _record, _state) -> None:  # type: ignore[no-untyped-def]
            if dbapi_conn.driver_connection._conn.in_transaction:  # the sqlite3 connection under aiosqlite's
                dbapi_conn.rollback()

        @event.listens_for(engine.sync_engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            # WAL + NORMAL: an app crash loses nothing committed; only a power cut may lose the last commits.
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
        return engine
    return create_async_engine(url, pool_pre_ping=True, hide_parameters=True)


class Sessions(async_sessionmaker[AsyncSession]):
    """Sessions that keep loaded objects usable after commit, and `writes` for the per-turn write transactions.

    SQLite has one writer at a time, and a writer that finds the lock taken sleeps in steps of up to 100 ms
    (its busy handler), long after the lock is free: under load that was most of a turn's latency. So this
    process's hot writes (turn tickets, saving a turn) queue on an asyncio lock and follow each other at once;
    other processes still meet the busy timeout. PostgreSQL needs none of it: nullcontext.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__(engine, expire_on_commit=False)
        serial = engine.dialect.name == "sqlite"
        self.serial = serial  # one writer at a time: a write transaction sees every earlier commit (store/turns.py)
        self.writes: AbstractAsyncContextManager[object] = asyncio.Lock() if serial else nullcontext()


def make_sessions(engine: AsyncEngine) -> Sessions:
    """Sessions that keep loaded objects usable after commit."""
    return Sessions(engine)


def serial_writes(sessions: async_sessionmaker[AsyncSession]) -> AbstractAsyncContextManager[object]:
    """The lock a hot write transaction takes first (see Sessions); none for a plain session factory."""
    return sessions.writes if isinstance(sessions, Sessions) else nullcontext()


def _upgrade(url: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["url"] = url
    command.upgrade(cfg, "head")


async def migrate(url: str) -> None:
    """Create or migrate the schema; Alembic's async env runs its own loop, so give it a thread."""
    _prepare_sqlite(url)
    await asyncio.to_thread(_upgrade, url)


START_LOCK = 0x4A0B_5E7D  # the PostgreSQL advisory lock key for "one worker prepares the database at a time"


@asynccontextmanager
async def startup_lock(url: str) -> AsyncIterator[None]:
    """Workers starting at once take turns to migrate and seed: an advisory lock (PostgreSQL) or a file lock (SQLite).

    Without it, two workers on an empty PostgreSQL both create alembic_version and one crashes.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        engine = create_async_engine(url)
        try:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": START_LOCK})
                try:
                    yield
                finally:
                    await conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": START_LOCK})
        finally:
            await engine.dispose()
        return
    if _prepare_sqlite(url) and parsed.database and parsed.database != ":memory:":
        with open(f"{parsed.database}.startlock", "a+") as handle:
            await asyncio.to_thread(fcntl.flock, handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    yield
