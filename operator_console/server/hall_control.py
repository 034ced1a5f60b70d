"""What an operator does to running seats and to the whole room, each with a reason on record.

A seat's clock stops while it is locked (`Attempt.paused_at`) and its deadline moves on by exactly
the time it was stopped when it starts again, whoever locked it and whatever the kiosk did in
between. A lock has a source: the kiosk's own and the operator's are opened by a one-time code
typed at the seat; the room's are opened all at once when the operator resumes the room.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api import ResumeCodeView
from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import (
    AdmissionStatus,
    AttemptStatus,
    FinishReason,
    LockSource,
    SessionStatus,
)
from operator_console.server import audit, results, seat_locks
from operator_console.server.banks import BankShelf
from operator_console.server.changes import touch
from operator_console.server.errors import Refusal, conflict, not_found
from operator_console.server.models import (
    Admission,
    Attempt,
    HallSession,
    Incident,
    Kiosk,
    Seat,
)

SHORTEST_LEFT = timedelta(minutes=1)
"""A time change may not leave a seat with less than this."""
PROPOSAL = "annul the result and ban the candidate for 6 to 12 months: for the proctor to confirm"


@dataclass(frozen=True)
class SeatNow:
    seat: str
    kiosk: Kiosk | None
    admission: Admission | None
    attempts: list[Attempt]

    @property
    def running(self) -> Attempt | None:
        return next((a for a in self.attempts if a.status == AttemptStatus.RUNNING), None)

    @property
    def unfinished(self) -> list[Attempt]:
        return [a for a in self.attempts if a.status != AttemptStatus.FINISHED]


def seat_now(db: Session, hall_id: str, seat_code: str) -> SeatNow:
    """The seat, its kiosk and its sitting candidate, all locked for the caller's transaction."""
    seat = db.get(Seat, seat_code)
    if seat is None or seat.hall_id != hall_id:
        raise not_found("seat", seat_code)
    kiosk = db.execute(
        select(Kiosk)
        .where(Kiosk.seat_code == seat_code, Kiosk.revoked.is_(False))
        .with_for_update()
    ).scalar_one_or_none()
    rows = db.execute(
        select(Admission)
        .join(HallSession, HallSession.id == Admission.session_id)
        .where(
            Admission.seat_code == seat_code,
            Admission.status == AdmissionStatus.ADMITTED,
            HallSession.status != SessionStatus.CLOSED,
        )
        .order_by(Admission.decided_at.desc())
    ).scalars()
    for adm in rows:
        attempts = list(
            db.execute(
                select(Attempt)
                .where(Attempt.admission_id == adm.id)
                .order_by(Attempt.position)
                .with_for_update()
            ).scalars()
        )
        if any(a.status != AttemptStatus.FINISHED for a in attempts):
            return SeatNow(seat_code, kiosk, adm, attempts)
    return SeatNow(seat_code, kiosk, None, [])


def _incident(
    db: Session,
    *,
    reason: Reason,
    actor: str,
    now: datetime,
    seat: str | None,
    session_id: str | None,
    attempt: Attempt | None,
) -> Incident:
    row = Incident(
        session_id=attempt.session_id if attempt else session_id,
        attempt_id=attempt.id if attempt else None,
        seat_code=seat,
        at=now,
        category=reason.category,
        code=reason.code,
        note=reason.note,
        reported_by=actor,
    )
    db.add(row)
    db.flush()
    touch(db, "incident", str(row.id))
    return row


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


def _stop_clock(attempt: Attempt | None, now: datetime) -> None:
    if attempt is not None and attempt.paused_at is None:
        attempt.paused_at = now


def _start_clock(attempt: Attempt | None, now: datetime) -> float:
    """Gives the attempt back the time it stood still; answers the seconds given."""
    if attempt is None or attempt.paused_at is None or attempt.deadline_at is None:
        return 0.0
    stood = now - attempt.paused_at
    attempt.deadline_at += stood
    attempt.paused_at = None
    return stood.total_seconds()


def pause_seat(
    db: Session, *, hall_id: str, seat: str, reason: Reason, now: datetime, actor: str
) -> SeatNow:
    here = seat_now(db, hall_id, seat)
    if here.admission is None:
        raise conflict(f"seat {seat} has no candidate to pause")
    if here.kiosk is None:
        raise conflict(f"seat {seat} has no enrolled kiosk")
    if here.kiosk.locked_at is not None:
        raise conflict(
            f"seat {seat} is already locked since {here.kiosk.locked_at:%H:%M:%S} UTC "
            f"({here.kiosk.lock_reason}); resume it with a code"
        )
    here.kiosk.locked_at, here.kiosk.lock_reason = now, "operator_pause"
    here.kiosk.lock_source = LockSource.OPERATOR
    running = here.running
    _stop_clock(running, now)
    _incident(
        db, reason=reason, actor=actor, now=now, seat=seat, session_id=here.admission.session_id,
        attempt=running,
    )  # fmt: skip
    _record(db, hall_id, now, actor, "seat.pause", here, reason, attempt=running and running.id)
    return here


def resume_seat(
    db: Session, *, hall_id: str, seat: str, now: datetime, actor: str
) -> tuple[SeatNow, ResumeCodeView]:
    """A one-time code for the seat: the clock starts again when the candidate types it."""
    here = seat_now(db, hall_id, seat)
    if here.kiosk is None or here.kiosk.locked_at is None:
        raise conflict(f"seat {seat} is not locked")
    if here.kiosk.lock_source == LockSource.ROOM:
        raise conflict(f"seat {seat} stopped with the room: resume the room")
    code = seat_locks.issue_code(db, seat, hall_id=hall_id, now=now, actor=actor)
    touch(db, "seat", seat)
    return here, code


def pause_room(
    db: Session, *, hall_id: str, session_id: str, reason: Reason, now: datetime, actor: str
) -> tuple[HallSession, list[str]]:
    session = db.get(HallSession, session_id, with_for_update=True)
    if session is None or session.hall_id != hall_id:
        raise not_found("session", session_id)
    if session.status != SessionStatus.RUNNING:
        raise conflict(f"session {session_id} is {session.status}, not running")
    if session.paused_at is not None:
        raise conflict(f"the room is already paused since {session.paused_at:%H:%M:%S} UTC")
    session.paused_at = now
    stopped = []
    for seat in _session_seats(db, session_id):
        here = seat_now(db, hall_id, seat)
        running = here.running
        if running is None or running.session_id != session_id:
            continue
        _stop_clock(running, now)
        if here.kiosk is not None and here.kiosk.locked_at is None:
            here.kiosk.locked_at, here.kiosk.lock_reason = now, "room_paused"
            here.kiosk.lock_source = LockSource.ROOM
        touch(db, "seat", seat)
        stopped.append(seat)
    _incident(
        db, reason=reason, actor=actor, now=now, seat=None, session_id=session_id, attempt=None
    )
    audit.append(
        db, hall_id=hall_id, at=now, actor=actor, action="session.pause", subject=session_id,
        detail={"category": reason.category, "code": reason.code, "note": reason.note,
                "seats": stopped},
        session_id=session_id,
    )  # fmt: skip
    touch(db, "session", session_id)
    return session, stopped


def resume_room(
    db: Session, *, hall_id: str, session_id: str, reason: Reason | None, now: datetime, actor: str
) -> tuple[HallSession, list[str]]:
    session = db.get(HallSession, session_id, with_for_update=True)
    if session is None or session.hall_id != hall_id:
        raise not_found("session", session_id)
    if session.paused_at is None:
        raise conflict("the room is not paused")
    session.paused_at = None
    resumed = []
    for seat in _session_seats(db, session_id):
        here = seat_now(db, hall_id, seat)
        kiosk = here.kiosk
        if kiosk is None or kiosk.lock_source != LockSource.ROOM or kiosk.locked_at is None:
            continue  # a seat locked for its own reason keeps its lock and its stopped clock
        kiosk.locked_at = kiosk.lock_reason = kiosk.lock_source = None
        _start_clock(here.running, now)
        touch(db, "seat", seat)
        resumed.append(seat)
    audit.append(
        db, hall_id=hall_id, at=now, actor=actor, action="session.resume", subject=session_id,
        detail={"seats": resumed, **({"code": reason.code, "note": reason.note} if reason else {})},
        session_id=session_id,
    )  # fmt: skip
    touch(db, "session", session_id)
    return session, resumed


def _session_seats(db: Session, session_id: str) -> list[str]:
    return sorted(
        {
            code
            for code in db.execute(
                select(Admission.seat_code).where(
                    Admission.session_id == session_id,
                    Admission.status == AdmissionStatus.ADMITTED,
                    Admission.seat_code.is_not(None),
                )
            ).scalars()
            if code is not None
        }
    )


def change_time(
    db: Session, *, hall_id: str, seat: str, minutes: int, reason: Reason, now: datetime, actor: str
) -> SeatNow:
    here = seat_now(db, hall_id, seat)
    running = here.running
    if running is None or running.deadline_at is None:
        raise conflict(f"seat {seat} has no running test whose time could change")
    if minutes == 0:
        raise Refusal(422, "minutes: give a change of at least one minute, up or down")
    deadline = running.deadline_at + timedelta(minutes=minutes)
    left = deadline - (running.paused_at or now)
    if left < SHORTEST_LEFT:
        raise conflict(
            f"removing {-minutes} min would leave {max(0, int(left.total_seconds() // 60))} min; "
            "at least 1 min must remain"
        )
    running.deadline_at = deadline
    _incident(
        db, reason=reason, actor=actor, now=now, seat=seat, session_id=running.session_id,
        attempt=running,
    )  # fmt: skip
    _record(
        db, hall_id, now, actor, "seat.time", here, reason, attempt=running.id, minutes=minutes,
        deadline=deadline.isoformat(),
    )  # fmt: skip
    return here


def terminate(
    db: Session,
    *,
    hall_id: str,
    seat: str,
    reason: Reason,
    now: datetime,
    actor: str,
    banks: BankShelf,
) -> tuple[SeatNow, str | None]:
    """Ends the sitting: the running part is scored as terminated; parts not begun are withdrawn."""
    here = seat_now(db, hall_id, seat)
    if here.admission is None or not here.unfinished:
        raise conflict(f"seat {seat} has no unfinished test to terminate")
    running = here.running
    _incident(
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
    return here, proposal


def move(
    db: Session,
    *,
    hall_id: str,
    seat: str,
    to_seat: str,
    reason: Reason,
    now: datetime,
    actor: str,
) -> tuple[SeatNow, ResumeCodeView]:
    """The sitting goes to a free seat with its time stopped; a code there starts it again."""
    here = seat_now(db, hall_id, seat)
    if here.admission is None:
        raise conflict(f"seat {seat} has no candidate to move")
    if to_seat == seat:
        raise conflict("the new seat is the same seat")
    there = seat_now(db, hall_id, to_seat)
    if there.admission is not None:
        raise conflict(f"seat {to_seat} is taken by registration {there.admission.registration_id}")
    if there.kiosk is None:
        raise conflict(f"seat {to_seat} has no enrolled kiosk")
    adm = here.admission
    adm.seat_code = to_seat
    running = here.running
    for attempt in here.unfinished:
        attempt.seat_code = to_seat
    _stop_clock(running, now)
    if here.kiosk is not None:
        old = here.kiosk
        old.locked_at = old.lock_reason = old.lock_source = None
        old.resume_hash = old.resume_expires_at = None
    new = there.kiosk
    new.locked_at, new.lock_reason, new.lock_source = now, "moved_here", LockSource.OPERATOR
    _incident(
        db, reason=reason, actor=actor, now=now, seat=seat, session_id=adm.session_id,
        attempt=running,
    )  # fmt: skip
    _record(
        db, hall_id, now, actor, "seat.move", here, reason, to_seat=to_seat,
        attempt=running.id if running else None,
    )  # fmt: skip
    touch(db, "seat", to_seat)
    code = seat_locks.issue_code(db, to_seat, hall_id=hall_id, now=now, actor=actor)
    return SeatNow(to_seat, new, adm, here.attempts), code


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
        row = _incident(
            db, reason=reason, actor=actor, now=now, seat=seat, session_id=session_id,
            attempt=here.running,
        )  # fmt: skip
        _record(db, hall_id, now, actor, "incident.log", here, reason, incident=row.id)
        return row
    if session_id is None:
        raise Refusal(422, "name the seat, or the session for an incident of the whole room")
    session = db.get(HallSession, session_id)
    if session is None or session.hall_id != hall_id:
        raise not_found("session", session_id)
    row = _incident(
        db, reason=reason, actor=actor, now=now, seat=None, session_id=session_id, attempt=None
    )
    audit.append(
        db, hall_id=hall_id, at=now, actor=actor, action="incident.log", subject=session_id,
        detail={"category": reason.category, "code": reason.code, "note": reason.note,
                "incident": row.id},
        session_id=session_id,
    )  # fmt: skip
    return row


def acknowledge(
    db: Session, *, hall_id: str, incident_id: int, now: datetime, actor: str
) -> Incident:
    row = db.get(Incident, incident_id, with_for_update=True)
    if row is None:
        raise not_found("incident", incident_id)
    if row.acknowledged_at is None:
        row.acknowledged_at, row.acknowledged_by = now, actor
        audit.append(
            db, hall_id=hall_id, at=now, actor=actor, action="incident.acknowledge",
            subject=str(incident_id), session_id=row.session_id,
        )  # fmt: skip
        if row.seat_code:
            touch(db, "seat", row.seat_code)
        touch(db, "incident", str(incident_id))
    return row
