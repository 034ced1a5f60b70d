"""What an operator does to a session's whole room, with a reason on record.

Pausing the room stops the clock of every running seat of the session and locks each kiosk not
already locked, with the room as the lock's source. Resuming it opens exactly those locks, each
seat's deadline moved on by the time it stood still; a seat locked for its own reason keeps its
lock and its stopped clock until its own code is typed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import ROOM_PAUSED, AdmissionStatus, LockSource, SessionStatus
from operator_console.server.changes import touch
from operator_console.server.errors import conflict, not_found
from operator_console.server.models import Admission, HallSession
from operator_console.server.seating import seat_clock
from operator_console.server.seating.seating import seat_now
from operator_console.server.sitting import incidents
from operator_console.server.upstream import audit


def pause_room(
    db: Session, *, hall_id: str, session_id: str, reason: Reason, now: datetime, actor: str
) -> tuple[HallSession, list[str]]:
    session = db.get(HallSession, session_id, with_for_update=True)
    if session is None or session.hall_id != hall_id:
        raise not_found("session", session_id)
    if session.status != SessionStatus.RUNNING:
        raise conflict("room_not_running", session=session_id, status=session.status)
    if session.paused_at is not None:
        raise conflict("room_already_paused", since_at=session.paused_at)
    session.paused_at = now
    stopped = []
    for seat in _session_seats(db, session_id):
        here = seat_now(db, hall_id, seat)
        running = here.running
        if running is None or running.session_id != session_id:
            continue
        seat_clock.stop(running, now)
        if here.kiosk is not None and here.kiosk.locked_at is None:
            here.kiosk.locked_at, here.kiosk.lock_reason = now, ROOM_PAUSED
            here.kiosk.lock_source = LockSource.ROOM
        touch(db, "seat", seat)
        stopped.append(seat)
    incidents.log_reason(
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
        raise conflict("room_not_paused")
    session.paused_at = None
    resumed = []
    for seat in _session_seats(db, session_id):
        here = seat_now(db, hall_id, seat)
        kiosk = here.kiosk
        if kiosk is None or kiosk.lock_source != LockSource.ROOM or kiosk.locked_at is None:
            continue  # a seat locked for its own reason keeps its lock and its stopped clock
        kiosk.locked_at = kiosk.lock_reason = kiosk.lock_source = None
        seat_clock.restart(here.running, now)
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
