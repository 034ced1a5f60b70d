"""user names unique however they are written (Desk beside desk): a case-folded key

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 04:40:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user_account') as batch:
        batch.add_column(sa.Column('name_key', sa.String(100), nullable=True))
    users = sa.table('user_account', sa.column('id'), sa.column('username'), sa.column('name_key'))
    conn = op.get_bind()
    for row_id, name in conn.execute(sa.select(users.c.id, users.c.username)).all():
        conn.execute(users.update().where(users.c.id == row_id).values(name_key=name.casefold()))
    with op.batch_alter_table('user_account') as batch:
        batch.alter_column('name_key', existing_type=sa.String(100), nullable=False)
        batch.create_unique_constraint('uq_user_account_name_key', ['name_key'])


def downgrade() -> None:
    with op.batch_alter_table('user_account') as batch:
        batch.drop_constraint('uq_user_account_name_key', type_='unique')
        batch.drop_column('name_key')
