"""a wand check names the candidate (registration) it is for

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 12:10:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('detector_event') as batch:
        batch.add_column(sa.Column('registration_id', sa.String(128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('detector_event') as batch:
        batch.drop_column('registration_id')
