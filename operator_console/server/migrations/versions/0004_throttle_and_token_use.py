"""sign-in and enrollment throttle kept in the database; a token's last use for idle expiry

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 22:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'throttle',
        sa.Column('hall_id', sa.String(length=64), nullable=False),
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('tries', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('hall_id', 'key', name=op.f('pk_throttle')),
    )
    with op.batch_alter_table('user_token', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('user_token', schema=None) as batch_op:
        batch_op.drop_column('last_used_at')
    op.drop_table('throttle')
