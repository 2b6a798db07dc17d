"""citizen identity (OIDC subjects, web sessions, Telegram links)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('citizens') as batch:
        batch.add_column(sa.Column('subject', sa.String(length=255), nullable=True))
        batch.create_unique_constraint('uq_citizens_subject', ['subject'])


def downgrade() -> None:
    with op.batch_alter_table('citizens') as batch:
        batch.drop_constraint('uq_citizens_subject', type_='unique')
        batch.drop_column('subject')
