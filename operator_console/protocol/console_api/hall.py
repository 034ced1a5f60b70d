"""The live hall: the seat map and its change stream, the codes typed at a seat, what an operator
does to a seat or to the whole room, incidents and a session's history."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field

from operator_console.protocol.console_api.sessions import SessionView
from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import (
    Id,
    Language,
    LockSource,
    ProgramCode,
    SeatState,
    Strict,
    UtcTime,
)


class EnrollmentCodeRequest(Strict):
    seat: str = Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9-]+$")


class EnrollmentCodeView(Strict):
    seat: str
    code: str
    expires_at: UtcTime


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
SEAT_ACTS: tuple[SeatAct, ...] = get_args(SeatAct)
"""Every seat action, in the order the console shows them; the server says which a seat allows
now (`SeatView.actions`)."""


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
