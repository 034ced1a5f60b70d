"""The kiosk API: what a seat's kiosk sends the room server and what it answers."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from operator_console.protocol.records import SectionResult
from operator_console.protocol.values import (
    AttemptStatus,
    Count,
    FinishReason,
    Language,
    OutcomeCode,
    ProgramCode,
    Seq,
    SessionStatus,
    Strict,
    UtcTime,
)


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
    status: AttemptStatus
    language: Language | None
    deadline_at: UtcTime | None
    paused: bool = False
    """The seat is locked: the attempt's clock is stopped until the operator resumes it."""


class SeatAssignment(Strict):
    seat: str
    server_time: UtcTime
    session_id: str | None = None
    session_status: SessionStatus | None = None
    registration_id: str | None = None
    full_name: str | None = None
    photo_jpeg_b64: str | None = None
    languages: list[Language] = []
    attempts: list[AttemptSummary] = []
    locked_at: UtcTime | None = None
    lock_reason: str | None = None
    help_pending: bool = False
    """The candidate called the operator and no one has acknowledged it yet."""
    time_zone: str = ""
    """The hall's time zone (IANA name): the kiosk's clock shows hall time, whatever zone the
    machine is set to. Empty in replies that are not the seat poll."""


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


class AnswerChange(Strict):
    seq: Seq
    item_id: str = Field(min_length=1, max_length=128)
    choices: list[Annotated[str, Field(min_length=1, max_length=128)]] = Field(max_length=16)
    answered_at: UtcTime


class AnswerBatch(Strict):
    changes: list[AnswerChange] = Field(min_length=1, max_length=500)

    @field_validator("changes")
    @classmethod
    def _one_change_a_number(cls, changes: list[AnswerChange]) -> list[AnswerChange]:
        seen: set[int] = set()
        for change in changes:
            if change.seq in seen:
                raise ValueError(f"seq {change.seq} appears twice in one batch")
            seen.add(change.seq)
        return changes


class FormView(Strict):
    attempt_id: str
    program: ProgramCode
    language: Language
    started_at: UtcTime
    deadline_at: UtcTime
    server_time: UtcTime
    items: list[FormItemView]
    held: list[AnswerChange] = []
    """The answers the server holds (the last accepted change of each question): a sitting
    moved to another seat goes on with them."""
    stored_through: Count = 0
    """The last change number the server has stored: a kiosk taking the sitting over numbers
    its own changes after it."""
    flags: list[Annotated[str, Field(min_length=1, max_length=128)]] = Field(
        default=[], max_length=1000
    )


class FlagSet(Strict):
    """Every question the candidate has flagged for review, as a whole (PUT: idempotent)."""

    items: list[Annotated[str, Field(min_length=1, max_length=128)]] = Field(max_length=1000)


class AnswerAck(Strict):
    stored_through: int
    """Every change with this sequence number or lower is durably on the server."""
    refused: dict[int, str] = {}
    """Changes the server will never take, by sequence number, with the reason."""


class SegmentUpload(Strict):
    """What a kiosk declares about a segment with its first chunk."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=1, le=2**40)
    frames: Count
    starts_at: UtcTime
    ends_at: UtcTime

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> SegmentUpload:
        if self.ends_at < self.starts_at:
            raise ValueError("ends_at is before starts_at")
        return self


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
    down_since: UtcTime | None = None
    """After a restart (`unclean_exit`): the last moment the kiosk's journal was alive."""


class UnlockRequest(Strict):
    code: str = Field(pattern=r"^\d{6}$")
    """The six digits the operator gives, nothing around them."""


class FinishRequest(Strict):
    reason: Literal["submitted", "time_expired"]
    last_seq: Count


class FinishResponse(Strict):
    attempt_id: str
    finish_reason: FinishReason
    outcome: OutcomeCode
    total: float
    show_score: bool
    program: ProgramCode | None = None
    """What was sat, so the finish screen names it after the seat has moved on."""
    sections: list[SectionResult] = []
    """Each section's score and threshold (the legislation's acts each need 5 correct)."""
