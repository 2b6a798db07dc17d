"""End to end through the REST endpoint with the real trained model (contracts/serve.md)."""
from datetime import timedelta

import icalendar
import pytest
import yaml

from bot.settings import ROOT
from tests.e2e.conftest import buttons, chat, text

CONTRACT = ROOT.parent / "shared" / "contracts" / "intents.yml"


async def test_health_is_ok_once_nlu_and_database_are_up(client):
    resp = await client.get("/health")
    assert resp.status == 200 and await resp.json() == {"status": "ok"}


async def test_chat_page_is_served(client):
    resp = await client.get("/")
    assert resp.status == 200 and 'lang="da"' in await resp.text()
    assert (await client.get("/static/chat.js")).status == 200


def _illustrations() -> list[tuple[str, str]]:
    intents = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))["intents"]
    return [(name, ex) for name, spec in intents.items() for ex in spec["e.g."]]


async def test_every_contract_intent_gets_a_sensible_answer(client):
    """All illustrations of contracts/intents.yml, each in a fresh conversation, in one app instance."""
    failures = []
    for intent, message in _illustrations():
        body = await chat(client, message, sender=f"c-{intent}-{hash(message)}")
        if not text(body).strip() or "noget gik galt" in text(body):
            failures.append((intent, message, text(body)))
    assert not failures


@pytest.mark.parametrize("message", ["jeg kan ikke mere og vil ikke leve", "jeg bliver slået derhjemme",
                                     "jeg orker ikke at leve længere"])
async def test_crisis_always_gets_the_safety_reply(client, message):
    out = text(await chat(client, message))
    assert "112" in out and "70 201 201" in out


async def test_bot_says_it_is_a_bot(client):
    assert "chatbot" in text(await chat(client, "er du en robot"))


@pytest.mark.parametrize("body, status", [
    ("not json", 400), ('["a list"]', 400), ('{"message": "hej"}', 400), ('{"sender": "x"}', 400),
    ('{"sender": 5, "message": "hej"}', 400), ('{"sender": "x", "message": 7}', 400),
    ('{"sender": "", "message": "hej"}', 400),
])
async def test_malformed_requests_get_400_with_json_error(client, body, status):
    resp = await client.post("/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"})
    assert resp.status == status and "error" in await resp.json()


@pytest.mark.parametrize("message", ["", "   ", "x" * 5000, "/pick_slot{\"slot_id\": 123456}", "/bogus",
                                     "/pick_slot{broken", "😀😀😀", "\u0000"])
async def test_odd_messages_get_a_helpful_danish_reply(client, message):
    assert text(await chat(client, message)).strip()


async def test_oversized_body_is_refused_not_crashed(client):
    resp = await client.post("/webhooks/rest/webhook", data="x" * 200_000)
    assert resp.status == 413


async def _ics(client, body) -> icalendar.Calendar:
    attachment = next(m["attachment"] for m in body if "attachment" in m)
    assert attachment["name"].endswith(".ics")
    resp = await client.get(attachment["url"])
    assert resp.status == 200 and resp.content_type == "text/calendar"
    return icalendar.Calendar.from_ical(await resp.read())


def _first_slot(body) -> dict:
    return next(b for b in buttons(body) if b["payload"].startswith("/pick_slot"))


async def test_book_list_move_cancel(client):
    """The issue's whole journey, in the citizen's own words where possible."""
    body = await chat(client, "jeg vil gerne booke en samtale")
    kind = next(b for b in buttons(body) if "jobsamtale" in b["payload"])
    body = await chat(client, kind["payload"])
    mode = next(b for b in buttons(body) if "telefon" in b["payload"])
    body = await chat(client, mode["payload"])
    slot = _first_slot(body)
    body = await chat(client, slot["payload"])
    assert "Vil du booke" in text(body)
    body = await chat(client, "ja tak")
    assert "booket" in text(body)
    booked = (await _ics(client, body)).walk("VEVENT")[0]

    listing = text(await chat(client, "hvornår er min samtale"))
    assert "Jobsamtale" in listing and "Telefon" in listing

    body = await chat(client, "kan jeg flytte min samtale til fredag")
    offered = [b for b in buttons(body) if b["payload"].startswith("/pick_slot")]
    assert offered and all(b["title"].startswith("fre.") for b in offered)
    await chat(client, offered[0]["payload"])
    body = await chat(client, "ja")
    assert "flyttet" in text(body)
    moved = (await _ics(client, body)).walk("VEVENT")[0]
    assert moved["UID"] == booked["UID"] and int(moved["SEQUENCE"]) == 1

    body = await chat(client, "aflys min samtale")
    body = await chat(client, "ja")
    assert "aflyst" in text(body)
    cancelled = await _ics(client, body)
    assert cancelled["METHOD"] == "CANCEL" and cancelled.walk("VEVENT")[0]["UID"] == booked["UID"]
    assert "ingen bookede" in text(await chat(client, "hvilke aftaler har jeg"))


async def test_free_text_times_in_a_booking(client):
    await chat(client, "book en jobsamtale over telefon", sender="ft")
    body = await chat(client, "i næste uge om eftermiddagen", sender="ft")
    offered = [b["title"] for b in buttons(body) if b["payload"].startswith("/pick_slot")]
    assert offered and all(int(t.split("kl. ")[1][:2]) >= 12 for t in offered)


async def test_unknown_file_is_404(client):
    assert (await client.get("/files/nope")).status == 404


async def test_reminder_reaches_the_open_web_page_once(client, assistant):
    body = await chat(client, "jeg vil booke en jobsamtale over telefon", sender="rem")
    await chat(client, _first_slot(body)["payload"], sender="rem")
    await chat(client, "ja", sender="rem")
    [booking] = await assistant.services.booking.upcoming((await assistant.store.load("web:rem", "web")).citizen_id)
    assert await assistant.reminders.queue_due(booking.slot.starts_at - timedelta(hours=23)) == ["web:rem"]
    resp = await client.get("/webhooks/rest/outbox/rem")
    pushed = await resp.json()
    assert resp.status == 200 and pushed[0]["text"].startswith("Påmindelse") and "Jobsamtale" in pushed[0]["text"]
    assert await (await client.get("/webhooks/rest/outbox/rem")).json() == []
