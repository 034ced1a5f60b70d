"""indexes for what every seat poll asks: the seat's open incidents and its admissions

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 11:40:00
"""
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_incident_seat_at', 'incident', ['seat_code', 'at'])
    op.create_index('ix_admission_seat_code', 'admission', ['seat_code'])


def downgrade() -> None:
    op.drop_index('ix_admission_seat_code', table_name='admission')
    op.drop_index('ix_incident_seat_at', table_name='incident')
