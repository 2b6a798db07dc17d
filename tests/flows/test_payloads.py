"""Button payloads too long for Telegram are kept in the database, so they survive a restart (finding 4)."""
from store.db import make_engine, make_sessions
from store.payloads import PayloadStore


async def test_a_long_payload_survives_a_new_process(db_url):
    long = '/choose_type{"meeting_type": "' + "x" * 80 + '"}'
    first = make_engine(db_url)
    key = await PayloadStore(make_sessions(first)).keep(long)
    await first.dispose()
    assert len(key.encode()) <= 64 and key.startswith("#")
    second = make_engine(db_url)  # "after a restart": a new engine, nothing in memory
    try:
        store = PayloadStore(make_sessions(second))
        assert await store.resolve(key) == long
        assert await store.keep(long) == key  # the same payload gets the same key
        assert await store.resolve("#unknown") is None and await store.resolve("/affirm") is None
    finally:
        await second.dispose()
