"""conversation core: turn tickets, one outgoing-message model, handoff lifecycle, events, locale

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
import json
import uuid

import sqlalchemy as sa
from alembic import op

import store.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

OPEN = sa.text("status IN ('requested', 'claimed')")


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locale', sa.String(length=8), nullable=False, server_default='da'))
        batch_op.add_column(sa.Column('municipality', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('mode', sa.String(length=8), nullable=False, server_default='bot'))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('anon_id', sa.String(length=36), nullable=False, server_default=''))
    for (cid,) in bind.execute(sa.text("SELECT id FROM conversations")).all():
        bind.execute(sa.text("UPDATE conversations SET anon_id = :a WHERE id = :i"),
                     {"a": str(uuid.uuid4()), "i": cid})
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        for col in ('locale', 'municipality', 'mode', 'version', 'anon_id'):
            batch_op.alter_column(col, server_default=None)

    # Handoffs: 'open' becomes 'requested'; one request or claim per conversation.
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.drop_index('uq_handoff_open_per_conversation', sqlite_where=sa.text("status = 'open'"),
                            postgresql_where=sa.text("status = 'open'"))
        batch_op.add_column(sa.Column('priority', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('claimed_at', store.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('closed_at', store.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('end_status', sa.String(length=40), nullable=True))
    bind.execute(sa.text("UPDATE handoffs SET status = 'requested' WHERE status = 'open'"))
    bind.execute(sa.text("UPDATE handoffs SET priority = 1 WHERE reason = 'crisis'"))
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.alter_column('priority', server_default=None)
        batch_op.create_index('uq_handoff_open_per_conversation', ['conversation_id'], unique=True,
                              sqlite_where=OPEN, postgresql_where=OPEN)

    # Outbox: rendered text becomes the stored message model; old rows keep their text verbatim.
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='reminder'))
        batch_op.add_column(sa.Column('body', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('claimed_until', store.types.UTCDateTime(timezone=True), nullable=True))
    for oid, text in bind.execute(sa.text("SELECT id, text FROM outbox")).all():
        body = {"text": {"v": text}, "buttons": [], "file": None, "sources": []}
        bind.execute(sa.text("UPDATE outbox SET body = :b WHERE id = :i"), {"b": json.dumps(body), "i": oid})
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.alter_column('body', existing_type=sa.JSON(), nullable=False)
        batch_op.alter_column('kind', server_default=None)
        batch_op.alter_column('attempts', server_default=None)
        batch_op.drop_column('text')
        batch_op.create_index('ix_outbox_pending', ['conversation_id', 'delivered_at'], unique=False)

    op.create_table('turn_tickets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=160), nullable=False),
    sa.Column('created_at', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('turn_tickets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_turn_tickets_conversation_id'), ['conversation_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=160), nullable=True),
    sa.Column('anon_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('created_at', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_anon_id'), ['anon_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_kind'), ['kind'], unique=False)

    op.create_table('button_payloads',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', store.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )


def downgrade() -> None:
    op.drop_table('button_payloads')
    op.drop_table('events')
    op.drop_table('turn_tickets')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_pending')
        batch_op.add_column(sa.Column('text', sa.Text(), nullable=False, server_default=''))
        for col in ('claimed_until', 'attempts', 'body', 'kind'):
            batch_op.drop_column(col)
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.drop_index('uq_handoff_open_per_conversation', sqlite_where=OPEN, postgresql_where=OPEN)
        for col in ('end_status', 'closed_at', 'claimed_at', 'claimed_by', 'priority'):
            batch_op.drop_column(col)
    op.get_bind().execute(sa.text("UPDATE handoffs SET status = 'open' WHERE status IN ('requested', 'claimed')"))
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.create_index('uq_handoff_open_per_conversation', ['conversation_id'], unique=True,
                              sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        for col in ('anon_id', 'version', 'mode', 'municipality', 'locale'):
            batch_op.drop_column(col)
