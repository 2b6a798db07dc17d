"""privacy (retention): indexes the retention job deletes and selects by

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

INDEXES = (("ix_messages_created_at", "messages", "created_at"), ("ix_outbox_created_at", "outbox", "created_at"),
           ("ix_conversations_updated_at", "conversations", "updated_at"))


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [column])


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
