"""conversations.language_asked: the assistant asked once whether to continue in English (issue 14)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04

The question is asked once per conversation; the answer itself is conversations.locale.
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('conversations') as batch_op:
        batch_op.add_column(sa.Column('language_asked', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('conversations') as batch_op:
        batch_op.drop_column('language_asked')
