"""statistics summaries kept by triggers on events (a month of events in well under a second); answer ratings

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

Each inserted event updates, in its own transaction, one row per conversation (stats_conversations), one row per
conversation, UTC hour, kind and key (stats_hourly) and the 'did you mean' outcomes (stats_clarify). The
triggers work for every writer (the ORM, COPY in tools/bench_stats.py); existing events are summarised once here.
The same SQL expressions serve the triggers and the backfill, so both count alike.
"""
import sqlalchemy as sa
from alembic import op

import store.types

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


class Sql:
    """The dialect's spelling of a JSON field, the UTC hour of a timestamp and the upsert of an hourly count."""

    def __init__(self, dialect: str) -> None:
        self.pg = dialect == "postgresql"

    def j(self, row: str, name: str) -> str:
        return f"({row}.data ->> '{name}')" if self.pg else f"json_extract({row}.data, '$.{name}')"

    def text(self, row: str, name: str, size: int) -> str:
        return f"substr(coalesce({self.j(row, name)}, ''), 1, {size})"

    def hour(self, row: str) -> str:
        if self.pg:
            return f"(date_trunc('hour', {row}.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')"
        return f"(substr({row}.created_at, 1, 13) || ':00:00.000000')"

    def is_true(self, row: str, name: str) -> str:
        return f"({self.j(row, name)} = 'true')" if self.pg else f"({self.j(row, name)} = 1)"

    def is_new(self, row: str) -> str:
        """A handoff request that opened a handoff ('new' absent counts as new, as the figures always did)."""
        return f"(coalesce({self.j(row, 'new')}, 'true') <> 'false')" if self.pg else \
            f"(coalesce({self.j(row, 'new')}, 1) <> 0)"

    def key(self, row: str) -> str:
        """The key an event is counted under: the knowledge entry of an answer, 'of|score' of a rating."""
        return (f"substr(CASE {row}.kind WHEN 'answer_given' THEN coalesce({self.j(row, 'entry_id')}, '') "
                f"WHEN 'rating' THEN coalesce({self.j(row, 'of')}, '') || '|' || coalesce({self.j(row, 'score')}, '') "
                f"ELSE '' END, 1, 200)")

    def next_key(self, row: str) -> str:
        """A clarification's outcome: the next turn's intent and whether it was a button."""
        return (f"(coalesce({self.j(row, 'intent')}, '') || '|' || "
                f"CASE WHEN coalesce({self.is_true(row, 'payload')}, false) THEN '1' ELSE '0' END)")

    def bump(self) -> str:
        n = "stats_hourly.n" if self.pg else "n"
        return f"ON CONFLICT (kind, hour, anon_id, key) DO UPDATE SET n = {n} + 1"


def statements(sql: Sql) -> list[str]:
    """What one new event does to the summaries (NEW is the event)."""
    started = (f"INSERT INTO stats_conversations (anon_id, started_at, municipality, channel) SELECT NEW.anon_id, "
               f"NEW.created_at, {sql.text('NEW', 'municipality', 40)}, {sql.text('NEW', 'channel', 40)} "
               f"WHERE NEW.kind = 'conversation_started' ON CONFLICT (anon_id) DO NOTHING")
    hourly = (f"INSERT INTO stats_hourly (kind, hour, anon_id, key, n) SELECT NEW.kind, {sql.hour('NEW')}, "
              f"NEW.anon_id, {sql.key('NEW')}, 1 WHERE NEW.kind <> 'conversation_started' {sql.bump()}")
    first_handoff = ("UPDATE stats_conversations SET handoff_at = NEW.created_at WHERE NEW.kind = 'handoff_requested' "
                     "AND anon_id = NEW.anon_id AND (handoff_at IS NULL OR handoff_at > NEW.created_at)")
    per_request = [f"INSERT INTO stats_hourly (kind, hour, anon_id, key, n) SELECT '{kind}', {sql.hour('NEW')}, "
                   f"NEW.anon_id, {sql.text('NEW', field, 200)}, 1 WHERE NEW.kind = 'handoff_requested' AND "
                   f"{sql.is_new('NEW')} {sql.bump()}"
                   for kind, field in (("handoff_reason", "reason"), ("handoff_hours", "outside_hours"))]
    asked = ("INSERT INTO stats_clarify (event_id, anon_id, at) SELECT NEW.id, NEW.anon_id, NEW.created_at "
             "WHERE NEW.kind = 'clarify_offered'")
    answered = (f"UPDATE stats_clarify SET next_key = {sql.next_key('NEW')} WHERE NEW.kind = 'turn' "
                f"AND anon_id = NEW.anon_id AND next_key IS NULL AND event_id < NEW.id")
    return [started, hourly, first_handoff, *per_request, asked, answered]


def backfill(sql: Sql) -> list[str]:
    """The summaries of the events already there, with the same expressions (e instead of NEW)."""
    first_start = ("e.id = (SELECT min(f.id) FROM events f WHERE f.anon_id = e.anon_id "
                   "AND f.kind = 'conversation_started')")
    requests = [f"SELECT '{kind}' AS kind, {sql.hour('e')} AS hour, e.anon_id AS anon_id, "
                f"{sql.text('e', field, 200)} AS key FROM events e WHERE e.kind = 'handoff_requested' "
                f"AND {sql.is_new('e')}" for kind, field in (("handoff_reason", "reason"),
                                                              ("handoff_hours", "outside_hours"))]
    return [
        f"INSERT INTO stats_conversations (anon_id, started_at, municipality, channel, handoff_at) "
        f"SELECT e.anon_id, e.created_at, {sql.text('e', 'municipality', 40)}, {sql.text('e', 'channel', 40)}, "
        f"(SELECT min(h.created_at) FROM events h WHERE h.anon_id = e.anon_id AND h.kind = 'handoff_requested') "
        f"FROM events e WHERE e.kind = 'conversation_started' AND {first_start}",
        f"INSERT INTO stats_hourly (kind, hour, anon_id, key, n) SELECT kind, hour, anon_id, key, count(*) FROM ("
        f"SELECT e.kind AS kind, {sql.hour('e')} AS hour, e.anon_id AS anon_id, {sql.key('e')} AS key FROM events e "
        f"WHERE e.kind <> 'conversation_started' UNION ALL {' UNION ALL '.join(requests)}) x "
        f"GROUP BY kind, hour, anon_id, key",
        f"INSERT INTO stats_clarify (event_id, anon_id, at, next_key) SELECT e.id, e.anon_id, e.created_at, "
        f"(SELECT {sql.next_key('t')} FROM events t WHERE t.id = (SELECT min(n.id) FROM events n "
        f"WHERE n.anon_id = e.anon_id AND n.kind = 'turn' AND n.id > e.id)) FROM events e "
        f"WHERE e.kind = 'clarify_offered'",
    ]


def upgrade() -> None:
    op.create_table('stats_conversations',
                    sa.Column('anon_id', sa.String(length=36), nullable=False),
                    sa.Column('started_at', store.types.UTCDateTime(timezone=True), nullable=False),
                    sa.Column('municipality', sa.String(length=40), nullable=False),
                    sa.Column('channel', sa.String(length=40), nullable=False),
                    sa.Column('handoff_at', store.types.UTCDateTime(timezone=True), nullable=True),
                    sa.PrimaryKeyConstraint('anon_id'))
    op.create_index('ix_stats_conversations_started_at', 'stats_conversations', ['started_at'])
    op.create_table('stats_hourly',
                    sa.Column('kind', sa.String(length=40), nullable=False),
                    sa.Column('hour', store.types.UTCDateTime(timezone=True), nullable=False),
                    sa.Column('anon_id', sa.String(length=36), nullable=False),
                    sa.Column('key', sa.String(length=200), nullable=False),
                    sa.Column('n', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('kind', 'hour', 'anon_id', 'key'))
    op.create_table('stats_clarify',
                    sa.Column('event_id', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('anon_id', sa.String(length=36), nullable=False),
                    sa.Column('at', store.types.UTCDateTime(timezone=True), nullable=False),
                    sa.Column('next_key', sa.String(length=200), nullable=True),
                    sa.PrimaryKeyConstraint('event_id'))
    op.create_index('ix_stats_clarify_at', 'stats_clarify', ['at'])
    op.create_index('ix_stats_clarify_waiting', 'stats_clarify', ['anon_id'], sqlite_where=sa.text('next_key IS NULL'),
                    postgresql_where=sa.text('next_key IS NULL'))
    op.create_table('answer_ratings',
                    sa.Column('anon_id', sa.String(length=36), nullable=False),
                    sa.Column('turn', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('entry_id', sa.String(length=80), nullable=False),
                    sa.Column('score', sa.Integer(), nullable=False),
                    sa.Column('created_at', store.types.UTCDateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('anon_id', 'turn'))
    sql = Sql(op.get_bind().dialect.name)
    for statement in backfill(sql):
        op.execute(statement)
    body = ";\n".join(statements(sql)) + ";"
    if sql.pg:
        op.execute(f"CREATE FUNCTION stats_on_event() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n{body}\n"
                   f"RETURN NULL;\nEND $$")
        op.execute("CREATE TRIGGER stats_on_event AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION stats_on_event()")
    else:
        op.execute(f"CREATE TRIGGER stats_on_event AFTER INSERT ON events BEGIN\n{body}\nEND")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER stats_on_event ON events")
        op.execute("DROP FUNCTION stats_on_event()")
    else:
        op.execute("DROP TRIGGER stats_on_event")
    op.drop_table('answer_ratings')
    op.drop_index('ix_stats_clarify_waiting', table_name='stats_clarify', sqlite_where=sa.text('next_key IS NULL'),
                  postgresql_where=sa.text('next_key IS NULL'))
    op.drop_index('ix_stats_clarify_at', table_name='stats_clarify')
    op.drop_table('stats_clarify')
    op.drop_index('ix_stats_conversations_started_at', table_name='stats_conversations')
    op.drop_table('stats_conversations')
    op.drop_table('stats_hourly')
