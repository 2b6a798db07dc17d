"""The nastiest inputs, on SQLite and PostgreSQL (which refuses NUL and overflows on huge ids): answers, never a 500."""
import json

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.inbox_web import build_inbox
from bot.web import build_web_app
from bot.wiring import build_core
from services.booking import BookingRules
from services.municipality import load_all
from services.staff import StaffService
from store.db import make_engine, make_sessions
from tests.flows.booking_fixtures import publish
from tests.robustness.conftest import CASEWORKERS, PASSWORD, login, payloads, texts
from tests.robustness.contract import check

WEBHOOK = "/webhooks/rest/webhook"
EMPTY = "Skriv gerne din besked, så hjælper jeg."
TOO_LONG = "Din besked er for lang. Skriv det kort, gerne i flere beskeder (højst 1000 tegn)."
STALE = "Den knap er ikke aktiv længere. Her er menuen:"
CLARIFY = "Jeg er ikke sikker på, hvad du mener. Mener du en af disse?"


@pytest.fixture
async def app(any_db_url, fake_nlu, clock, knowledge, municipality):
    db = make_engine(any_db_url)
    sessions = make_sessions(db)
    await publish(sessions, municipality)
    core = build_core(sessions, fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000, knowledge)
    staff = StaffService(sessions, clock)
    await staff.add(CASEWORKERS[0][0], CASEWORKERS[0][1], PASSWORD)

    async def healthy() -> bool:
        return True

    inbox = build_inbox(staff, core.inbox, core.services.bookings["ballerup"], False, clock)
    web_app = build_web_app(core.engine, core.outbox, core.services.files, core.renderer, core.services.catalog,
                            healthy, {"/inbox/": inbox})
    async with TestClient(TestServer(web_app)) as client:
        yield client
    await db.dispose()


async def _post(client, body: bytes, path: str = WEBHOOK) -> tuple[int, object]:
    resp = await client.post(path, data=body, headers={"Content-Type": "application/json"})
    return resp.status, await resp.json()


@pytest.mark.parametrize("message, first", [
    ("\x00", EMPTY), ("hej\x00\x01\x1b[31m", "Hej! Jeg er Jobassistenten"), ("x" * 10_000, TOO_LONG),
    ("🙂🙂🙂", CLARIFY), ("'; DROP TABLE messages; --", CLARIFY), ("<script>alert(1)</script>", CLARIFY),
    ('/pick_slot{"slot_id": 99999999999999999999999}', STALE), ('/pick_slot{"slot_id": -1}', STALE),
    ('/pick_booking{"booking_id": 9223372036854775808}', STALE), ('/kb_entry{"id": "\\u0000"}', STALE),
    ("/no_such_intent", STALE), ('/cv{"do": {"x": [1]}}', "Sådan ser dit CV ud nu:"),
])
async def test_odd_messages_get_a_danish_reply(app, message, first):
    status, replies = await _post(app, json.dumps({"sender": "nasty", "message": message}).encode())
    check(WEBHOOK, "post", status, replies)
    assert status == 200 and texts(replies)[0].startswith(first), replies


@pytest.mark.parametrize("slot_id, first", [
    *((forged, STALE) for forged in ("99999999999999999999999", "-1", "0", "9223372036854775808", '"1"', "1.5", "null",
                                     "[1]", '{"a": 1}', "true", "NaN")),
    ("999999", "Den tid kan ikke bookes længere. Her er andre ledige tider:"),  # well-formed, but no such time
])
async def test_forged_slot_buttons_inside_a_booking_are_answered(app, slot_id, first):
    """Before: a huge id crashed the turn (integer overflow in the driver), and 'true' did on PostgreSQL."""
    status, offer = await _post(app, json.dumps({"sender": "f", "message": "jeg vil booke en jobsamtale på telefon"})
                                .encode())
    assert status == 200 and any(p.startswith("/pick_slot") for p in payloads(offer))
    status, replies = await _post(app, json.dumps({"sender": "f", "message": f'/pick_slot{{"slot_id": {slot_id}}}'})
                                  .encode())
    check(WEBHOOK, "post", status, replies)
    assert status == 200 and texts(replies)[0] == first, replies


@pytest.mark.parametrize("body", [
    {"sender": "a\x00b", "message": "hej"}, {"sender": "\ud800", "message": "hej"},
    {"sender": "a", "message": "\udfff"},
    {"sender": "a", "message": ["hej"]}, {"sender": 7, "message": "hej"}, {"sender": " ", "message": "hej"},
])
async def test_malformed_requests_are_400_with_a_json_error(app, body):
    status, answer = await _post(app, json.dumps(body).encode())
    check(WEBHOOK, "post", status, answer)
    assert status == 400


async def test_the_inbox_takes_nul_and_huge_ids_in_its_stride(app):
    status, answer = await _post(app, json.dumps({"email": "anne\x00@kommune.dk", "password": "x"}).encode(),
                                 "/inbox/api/login")
    assert status == 401, answer
    csrf = await login(app)
    for hid in ("9223372036854775808", "99999999999999999999999", "٣"):
        resp = await app.post(f"/inbox/api/handoffs/{hid}/claim", headers={"X-CSRF-Token": csrf})
        assert resp.status == 404, await resp.text()
    resp = await app.post("/inbox/api/handoffs/1/note", json={"text": "\x00"}, headers={"X-CSRF-Token": csrf})
    assert (resp.status, await resp.json()) == (400, {"error": "'text' must be a non-empty string"})
    resp = await app.post("/inbox/api/handoffs/1/forward", json={"to": "bo\x00@kommune.dk", "note": "\x00"},
                          headers={"X-CSRF-Token": csrf})
    assert (resp.status, await resp.json()) == (400, {"error": "'to' must be a colleague's e-mail"})
