"""a proctor's finding on each flag: confirmed or dismissed, with a note

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 14:00:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('incident') as batch:
        batch.add_column(sa.Column('finding', sa.String(16), nullable=True))
        batch.add_column(sa.Column('finding_note', sa.Text(), nullable=True))
        batch.add_column(sa.Column('found_by', sa.String(100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('incident') as batch:
        batch.drop_column('found_by')
        batch.drop_column('finding_note')
        batch.drop_column('finding')
