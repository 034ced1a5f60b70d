"""Wire models shared by the room server, the operator console, the kiosks and the upstream."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

ProgramCode = Literal[
    "legislation", "state_language", "pq_program_1", "pq_program_2", "pq_program_3"
]
Language = Literal["kk", "ru"]
FinishReason = Literal["submitted", "time_expired", "terminated"]
OutcomeCode = Literal["pass", "fail", "reported", "annulled"]


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("a time must carry its UTC offset (RFC 3339)")
    return value.astimezone(UTC)


UtcTime = Annotated[datetime, AfterValidator(_aware)]
Digits12 = Annotated[str, Field(pattern=r"^\d{12}$")]
Id = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:-]+$")]


def rfc3339(moment: datetime) -> str:
    """UTC, millisecond precision, `Z` suffix: the one time format on the wire."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- roster (signed by the authority) -------------------------------------------------------


class LastAttempt(Strict):
    program: ProgramCode
    at: UtcTime
    outcome: OutcomeCode


class RosterCandidate(Strict):
    registration_id: Id
    iin: Digits12
    full_name: str = Field(min_length=1, max_length=300)
    photo_jpeg_b64: str | None = None
    programs: list[ProgramCode] = Field(min_length=1)
    languages: list[Language] = Field(min_length=1)
    banned_until: UtcTime | None = None
    last_attempts: list[LastAttempt] = []


class RosterSession(Strict):
    session_id: Id
    starts_at: UtcTime
    programs: list[ProgramCode] = Field(min_length=1)
    candidates: list[RosterCandidate]


class Roster(Strict):
    schema_: Literal["hall-roster/1"] = Field(alias="schema")
    hall_id: Id
    date: date
    sessions: list[RosterSession]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SignedRoster(Strict):
    roster: dict[str, Any]
    signature: str


# --- records sent upstream -----------------------------------------------------------------


class SectionResult(Strict):
    code: str
    questions: int = Field(ge=0)
    answered: int = Field(ge=0)
    correct: int = Field(ge=0)
    score: float = Field(ge=0)
    threshold: float | None
    passed: bool | None


class TotalResult(Strict):
    score: float = Field(ge=0)
    threshold: float | None


class AnswerRecord(Strict):
    item_id: str
    choices: list[str]
    answered_at: UtcTime


class IncidentRecord(Strict):
    at: UtcTime
    category: str
    code: str
    note: str = ""


class SegmentRecord(Strict):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    starts_at: UtcTime
    ends_at: UtcTime


class RecordingRecord(Strict):
    segments: list[SegmentRecord] = []


class ResultRecord(Strict):
    schema_: Literal["hall-result/1"] = Field(alias="schema")
    result_id: Id
    hall_id: Id
    session_id: Id
    registration_id: Id
    iin: Digits12
    program: ProgramCode
    language: Language
    seat: str
    started_at: UtcTime
    finished_at: UtcTime
    finish_reason: FinishReason
    bank_id: str
    bank_version: str
    form_seed: str
    sections: list[SectionResult] = Field(min_length=1)
    total: TotalResult
    outcome: OutcomeCode
    verification: Literal["pending", "clear", "violation"]
    answers: list[AnswerRecord]
    incidents: list[IncidentRecord]
    recording: RecordingRecord

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class VerificationReason(Strict):
    category: str
    code: str
    note: str = ""


class VerdictRequest(Strict):
    """The proctor's finding after reviewing an attempt's recording and incidents."""

    verdict: Literal["clear", "violation"]
    reasons: list[VerificationReason] = Field(default=[], max_length=50)


class VerificationRecord(Strict):
    schema_: Literal["hall-verification/1"] = Field(alias="schema")
    attempt_id: Id
    verdict: Literal["clear", "violation"]
    outcome: OutcomeCode
    reasons: list[VerificationReason]
    reviewed_by: str
    reviewed_at: UtcTime

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class AuditHeadRecord(Strict):
    seq: int = Field(ge=1)
    head: str = Field(pattern=r"^[0-9a-f]{64}$")
    at: UtcTime


# --- room server API: operators --------------------------------------------------------------


class LoginRequest(Strict):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


class LoginResponse(Strict):
    token: str
    role: Literal["administrator", "operator", "proctor"]


class RosterFetch(Strict):
    date: date


class RosterImported(Strict):
    sessions: int
    candidates: int


class AdmissionRequest(Strict):
    registration_id: Id
    presented_iin: str = Field(max_length=32)
    """The IIN read from the candidate's identity document at the desk."""
    detector_event_id: int | None = None


class AdmissionView(Strict):
    admission_id: str
    registration_id: str
    full_name: str
    status: Literal["admitted", "refused"]
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
    status: Literal["scheduled", "running", "closed"]
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
    status: Literal["pending", "delivered", "parked"]
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
    level: Literal["ok", "warning", "alarm"]


class AttemptResultView(Strict):
    attempt_id: str
    registration_id: str
    program: ProgramCode
    language: Language | None
    status: str
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
    zones: list[int] = Field(default=[], max_length=32)
    note: str = Field(default="", max_length=500)


# --- room server API: kiosks ------------------------------------------------------------------


class EnrollRequest(Strict):
    code: str = Field(min_length=4, max_length=64)
    machine: str = Field(min_length=1, max_length=200)


class EnrollResponse(Strict):
    kiosk_id: str
    seat: str
    token: str


class AttemptSummary(Strict):
    attempt_id: str
    program: ProgramCode
    status: Literal["pending", "running", "finished"]
    language: Language | None
    deadline_at: UtcTime | None
    paused: bool = False
    """The seat is locked: the attempt's clock is stopped until the operator resumes it."""


class SeatAssignment(Strict):
    seat: str
    server_time: UtcTime
    session_id: str | None = None
    session_status: Literal["scheduled", "running", "closed"] | None = None
    registration_id: str | None = None
    full_name: str | None = None
    photo_jpeg_b64: str | None = None
    languages: list[Language] = []
    attempts: list[AttemptSummary] = []
    locked_at: UtcTime | None = None
    lock_reason: str | None = None


class AttemptStart(Strict):
    language: Language


class ChoiceView(Strict):
    id: str
    text: str


class FormItemView(Strict):
    item_id: str
    section: str
    prompt: str
    multiple: bool
    choices: list[ChoiceView]
    images: list[str] = []
    """The prompt's pictures, base64 (PNG or JPEG), in the order the bank gives them."""


class FormView(Strict):
    attempt_id: str
    program: ProgramCode
    language: Language
    started_at: UtcTime
    deadline_at: UtcTime
    server_time: UtcTime
    items: list[FormItemView]


class AnswerChange(Strict):
    seq: int = Field(ge=1)
    item_id: str = Field(min_length=1, max_length=128)
    choices: list[str] = Field(max_length=16)
    answered_at: UtcTime


class AnswerBatch(Strict):
    changes: list[AnswerChange] = Field(min_length=1, max_length=500)


class AnswerAck(Strict):
    stored_through: int
    """Every change with this sequence number or lower is durably on the server."""
    refused: dict[int, str] = {}
    """Changes the server will never take, by sequence number, with the reason."""


class SegmentUpload(Strict):
    """What a kiosk declares about a segment with its first chunk."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=1)
    frames: int = Field(ge=0)
    starts_at: UtcTime
    ends_at: UtcTime


class SegmentState(Strict):
    seq: int
    received: int
    size: int
    complete: bool


class RecordingManifest(Strict):
    manifest: dict[str, Any]
    signature: str
    """base64url Ed25519 by the hall's signing key over the canonical manifest."""


class IncidentReport(Strict):
    """What a kiosk saw: a lockdown event, a camera problem, a face flag (with its thumbnail)."""

    at: UtcTime
    category: Literal["lockdown", "camera", "proctoring", "examinee", "technical"]
    code: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9_]+$")
    note: str = Field(default="", max_length=2000)
    thumbnail_jpeg_b64: str | None = Field(default=None, max_length=200_000)


class IncidentView(Strict):
    id: int
    at: UtcTime
    category: str
    code: str
    note: str
    seat: str | None
    has_thumbnail: bool


class LockReport(Strict):
    """A kiosk locked itself: why, and when by the kiosk's clock."""

    at: UtcTime
    reason: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9_]+$")
    note: str = Field(default="", max_length=2000)


class UnlockRequest(Strict):
    code: str = Field(min_length=1, max_length=32)


class ResumeCodeView(Strict):
    """A one-time code the operator reads out (or types) at a locked seat."""

    seat: str
    code: str
    expires_at: UtcTime


class FinishRequest(Strict):
    reason: Literal["submitted", "time_expired"]
    last_seq: int = Field(ge=0)


class FinishResponse(Strict):
    attempt_id: str
    finish_reason: FinishReason
    outcome: OutcomeCode
    total: float
    show_score: bool


class Problem(Strict):
    """Every refusal from the room server: what is wrong, in words for a person."""

    detail: str
