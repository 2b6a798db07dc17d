"""Shared fixtures: a fresh SQLite database per test and an engine driven by a deterministic fake NLU."""
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.wiring import Core, build_core
from dialogs.context import Services
from dialogs.engine import Engine
from i18n import Catalog, Texts
from knowledge import KnowledgeBase
from services.booking import BookingRules, BookingService
from services.municipality import Municipality, load_all
from store.db import make_engine, make_sessions, migrate
from tests.fakes import FakeNlu
from tests.pg import TempPostgres, pg_bin

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)  # Monday 09:00 in Copenhagen


class Clock:
    """A settable clock, so tests can move time (reminders, notice periods)."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server for the session; required in CI, skipped on a dev machine without one."""
    bindir = pg_bin()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed: `make test` installs it (apt-get install postgresql)")
        pytest.skip("PostgreSQL server not installed")
    server = TempPostgres(bindir)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def any_db_url(request, tmp_path: Path) -> str:
    """A migrated database of each kind, for the tests that must hold on both."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
    else:
        url = await request.getfixturevalue("postgres").new_database()
    await migrate(url)
    return url


@pytest.fixture
async def db_url(tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
    await migrate(url)
    return url


@pytest.fixture
async def sessions(db_url: str):
    engine = make_engine(db_url)
    yield make_sessions(engine)
    await engine.dispose()


@pytest.fixture
def texts() -> Texts:
    return Catalog.load().get("da")


@pytest.fixture
def fake_nlu() -> FakeNlu:
    return FakeNlu()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def municipality() -> Municipality:
    return Municipality.load("ballerup")


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    """The knowledge base is read-only: load and index it once for the whole run (~0.5 s each time)."""
    return KnowledgeBase.load().warm()


@pytest.fixture
def core(sessions, fake_nlu, clock, knowledge) -> Core:
    """Engine and services as assembled in production, with the fake NLU and a settable clock."""
    return build_core(sessions, fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000, knowledge)


@pytest.fixture
def services(core) -> Services:
    return core.services


@pytest.fixture
def booking(services) -> BookingService:
    return services.bookings["ballerup"]


@pytest.fixture
def engine(core) -> Engine:
    return core.engine
