"""The caseworker contract over HTTP (fake NLU): login, 401, 403 without CSRF, 409 on a double claim, relay, close."""
import asyncio

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.inbox_web import build_inbox
from bot.web import build_web_app
from services.staff import StaffService
from tests.flows.test_handoff import ask_person

PASSWORD = "en lang adgangsfrase"


@pytest.fixture
async def http(core, sessions, clock):
    services = core.services

    async def healthy() -> bool:
        return True

    inbox = build_inbox(await _staff(sessions, clock), core.inbox, services.bookings["ballerup"], False, clock)
    app = build_web_app(core.engine, core.outbox, services.files, core.renderer, services.catalog, healthy,
                        {"/inbox/": inbox})
    async with TestClient(TestServer(app)) as client:
        yield client


async def _staff(sessions, clock) -> StaffService:
    staff = StaffService(sessions, clock)
    await staff.add("anne@kommune.dk", "Anne Holm", PASSWORD)
    await staff.add("bo@kommune.dk", "Bo Berg", PASSWORD)
    return staff


async def login(client: TestClient, email: str) -> str:
    resp = await client.post("/inbox/api/login", json={"email": email, "password": PASSWORD})
    assert resp.status == 200
    body = await resp.json()
    assert set(body) == {"name", "csrf"}
    cookie = resp.cookies["inbox_session"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    return body["csrf"]


async def chat(client: TestClient, text: str, sender: str = "cit") -> list[dict]:
    resp = await client.post("/webhooks/rest/webhook", json={"sender": sender, "message": text})
    assert resp.status == 200
    return await resp.json()


async def test_the_contract_end_to_end(http, core):
    for text in ("jeg vil tale med et menneske", "jeg har ikke fået min ydelse", '/handoff_consent{"share": true}',
                 '/handoff_contact{"method": "chat"}'):
        await chat(http, text)
    assert (await http.get("/inbox/api/handoffs")).status == 401
    csrf = await login(http, "anne@kommune.dk")
    queue = await (await http.get("/inbox/api/handoffs?status=open")).json()
    assert [(h["status"], h["reason"], h["channel"], h["claimed_by"]) for h in queue] == [
        ("requested", "human_handoff", "web", None)]
    assert "Borgerens besked: jeg har ikke fået min ydelse" in queue[0]["summary"]
    hid = queue[0]["id"]
    assert (await http.post(f"/inbox/api/handoffs/{hid}/claim")).status == 403  # no CSRF header
    assert (await http.post(f"/inbox/api/handoffs/{hid}/claim", headers={"X-CSRF-Token": "wrong"})).status == 403
    assert (await http.post(f"/inbox/api/handoffs/{hid}/reply", json={"text": "hej"},
                            headers={"X-CSRF-Token": csrf})).status == 409  # not claimed yet
    assert (await http.post(f"/inbox/api/handoffs/{hid}/claim", headers={"X-CSRF-Token": csrf})).status == 200
    assert (await http.post(f"/inbox/api/handoffs/{hid}/reply", json={"text": "Hej, jeg kigger på det nu."},
                            headers={"X-CSRF-Token": csrf})).status == 200
    outbox = await (await http.get("/webhooks/rest/outbox/cit")).json()
    assert [m["text"] for m in outbox] == [
        "Anne Holm fra jobcentret har taget din henvendelse. Skriv her, så svarer Anne Holm dig.",
        "Anne Holm (medarbejder): Hej, jeg kigger på det nu."]
    assert await chat(http, "Tak, jeg venter") == []  # to the caseworker, not the bot
    detail = await (await http.get(f"/inbox/api/handoffs/{hid}")).json()
    assert (detail["messages"][0]["from"], detail["messages"][0]["text"]) == ("citizen", "[Her i chatten]")
    assert [(m["from"], m["text"]) for m in detail["messages"]][-2:] == [
        ("caseworker", "Hej, jeg kigger på det nu."), ("citizen", "Tak, jeg venter")]
    assert (await http.post(f"/inbox/api/handoffs/{hid}/close", json={"end_status": "løst"},
                            headers={"X-CSRF-Token": csrf})).status == 200
    back = await chat(http, "hej")
    assert back[0]["text"].startswith("Medarbejderen har afsluttet samtalen")
    assert back[-1]["text"].startswith("Hej! Jeg er Jobassistenten")
    closed = await (await http.get("/inbox/api/handoffs?status=closed")).json()
    assert [(h["id"], h["end_status"]) for h in closed] == [(hid, "løst")]
    assert (await http.post("/inbox/api/logout", headers={"X-CSRF-Token": csrf})).status == 200
    assert (await http.get("/inbox/api/handoffs")).status == 401


async def test_two_caseworkers_claim_at_once_one_gets_409(http, core):
    await ask_person(core.engine, sender="x")
    hid = (await core.services.handoffs.open_for("test:x")).id
    csrf_a = await login(http, "anne@kommune.dk")
    other = TestClient(TestServer(http.server.app))
    await other.start_server()
    try:
        csrf_b = await login(other, "bo@kommune.dk")
        a, b = await asyncio.gather(http.post(f"/inbox/api/handoffs/{hid}/claim", headers={"X-CSRF-Token": csrf_a}),
                                    other.post(f"/inbox/api/handoffs/{hid}/claim", headers={"X-CSRF-Token": csrf_b}))
        assert sorted([a.status, b.status]) == [200, 409]
    finally:
        await other.close()


async def test_wrong_password_is_401_and_repeated_failures_429(http):
    for _ in range(5):
        resp = await http.post("/inbox/api/login", json={"email": "anne@kommune.dk", "password": "forkert kode 123"})
        assert resp.status == 401
    no_account = await http.post("/inbox/api/login", json={"email": "nobody@x.dk", "password": "forkert kode 123"})
    assert no_account.status == 429  # the same client address failed five times
    assert (await http.post("/inbox/api/login", json={"email": "anne@kommune.dk", "password": PASSWORD})).status == 429
    assert (await http.post("/inbox/api/login", json={"email": 1})).status == 400
