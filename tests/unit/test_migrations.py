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


async def test_sqlite_folder_is_created_on_first_start(tmp_path):
    """A fresh clone has no var/: migrating must create it (make run's first start)."""
    from store.db import migrate

    url = f"sqlite+aiosqlite:///{tmp_path / 'var' / 'deeper' / 'app.db'}"
    await migrate(url)
    assert (tmp_path / "var" / "deeper" / "app.db").exists()
