"""The admission desk and session control: admit or refuse, bind to a seat, start the session.

The desk's rules are decided here, on the server, and the console shows what `check` says: the
admission rules (admission_rules), the detector gate (`detector_gate`), which decision stands
(standing) and admitting once.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.desk import AdmissionCheck, AdmissionView
from operator_console.protocol.console_api.sessions import SessionView
from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import AdmissionStatus, AttemptStatus, SessionStatus
from operator_console.server import views
from operator_console.server.admission import standing
from operator_console.server.admission.admission_rules import (
    Candidate,
    PastAttempt,
    RuleRefusal,
    SessionTimes,
    rule_refusals,
)
from operator_console.server.changes import touch
from operator_console.server.config import DetectorSection
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
from operator_console.server.seating import seating
from operator_console.server.upstream import audit
from question_banks.programs import sitting_order


def _candidate(reg: Registration) -> Candidate:
    past = [
        PastAttempt(
            a["program"], datetime.fromisoformat(a["at"].replace("Z", "+00:00")), a["outcome"]
        )
        for a in reg.last_attempts
    ]
    return Candidate(reg.id, reg.iin, reg.programs, reg.banned_until, past)


def _at_desk(
    db: Session, session_id: str, registration_id: str, *, lock: bool = False
) -> tuple[HallSession, Registration]:
    """The session and the candidate the desk names, or 404 for either; `lock` holds the
    candidate's row until the transaction ends, so that one decision is made at a time."""
    session = db.get(HallSession, session_id)
    if session is None:
        raise not_found("session", session_id)
    reg = db.get(Registration, registration_id, with_for_update=lock)
    if reg is None or reg.session_id != session_id:
        raise not_found("registration", registration_id)
    return session, reg


def _rules(
    session: HallSession, reg: Registration, presented_iin: str, *, now: datetime,
    late_grace: timedelta, zone: ZoneInfo,
) -> list[RuleRefusal]:  # fmt: skip
    """Every admission rule that refuses the candidate now; admission closes at the start."""
    times = SessionTimes(session.programs, session.starts_at, late_grace, zone, session.started_at)
    return rule_refusals(_candidate(reg), presented_iin.strip(), times, now)


def current_admission(db: Session, registration_id: str) -> Admission | None:
    """The candidate's admission, if they are admitted (standing decides)."""
    return standing.admitted_for(db, registration_id)


def detector_gate(
    db: Session, *, registration_id: str, event_id: int | None, now: datetime,
    detector: DetectorSection, lock: bool = False,
) -> Refusal | None:  # fmt: skip
    """Why the detector check does not admit this candidate now, or None when it does.

    The check is a walk-through of the arch that passed, with no alarm of the arch after it, or
    a wand check that passed for this candidate with no wand alarm for them after it; it is at
    most `detector.check_valid_minutes` old and no other candidate was admitted or refused with
    it. A hall that runs without a detector (`detector.required = false`) needs none.
    """
    if not detector.required:
        return None
    if event_id is None:
        return conflict("detector_check_required")
    walk = db.get(DetectorEventRow, event_id, with_for_update=lock)
    if walk is None:
        return Refusal(422, "detector_event_unknown", event=event_id)
    if walk.kind not in ("pass", "alarm"):
        return Refusal(422, "detector_not_a_check", event=event_id, kind=walk.kind)
    manual = walk.source == "manual"
    if manual and walk.registration_id != registration_id:
        return conflict(
            "wand_other_candidate", event=event_id, registration=walk.registration_id or "-"
        )
    if walk.kind == "alarm":
        return conflict("detector_alarm", event=event_id)
    newer = select(DetectorEventRow.received_at).where(
        DetectorEventRow.id > walk.id,
        DetectorEventRow.kind == "alarm",
        DetectorEventRow.source == walk.source,
    )
    if manual:
        newer = newer.where(DetectorEventRow.registration_id == registration_id)
    alarm_at = db.execute(newer.order_by(DetectorEventRow.id).limit(1)).scalar_one_or_none()
    if alarm_at is not None:
        return conflict("detector_alarm_newer", alarm_at=alarm_at, event=event_id)
    if now - walk.received_at > timedelta(minutes=detector.check_valid_minutes):
        return conflict("walk_through_stale", event=event_id, minutes=detector.check_valid_minutes)
    used = db.execute(
        select(Admission.registration_id)
        .where(
            Admission.detector_event_id == event_id, Admission.registration_id != registration_id
        )
        .limit(1)
    ).scalar_one_or_none()
    if used is not None:
        return conflict("walk_through_used", event=event_id, registration=used)
    return None


def _already(adm: Admission, reg: Registration) -> AdmissionView:
    return views.admission(adm, reg).model_copy(update={"already": True})


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
    detector: DetectorSection,
    detector_event_id: int | None = None,
) -> AdmissionView:
    """Admits the candidate, or stores the refusal of the first rule that refuses them.

    A candidate already admitted is answered with that admission (`already`, by whom and when):
    two consoles, or Enter pressed twice, admit once."""
    session, reg = _at_desk(db, session_id, registration_id, lock=True)
    if session.status == SessionStatus.CLOSED:
        raise conflict("session_closed", session=session_id)
    existing = current_admission(db, reg.id)
    if existing is not None:
        return _already(existing, reg)
    if detector_event_id is not None and db.get(DetectorEventRow, detector_event_id) is None:
        raise Refusal(422, "detector_event_unknown", event=detector_event_id)
    refusals = _rules(session, reg, presented_iin, now=now, late_grace=late_grace, zone=zone)
    reason = refusals[0] if refusals else None
    if reason is None:
        problem = detector_gate(
            db, registration_id=reg.id, event_id=detector_event_id, now=now, detector=detector,
            lock=True,
        )  # fmt: skip
        if problem is not None:
            raise problem
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
        ordered = sitting_order(reg.programs)
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
    detector: DetectorSection,
    detector_event_id: int | None = None,
) -> AdmissionCheck:
    """What `admit` would decide now, without deciding: the desk shows it before the operator,
    the rules and the detector gate alike."""
    session, reg = _at_desk(db, session_id, registration_id)
    if session.status == SessionStatus.CLOSED:
        return AdmissionCheck(
            registration_id=reg.id, admissible=False, reason_code="session_closed",
            reason=f"session {session_id} is closed", facts={"session": session_id},
        )  # fmt: skip
    existing = current_admission(db, reg.id)
    if existing is not None:
        return AdmissionCheck(
            registration_id=reg.id, admissible=False, reason_code="already_admitted",
            reason=f"already admitted at {existing.decided_at:%H:%M} UTC by {existing.decided_by}",
            facts={"seat": existing.seat_code or "", "by": existing.decided_by,
                   "decided_at": existing.decided_at.isoformat()},
            decided_at=existing.decided_at, decided_by=existing.decided_by,
        )  # fmt: skip
    refusals = _rules(session, reg, presented_iin, now=now, late_grace=late_grace, zone=zone)
    gate = detector_gate(
        db, registration_id=reg.id, event_id=detector_event_id, now=now, detector=detector
    )
    first = refusals[0] if refusals else None
    return AdmissionCheck(
        registration_id=reg.id,
        admissible=first is None and gate is None,
        reason_code=first.code if first else None,
        reason=str(first) if first else None,
        facts=first.facts if first else {},
        rules=[r.code for r in refusals],
        rule_facts={r.code: r.facts for r in refusals},
        detector=gate.code if gate else None,
        detector_facts=gate.params if gate else {},
    )


def refuse(
    db: Session,
    *,
    session_id: str,
    registration_id: str,
    reason: Reason | None,
    now: datetime,
    actor: str,
    late_grace: timedelta,
    zone: ZoneInfo,
    rule: str | None = None,
    presented_iin: str | None = None,
    detector_event_id: int | None = None,
) -> AdmissionView:
    """The operator refuses: by a rule the check named (which must refuse the candidate now),
    or for a reason of the list; doubt of identity is also an incident."""
    session, reg = _at_desk(db, session_id, registration_id, lock=True)
    if session.status == SessionStatus.CLOSED:
        raise conflict("session_closed", session=session_id)
    existing = current_admission(db, reg.id)
    if existing is not None:
        raise conflict("already_admitted", by=existing.decided_by, decided_at=existing.decided_at)
    if detector_event_id is not None and db.get(DetectorEventRow, detector_event_id) is None:
        raise Refusal(422, "detector_event_unknown", event=detector_event_id)
    if rule is not None:
        iin = reg.iin if presented_iin is None else presented_iin
        found = _rules(session, reg, iin, now=now, late_grace=late_grace, zone=zone)
        by_rule = next((r for r in found if r.code == rule), None)
        if by_rule is None:
            raise conflict("rule_does_not_apply", rule=rule)
        words, code = str(by_rule), by_rule.code
        detail: dict[str, object] = {"rule": code, "reason": words}
    else:
        assert reason is not None
        words = reason.code.replace("_", " ") + (f": {reason.note}" if reason.note else "")
        code = reason.code
        detail = {"category": reason.category, "code": reason.code, "note": reason.note}
    adm = Admission(
        id=str(uuid.uuid4()),
        session_id=session.id,
        registration_id=reg.id,
        status=AdmissionStatus.REFUSED,
        reason=words,
        reason_code=code,
        decided_at=now,
        decided_by=actor,
        detector_event_id=detector_event_id,
    )
    db.add(adm)
    if reason is not None and reason.category == "examinee" and reason.code == "identity":
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
        detail={"session": session.id, **detail, "detector_event": detector_event_id},
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
    """The session with its counts, as standing decides them: candidates expected, admitted,
    refused, no-shows, seated, admitted at no seat yet, finished."""
    ids = list(db.execute(select(Registration.id).where(Registration.session_id == s.id)).scalars())
    c = standing.counts(db, s.id, ids)
    return views.session(s, len(ids)).model_copy(
        update={
            "admitted": c.admitted,
            "refused": c.refused,
            "no_shows": c.no_shows,
            "seated": c.seated,
            "unseated": c.unseated,
            "finished": c.finished,
        }
    )


def start_session(db: Session, *, session_id: str, now: datetime, actor: str) -> HallSession:
    session = db.get(HallSession, session_id, with_for_update=True)
    if session is None:
        raise not_found("session", session_id)
    if session.status == SessionStatus.RUNNING:
        return session
    if session.status == SessionStatus.CLOSED:
        raise conflict("session_closed", session=session_id)
    session.status, session.started_at, session.started_by = SessionStatus.RUNNING, now, actor
    audit.append(
        db, hall_id=session.hall_id, at=now, actor=actor, action="session.start",
        subject=session.id, session_id=session.id,
    )  # fmt: skip
    touch(db, "session", session.id)
    return session
