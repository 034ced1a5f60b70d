"""The admission desk: the candidates of a session, the rules' check, admitting or refusing, the
seat a candidate is given, and the metal detector at the door."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import (
    AdmissionStatus,
    Id,
    Language,
    ProgramCode,
    RowId,
    Strict,
    UtcTime,
)


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
    """The rule that refused (`banned`, `late`, ...), or the operator's reason's code."""
    programs: list[ProgramCode]
    seat: str | None
    decided_at: UtcTime | None = None
    decided_by: str | None = None
    already: bool = False
    """True when the candidate was admitted before this call (by `decided_by` at `decided_at`,
    from this console or another): the call admitted no one again."""


class RegistrationView(Strict):
    registration_id: str
    full_name: str
    iin: str
    programs: list[ProgramCode]
    languages: list[Language]
    photo_jpeg_b64: str | None = None
    banned_until: UtcTime | None = None
    admission: AdmissionStatus | None = None
    """The desk's decision that stands: none yet, admitted or refused (a refusal followed by an
    admission is admitted)."""
    seat: str | None = None
    reason_code: str | None = None
    decided_at: UtcTime | None = None
    decided_by: str | None = None


class AdmissionCheck(Strict):
    """What the rules would decide for this candidate now, before the operator decides."""

    registration_id: str
    admissible: bool
    reason_code: str | None
    """`invalid_iin`, `iin_mismatch`, `not_on_roster`, `banned`, `late`, `retake_too_soon`,
    `attempts_this_month`, `already_admitted`, `already_refused`, `session_closed`."""
    reason: str | None
    facts: dict[str, str] = {}
    rules: list[str] = []
    """Every admission rule that refuses the candidate now: the desk's refusal names one."""
    rule_facts: dict[str, dict[str, str]] = {}
    """Each of `rules` with its facts."""
    detector: str | None = None
    """Why the detector check given (or its absence) does not admit: `detector_check_required`,
    `detector_alarm`, `detector_alarm_newer`, `walk_through_stale`, `walk_through_used`,
    `wand_other_candidate`, ...; None when it admits (or the hall runs without a detector)."""
    detector_facts: dict[str, str] = {}
    decided_at: UtcTime | None = None
    decided_by: str | None = None


RuleCode = Literal[
    "invalid_iin",
    "iin_mismatch",
    "not_on_roster",
    "banned",
    "late",
    "retake_too_soon",
    "attempts_this_month",
]


class Refusing(Strict):
    """The operator refuses a candidate at the desk: by the rule the server's check named (the
    server checks that it applies now), or for a reason of the list."""

    registration_id: Id
    reason: Reason | None = None
    rule: RuleCode | None = None
    presented_iin: str | None = Field(default=None, max_length=32)
    """With `rule`: the IIN read from the document, for the identity rules."""
    detector_event_id: RowId | None = None

    @model_validator(mode="after")
    def _one_ground(self) -> Refusing:
        if (self.reason is None) == (self.rule is None):
            raise ValueError("a refusal gives either a rule or a reason of the list")
        return self


class SeatBinding(Strict):
    seat: str = Field(min_length=1, max_length=16)


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
    registration_id: str | None = None
    """A wand check's candidate."""


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
    registration_id: Id | None = None
    """The candidate the wand checked: required (the server refuses a check for no one)."""
