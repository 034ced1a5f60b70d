"""The hall's tables. Times are stored as UTC and always come back aware."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: every stored time is aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Hall(Base):
    __tablename__ = "hall"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class HallSession(Base):
    __tablename__ = "test_session"
    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    hall_id: Mapped[str] = mapped_column(ForeignKey("hall.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[datetime]
    programs: Mapped[list[Any]]
    status: Mapped[str] = mapped_column(String(16), default="scheduled")
    started_at: Mapped[datetime | None]
    started_by: Mapped[str | None] = mapped_column(String(100))
    paused_at: Mapped[datetime | None]
    """Set while the whole room is paused (a fire alarm, a power cut)."""


class Registration(Base):
    __tablename__ = "registration"
    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("test_session.id"), index=True)
    iin: Mapped[str] = mapped_column(String(12))
    full_name: Mapped[str] = mapped_column(String(300))
    photo_jpeg_b64: Mapped[str | None] = mapped_column(Text)
    programs: Mapped[list[Any]]
    languages: Mapped[list[Any]]
    banned_until: Mapped[datetime | None]
    last_attempts: Mapped[list[Any]]


class Seat(Base):
    __tablename__ = "seat"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    hall_id: Mapped[str] = mapped_column(ForeignKey("hall.id"))
    spare: Mapped[bool] = mapped_column(Boolean, default=False)


class Kiosk(Base):
    __tablename__ = "kiosk"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seat_code: Mapped[str] = mapped_column(ForeignKey("seat.code"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    machine: Mapped[str] = mapped_column(String(200))
    enrolled_at: Mapped[datetime]
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    locked_at: Mapped[datetime | None]
    lock_reason: Mapped[str | None] = mapped_column(String(64))
    lock_source: Mapped[str | None] = mapped_column(String(16))
    """Who locked the seat: `kiosk`, `operator` (a code opens it) or `room` (its resume does)."""
    resume_hash: Mapped[str | None] = mapped_column(String(64))
    resume_expires_at: Mapped[datetime | None]
    resume_failures: Mapped[int] = mapped_column(Integer, default=0)


class EnrollmentCode(Base):
    __tablename__ = "enrollment_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    seat_code: Mapped[str] = mapped_column(ForeignKey("seat.code"))
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class Admission(Base):
    __tablename__ = "admission"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("test_session.id"), index=True)
    registration_id: Mapped[str] = mapped_column(ForeignKey("registration.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    reason_code: Mapped[str | None] = mapped_column(String(32))
    """The rule that refused, for the console to say in the operator's language."""
    decided_at: Mapped[datetime]
    decided_by: Mapped[str] = mapped_column(String(100))
    seat_code: Mapped[str | None] = mapped_column(ForeignKey("seat.code"), index=True)
    detector_event_id: Mapped[int | None] = mapped_column(ForeignKey("detector_event.id"))


class Attempt(Base):
    __tablename__ = "attempt"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    admission_id: Mapped[str] = mapped_column(ForeignKey("admission.id"), index=True)
    registration_id: Mapped[str] = mapped_column(ForeignKey("registration.id"))
    session_id: Mapped[str] = mapped_column(ForeignKey("test_session.id"))
    program: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    language: Mapped[str | None] = mapped_column(String(2))
    seat_code: Mapped[str | None] = mapped_column(String(16))
    bank_id: Mapped[str | None] = mapped_column(String(128))
    bank_version: Mapped[str | None] = mapped_column(String(64))
    form_seed: Mapped[str | None] = mapped_column(String(64))
    form: Mapped[list[Any] | None] = mapped_column(JSON)
    flags: Mapped[list[Any] | None] = mapped_column(JSON)
    """The questions the candidate flagged for review, as the kiosk last sent them."""
    started_at: Mapped[datetime | None]
    deadline_at: Mapped[datetime | None] = mapped_column(index=True)
    finished_at: Mapped[datetime | None]
    finish_reason: Mapped[str | None] = mapped_column(String(16))
    paused_at: Mapped[datetime | None]
    """Set while the seat is locked: the clock stops and the deadline moves on at resume."""
    stood: Mapped[list[Any] | None] = mapped_column(JSON)
    """Every span its clock stood still, once it ran again: [[from, to], ...] in RFC 3339.
    An answer stamped inside one is refused, whenever it arrives (`seat_clock.stood_still`)."""
    outcome: Mapped[str | None] = mapped_column(String(16))
    total_score: Mapped[float | None] = mapped_column(Numeric(8, 2, asdecimal=False))


class AttemptSection(Base):
    __tablename__ = "attempt_section"
    __table_args__ = (UniqueConstraint("attempt_id", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    attempt_id: Mapped[str] = mapped_column(ForeignKey("attempt.id"))
    code: Mapped[str] = mapped_column(String(64))
    questions: Mapped[int]
    answered: Mapped[int]
    correct: Mapped[int]
    score: Mapped[float] = mapped_column(Numeric(8, 2, asdecimal=False))
    threshold: Mapped[float | None] = mapped_column(Numeric(8, 2, asdecimal=False))
    passed: Mapped[bool | None] = mapped_column(Boolean)


class AnswerEvent(Base):
    """Every answer change a kiosk journalled, in its order; the latest per item is the answer."""

    __tablename__ = "answer_event"
    __table_args__ = (UniqueConstraint("attempt_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    attempt_id: Mapped[str] = mapped_column(ForeignKey("attempt.id"))
    seq: Mapped[int]
    item_id: Mapped[str] = mapped_column(String(128))
    choices: Mapped[list[Any]]
    answered_at: Mapped[datetime]
    received_at: Mapped[datetime]
    refused: Mapped[str | None] = mapped_column(Text)


class Incident(Base):
    __tablename__ = "incident"
    __table_args__ = (Index("ix_incident_seat_at", "seat_code", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("test_session.id"))
    attempt_id: Mapped[str | None] = mapped_column(ForeignKey("attempt.id"), index=True)
    seat_code: Mapped[str | None] = mapped_column(String(16))
    at: Mapped[datetime]
    category: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    reported_by: Mapped[str] = mapped_column(String(100))
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(100))
    finding: Mapped[str | None] = mapped_column(String(16))
    """The proctor's finding on a flag: `confirmed` or `dismissed` (None: not reviewed)."""
    finding_note: Mapped[str | None] = mapped_column(Text)
    found_by: Mapped[str | None] = mapped_column(String(100))

    def thumbnail_path(self, root: Path) -> Path:
        """Where the kiosk's camera still of the moment is kept, under the recordings' `root`."""
        return root / str(self.attempt_id) / f"incident-{self.id}.jpg"


class DetectorEventRow(Base):
    __tablename__ = "detector_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    sequence: Mapped[int | None]
    zones: Mapped[list[Any]]
    level: Mapped[int | None]
    raw: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(index=True)
    registration_id: Mapped[str | None] = mapped_column(String(128))
    """A wand check's candidate: the desk records it for one registration (none for the arch)."""


class OutboxRecord(Base):
    """What must reach the upstream; written in the transaction that produced it, never deleted."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "hall_id", "status", "next_try_at"),)
    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    hall_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    path: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    tries: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    reference_at: Mapped[datetime | None]
    next_try_at: Mapped[datetime]
    delivered_at: Mapped[datetime | None]
    http_status: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (UniqueConstraint("hall_id", "seq"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    hall_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int]
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[dict[str, Any]]
    session_id: Mapped[str | None] = mapped_column(String(128), index=True)
    """The session the action belongs to, for its history; not part of the hash."""
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row per hall: the chain's tip, locked while an entry is appended."""

    __tablename__ = "audit_head"
    hall_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))
    sent_seq: Mapped[int] = mapped_column(Integer, default=0)


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    name_key: Mapped[str] = mapped_column(String(100), unique=True)
    """The name case-folded (`str.casefold`, whole Unicode): `Desk` beside `desk` is refused by
    the database too, also when two administrators create them at the same moment."""
    full_name: Mapped[str] = mapped_column(String(300), default="")
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class UserToken(Base):
    __tablename__ = "user_token"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    """Moved at most once a minute; a token idle longer than the idle limit has expired."""


class Throttle(Base):
    """Recent tries of one key (a user name, a kiosk's address for enrollment codes)."""

    __tablename__ = "throttle"
    hall_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    tries: Mapped[list[Any]]
    """RFC 3339 times of the tries still inside the window, oldest first."""


class RecordingSegment(Base):
    """One sealed webcam segment of an attempt, as uploaded by its kiosk."""

    __tablename__ = "recording_segment"
    __table_args__ = (UniqueConstraint("attempt_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    attempt_id: Mapped[str] = mapped_column(ForeignKey("attempt.id"), index=True)
    seq: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    frames: Mapped[int]
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    purged_at: Mapped[datetime | None]
