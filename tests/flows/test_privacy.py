"""See, export and delete one's data."""
import json

from sqlalchemy import func, select

from store.models import Citizen, Message
from tests.flows.helpers import payloads, say, texts_of


async def test_privacy_explains_and_offers_see_and_delete(engine):
    replies = await say(engine, "hvad gemmer I om mig")
    assert {"/show_my_data", "/delete_my_data"} <= set(payloads(replies))


async def test_show_my_data_exports_json(engine, services):
    await say(engine, "hej")
    replies = await say(engine, "/show_my_data")
    file = next(r.file for r in replies if r.file)
    assert file.name == "mine-data.json"
    data = json.loads((await services.files.get(file.token)).content)
    assert [m["text"] for m in data["messages"] if m["direction"] == "in"] == ["hej", "/show_my_data"][:1]
    assert len(data["citizens"]) == 1 and len(data["conversations"]) == 1
    assert {"messages", "events", "outbox", "handoffs", "bookings", "files"} <= set(data)


async def test_delete_needs_confirmation_and_removes_everything(engine, sessions):
    await say(engine, "hej")
    await say(engine, "slet mine data")
    assert "slettet" in texts_of(await say(engine, "ja"))
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Citizen)) == 0
        assert await s.scalar(select(func.count()).select_from(Message)) == 0


async def test_delete_can_be_declined(engine, sessions):
    await say(engine, "slet mine data")
    assert "Intet er slettet".lower() in texts_of(await say(engine, "nej")).lower()
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Citizen)) == 1
