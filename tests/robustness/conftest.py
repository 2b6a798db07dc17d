"""The web app in-process (REST endpoint, outbox, inbox API) over the fake NLU, with two caseworker accounts."""
import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.inbox_web import build_inbox
from bot.web import build_web_app
from services.staff import StaffService
from tests.flows.booking_fixtures import publish

PASSWORD = "en lang adgangsfrase"
CASEWORKERS = (("anne@kommune.dk", "Anne Holm"), ("bo@kommune.dk", "Bo Berg"))


@pytest.fixture
def health_state() -> dict[str, bool]:
    """What /health reports in these tests (fault tests switch it)."""
    return {"ok": True}


@pytest.fixture
async def http(core, sessions, clock, health_state, municipality):
    services = core.services
    await publish(sessions, municipality)  # bookable times, so forged and stale slot buttons meet real ones
    staff = StaffService(sessions, clock)
    for email, name in CASEWORKERS:
        await staff.add(email, name, PASSWORD)

    async def healthy() -> bool:
        return health_state["ok"]

    inbox = build_inbox(staff, core.inbox, services.bookings["ballerup"], False, clock)
    app = build_web_app(core.engine, core.outbox, services.files, core.renderer, services.catalog, healthy,
                        {"/inbox/": inbox})
    async with TestClient(TestServer(app)) as client:
        yield client


async def login(client: TestClient, email: str = CASEWORKERS[0][0]) -> str:
    """Logs the client in (its cookie jar keeps the session); returns the CSRF token."""
    resp = await client.post("/inbox/api/login", json={"email": email, "password": PASSWORD})
    assert resp.status == 200, await resp.text()
    return (await resp.json())["csrf"]


async def chat(client: TestClient, text: str, sender: str = "cit") -> list[dict]:
    resp = await client.post("/webhooks/rest/webhook", json={"sender": sender, "message": text})
    assert resp.status == 200, await resp.text()
    return await resp.json()


def texts(replies: list[dict]) -> list[str]:
    return [m["text"] for m in replies if "text" in m]


def payloads(replies: list[dict]) -> list[str]:
    return [b["payload"] for m in replies for b in m.get("buttons", [])]
