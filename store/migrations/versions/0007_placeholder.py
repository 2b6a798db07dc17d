"""citizen identity (OIDC subjects, web sessions, Telegram links)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

import store.types

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, store.types.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table('citizens') as batch:
        batch.add_column(sa.Column('subject', sa.String(length=255), nullable=True))
        batch.create_unique_constraint('uq_citizens_subject', ['subject'])
    op.create_table('web_sessions',
                    sa.Column('token_hash', sa.String(length=64), nullable=False),
                    sa.Column('citizen_id', sa.Integer(), nullable=False),
                    _at('created_at'), _at('expires_at'),
                    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('token_hash'))
    with op.batch_alter_table('web_sessions') as batch:
        batch.create_index(batch.f('ix_web_sessions_citizen_id'), ['citizen_id'], unique=False)
        batch.create_index(batch.f('ix_web_sessions_expires_at'), ['expires_at'], unique=False)
    op.create_table('web_conversations',
                    sa.Column('conversation_id', sa.String(length=160), nullable=False),
                    _at('created_at'),
                    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('conversation_id'))
    op.create_table('login_requests',
                    sa.Column('token_hash', sa.String(length=64), nullable=False),
                    sa.Column('conversation_id', sa.String(length=160), nullable=False),
                    sa.Column('resume', sa.String(length=1000), nullable=False),
                    sa.Column('state_hash', sa.String(length=64), nullable=True),
                    sa.Column('nonce', sa.String(length=64), nullable=True),
                    sa.Column('code_verifier', sa.String(length=128), nullable=True),
                    _at('created_at'), _at('expires_at'), _at('used_at', nullable=True),
                    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('token_hash'),
                    sa.UniqueConstraint('state_hash'))
    with op.batch_alter_table('login_requests') as batch:
        batch.create_index(batch.f('ix_login_requests_conversation_id'), ['conversation_id'], unique=False)
        batch.create_index(batch.f('ix_login_requests_expires_at'), ['expires_at'], unique=False)
    op.create_table('telegram_link_codes',
                    sa.Column('code_hash', sa.String(length=64), nullable=False),
                    sa.Column('citizen_id', sa.Integer(), nullable=False),
                    _at('created_at'), _at('expires_at'), _at('used_at', nullable=True),
                    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('code_hash'))
    with op.batch_alter_table('telegram_link_codes') as batch:
        batch.create_index(batch.f('ix_telegram_link_codes_citizen_id'), ['citizen_id'], unique=False)
        batch.create_index(batch.f('ix_telegram_link_codes_expires_at'), ['expires_at'], unique=False)


def downgrade() -> None:
    for table in ('telegram_link_codes', 'login_requests', 'web_conversations', 'web_sessions'):
        op.drop_table(table)
    with op.batch_alter_table('citizens') as batch:
        batch.drop_constraint('uq_citizens_subject', type_='unique')
        batch.drop_column('subject')
