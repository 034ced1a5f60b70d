"""The proctor's review: the queue of finished attempts, the timeline the player draws, and the
verdicts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import (
    FinishReason,
    Id,
    Language,
    OutcomeCode,
    ProgramCode,
    RowId,
    Strict,
    UtcTime,
)


class FlagFinding(Strict):
    """A proctor's finding on one flag of the attempt (an incident): it happened, or it did not."""

    incident_id: RowId
    finding: Literal["confirmed", "dismissed"]
    note: str = Field(default="", max_length=2000)


class VerdictRequest(Strict):
    """The proctor's finding after reviewing an attempt's recording and incidents.

    A violation names at least one reason that breaks the testing rules (or `other` with a
    note) and the ban the rules require: 6 to 12 months from the day of the test. Findings on
    the attempt's flags may come with it. A violation while a flag has no finding is refused
    (`flags_unresolved`) unless `despite_open_flags` says the proctor decided so anyway."""

    verdict: Literal["clear", "violation"]
    reasons: list[Reason] = Field(default=[], max_length=50)
    ban_months: int | None = Field(default=None, ge=6, le=12)
    flags: list[FlagFinding] = Field(default=[], max_length=1000)
    despite_open_flags: bool = False

    @model_validator(mode="after")
    def _whole(self) -> VerdictRequest:
        if self.verdict == "violation" and (not self.reasons or self.ban_months is None):
            raise ValueError("a violation needs at least one reason and ban_months (6 to 12)")
        if self.verdict == "clear" and self.ban_months is not None:
            raise ValueError("a clear verdict bans no one: leave ban_months out")
        return self


class BulkClearRequest(Strict):
    """Clear verdicts for attempts with no flag, after the proctor watched a sample of them."""

    attempt_ids: list[Id] = Field(min_length=1, max_length=500)
    watched: list[Id] = Field(default=[], max_length=500)
    """The attempts of the batch whose recordings the proctor watched before clearing."""


class ReviewItem(Strict):
    """A finished attempt in the proctor's queue: who, when, and what its flags are."""

    attempt_id: str
    session_id: str
    registration_id: str
    full_name: str
    seat: str | None
    program: ProgramCode
    language: Language | None
    started_at: UtcTime | None
    finished_at: UtcTime | None
    finish_reason: FinishReason | None
    outcome: OutcomeCode | None
    flags: dict[str, int]
    """How many flags of each code (`several_faces`, `focus_lost`, an operator's `talking`…)."""
    segments: int
    open_flags: list[int] = []
    """The flags (incident ids) that have no finding yet: a violation waits for them."""
    proposed: Reason | None = None
    """The violation's reason the rules propose: the operator's reason for terminating the
    sitting, when it breaks the testing rules. None: no reason is proposed."""


MarkKind = Literal["face", "lockdown", "camera", "incident", "seat_action", "pause"]


class TimelineMark(Strict):
    """One thing that happened during the sitting, at its time on the recording's clock."""

    at: UtcTime
    kind: MarkKind
    code: str
    note: str
    by: str
    severity: Literal["info", "warning", "alarm"]
    incident_id: int | None = None
    has_thumbnail: bool = False
    finding: Literal["confirmed", "dismissed"] | None = None
    finding_note: str | None = None


class TimelineSegment(Strict):
    seq: int
    starts_at: UtcTime
    ends_at: UtcTime
    frames: int
    available: bool
    """Whole on the server and not purged: the player can open it."""


class TimelineGap(Strict):
    starts_at: UtcTime
    ends_at: UtcTime
    why: Literal["no_recording", "segment_missing", "camera_lost"]


class ReviewTimeline(Strict):
    """Everything the review player draws: the recording, its gaps and every mark of the sitting."""

    attempt: ReviewItem
    starts_at: UtcTime
    ends_at: UtcTime
    segments: list[TimelineSegment]
    gaps: list[TimelineGap]
    marks: list[TimelineMark]
