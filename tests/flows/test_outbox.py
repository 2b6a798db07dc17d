"""Outbox delivery is exactly-once: 30 takers at once (a page's poll, turns, two workers) never share a message."""
import asyncio

from store.conversations import ConversationStore
from store.db import make_engine, make_sessions
from store.outbox import OutboxStore
from services.outgoing import OutMessage, Verbatim, to_json

N = 30


async def test_thirty_takers_at_once_get_each_message_once(any_db_url):
    db = make_engine(any_db_url)
    try:
        sessions = make_sessions(db)
        await ConversationStore(sessions).ensure("web:o", "web", "ballerup")
        outbox = OutboxStore(sessions)
        for i in range(10):
            await outbox.add("web:o", "reminder", to_json(OutMessage(Verbatim(f"besked {i}"))))
        results = await asyncio.gather(*(OutboxStore(sessions).take("web:o") for _ in range(N)))
        got = [p.body["text"]["v"] for r in results for p in r]
        assert sorted(got) == sorted(f"besked {i}" for i in range(10))  # every message once, none twice
        assert all([p.id for p in r] == sorted(p.id for p in r) for r in results)  # in order within a take
        assert await outbox.take("web:o") == []
    finally:
        await db.dispose()
