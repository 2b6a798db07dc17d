"""staff analytics: indexes for the statistics queries, and the handled unanswered-question groups

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

import store.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_kind_created", "events", ["kind", "created_at"])
    op.create_index("ix_events_anon_kind", "events", ["anon_id", "kind", "id"])
    op.create_table(
        "stats_handled_questions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("label", sa.String(300), nullable=False),
        sa.Column("handled_by", sa.String(120), nullable=False),
        sa.Column("handled_at", store.types.UTCDateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("stats_handled_questions")
    op.drop_index("ix_events_anon_kind", table_name="events")
    op.drop_index("ix_events_kind_created", table_name="events")
