"""Records the hall sends the central system: results, verifications, audit heads (§3)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, PlainSerializer

from operator_console.protocol.values import (
    Digits12,
    FinishReason,
    Id,
    Language,
    OutcomeCode,
    ProgramCode,
    Strict,
    UtcTime,
    Verification,
    rfc3339,
)

RecordTime = Annotated[UtcTime, PlainSerializer(rfc3339, return_type=str, when_used="json")]
"""A time in a record: UTC, milliseconds and `Z`, the form that is signed and stored upstream."""


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
    answered_at: RecordTime


class IncidentRecord(Strict):
    at: RecordTime
    category: str
    code: str
    note: str = ""


class SegmentRecord(Strict):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    starts_at: RecordTime
    ends_at: RecordTime


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
    started_at: RecordTime
    finished_at: RecordTime
    finish_reason: FinishReason
    bank_id: str
    bank_version: str
    form_seed: str
    sections: list[SectionResult] = Field(min_length=1)
    total: TotalResult
    outcome: OutcomeCode
    verification: Verification
    answers: list[AnswerRecord]
    incidents: list[IncidentRecord]
    recording: RecordingRecord

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class VerificationReason(Strict):
    category: str
    code: str
    note: str = ""


class VerificationRecord(Strict):
    schema_: Literal["hall-verification/1"] = Field(alias="schema")
    attempt_id: Id
    verdict: Literal["clear", "violation"]
    outcome: OutcomeCode
    reasons: list[VerificationReason]
    reviewed_by: str
    reviewed_at: RecordTime
    ban_months: int | None = Field(default=None, ge=6, le=12)
    """A violation's ban (the hall's addition to contracts §3): months from the test's day."""
    banned_until: date | None = None
    """The last day of the ban, in the hall's time zone."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class AuditHeadRecord(Strict):
    seq: int = Field(ge=1)
    head: str = Field(pattern=r"^[0-9a-f]{64}$")
    at: RecordTime
