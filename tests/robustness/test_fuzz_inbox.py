"""Bad input on the caseworker inbox API, logged in and anonymous, never gives a 5xx and always the contract's JSON."""
import json
from urllib.parse import quote

import aiohttp
from hypothesis import given
from hypothesis import strategies as st

from tests.robustness.conftest import CASEWORKERS, PASSWORD, chat, login
from tests.robustness.contract import check
from tests.robustness.strategies import ANY_CHAR, CONTENT_TYPES, FUZZ, JSON_VALUES, bodies, weighted

API = "/inbox/api"
GETS = ["/me", "/handoffs", "/handoffs/{id}", "/colleagues", "/end-statuses", "/canned", "/bookings-today"]
POSTS = ["/handoffs/{id}/claim", "/handoffs/{id}/reply", "/handoffs/{id}/note", "/handoffs/{id}/forward",
         "/handoffs/{id}/close"]
IDS = weighted((3, st.sampled_from(["1", "2"])), (1, st.integers(-5, 5).map(str)),
               (1, st.sampled_from(["0", "01", "²", "١", "1e3", "0x1", "1.5", "9" * 30, str(2**63), "-1", " 1"])),
               (1, st.text(ANY_CHAR, min_size=1, max_size=12)))
# Every field any POST reads, with the right names and odd values.
FIELDS = {"text": JSON_VALUES, "to": st.one_of(st.sampled_from([c[0] for c in CASEWORKERS]), JSON_VALUES),
          "note": JSON_VALUES, "end_status": st.one_of(st.sampled_from(["løst", "ring_op", "LØST", ""]), JSON_VALUES)}
# Header values travel as Latin-1: the odd ones are the non-ASCII tokens hmac.compare_digest refuses as str.
LATIN1 = st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f")
CSRF = st.one_of(st.none(), st.just("real"), st.text(LATIN1, max_size=40))
STATUS_QUERY = st.one_of(st.sampled_from(["open", "claimed", "closed", "", "OPEN"]), st.text(ANY_CHAR, max_size=8))


def _template(path: str) -> str:
    return API + path


def _url(path: str, hid: str) -> str:
    return API + path.replace("{id}", quote(hid, safe=""))


async def _open_handoffs(http) -> None:
    """Two citizens asked for a person, so ids 1 and 2 exist for the fuzzing to hit."""
    for sender in ("c1", "c2"):
        for text in ("jeg vil tale med et menneske", "jeg har ikke fået min ydelse", '/handoff_consent{"share": true}',
                     '/handoff_contact{"method": "chat"}'):
            await chat(http, text, sender)


async def _json(resp: aiohttp.ClientResponse):
    assert resp.content_type == "application/json", (resp.status, await resp.text())
    return await resp.json()


async def _fuzz_one(http, session, csrf, method, path, hid, body, content_type, token, status_query) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    if token is not None:
        headers["X-CSRF-Token"] = csrf if token == "real" else token
    url = _url(path, hid) + (f"?status={quote(status_query, safe='')}" if path == "/handoffs" else "")
    async with session.request(method, http.make_url(url), data=body if method == "POST" else None,
                               headers=headers) as resp:
        if resp.status == 404 and "{id}" in path and not hid.isascii():
            return  # aiohttp cannot route an id with an encoded slash: its plain 404, not ours
        check(_template(path), method.lower(), resp.status, await _json(resp))


@FUZZ
@given(data=st.data())
async def test_the_inbox_api_logged_in_answers_any_request_with_the_contract(http, data):
    if not hasattr(http, "fuzz_csrf"):  # once per test, not per example: hypothesis reuses the fixture
        await _open_handoffs(http)
        http.fuzz_csrf = await login(http)
    method, path = data.draw(st.sampled_from([("GET", p) for p in GETS] + [("POST", p) for p in POSTS]))
    await _fuzz_one(http, http.session, http.fuzz_csrf, method, path, data.draw(IDS), data.draw(bodies(FIELDS)),
                    data.draw(CONTENT_TYPES), data.draw(st.sampled_from(["real"] * 4 + [None]) | CSRF),
                    data.draw(STATUS_QUERY))


@FUZZ
@given(method_path=st.sampled_from([("GET", p) for p in GETS] + [("POST", p) for p in [*POSTS, "/logout"]]),
       hid=IDS, body=bodies(FIELDS), token=CSRF, cookie=st.one_of(st.none(), st.text(
           st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters=';,"\\'), max_size=60)))
async def test_the_inbox_api_without_a_session_is_always_401(http, method_path, hid, body, token, cookie):
    method, path = method_path
    cookies = {"inbox_session": cookie} if cookie is not None else {}
    async with aiohttp.ClientSession(cookies=cookies) as anonymous:
        headers = {"X-CSRF-Token": token} if token is not None else {}
        async with anonymous.request(method, http.make_url(_url(path, hid)), data=body, headers=headers) as resp:
            if resp.status == 404 and not hid.isascii():
                return
            answer = await _json(resp)
            check(_template(path), method.lower(), resp.status, answer)
            assert resp.status == 401, answer


@FUZZ
@given(body=bodies({"email": st.one_of(st.sampled_from([c[0] for c in CASEWORKERS]), st.text(ANY_CHAR, max_size=30)),
                    "password": st.one_of(st.just(PASSWORD), st.text(ANY_CHAR, max_size=30))}),
       content_type=CONTENT_TYPES)
async def test_login_answers_any_body_with_the_contract(http, body, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    async with aiohttp.ClientSession() as fresh:  # its own cookie jar: a success must not log the fixture in
        async with fresh.post(http.make_url(API + "/login"), data=body, headers=headers) as resp:
            answer = await _json(resp)
    check(API + "/login", "post", resp.status, answer)  # 200, 400, 401, 413 or 429, each with its JSON


async def test_the_inbox_works_normally_after_odd_requests(http):
    await _open_handoffs(http)
    csrf = await login(http)
    for odd in ("²", "9" * 30, str(2**63), "١"):
        resp = await http.post(_url("/handoffs/{id}/claim", odd), headers={"X-CSRF-Token": csrf})
        check(API + "/handoffs/{id}/claim", "post", resp.status, await resp.json())
    bad = await http.post(API + "/handoffs/1/claim", headers={"X-CSRF-Token": "æøå"})
    assert (bad.status, await bad.json()) == (403, {"error": "missing or wrong X-CSRF-Token"})
    assert (await http.post(API + "/handoffs/1/claim", headers={"X-CSRF-Token": csrf})).status == 200
    reply = await http.post(API + "/handoffs/1/reply", headers={"X-CSRF-Token": csrf}, data=json.dumps(
        {"text": "Hej\x00 med\x07 dig"}), )
    assert reply.status == 200
    outbox = await (await http.get("/webhooks/rest/outbox/c1")).json()
    assert outbox[-1]["text"] == "Anne Holm (medarbejder): Hej med dig"
    queue = await (await http.get(API + "/handoffs?status=claimed")).json()
    check(API + "/handoffs", "get", 200, queue)
    assert [h["id"] for h in queue] == [1]
