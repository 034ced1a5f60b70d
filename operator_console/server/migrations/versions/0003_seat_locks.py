"""seat locks: a locked kiosk pauses its attempt until the operator's resume code

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 01:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('kiosk', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('lock_reason', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('resume_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('resume_expires_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('resume_failures', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('paused_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('paused_at')
    with op.batch_alter_table('kiosk', schema=None) as batch_op:
        batch_op.drop_column('resume_failures')
        batch_op.drop_column('resume_expires_at')
        batch_op.drop_column('resume_hash')
        batch_op.drop_column('lock_reason')
        batch_op.drop_column('locked_at')
