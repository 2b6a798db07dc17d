"""meeting details (phone number to call, video link), caseworker contact, the demo case system's profiles

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('bookings') as batch:
        batch.alter_column('conversation_id', existing_type=sa.String(length=160), nullable=True)
        batch.add_column(sa.Column('booked_by', sa.String(length=20), server_default='citizen', nullable=False))
        batch.add_column(sa.Column('call_number', sa.String(length=40), nullable=True))
        batch.add_column(sa.Column('video_url', sa.String(length=300), nullable=True))
    with op.batch_alter_table('caseworkers') as batch:
        batch.add_column(sa.Column('phone', sa.String(length=40), server_default='', nullable=False))
        batch.add_column(sa.Column('email', sa.String(length=200), server_default='', nullable=False))
    op.create_table('case_profiles',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('citizen_id', sa.Integer(), nullable=False),
                    sa.Column('target_group', sa.String(length=40), nullable=True),
                    sa.Column('caseworker_id', sa.Integer(), nullable=True),
                    sa.ForeignKeyConstraint(['caseworker_id'], ['caseworkers.id'], ondelete='SET NULL'),
                    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('id'),
                    sa.UniqueConstraint('citizen_id'))


def downgrade() -> None:
    op.drop_table('case_profiles')
    with op.batch_alter_table('caseworkers') as batch:
        batch.drop_column('email')
        batch.drop_column('phone')
    op.execute("DELETE FROM bookings WHERE conversation_id IS NULL")  # caseworker-booked: no chat to keep them in
    with op.batch_alter_table('bookings') as batch:
        batch.drop_column('video_url')
        batch.drop_column('call_number')
        batch.drop_column('booked_by')
        batch.alter_column('conversation_id', existing_type=sa.String(length=160), nullable=False)
