"""What an operator does to a running seat, each with a reason on record: pause it and give the
code that resumes it, change its time, terminate or move its sitting, log an incident (at the
seat, or of the whole room).

A seat's clock stops while it is locked (`Attempt.paused_at`) and its deadline moves on by exactly
the time it was stopped when it starts again, whoever locked it and whatever the kiosk did in
between. A lock has a source: the kiosk's own and the operator's are opened by a one-time code
typed at the seat; the room's are opened all at once when the operator resumes the room
(`room_control`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.hall import ResumeCodeView, SeatAct
from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import AttemptStatus, FinishReason, LockSource
from operator_console.server.banks import BankShelf
from operator_console.server.changes import touch
from operator_console.server.control import seat_locks
from operator_console.server.errors import Refusal, conflict, not_found
from operator_console.server.models import (
    Admission,
    AuditEntry,
    HallSession,
    Incident,
    Registration,
)
from operator_console.server.seating import seat_clock, seating
from operator_console.server.seating.seating import SeatNow, seat_now
from operator_console.server.sitting import incidents, results
from operator_console.server.upstream import audit

SHORTEST_LEFT = timedelta(minutes=1)
"""A time change may not leave a seat with less than this."""


PROPOSAL = "annul the result and ban the candidate for 6 to 12 months: for the proctor to confirm"


@dataclass(frozen=True)
class Done:
    """What a seat action did; `by` when the press repeated an act already done (by whom)."""

    here: SeatNow
    code: ResumeCodeView | None = None
    proposal: str | None = None
    by: str | None = None


def _name(db: Session, adm: Admission | None) -> str:
    reg = db.get(Registration, adm.registration_id) if adm is not None else None
    return reg.full_name if reg is not None else ""


def _changed(db: Session, here: SeatNow) -> Refusal:
    return conflict("seat_changed", seat=here.seat, full_name=_name(db, here.admission))


def _expect(db: Session, here: SeatNow, admission_id: str) -> None:
    """The seat's sitting is the one the operator saw, or the action is refused."""
    if here.admission is None or here.admission.id != admission_id:
        raise _changed(db, here)


def _allow(db: Session, act: SeatAct, here: SeatNow, admission_id: str) -> None:
    _expect(db, here, admission_id)
    refused = seating.refusal(act, here.seat, here.sitting, here.kiosk)
    if refused is not None:
        raise refused


def _done_before(db: Session, action: str, seat: str, admission_id: str) -> AuditEntry | None:
    """The latest `action` at `seat` on this admission's sitting, if one was recorded."""
    for entry in db.execute(
        select(AuditEntry)
        .where(AuditEntry.action == action, AuditEntry.subject == seat)
        .order_by(AuditEntry.seq.desc())
        .limit(50)
    ).scalars():
        if isinstance(entry.detail, dict) and entry.detail.get("admission") == admission_id:
            return entry
    return None


def _record(
    db: Session,
    hall_id: str,
    now: datetime,
    actor: str,
    action: str,
    here: SeatNow,
    reason: Reason | None,
    **detail: object,
) -> None:
    session_id = here.admission.session_id if here.admission else None
    if here.admission is not None:
        detail.setdefault("admission", here.admission.id)
    if reason is not None:
        detail |= {"category": reason.category, "code": reason.code, "note": reason.note}
    audit.append(
        db,
        hall_id=hall_id,
        at=now,
        actor=actor,
        action=action,
        subject=here.seat,
        detail={"seat": here.seat, **detail},
        session_id=session_id,
    )
    touch(db, "seat", here.seat)


def pause_seat(
    db: Session,
    *,
    hall_id: str,
    seat: str,
    admission_id: str,
    reason: Reason,
    now: datetime,
    actor: str,
) -> Done:
    here = seat_now(db, hall_id, seat)
    _expect(db, here, admission_id)
    kiosk = here.kiosk
    if kiosk is not None and kiosk.locked_at is not None and kiosk.lock_reason == "operator_pause":
        first = _done_before(db, "seat.pause", seat, admission_id)
        if first is not None and first.at >= kiosk.locked_at:
            return Done(here, by=first.actor)  # the same pause pressed again
    _allow(db, "pause", here, admission_id)
    assert here.kiosk is not None and here.admission is not None
    here.kiosk.locked_at, here.kiosk.lock_reason = now, "operator_pause"
    here.kiosk.lock_source = LockSource.OPERATOR
    running = here.running
    seat_clock.stop(running, now)
    incidents.log_reason(
        db, reason=reason, actor=actor, now=now, seat=seat, session_id=here.admission.session_id,
        attempt=running,
    )  # fmt: skip
    _record(db, hall_id, now, actor, "seat.pause", here, reason, attempt=running and running.id)
    return Done(here)


def resume_seat(
    db: Session, *, hall_id: str, seat: str, admission_id: str, now: datetime, actor: str
) -> Done:
    """A one-time code for the seat: the clock starts again when the candidate types it. While
    a code given for this lock is still valid and unused, the same code is given again."""
    here = seat_now(db, hall_id, seat)
    _allow(db, "resume", here, admission_id)
    assert here.kiosk is not None
    code, first = seat_locks.code_for(db, here.kiosk, hall_id=hall_id, now=now, actor=actor)
    if first is None:
        touch(db, "seat", seat)
    return Done(here, code=code, by=first)


def change_time(
    db: Session,
    *,
    hall_id: str,
    seat: str,
    admission_id: str,
    minutes: int,
    reason: Reason,
    now: datetime,
    actor: str,
) -> Done:
    here = seat_now(db, hall_id, seat)
    _allow(db, "time", here, admission_id)
    running = here.running
    assert running is not None and running.deadline_at is not None
    if minutes == 0:
        raise Refusal(
            422, "invalid_request", field="minutes",
            problem="give a change of at least one minute, up or down",
        )  # fmt: skip
    deadline = running.deadline_at + timedelta(minutes=minutes)
    left = deadline - (running.paused_at or now)
    if left < SHORTEST_LEFT:
        raise conflict(
            "time_too_short", minutes=-minutes, left=max(0, int(left.total_seconds() // 60))
        )
    running.deadline_at = deadline
    incidents.log_reason(
        db, reason=reason, actor=actor, now=now, seat=seat, session_id=running.session_id,
        attempt=running,
    )  # fmt: skip
    _record(
        db, hall_id, now, actor, "seat.time", here, reason, attempt=running.id, minutes=minutes,
        deadline=deadline.isoformat(),
    )  # fmt: skip
    return Done(here)


def terminate(
    db: Session,
    *,
    hall_id: str,
    seat: str,
    admission_id: str,
    reason: Reason,
    now: datetime,
    actor: str,
    banks: BankShelf,
) -> Done:
    """Ends the sitting: the running part is scored as terminated; parts not begun are withdrawn.
    The same termination pressed again answers alike, with who terminated it."""
    here = seat_now(db, hall_id, seat)
    if here.admission is None or here.admission.id != admission_id:
        first = _done_before(db, "seat.terminate", seat, admission_id)
        adm = db.get(Admission, admission_id)
        if first is not None and adm is not None and adm.seat_code == seat:
            proposal = first.detail.get("proposal") if isinstance(first.detail, dict) else None
            return Done(here, proposal=proposal if isinstance(proposal, str) else None,
                        by=first.actor)  # fmt: skip
    _allow(db, "terminate", here, admission_id)
    assert here.admission is not None
    running = here.running
    incidents.log_reason(
        db, reason=reason, actor=actor, now=now, seat=seat, session_id=here.admission.session_id,
        attempt=running,
    )  # fmt: skip
    if running is not None:
        running.paused_at = None
        results.finish(
            db, running, reason=FinishReason.TERMINATED, now=now, banks=banks, hall_id=hall_id,
            actor=actor,
        )  # fmt: skip
    withdrawn = [a.id for a in here.unfinished if a.status == AttemptStatus.PENDING]
    for attempt in here.unfinished:
        if attempt.status == AttemptStatus.PENDING:
            attempt.status, attempt.finished_at = AttemptStatus.FINISHED, now
            attempt.finish_reason = FinishReason.TERMINATED
    if here.kiosk is not None:
        kiosk = here.kiosk
        kiosk.locked_at = kiosk.lock_reason = kiosk.lock_source = None
        kiosk.resume_hash = kiosk.resume_expires_at = None
    proposal = PROPOSAL if reason.violation else None
    _record(
        db, hall_id, now, actor, "seat.terminate", here, reason,
        attempt=running.id if running else None, withdrawn=withdrawn, proposal=proposal,
    )  # fmt: skip
    return Done(here, proposal=proposal)


def move(
    db: Session,
    *,
    hall_id: str,
    seat: str,
    admission_id: str,
    to_seat: str,
    reason: Reason,
    now: datetime,
    actor: str,
) -> Done:
    """The sitting goes to a free seat with its time stopped; a code there starts it again.
    The same move pressed again answers alike (the same code), with who moved the candidate."""
    if to_seat == seat:
        raise conflict("seat_same")
    locked = seating.lock_seats(db, hall_id, [seat, to_seat])
    for each in (seat, to_seat):
        if each not in locked:
            raise not_found("seat", each)
    here = seat_now(db, hall_id, seat)
    there = seat_now(db, hall_id, to_seat)
    if there.admission is not None and there.admission.id == admission_id:
        first = _done_before(db, "seat.move", seat, admission_id)
        if first is not None and there.kiosk is not None:
            again, _by = seat_locks.code_for(db, there.kiosk, hall_id=hall_id, now=now, actor=actor)
            return Done(there, code=again, by=first.actor)
    _allow(db, "move", here, admission_id)
    if there.admission is not None:
        raise _changed(db, there)
    if there.kiosk is None:
        raise conflict("seat_no_kiosk", seat=to_seat)
    adm = here.admission
    assert adm is not None
    adm.seat_code = to_seat
    running = here.running
    for attempt in here.unfinished:
        attempt.seat_code = to_seat
    seat_clock.stop(running, now)
    if here.kiosk is not None:
        old = here.kiosk
        old.locked_at = old.lock_reason = old.lock_source = None
        old.resume_hash = old.resume_expires_at = None
    new = there.kiosk
    new.locked_at, new.lock_reason, new.lock_source = now, "moved_here", LockSource.OPERATOR
    incidents.log_reason(
        db, reason=reason, actor=actor, now=now, seat=seat, session_id=adm.session_id,
        attempt=running,
    )  # fmt: skip
    _record(
        db, hall_id, now, actor, "seat.move", here, reason, to_seat=to_seat,
        attempt=running.id if running else None,
    )  # fmt: skip
    touch(db, "seat", to_seat)
    code = seat_locks.issue_code(db, to_seat, hall_id=hall_id, now=now, actor=actor)
    moved = seating.Occupant(to_seat, adm, here.attempts, True)
    return Done(SeatNow(to_seat, new, moved), code=code)


def log_incident(
    db: Session,
    *,
    hall_id: str,
    seat: str | None,
    session_id: str | None,
    reason: Reason,
    now: datetime,
    actor: str,
) -> Incident:
    if seat is not None:
        here = seat_now(db, hall_id, seat)
        session_id = here.admission.session_id if here.admission else session_id
        row = incidents.log_reason(
            db, reason=reason, actor=actor, now=now, seat=seat, session_id=session_id,
            attempt=here.running,
        )  # fmt: skip
        _record(db, hall_id, now, actor, "incident.log", here, reason, incident=row.id)
        return row
    if session_id is None:
        raise Refusal(
            422, "invalid_request", field="seat",
            problem="name the seat, or the session for an incident of the whole room",
        )  # fmt: skip
    session = db.get(HallSession, session_id)
    if session is None or session.hall_id != hall_id:
        raise not_found("session", session_id)
    row = incidents.log_reason(
        db, reason=reason, actor=actor, now=now, seat=None, session_id=session_id, attempt=None
    )
    audit.append(
        db, hall_id=hall_id, at=now, actor=actor, action="incident.log", subject=session_id,
        detail={"category": reason.category, "code": reason.code, "note": reason.note,
                "incident": row.id},
        session_id=session_id,
    )  # fmt: skip
    return row
