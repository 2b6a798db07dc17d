"""A citizen's data, found through the schema: every table that references a citizen or their conversations.

Export and deletion walk the foreign keys instead of a hand-written list, so a new table that
holds citizen data is covered the moment it references `citizens` or `conversations`
(tests/unit/test_citizen_data.py fails for a table that is neither linked nor declared free of it).
"""
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, LargeBinary, MetaData, Table, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import Base, Booking, Citizen, Conversation

# Tables that hold nothing about a citizen: the job centre's own calendar and caseworkers.
NOT_CITIZEN_DATA = frozenset({"caseworkers", "slots", "button_payloads", "alembic_version", "staff_accounts",
                              "staff_sessions", "login_attempts", "stats_handled_questions",
                              "stats_conversations", "stats_hourly", "stats_clarify", "answer_ratings"})
ROOTS = {"citizens": "id", "conversations": "citizen_id"}


@dataclass(frozen=True)
class Link:
    """How a table reaches a citizen: its column pointing at citizens.id or conversations.id."""

    table: Table
    column: Column[Any]
    via: str  # "citizens" or "conversations"
    on_delete: str  # what the database does with the row when the citizen goes: CASCADE or SET NULL


def citizen_links(metadata: MetaData = Base.metadata) -> list[Link]:
    """Every table with a foreign key to citizens.id or conversations.id (conversations itself included)."""
    links = []
    for table in metadata.sorted_tables:
        for fk in table.foreign_keys:
            target = fk.column.table.name
            if target in ROOTS and fk.column.name == "id":
                links.append(Link(table, fk.parent, target, (fk.ondelete or "NO ACTION").upper()))
    return links


def unclassified_tables(metadata: MetaData = Base.metadata) -> set[str]:
    """Tables neither linked to a citizen nor declared free of citizen data (must be empty)."""
    linked = {link.table.name for link in citizen_links(metadata)} | set(ROOTS)
    return {t for t in metadata.tables if t not in linked and t not in NOT_CITIZEN_DATA}


def unsafe_links(metadata: MetaData = Base.metadata) -> set[str]:
    """Linked tables whose rows the database would neither delete nor anonymise with the citizen (must be empty)."""
    return {f"{link.table.name}.{link.column.name}" for link in citizen_links(metadata)
            if link.on_delete not in ("CASCADE", "SET NULL")}


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _row(table: Table, row: Any) -> dict[str, Any]:
    out = {}
    for col in table.columns:
        if col.info.get("secret"):  # hashes and login secrets: meaningless to the citizen, useful to an attacker
            continue
        value = row._mapping[col]
        if isinstance(col.type, LargeBinary):  # file contents: the name and size say what it is
            out[f"{col.name}_bytes"] = len(value or b"")
        else:
            out[col.name] = _jsonable(value)
    return out


class CitizenStore:
    """See, export and delete everything stored about one citizen."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def export(self, citizen_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every row of every linked table, by table name."""
        async with self._sessions() as s:
            convo_ids = list((await s.scalars(select(Conversation.id).where(
                Conversation.citizen_id == citizen_id))).all())
            out: dict[str, list[dict[str, Any]]] = {}
            citizen = (await s.execute(select(Citizen.__table__).where(Citizen.id == citizen_id))).all()
            out["citizens"] = [_row(Citizen.__table__, r) for r in citizen]
            by_table: dict[str, list[Any]] = {}
            tables: dict[str, Table] = {}
            for link in citizen_links():
                cond = link.column == citizen_id if link.via == "citizens" else link.column.in_(convo_ids)
                by_table.setdefault(link.table.name, []).append(cond)
                tables[link.table.name] = link.table
            for name, conds in by_table.items():  # a table linked twice (bookings) is read once
                table = tables[name]
                rows = (await s.execute(select(table).where(or_(*conds)).order_by(*table.primary_key.columns))).all()
                out[name] = [_row(table, r) for r in rows]
        return out

    async def delete(self, citizen_id: int) -> dict[str, int]:
        """Delete the citizen; linked rows go by the database's ON DELETE (events are anonymised, not deleted).

        Bookings are deleted explicitly first so their slots are free again at once; returns what
        was kept anonymised, by table, so the citizen can be told.
        """
        kept: dict[str, int] = {}
        async with self._sessions.begin() as s:
            convo_ids = list((await s.scalars(select(Conversation.id).where(
                Conversation.citizen_id == citizen_id))).all())
            for link in citizen_links():
                if link.on_delete == "SET NULL" and convo_ids:
                    cond = link.column.in_(convo_ids) if link.via == "conversations" else link.column == citizen_id
                    result = await s.execute(update(link.table).where(cond).values({link.column.name: None}))
                    kept[link.table.name] = result.rowcount  # type: ignore[attr-defined]
            await s.execute(delete(Booking).where(Booking.citizen_id == citizen_id))
            await s.execute(delete(Citizen).where(Citizen.id == citizen_id))
        return kept
