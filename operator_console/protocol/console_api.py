"""The operator API (contracts §6): what consoles send the room server and what it answers."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, model_validator

from operator_console.protocol.reasons import Reason
from operator_console.protocol.records import SectionResult
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


class LoginRequest(Strict):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


Screen = Literal["sessions", "desk", "hall", "history", "review", "sync", "report", "admin"]


class LoginResponse(Strict):
    token: str
    role: Role
    screens: list[Screen] = []
    """The console screens this role gets, in order: the server decides, the console shows."""
    time_zone: str = ""
    """The hall's time zone (IANA name): the console shows every time in it."""


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
    no_shows: int = 0
    seated: int = 0
    unseated: int = 0
    """Admitted, a test still to finish, at no seat yet."""
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
    http_status: int | None = None
    """The central system's last answer (None: no answer at all)."""


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


SeatAct = Literal["pause", "resume", "time", "terminate", "move", "incident"]


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
    """The kiosk's last request; the console judges silence against `server_time` (and takes
    fresher times from each change batch's `heard`)."""
    alerts: list[AlertView] = []
    """The open alerts of the seat's sitting (none on a seat nobody sits at)."""
    admission_id: str | None = None
    """The seat's sitting: what a seat action names as the sitting the operator means."""
    actions: list[SeatAct] = []
    """The seat actions the server allows now, by the rule it refuses them with."""


class SeatMap(Strict):
    server_time: UtcTime
    columns: int
    """How many seats a row of the room holds, from `hall.columns`."""
    cursor: str
    """Where the change stream stands as of this map: follow `GET /changes?after=` from it."""
    seats: list[SeatView]


ChangeKind = Literal["seat", "session", "admission", "incident", "detector", "sync", "heard"]
"""`heard`: kiosks were heard from (every few seconds while any is); the batch's `heard` says
when each was last."""


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
    heard: dict[str, UtcTime] = {}
    """When each seat's kiosk was last heard from, every seat the server has heard."""


class SeatAction(Strict):
    """Every seat action names the sitting the operator saw (`SeatView.admission_id`): a seat
    whose sitting is another one now is refused with `seat_changed`, and nothing changes."""

    admission_id: Id
    reason: Reason


class Resumption(Strict):
    admission_id: Id


class TimeChange(Strict):
    admission_id: Id
    minutes: Annotated[int, Field(ge=-300, le=300)]
    reason: Reason


class Termination(Strict):
    admission_id: Id
    reason: Reason


class Move(Strict):
    admission_id: Id
    to_seat: str = Field(min_length=1, max_length=16)
    reason: Reason


class SeatActionView(Strict):
    """The seat after the action, and the resume code when the action leaves it locked."""

    seat: SeatView
    resume_code: ResumeCodeView | None = None
    proposal: str | None = None
    """After a termination for a violation: what the proctor is asked to confirm."""
    by: str | None = None
    """When the press repeated an act already done: who did it first (nothing was done again)."""


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


class AuditBreak(Strict):
    """The first entry of the audit chain that does not hold, and why."""

    seq: int
    at: UtcTime | None
    actor: str
    action: str
    subject: str
    why: str


DISAGREES = ("holds a different head", "holds a later head", "had no record of it")
"""What the central system may say that proves the hall's chain is not the one it sent."""


class AuditCheck(Strict):
    """The audit chain checked from its genesis, and against the head the upstream acknowledged."""

    entries: int
    head: str
    broken: AuditBreak | None
    acknowledged_seq: int | None
    acknowledged_head: str | None
    acknowledged_at: UtcTime | None
    acknowledged_matches: bool | None
    """The chain's hash at the acknowledged number equals the acknowledged head."""
    upstream: str
    """What the central system said of the newest head it holds from this hall: `confirmed`
    (that head is the chain's at its number), `holds a different head` (history rewritten),
    `holds a later head` (the chain's end cut off), `had no record of it` (the hall's outbox
    says it was acknowledged), `nothing acknowledged yet`, `unreachable: …`, or `not asked`."""
    upstream_seq: int | None = None
    upstream_head: str | None = None
    """The newest head the central system holds from this hall, when it was asked."""

    @property
    def holds(self) -> bool:
        """No broken entry, the acknowledged head in the chain, and upstream not disagreeing."""
        return (
            self.broken is None
            and self.acknowledged_matches is not False
            and self.upstream not in DISAGREES
        )

    @property
    def proven(self) -> bool:
        """Held, and confirmed by the copy the hall cannot rewrite (the central system's)."""
        return self.holds and self.upstream == "confirmed"

    def summary(self) -> str:
        lines = [f"audit chain: {self.entries} entries, head {self.head}"]
        if self.broken is None:
            lines.append("every entry holds from the genesis to the head")
        else:
            b = self.broken
            when = f"{b.at:%Y-%m-%d %H:%M:%S} UTC" if b.at else "-"
            lines.append(
                f"BROKEN at entry {b.seq} ({when}, {b.actor or '-'}, {b.action or '-'} "
                f"{b.subject}): {b.why}"
            )
        if self.acknowledged_seq is None:
            lines.append("the central system has acknowledged no head yet")
        else:
            agree = "matches the chain" if self.acknowledged_matches else "DOES NOT match the chain"
            lines.append(
                f"last head acknowledged upstream: entry {self.acknowledged_seq} "
                f"{self.acknowledged_head}: {agree}"
            )
        if self.upstream_seq is not None:
            lines.append(f"newest head the central system holds: entry {self.upstream_seq} "
                         f"{self.upstream_head}")  # fmt: skip
        lines.append(f"central system: {self.upstream}")
        if self.upstream == "not asked":
            lines.append(
                "not proven: a chain rewritten whole, or cut short at its end together with the "
                "outbox, reads as whole without the central system's copy; run without --offline"
            )
        lines.append("verdict: holds" if self.holds else "verdict: DOES NOT HOLD")
        return "\n".join(lines)


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


class UserView(Strict):
    username: str
    full_name: str
    role: Role
    active: bool
    created_at: UtcTime


class NewUser(Strict):
    username: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9._@-]+$")
    full_name: str = Field(default="", max_length=300)
    role: Role
    password: str = Field(min_length=8, max_length=1000)


class UserChange(Strict):
    """What an administrator changes about a user: each field left out stays as it is."""

    role: Role | None = None
    active: bool | None = None
    password: str | None = Field(default=None, min_length=8, max_length=1000)
    full_name: str | None = Field(default=None, max_length=300)


class KioskView(Strict):
    kiosk_id: str
    seat: str
    machine: str
    enrolled_at: UtcTime
    credential_age_days: float
    last_heard_at: UtcTime | None
    revoked: bool
    locked: bool


class OfflineExportView(Strict):
    """The signed offline bundle for a courier, and how many records it carries."""

    records: int
    bundle: dict[str, object]


Attention = Literal["too_easy", "too_hard", "negative_discrimination", "low_discrimination"]


class ItemStatView(Strict):
    """One item in one language after the hall's sessions (the numbers of `qbank stats`)."""

    item_id: str
    language: str
    section: str
    exposure: int
    answered: int
    difficulty: float | None
    """Proportion correct (keyed items), or the mean option score (situational items)."""
    discrimination: float | None
    """Point-biserial against the rest of the form (None under 3 sittings or no spread)."""
    choices: dict[str, int]
    attention: list[Attention]


class ItemStatsView(Strict):
    program: ProgramCode
    bank_id: str
    version: str
    results: int
    """Finished attempts of this bank the numbers come from."""
    items: list[ItemStatView]
