"""recording segments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 00:13:59.920578
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('recording_segment',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('attempt_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('received', sa.BigInteger(), nullable=False),
    sa.Column('frames', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('purged_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_recording_segment_attempt_id_attempt')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recording_segment')),
    sa.UniqueConstraint('attempt_id', 'seq', name=op.f('uq_recording_segment_attempt_id'))
    )
    with op.batch_alter_table('recording_segment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recording_segment_attempt_id'), ['attempt_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('recording_segment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recording_segment_attempt_id'))

    op.drop_table('recording_segment')
    
