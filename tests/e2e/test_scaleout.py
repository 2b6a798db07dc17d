"""Two `bin/serve` workers on one PostgreSQL and one Rasa: turns stay ordered and bookings happen exactly once."""
import asyncio
import json
import re

import aiohttp
import asyncpg
import pytest

from tests.e2e.procs import Served, start_serve, stop_serve, wait_healthy
from tests.e2e.test_rest import FIRST_REPLY, OFFER_FIRST, PERSON, reply

pytestmark = pytest.mark.postgres

WEBHOOK = "/webhooks/rest/webhook"
BOOK = "jeg vil booke en jobsamtale over telefon"  # type and mode in one sentence: straight to the offer
MORE = "Her er flere ledige tider, senere end dem før. Vælg en, eller skriv hvornår det passer dig."
NO_MORE = "Der er ikke flere ledige tider. Skriv en anden dag, eller tal med en medarbejder."
TAKEN = "Den tid er desværre lige blevet taget. Her er andre ledige tider:"
BOOKED = re.compile(r"Din samtale er booket: Jobsamtale, .+, Telefon \(vi ringer til dig\), med [A-ZÆØÅ][\w ]+\. "
                    r"Vi ringer til dig\. Du får en påmindelse dagen før\. Her er en kalenderinvitation:")
SLOT_ID = re.compile(r'/pick_slot\{"slot_id": (\d+)\}')


@pytest.fixture(scope="module")
def workers(postgres, rasa_url, tmp_path_factory):
    """Workers A and B on one fresh database (B starts once A has migrated and seeded it)."""
    database_url = asyncio.run(postgres.new_database())
    workdir = tmp_path_factory.mktemp("scaleout")
    started: list[Served] = []
    try:
        for name in ("a", "b"):
            started.append(start_serve(workdir, database_url, rasa_url, name=name))
            wait_healthy(started[-1])
        yield started[0], started[1], _dsn(database_url)
    finally:
        codes = {w.name: stop_serve(w) for w in started}
    assert codes == {"a": 0, "b": 0}, "\n".join(w.log_tail() for w in started)


def _dsn(database_url: str) -> str:
    return database_url.replace("postgresql+asyncpg://", "postgresql://")


async def say(http: aiohttp.ClientSession, worker: Served, sender: str, message: str) -> list[dict]:
    """One REST turn on one worker; a 500 or a malformed answer fails here."""
    async with http.post(worker.url + WEBHOOK, json={"sender": sender, "message": message}) as resp:
        body = await resp.text()
        assert resp.status == 200, f"{worker.name}: {resp.status} {body[:500]}"
    messages = json.loads(body)
    assert messages and all(m["recipient_id"] == sender for m in messages), messages
    return messages


def _http() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))


def _slot_ids(messages: list[dict]) -> list[int]:
    return [int(m[1]) for b in messages[-1].get("buttons", []) if (m := SLOT_ID.fullmatch(b["payload"]))]


async def _to_offer(http, worker: Served, sender: str) -> list[int]:
    body = await say(http, worker, sender, BOOK)
    assert len(body) == 1 and OFFER_FIRST.fullmatch(body[0]["text"]), body
    return _slot_ids(body)


async def _query(dsn: str, sql: str, *args):
    conn = await asyncpg.connect(dsn)
    try:
        return await conn.fetch(sql, *args)
    finally:
        await conn.close()


def test_two_workers_started_at_the_same_moment_both_come_up_and_seed_once(postgres, rasa_url, tmp_path):
    """A deployment starts its workers together: both migrate the empty database and seed it at once.

    Three rounds, each on a fresh database, because the race is a matter of milliseconds.
    """
    for round_ in range(3):
        database_url = asyncio.run(postgres.new_database())
        pair = [start_serve(tmp_path, database_url, rasa_url, name=f"{round_}{name}") for name in ("a", "b")]
        try:
            for worker in pair:
                wait_healthy(worker)
        finally:
            codes = [stop_serve(w) for w in pair]
        assert codes == [0, 0], "\n".join(w.log_tail() for w in pair)
        rows = asyncio.run(_query(_dsn(database_url), "SELECT name FROM caseworkers ORDER BY name"))
        assert [r["name"] for r in rows] == ["Anne Holm", "Jonas Berg", "Sara Lund"]  # the demo data once


async def test_twenty_messages_at_once_in_one_conversation_run_one_turn_at_a_time(workers):
    """20 'Flere tider' at once, alternating workers: each turn must see the state the previous one left.

    Run one at a time, each answer is the next page of free times (no time offered twice) until they run
    out, and every answer after that says so. Turns that overlap read the same state and repeat a page.
    """
    a, b, dsn = workers
    async with _http() as http:
        first_page = await _to_offer(http, a, "order")
        answers = await asyncio.gather(*(say(http, (a, b)[i % 2], "order", "/more_slots") for i in range(20)))
    pages = []
    for body in answers:
        assert len(body) == 1, body  # its own reply, nobody else's
        if body[0]["text"] == NO_MORE:
            assert body == [reply("order", NO_MORE, PERSON)]
            continue
        assert body[0]["text"] == MORE and body[0]["buttons"][-1] == {"title": "Flere tider", "payload": "/more_slots"}
        pages.append(_slot_ids(body))
        assert 1 <= len(pages[-1]) <= 5, body
    offered = first_page + [slot for page in pages for slot in page]
    assert len(offered) == len(set(offered)), f"a time was offered twice: {sorted(pages)}"

    rows = await _query(dsn, "SELECT direction, text FROM messages WHERE conversation_id = 'web:order' ORDER BY id")
    assert [r["direction"] for r in rows] == ["in", "out"] * 21  # whole turns, never interleaved
    outs = [r["text"] for r in rows[3::2]]
    assert outs == [MORE] * len(pages) + [NO_MORE] * (20 - len(pages))  # pages until they ran out, in stored order


async def test_double_yes_through_both_workers_books_once_and_says_so_once(workers):
    """The citizen taps 'ja' twice; the taps land on different workers at the same moment."""
    a, b, dsn = workers
    async with _http() as http:
        slot = (await _to_offer(http, a, "twice"))[0]
        confirm = await say(http, b, "twice", f'/pick_slot{{"slot_id": {slot}}}')
        assert confirm[0]["text"].startswith("Vil du booke: Jobsamtale, "), confirm
        first, second = await asyncio.gather(say(http, a, "twice", "ja"), say(http, b, "twice", "ja"))
    texts = [m.get("text", "") for m in first + second]
    assert not any(TAKEN in t for t in texts), texts  # never "your own slot was taken"
    assert sum(bool(BOOKED.fullmatch(t)) for t in texts) == 1, texts
    booked, other = (first, second) if any(BOOKED.fullmatch(t) for t in (m.get("text", "") for m in first)) \
        else (second, first)
    # the confirmation, its invite (named by the meeting's time), then the question which number to call
    assert len(booked) == 3 and re.fullmatch(r"samtale-\d{4}-\d\d-\d\d-\d{4}\.ics", booked[1]["attachment"]["name"]), booked
    assert other == [reply("twice", *FIRST_REPLY["affirm"])]  # the second 'ja' finds the booking done
    rows = await _query(dsn, "SELECT b.slot_id FROM bookings b JOIN conversations c ON c.citizen_id = b.citizen_id "
                             "WHERE c.id = 'web:twice' AND b.status = 'active'")
    assert [r["slot_id"] for r in rows] == [slot]


async def test_ten_conversations_confirming_one_slot_through_both_workers_book_it_once(workers):
    a, b, dsn = workers
    senders = [f"race{i}" for i in range(10)]
    async with _http() as http:
        slot = (await _to_offer(http, a, senders[0]))[0]
        for i, sender in enumerate(senders):
            if i:
                await _to_offer(http, (a, b)[i % 2], sender)
            confirm = await say(http, (a, b)[i % 2], sender, f'/pick_slot{{"slot_id": {slot}}}')
            assert confirm[0]["text"].startswith("Vil du booke: Jobsamtale, "), confirm
        results = await asyncio.gather(*(say(http, (a, b)[i % 2], s, "ja") for i, s in enumerate(senders)))
    winners = [r for r in results if BOOKED.fullmatch(r[0].get("text", ""))]
    losers = [r for r in results if not BOOKED.fullmatch(r[0].get("text", ""))]
    assert len(winners) == 1, results
    for body in losers:  # told so, and offered other times without the lost one
        assert len(body) == 1 and body[0]["text"] == TAKEN, body
        assert _slot_ids(body) and slot not in _slot_ids(body), body
    rows = await _query(dsn, "SELECT count(*) AS n FROM bookings WHERE slot_id = $1 AND status = 'active'", slot)
    assert rows[0]["n"] == 1
