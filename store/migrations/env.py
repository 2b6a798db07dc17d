"""Alembic environment: async engine, URL handed in by store.db.migrate (or -x url=...)."""
import asyncio

from alembic import context
from sqlalchemy.ext.asyncio import create_async_engine

from store.models import Base

config = context.config
target = Base.metadata


def _url() -> str:
    return config.attributes.get("url") or context.get_x_argument(as_dictionary=True)["url"]


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=target, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


async def _online() -> None:
    engine = create_async_engine(_url())
    async with engine.connect() as conn:
        await conn.run_sync(_run)
        await conn.commit()
    await engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_online())
