"""The admission desk and session control: admit or refuse, bind to a seat, start the session."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api import AdmissionCheck, AdmissionView, SessionView
from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import AdmissionStatus, AttemptStatus, SessionStatus
from operator_console.server import audit, seating, views
from operator_console.server.admission_rules import (
    Candidate,
    PastAttempt,
    SessionTimes,
    admission_refusal,
)
from operator_console.server.changes import touch
from operator_console.server.errors import Refusal, conflict, not_found
from operator_console.server.models import (
    Admission,
    Attempt,
    DetectorEventRow,
    HallSession,
    Incident,
    Registration,
    Seat,
)
from question_banks.programs import SITTING_ORDER


def _candidate(reg: Registration) -> Candidate:
    past = [
        PastAttempt(
            a["program"], datetime.fromisoformat(a["at"].replace("Z", "+00:00")), a["outcome"]
        )
        for a in reg.last_attempts
    ]
    return Candidate(reg.id, reg.iin, reg.programs, reg.banned_until, past)


def _at_desk(
    db: Session, session_id: str, registration_id: str
) -> tuple[HallSession, Registration]:
    """The session and the candidate the desk names, or 404 for either."""
    session = db.get(HallSession, session_id)
    if session is None:
        raise not_found("session", session_id)
    reg = db.get(Registration, registration_id)
    if reg is None or reg.session_id != session_id:
        raise not_found("registration", registration_id)
    return session, reg


def current_admission(db: Session, registration_id: str) -> Admission | None:
    return db.execute(
        select(Admission).where(
            Admission.registration_id == registration_id,
            Admission.status == AdmissionStatus.ADMITTED,
        )
    ).scalar_one_or_none()


def admit(
    db: Session,
    *,
    session_id: str,
    registration_id: str,
    presented_iin: str,
    now: datetime,
    actor: str,
    late_grace: timedelta,
    zone: ZoneInfo,
    detector_event_id: int | None = None,
) -> AdmissionView:
    session, reg = _at_desk(db, session_id, registration_id)
    if session.status == SessionStatus.CLOSED:
        raise conflict(f"session {session_id} is closed")
    walk = db.get(DetectorEventRow, detector_event_id) if detector_event_id is not None else None
    if detector_event_id is not None and walk is None:
        raise Refusal(422, f"detector event {detector_event_id} not found")
    existing = current_admission(db, reg.id)
    if existing is not None:
        return views.admission(existing, reg)
    if walk is not None and walk.kind == "alarm":
        raise conflict(
            "the walk-through alarmed: walk the candidate through again or record the wand's "
            "result, and admit with that check"
        )
    times = SessionTimes(session.programs, session.starts_at, late_grace, zone)
    reason = admission_refusal(_candidate(reg), presented_iin.strip(), times, now)
    adm = Admission(
        id=str(uuid.uuid4()),
        session_id=session.id,
        registration_id=reg.id,
        status=AdmissionStatus.REFUSED if reason else AdmissionStatus.ADMITTED,
        reason=reason,
        reason_code=reason.code if reason else None,
        decided_at=now,
        decided_by=actor,
        detector_event_id=detector_event_id,
    )
    db.add(adm)
    db.flush()
    if reason is None:
        ordered = sorted(reg.programs, key=SITTING_ORDER.index)
        for position, program in enumerate(ordered):
            db.add(
                Attempt(
                    id=str(uuid.uuid4()),
                    admission_id=adm.id,
                    registration_id=reg.id,
                    session_id=session.id,
                    program=program,
                    position=position,
                    status=AttemptStatus.PENDING,
                )
            )
    db.flush()
    audit.append(
        db,
        hall_id=session.hall_id,
        at=now,
        actor=actor,
        action="admission.admit" if reason is None else "admission.refuse",
        subject=reg.id,
        detail={
            "session": session.id,
            "reason": reason,
            "rule": reason.code if reason else None,
            "detector_event": detector_event_id,
        },
        session_id=session.id,
    )
    touch(db, "admission", reg.id)
    touch(db, "session", session.id)
    return views.admission(adm, reg)


def check(
    db: Session,
    *,
    session_id: str,
    registration_id: str,
    presented_iin: str,
    now: datetime,
    late_grace: timedelta,
    zone: ZoneInfo,
) -> AdmissionCheck:
    """What `admit` would decide now, without deciding: the desk shows it before the operator."""
    session, reg = _at_desk(db, session_id, registration_id)
    if session.status == SessionStatus.CLOSED:
        return AdmissionCheck(
            registration_id=reg.id, admissible=False, reason_code="session_closed",
            reason=f"session {session_id} is closed",
        )  # fmt: skip
    existing = current_admission(db, reg.id)
    if existing is not None:
        return AdmissionCheck(
            registration_id=reg.id, admissible=False, reason_code="already_admitted",
            reason=f"already admitted at {existing.decided_at:%H:%M} UTC by {existing.decided_by}",
            facts={"seat": existing.seat_code or "", "by": existing.decided_by},
        )  # fmt: skip
    times = SessionTimes(session.programs, session.starts_at, late_grace, zone)
    reason = admission_refusal(_candidate(reg), presented_iin.strip(), times, now)
    return AdmissionCheck(
        registration_id=reg.id,
        admissible=reason is None,
        reason_code=reason.code if reason else None,
        reason=str(reason) if reason else None,
        facts=reason.facts if reason else {},
    )


def refuse(
    db: Session,
    *,
    session_id: str,
    registration_id: str,
    reason: Reason,
    now: datetime,
    actor: str,
    detector_event_id: int | None = None,
) -> AdmissionView:
    """The operator refuses for a reason of the list; doubt of identity is also an incident."""
    session, reg = _at_desk(db, session_id, registration_id)
    if current_admission(db, reg.id) is not None:
        raise conflict("the candidate is already admitted; terminate at the seat instead")
    words = reason.code.replace("_", " ") + (f": {reason.note}" if reason.note else "")
    adm = Admission(
        id=str(uuid.uuid4()),
        session_id=session.id,
        registration_id=reg.id,
        status=AdmissionStatus.REFUSED,
        reason=words,
        reason_code=reason.code,
        decided_at=now,
        decided_by=actor,
        detector_event_id=detector_event_id,
    )
    db.add(adm)
    if reason.category == "examinee" and reason.code == "identity":
        db.add(
            Incident(
                session_id=session.id, at=now, category=reason.category, code=reason.code,
                note=reason.note or f"identity doubted at the desk: {reg.id}", reported_by=actor,
            )
        )  # fmt: skip
    db.flush()
    audit.append(
        db, hall_id=session.hall_id, at=now, actor=actor, action="admission.refuse",
        subject=reg.id,
        detail={"session": session.id, "category": reason.category, "code": reason.code,
                "note": reason.note, "detector_event": detector_event_id},
        session_id=session.id,
    )  # fmt: skip
    touch(db, "admission", reg.id)
    touch(db, "session", session.id)
    return views.admission(adm, reg)


def bind_seat(
    db: Session, *, admission_id: str, seat_code: str, now: datetime, actor: str
) -> AdmissionView:
    """Seats the candidate at a seat nobody sits at (`seating`); a seat taken meanwhile is
    refused with `seat_changed`. The same binding again changes nothing, records nothing and
    answers alike."""
    adm = db.get(Admission, admission_id)
    if adm is None:
        raise not_found("admission", admission_id)
    if adm.status != AdmissionStatus.ADMITTED:
        raise conflict("refused_not_seated")
    seat = db.get(Seat, seat_code)
    if seat is None:
        raise not_found("seat", seat_code)
    seating.lock_seats(db, seat.hall_id, [seat_code])
    db.refresh(adm)
    taken = seating.sitting_at(db, seat_code)
    if taken is not None and taken.admission.id != adm.id:
        other = db.get(Registration, taken.admission.registration_id)
        raise conflict("seat_changed", seat=seat_code, full_name=other.full_name if other else "")
    reg = db.get(Registration, adm.registration_id)
    assert reg is not None
    if adm.seat_code == seat_code:
        return views.admission(adm, reg)  # bound already: nothing to do again
    previous = adm.seat_code
    adm.seat_code = seat_code
    for attempt in db.execute(select(Attempt).where(Attempt.admission_id == adm.id)).scalars():
        if attempt.status != AttemptStatus.FINISHED:
            attempt.seat_code = seat_code
    audit.append(
        db,
        hall_id=seat.hall_id,
        at=now,
        actor=actor,
        action="seat.bind",
        subject=reg.id,
        detail={"seat": seat_code, "from": previous},
        session_id=adm.session_id,
    )
    touch(db, "seat", seat_code)
    if previous and previous != seat_code:
        touch(db, "seat", previous)
    touch(db, "admission", reg.id)
    touch(db, "session", adm.session_id)
    return views.admission(adm, reg)


def session_view(db: Session, s: HallSession) -> SessionView:
    """The session with its counts: candidates expected, admitted, refused, seated, finished."""
    candidates = db.execute(
        select(func.count()).select_from(Registration).where(Registration.session_id == s.id)
    ).scalar_one()
    decided = db.execute(
        select(Admission.id, Admission.status, Admission.seat_code).where(
            Admission.session_id == s.id
        )
    ).all()
    open_ids = set(
        db.execute(
            select(Attempt.admission_id).where(
                Attempt.session_id == s.id, Attempt.status != AttemptStatus.FINISHED
            )
        ).scalars()
    )
    admitted = [d for d in decided if d.status == AdmissionStatus.ADMITTED]
    return views.session(s, candidates).model_copy(
        update={
            "admitted": len(admitted),
            "refused": len(decided) - len(admitted),
            "seated": sum(1 for d in admitted if d.seat_code and d.id in open_ids),
            "finished": sum(1 for d in admitted if d.id not in open_ids),
        }
    )


def start_session(db: Session, *, session_id: str, now: datetime, actor: str) -> HallSession:
    session = db.get(HallSession, session_id, with_for_update=True)
    if session is None:
        raise not_found("session", session_id)
    if session.status == SessionStatus.RUNNING:
        return session
    if session.status == SessionStatus.CLOSED:
        raise Refusal(409, f"session {session_id} is closed")
    session.status, session.started_at, session.started_by = SessionStatus.RUNNING, now, actor
    audit.append(
        db, hall_id=session.hall_id, at=now, actor=actor, action="session.start",
        subject=session.id, session_id=session.id,
    )  # fmt: skip
    touch(db, "session", session.id)
    return session
