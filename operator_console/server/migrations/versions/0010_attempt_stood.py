"""every span an attempt's clock stood still (seat locks, room pauses), kept for good

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 03:15:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('attempt') as batch:
        batch.add_column(sa.Column('stood', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('attempt') as batch:
        batch.drop_column('stood')
