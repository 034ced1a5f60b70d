"""initial hall schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 23:27:59.227280
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('audit_entry',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('hall_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry')),
    sa.UniqueConstraint('hall_id', 'seq', name=op.f('uq_audit_entry_hall_id'))
    )
    op.create_table('audit_head',
    sa.Column('hall_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('sent_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hall_id', name=op.f('pk_audit_head'))
    )
    op.create_table('detector_event',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('device', sa.String(length=100), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=True),
    sa.Column('zones', sa.JSON(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_detector_event'))
    )
    with op.batch_alter_table('detector_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_detector_event_received_at'), ['received_at'], unique=False)

    op.create_table('hall',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hall'))
    )
    op.create_table('outbox',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('hall_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('path', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('tries', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reference_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_try_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('http_status', sa.Integer(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_due', ['hall_id', 'status', 'next_try_at'], unique=False)

    op.create_table('user_account',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('full_name', sa.String(length=300), nullable=False),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    op.create_table('seat',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('hall_id', sa.String(length=64), nullable=False),
    sa.Column('spare', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['hall_id'], ['hall.id'], name=op.f('fk_seat_hall_id_hall')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_seat'))
    )
    op.create_table('test_session',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('hall_id', sa.String(length=64), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('programs', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('started_by', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['hall_id'], ['hall.id'], name=op.f('fk_test_session_hall_id_hall')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_test_session'))
    )
    with op.batch_alter_table('test_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_test_session_hall_id'), ['hall_id'], unique=False)

    op.create_table('user_token',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_user_token_user_id_user_account')),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_user_token'))
    )
    op.create_table('enrollment_code',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('seat_code', sa.String(length=16), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['seat_code'], ['seat.code'], name=op.f('fk_enrollment_code_seat_code_seat')),
    sa.PrimaryKeyConstraint('code_hash', name=op.f('pk_enrollment_code'))
    )
    op.create_table('kiosk',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('seat_code', sa.String(length=16), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('machine', sa.String(length=200), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['seat_code'], ['seat.code'], name=op.f('fk_kiosk_seat_code_seat')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kiosk')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_kiosk_token_hash'))
    )
    with op.batch_alter_table('kiosk', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kiosk_seat_code'), ['seat_code'], unique=False)

    op.create_table('registration',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('session_id', sa.String(length=128), nullable=False),
    sa.Column('iin', sa.String(length=12), nullable=False),
    sa.Column('full_name', sa.String(length=300), nullable=False),
    sa.Column('photo_jpeg_b64', sa.Text(), nullable=True),
    sa.Column('programs', sa.JSON(), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('banned_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_attempts', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['test_session.id'], name=op.f('fk_registration_session_id_test_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registration'))
    )
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registration_session_id'), ['session_id'], unique=False)

    op.create_table('admission',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('session_id', sa.String(length=128), nullable=False),
    sa.Column('registration_id', sa.String(length=128), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.String(length=100), nullable=False),
    sa.Column('seat_code', sa.String(length=16), nullable=True),
    sa.Column('detector_event_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['detector_event_id'], ['detector_event.id'], name=op.f('fk_admission_detector_event_id_detector_event')),
    sa.ForeignKeyConstraint(['registration_id'], ['registration.id'], name=op.f('fk_admission_registration_id_registration')),
    sa.ForeignKeyConstraint(['seat_code'], ['seat.code'], name=op.f('fk_admission_seat_code_seat')),
    sa.ForeignKeyConstraint(['session_id'], ['test_session.id'], name=op.f('fk_admission_session_id_test_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_admission'))
    )
    with op.batch_alter_table('admission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admission_registration_id'), ['registration_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_admission_session_id'), ['session_id'], unique=False)

    op.create_table('attempt',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('admission_id', sa.String(length=36), nullable=False),
    sa.Column('registration_id', sa.String(length=128), nullable=False),
    sa.Column('session_id', sa.String(length=128), nullable=False),
    sa.Column('program', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=True),
    sa.Column('seat_code', sa.String(length=16), nullable=True),
    sa.Column('bank_id', sa.String(length=128), nullable=True),
    sa.Column('bank_version', sa.String(length=64), nullable=True),
    sa.Column('form_seed', sa.String(length=64), nullable=True),
    sa.Column('form', sa.JSON(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deadline_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finish_reason', sa.String(length=16), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('total_score', sa.Numeric(precision=8, scale=2, asdecimal=False), nullable=True),
    sa.ForeignKeyConstraint(['admission_id'], ['admission.id'], name=op.f('fk_attempt_admission_id_admission')),
    sa.ForeignKeyConstraint(['registration_id'], ['registration.id'], name=op.f('fk_attempt_registration_id_registration')),
    sa.ForeignKeyConstraint(['session_id'], ['test_session.id'], name=op.f('fk_attempt_session_id_test_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attempt'))
    )
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attempt_admission_id'), ['admission_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attempt_deadline_at'), ['deadline_at'], unique=False)

    op.create_table('answer_event',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('attempt_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.String(length=128), nullable=False),
    sa.Column('choices', sa.JSON(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('refused', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_answer_event_attempt_id_attempt')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answer_event')),
    sa.UniqueConstraint('attempt_id', 'seq', name=op.f('uq_answer_event_attempt_id'))
    )
    op.create_table('attempt_section',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('attempt_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('questions', sa.Integer(), nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Integer(), nullable=False),
    sa.Column('score', sa.Numeric(precision=8, scale=2, asdecimal=False), nullable=False),
    sa.Column('threshold', sa.Numeric(precision=8, scale=2, asdecimal=False), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_attempt_section_attempt_id_attempt')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attempt_section')),
    sa.UniqueConstraint('attempt_id', 'code', name=op.f('uq_attempt_section_attempt_id'))
    )
    op.create_table('incident',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('session_id', sa.String(length=128), nullable=True),
    sa.Column('attempt_id', sa.String(length=36), nullable=True),
    sa.Column('seat_code', sa.String(length=16), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('reported_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_incident_attempt_id_attempt')),
    sa.ForeignKeyConstraint(['session_id'], ['test_session.id'], name=op.f('fk_incident_session_id_test_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident'))
    )
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_attempt_id'), ['attempt_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_attempt_id'))

    op.drop_table('incident')
    op.drop_table('attempt_section')
    op.drop_table('answer_event')
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attempt_deadline_at'))
        batch_op.drop_index(batch_op.f('ix_attempt_admission_id'))

    op.drop_table('attempt')
    with op.batch_alter_table('admission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admission_session_id'))
        batch_op.drop_index(batch_op.f('ix_admission_registration_id'))

    op.drop_table('admission')
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registration_session_id'))

    op.drop_table('registration')
    with op.batch_alter_table('kiosk', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kiosk_seat_code'))

    op.drop_table('kiosk')
    op.drop_table('enrollment_code')
    op.drop_table('user_token')
    with op.batch_alter_table('test_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_test_session_hall_id'))

    op.drop_table('test_session')
    op.drop_table('seat')
    op.drop_table('user_account')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_due')

    op.drop_table('outbox')
    op.drop_table('hall')
    with op.batch_alter_table('detector_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_detector_event_received_at'))

    op.drop_table('detector_event')
    op.drop_table('audit_head')
    op.drop_table('audit_entry')
    
