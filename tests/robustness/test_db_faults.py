"""The database down mid-conversation (PostgreSQL stopped): /health 503, a polite reply, no 500, and recovery."""
from types import SimpleNamespace

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.inbox_web import build_inbox
from bot.web import build_web_app
from bot.wiring import Assistant, build_core
from services.booking import BookingRules
from services.municipality import load_all
from services.staff import StaffService
from store.db import make_engine, make_sessions, migrate
from tests.pg import TempPostgres, pg_bin
from tests.robustness.conftest import CASEWORKERS, PASSWORD, chat, login, payloads, texts

pytestmark = pytest.mark.postgres
APOLOGY = "Beklager, noget gik galt hos mig. Prøv igen, eller tal med en medarbejder."
GREETING = "Hej! Jeg er Jobassistenten"


class StoppablePostgres(TempPostgres):
    """A private server this test may stop and start again (the session's shared one must stay up)."""

    paused = False

    def pause(self) -> None:
        self.paused = True
        self._run(str(self._bin / "pg_ctl"), "-D", str(self._data), "-m", "immediate", "-w", "stop")

    def resume(self) -> None:
        self.paused = False
        opts = f"-p {self.port} -k {self._dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(str(self._bin / "pg_ctl"), "-D", str(self._data), "-o", opts, "-l", str(self._dir / "log"),
                  "-w", "start")


@pytest.fixture
def pg():
    bindir = pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server not installed")
    server = StoppablePostgres(bindir)
    server.start()
    yield server
    if server.paused:  # a failed test left it stopped: start it, so stop() ends it the usual way
        server.resume()
    server.stop()


@pytest.fixture
async def web(pg, fake_nlu, clock, knowledge):
    url = await pg.new_database()
    await migrate(url)
    db = make_engine(url)
    sessions = make_sessions(db)
    core = build_core(sessions, fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000, knowledge)
    staff = StaffService(sessions, clock)
    await staff.add(CASEWORKERS[0][0], CASEWORKERS[0][1], PASSWORD)
    db_ok = SimpleNamespace(db=db)  # the production health check, Assistant.db_ok, on this engine
    inbox = build_inbox(staff, core.inbox, core.services.bookings["ballerup"], False, clock)
    app = build_web_app(core.engine, core.outbox, core.services.files, core.renderer, core.services.catalog,
                        lambda: Assistant.db_ok(db_ok), {"/inbox/": inbox})
    async with TestClient(TestServer(app)) as client:
        yield client
    await db.dispose()


async def test_database_down_gives_503_health_a_polite_reply_and_recovers(web, pg):
    assert texts(await chat(web, "hej"))[0].startswith(GREETING)
    csrf = await login(web)
    pg.pause()
    assert (await web.get("/health")).status == 503
    replies = await chat(web, "jeg vil booke en jobsamtale")  # 200: an apology and a person, never a 500
    assert texts(replies) == [APOLOGY] and payloads(replies) == ["/human_handoff", "/capabilities"]
    for path in ("/webhooks/rest/outbox/cit", "/inbox/api/handoffs"):  # before: aiohttp's plain-text 500
        resp = await web.get(path)
        assert (resp.status, await resp.json()) == (503, {"error": "temporarily unavailable, try again shortly"})
    pg.resume()  # nothing restarted in the app: the pool notices the new server by itself (pre-ping)
    assert (await web.get("/health")).status == 200
    assert texts(await chat(web, "hej"))[0].startswith(GREETING)
    assert (await web.get("/inbox/api/handoffs")).status == 200
    claim = await web.post("/inbox/api/handoffs/1/claim", headers={"X-CSRF-Token": csrf})
    assert claim.status == 404  # the session survived the outage; there is simply no handoff 1
