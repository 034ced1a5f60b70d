"""The seat map: every seat of the hall with its candidate, attempt, time, lock and open alerts.

Built for many seats at once (a few queries for the whole map, whatever its size), and for the
few seats a batch of changes touched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Text, and_, cast, func, or_, select
from sqlalchemy.orm import Session, defer

from operator_console.protocol.console_api import AlertView, SeatView
from operator_console.protocol.values import (
    AdmissionStatus,
    AttemptStatus,
    FinishReason,
    LockSource,
    SeatState,
    SessionStatus,
)
from operator_console.server.models import (
    Admission,
    AnswerEvent,
    Attempt,
    HallSession,
    Incident,
    Kiosk,
    Registration,
    Seat,
)
from question_banks.programs import program

ALERTING = ("lockdown", "camera", "proctoring")
"""The kiosk's automatic incidents: each stays on the map until someone acknowledges it."""
HELP = ("examinee", "help_requested")
"""A candidate's raised hand: an alert too, until an operator acknowledges it (comes over)."""


def open_alert(codes: Collection[str]) -> ColumnElement[bool]:
    """Incidents at these seats that are still on the map."""
    return and_(
        Incident.seat_code.in_(codes),
        Incident.acknowledged_at.is_(None),
        or_(
            Incident.category.in_(ALERTING),
            and_(Incident.category == HELP[0], Incident.code == HELP[1]),
        ),
    )


ALERT_WINDOW = timedelta(hours=12)


def answered_counts(db: Session, attempt_ids: Collection[str]) -> dict[str, int]:
    """Questions with an answer now (the latest accepted change per question is not empty).

    Counted by the database: an attempt gathers a change every few seconds for two hours, and a
    map of 200 seats would otherwise bring every one of them into Python on every change."""
    if not attempt_ids:
        return {}
    latest = (
        select(
            AnswerEvent.attempt_id,
            AnswerEvent.choices,
            func.row_number()
            .over(
                partition_by=(AnswerEvent.attempt_id, AnswerEvent.item_id),
                order_by=AnswerEvent.seq.desc(),
            )
            .label("newest"),
        )
        .where(AnswerEvent.attempt_id.in_(attempt_ids), AnswerEvent.refused.is_(None))
        .subquery()
    )
    rows = db.execute(
        select(latest.c.attempt_id, func.count())
        .where(latest.c.newest == 1, cast(latest.c.choices, Text) != "[]")
        .group_by(latest.c.attempt_id)
    )
    return {attempt_id: int(n) for attempt_id, n in rows}


def _state(kiosk: Kiosk | None, attempts: list[Attempt]) -> tuple[SeatState, Attempt | None]:
    running = next((a for a in attempts if a.status == AttemptStatus.RUNNING), None)
    pending = next((a for a in attempts if a.status == AttemptStatus.PENDING), None)
    finished = [a for a in attempts if a.status == AttemptStatus.FINISHED]
    if kiosk is not None and kiosk.locked_at is not None:
        return SeatState.LOCKED, running or pending or (finished[-1] if finished else None)
    if running is not None:
        return SeatState.IN_TEST, running
    if pending is not None:
        return (SeatState.BETWEEN if finished else SeatState.SEATED), pending
    last = finished[-1] if finished else None
    if any(a.finish_reason == FinishReason.TERMINATED for a in finished):
        return SeatState.TERMINATED, last
    return SeatState.FINISHED, last


def seat_views(
    db: Session,
    *,
    hall_id: str,
    now: datetime,
    heard: Mapping[str, datetime],
    spare: Collection[str] = (),
    only: Collection[str] | None = None,
) -> list[SeatView]:
    query = select(Seat).where(Seat.hall_id == hall_id).order_by(Seat.code)
    if only is not None:
        query = query.where(Seat.code.in_(only))
    seats = db.execute(query).scalars().all()
    codes = [s.code for s in seats]
    if not codes:
        return []
    kiosks = {
        k.seat_code: k
        for k in db.execute(
            select(Kiosk).where(Kiosk.seat_code.in_(codes), Kiosk.revoked.is_(False))
        ).scalars()
    }
    admissions = (
        db.execute(
            select(Admission)
            .join(HallSession, HallSession.id == Admission.session_id)
            .where(
                Admission.seat_code.in_(codes),
                Admission.status == AdmissionStatus.ADMITTED,
                HallSession.status != SessionStatus.CLOSED,
            )
            .order_by(Admission.decided_at.desc())
        )
        .scalars()
        .all()
    )
    attempts: dict[str, list[Attempt]] = defaultdict(list)
    if admissions:
        for a in db.execute(
            select(Attempt)
            # The form (every question and its order) is not read for the map: a map of 200
            # seats would parse 200 forms on every change.
            .options(defer(Attempt.form))
            .where(Attempt.admission_id.in_([adm.id for adm in admissions]))
            .order_by(Attempt.position)
        ).scalars():
            attempts[a.admission_id].append(a)
    # The seat's candidate is the newest still sitting; else the newest who finished here.
    sitting: dict[str, Admission] = {}
    for adm in admissions:
        assert adm.seat_code is not None
        held = sitting.get(adm.seat_code)
        if held is None or (_unfinished(attempts[adm.id]) and not _unfinished(attempts[held.id])):
            sitting[adm.seat_code] = adm
    registrations = (
        {
            r.id: r
            for r in db.execute(
                select(Registration)
                .options(defer(Registration.photo_jpeg_b64))
                .where(Registration.id.in_([adm.registration_id for adm in sitting.values()]))
            ).scalars()
        }
        if sitting
        else {}
    )
    current = {code: _state(kiosks.get(code), attempts[adm.id]) for code, adm in sitting.items()}
    counted = answered_counts(
        db, [a.id for _s, a in current.values() if a is not None and a.started_at is not None]
    )
    alerts: dict[str, list[AlertView]] = defaultdict(list)
    for row in db.execute(
        select(Incident)
        .where(open_alert(codes), Incident.at >= now - ALERT_WINDOW)
        .order_by(Incident.id)
    ).scalars():
        assert row.seat_code is not None
        alerts[row.seat_code].append(
            AlertView(
                incident_id=row.id, at=row.at, category=row.category, code=row.code, note=row.note
            )
        )
    views = []
    for seat in seats:
        kiosk = kiosks.get(seat.code)
        base = SeatView(
            seat=seat.code,
            spare=seat.spare or seat.code in spare,
            enrolled=kiosk is not None,
            state=SeatState.FREE,
            locked_at=kiosk.locked_at if kiosk else None,
            lock_reason=kiosk.lock_reason if kiosk else None,
            lock_source=LockSource(kiosk.lock_source or "kiosk")
            if kiosk and kiosk.locked_at
            else None,
            last_heard_at=heard.get(seat.code),
            alerts=alerts.get(seat.code, []),
        )
        found = sitting.get(seat.code)
        if found is None:
            views.append(base)
            continue
        state, attempt = current[seat.code]
        reg = registrations[found.registration_id]
        update: dict[str, object] = {
            "state": state,
            "session_id": found.session_id,
            "registration_id": reg.id,
            "full_name": reg.full_name,
            "language": reg.languages[0] if len(reg.languages) == 1 else None,
        }
        if attempt is not None:
            update |= {
                "attempt_id": attempt.id,
                "program": attempt.program,
                "language": attempt.language or update["language"],
                "answered": counted.get(attempt.id, 0),
                # A started form holds exactly the program's questions (forms.assemble_form).
                "total": program(attempt.program).questions if attempt.started_at else 0,
                "deadline_at": attempt.deadline_at,
            }
            if attempt.status == AttemptStatus.RUNNING and attempt.deadline_at is not None:
                at = attempt.paused_at or now
                update["time_left_seconds"] = max(0.0, (attempt.deadline_at - at).total_seconds())
        views.append(base.model_copy(update=update))
    return views


def _unfinished(attempts: list[Attempt]) -> bool:
    return any(a.status != AttemptStatus.FINISHED for a in attempts)
