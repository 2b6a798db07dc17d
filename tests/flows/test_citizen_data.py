"""Export and deletion are driven by the schema: every table that references a citizen is covered (finding 7)."""
from datetime import timedelta

from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, func, select

from store.citizens import citizen_links, unclassified_tables, unsafe_links
from store.models import Base, Event
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import log_in, payloads, say
from tests.flows.test_handoff import ask_person


def test_every_table_is_linked_to_a_citizen_or_declared_free_of_citizen_data():
    assert unclassified_tables() == set()
    assert unsafe_links() == set()
    linked = {link.table.name for link in citizen_links()}
    assert {"messages", "handoffs", "bookings", "files", "outbox", "turn_tickets", "events"} <= linked


def test_a_new_table_is_caught_until_it_is_covered():
    meta = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(meta)
    Table("cv_notes", meta, Column("id", Integer, primary_key=True), Column("text", String(50)))
    assert unclassified_tables(meta) == {"cv_notes"}
    Table("cv_entries", meta, Column("id", Integer, primary_key=True),
          Column("conversation_id", String(160), ForeignKey("conversations.id")))
    assert unsafe_links(meta) == {"cv_entries.conversation_id"}  # no ON DELETE: deletion would fail


async def test_export_holds_every_linked_table_and_deletion_empties_them(engine, services, sessions, municipality):
    await publish(sessions, municipality)
    await say(engine, "hej")
    offer = await say(engine, "jeg vil booke en jobsamtale på telefon")
    await say(engine, next(p for p in payloads(offer) if p.startswith("/pick_slot")))
    await say(engine, "ja")
    await ask_person(engine)
    citizen_id = (await services.conversations.load("test:t1")).citizen_id
    data = await services.citizens.export(citizen_id)
    for table in ("citizens", "conversations", "messages", "bookings", "files", "handoffs", "events", "outbox"):
        assert data[table], table
    assert data["files"][0]["content_bytes"] > 0 and "content" not in data["files"][0]
    kept = await services.citizens.delete(citizen_id)
    assert kept["events"] == len(data["events"])
    async with sessions() as s:
        for link in citizen_links():
            if link.on_delete == "CASCADE":
                assert await s.scalar(select(func.count()).select_from(link.table)) == 0, link.table.name
        assert await s.scalar(select(func.count()).select_from(Event).where(Event.conversation_id.is_not(None))) == 0
        assert await s.scalar(select(func.count()).select_from(Event)) == len(data["events"])  # anonymous counts


async def test_export_leaves_out_login_secrets_but_shows_the_rows(core, services, clock):
    citizen_id = await log_in(core)
    token = await core.identity.new_login("test:t1", "/list_bookings", clock.now, timedelta(minutes=10))
    await core.identity.start_login(token, "state-x", "nonce-x", "verifier-x", clock.now)
    await core.identity.new_link_code(citizen_id, clock.now, timedelta(minutes=10))
    data = await services.citizens.export(citizen_id)
    (login,), (link,) = data["login_requests"], data["telegram_link_codes"]
    assert login["resume"] == "/list_bookings" and "expires_at" in link
    for row in (login, link):
        assert not {"token_hash", "state_hash", "nonce", "code_verifier", "code_hash"} & row.keys()
    assert "verifier-x" not in repr(data) and "nonce-x" not in repr(data)
