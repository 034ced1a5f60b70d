"""the console's actions: room pause, lock sources, rule codes, acknowledged alerts, session history

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 23:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('test_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('paused_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('kiosk', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lock_source', sa.String(length=16), nullable=True))
    with op.batch_alter_table('admission', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason_code', sa.String(length=32), nullable=True))
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.add_column(sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('acknowledged_by', sa.String(length=100), nullable=True))
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_id', sa.String(length=128), nullable=True))
        batch_op.create_index(
            batch_op.f('ix_audit_entry_session_id'), ['session_id'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_session_id'))
        batch_op.drop_column('session_id')
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_column('acknowledged_by')
        batch_op.drop_column('acknowledged_at')
    with op.batch_alter_table('admission', schema=None) as batch_op:
        batch_op.drop_column('reason_code')
    with op.batch_alter_table('kiosk', schema=None) as batch_op:
        batch_op.drop_column('lock_source')
    with op.batch_alter_table('test_session', schema=None) as batch_op:
        batch_op.drop_column('paused_at')
