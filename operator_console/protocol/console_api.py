"""The operator API (contracts §6): what consoles send the room server and what it answers."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from operator_console.protocol.reasons import Reason
from operator_console.protocol.records import SectionResult, VerificationReason
from operator_console.protocol.values import (
    AdmissionStatus,
    AttemptStatus,
    FinishReason,
    Id,
    Language,
    LockSource,
    OutboxStatus,
    OutcomeCode,
    ProgramCode,
    Role,
    RowId,
    SeatState,
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


Screen = Literal["sessions", "desk", "hall", "history", "review", "sync", "report", "admin"]


class LoginResponse(Strict):
    token: str
    role: Role
    screens: list[Screen] = []
    """The console screens this role gets, in order: the server decides, the console shows."""


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
    reason_code: str | None = None
    programs: list[ProgramCode]
    seat: str | None


class RegistrationView(Strict):
    registration_id: str
    full_name: str
    iin: str
    programs: list[ProgramCode]
    languages: list[Language]
    photo_jpeg_b64: str | None = None
    banned_until: UtcTime | None = None
    admission: AdmissionStatus | None = None
    """The desk's decision so far: none yet, admitted or refused."""
    seat: str | None = None


class AdmissionCheck(Strict):
    """What the rules would decide for this candidate now, before the operator decides."""

    registration_id: str
    admissible: bool
    reason_code: str | None
    """`invalid_iin`, `iin_mismatch`, `not_on_roster`, `banned`, `late`, `retake_too_soon`,
    `attempts_this_month`, `already_admitted`, `already_refused`, `session_closed`."""
    reason: str | None
    facts: dict[str, str] = {}


class Refusing(Strict):
    """The operator refuses a candidate at the desk, for a reason of the list."""

    registration_id: Id
    reason: Reason
    detector_event_id: RowId | None = None


class SeatBinding(Strict):
    seat: str = Field(min_length=1, max_length=16)


class SessionView(Strict):
    session_id: str
    starts_at: UtcTime
    status: SessionStatus
    started_at: UtcTime | None
    programs: list[ProgramCode]
    candidates: int
    paused_at: UtcTime | None = None
    admitted: int = 0
    refused: int = 0
    seated: int = 0
    finished: int = 0


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


class AlertView(Strict):
    """An incident at a seat that nobody has acknowledged yet."""

    incident_id: int
    at: UtcTime
    category: str
    code: str
    note: str


class SeatView(Strict):
    """One seat of the map, as the server sees it now."""

    seat: str
    spare: bool
    enrolled: bool
    state: SeatState
    session_id: str | None = None
    registration_id: str | None = None
    full_name: str | None = None
    attempt_id: str | None = None
    program: ProgramCode | None = None
    language: Language | None = None
    answered: int = 0
    total: int = 0
    deadline_at: UtcTime | None = None
    time_left_seconds: float | None = None
    """While the seat is locked, the time it will have when it resumes."""
    locked_at: UtcTime | None = None
    lock_reason: str | None = None
    lock_source: LockSource | None = None
    last_heard_at: UtcTime | None = None
    """The kiosk's last request; the console judges silence against `server_time`."""
    alerts: list[AlertView] = []


class SeatMap(Strict):
    server_time: UtcTime
    columns: int
    """How many seats a row of the room holds, from `hall.columns`."""
    cursor: str
    """Where the change stream stands as of this map: follow `GET /changes?after=` from it."""
    seats: list[SeatView]


ChangeKind = Literal["seat", "session", "admission", "incident", "detector", "sync"]


class ChangeView(Strict):
    kind: ChangeKind
    subject: str
    """The seat code, session id, admission's registration id or incident id that changed."""
    at: UtcTime


class ChangeBatch(Strict):
    cursor: str
    reset: bool
    """The server restarted or the cursor is too old: fetch the whole picture again."""
    server_time: UtcTime
    changes: list[ChangeView]
    seats: list[SeatView]
    """The current view of every seat the changes touched."""


class SeatAction(Strict):
    reason: Reason


class TimeChange(Strict):
    minutes: Annotated[int, Field(ge=-300, le=300)]
    reason: Reason


class Termination(Strict):
    reason: Reason


class Move(Strict):
    to_seat: str = Field(min_length=1, max_length=16)
    reason: Reason


class SeatActionView(Strict):
    """The seat after the action, and the resume code when the action leaves it locked."""

    seat: SeatView
    resume_code: ResumeCodeView | None = None
    proposal: str | None = None
    """After a termination for a violation: what the proctor is asked to confirm."""


class RoomAction(Strict):
    reason: Reason


class RoomActionView(Strict):
    session: SessionView
    seats: list[str]
    """The seats whose clock the action stopped or gave back."""


class IncidentRequest(Strict):
    """An incident the operator logs: for a seat, or for the room when no seat is given."""

    seat: str | None = Field(default=None, min_length=1, max_length=16)
    session_id: Id | None = None
    reason: Reason


class LoggedIncident(Strict):
    incident_id: int
    at: UtcTime
    seat: str | None
    attempt_id: str | None
    category: str
    code: str
    note: str
    reported_by: str


class HistoryEntry(Strict):
    at: UtcTime
    actor: str
    action: str
    """`admission.admit`, `admission.refuse`, `seat.bind`, `seat.pause`, `detector.pass`, ..."""
    subject: str
    seat: str | None = None
    detail: dict[str, object] = {}
