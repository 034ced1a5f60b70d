"""The operator API (contracts §6): what consoles send the room server and what it answers."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from operator_console.protocol.records import SectionResult, VerificationReason
from operator_console.protocol.values import (
    AdmissionStatus,
    AttemptStatus,
    FinishReason,
    Id,
    Language,
    OutboxStatus,
    OutcomeCode,
    ProgramCode,
    Role,
    RowId,
    SessionStatus,
    Strict,
    SyncLevel,
    UtcTime,
)


class VerdictRequest(Strict):
    """The proctor's finding after reviewing an attempt's recording and incidents."""

    verdict: Literal["clear", "violation"]
    reasons: list[VerificationReason] = Field(default=[], max_length=50)


class LoginRequest(Strict):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


class LoginResponse(Strict):
    token: str
    role: Role


class RosterFetch(Strict):
    date: date


class RosterImported(Strict):
    sessions: int
    candidates: int


class AdmissionRequest(Strict):
    registration_id: Id
    presented_iin: str = Field(max_length=32)
    """The IIN read from the candidate's identity document at the desk."""
    detector_event_id: RowId | None = None


class AdmissionView(Strict):
    admission_id: str
    registration_id: str
    full_name: str
    status: AdmissionStatus
    reason: str | None
    programs: list[ProgramCode]
    seat: str | None


class RegistrationView(Strict):
    registration_id: str
    full_name: str
    iin: str
    programs: list[ProgramCode]
    languages: list[Language]


class SeatBinding(Strict):
    seat: str = Field(min_length=1, max_length=16)


class SessionView(Strict):
    session_id: str
    starts_at: UtcTime
    status: SessionStatus
    started_at: UtcTime | None
    programs: list[ProgramCode]
    candidates: int


class BankView(Strict):
    program: ProgramCode
    bank_id: str
    version: str
    questions: int
    languages: list[Language]
    sample: bool


class BanksView(Strict):
    loaded: list[BankView]
    refused: dict[str, str]
    """Package file -> why it was refused."""


class EnrollmentCodeRequest(Strict):
    seat: str = Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9-]+$")


class EnrollmentCodeView(Strict):
    seat: str
    code: str
    expires_at: UtcTime


class OutboxView(Strict):
    record_id: str
    kind: str
    status: OutboxStatus
    tries: int
    created_at: UtcTime
    delivered_at: UtcTime | None
    reference_at: UtcTime | None
    """For a result, when its attempt finished: the start of the 20-minute clock."""
    last_error: str | None


class SyncStatus(Strict):
    pending: int
    parked: int
    delivered: int
    oldest_pending_seconds: float | None
    last_success_at: UtcTime | None
    level: SyncLevel


class AttemptResultView(Strict):
    attempt_id: str
    registration_id: str
    program: ProgramCode
    language: Language | None
    status: AttemptStatus
    finished_at: UtcTime | None
    finish_reason: FinishReason | None
    outcome: OutcomeCode | None
    total: float | None
    sections: list[SectionResult]


class DetectorEventView(Strict):
    id: int
    device: str
    source: Literal["serial", "manual"]
    kind: Literal["hello", "pass", "alarm", "status", "fault", "tamper"]
    sequence: int | None
    zones: list[int]
    level: int | None
    raw: str
    received_at: UtcTime


class DetectorStateView(Strict):
    configured: bool
    state: Literal["connecting", "connected", "reconnecting", "faulted", "stopped", "off"]
    device: str | None
    since: UtcTime | None
    last_event_at: UtcTime | None
    parse_errors: int
    gaps: int
    disconnects: int
    missing_transits: int
    last_error: str | None


class ManualDetectorEvent(Strict):
    """The operator's hand-held wand: pass or alarm, recorded at the console."""

    kind: Literal["pass", "alarm"]
    zones: list[Annotated[int, Field(ge=0, le=255)]] = Field(default=[], max_length=32)
    note: str = Field(default="", max_length=500)


class ResumeCodeView(Strict):
    """A one-time code the operator reads out (or types) at a locked seat."""

    seat: str
    code: str
    expires_at: UtcTime
