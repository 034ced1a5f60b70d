"""The seat map: every seat of the hall with its candidate, attempt, time, lock and open alerts.

Built for many seats at once (a few queries for the whole map, whatever its size), and for the
few seats a batch of changes touched.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Text, and_, cast, func, or_, select
from sqlalchemy.orm import Session, defer, sessionmaker
from sqlalchemy.sql import Subquery

from operator_console.protocol.console_api.hall import AlertView, SeatView
from operator_console.protocol.values import (
    AttemptStatus,
    FinishReason,
    LockSource,
    SeatState,
)
from operator_console.server.db import record, transaction
from operator_console.server.models import (
    AnswerEvent,
    Attempt,
    Incident,
    Kiosk,
    Registration,
    Seat,
)
from operator_console.server.seating import seating
from question_banks.programs import program

ALERTING = ("lockdown", "camera", "proctoring")
"""The kiosk's automatic incidents: each stays on the map until someone acknowledges it."""
HELP = ("examinee", "help_requested")
"""A candidate's raised hand: an alert too, until an operator acknowledges it (comes over)."""


def _alerting() -> ColumnElement[bool]:
    """Incidents that stay on the map until someone acknowledges them."""
    return and_(
        Incident.acknowledged_at.is_(None),
        or_(
            Incident.category.in_(ALERTING),
            and_(Incident.category == HELP[0], Incident.code == HELP[1]),
        ),
    )


def open_alert(codes: Collection[str]) -> ColumnElement[bool]:
    """Incidents at these seats that are still on the map."""
    return and_(Incident.seat_code.in_(codes), _alerting())


def sitting_alerts(
    db: Session, sittings: Mapping[str, seating.Occupant], now: datetime
) -> dict[str, list[AlertView]]:
    """The open alerts of each seat's sitting: those of its attempts, wherever they were
    raised (they go with a candidate who moves), and those of its seat since it was seated
    there. A seat nobody sits at shows none."""
    where: dict[str, str] = {a.id: code for code, o in sittings.items() for a in o.attempts}
    found: dict[str, list[AlertView]] = defaultdict(list)
    if not sittings:
        return found
    for row in db.execute(
        select(Incident)
        .where(
            _alerting(),
            Incident.at >= now - ALERT_WINDOW,
            or_(
                Incident.attempt_id.in_(sorted(where)),
                and_(Incident.attempt_id.is_(None), Incident.seat_code.in_(sorted(sittings))),
            ),
        )
        .order_by(Incident.id)
    ).scalars():
        if row.attempt_id is not None:
            code = where[row.attempt_id]
        else:
            assert row.seat_code is not None
            code = row.seat_code
            if row.at < sittings[code].admission.decided_at:
                continue  # raised before this candidate was admitted: not theirs
        found[code].append(
            AlertView(
                incident_id=row.id, at=row.at, category=row.category, code=row.code, note=row.note
            )
        )
    return found


ALERT_WINDOW = timedelta(hours=12)


def _latest_answers(attempt_ids: Collection[str]) -> Subquery:
    """The latest accepted change of each question of these attempts."""
    latest = (
        select(
            AnswerEvent.attempt_id,
            AnswerEvent.item_id,
            AnswerEvent.seq,
            AnswerEvent.choices,
            func.row_number()
            .over(
                partition_by=(AnswerEvent.attempt_id, AnswerEvent.item_id),
                order_by=AnswerEvent.seq.desc(),
            )
            .label("newest"),
        )
        .where(AnswerEvent.attempt_id.in_(sorted(attempt_ids)), AnswerEvent.refused.is_(None))
        .subquery()
    )
    return latest


def answered_counts(db: Session, attempt_ids: Collection[str]) -> dict[str, int]:
    """Questions with an answer now (the latest accepted change per question is not empty).

    Counted by the database: an attempt gathers a change every few seconds for two hours, and a
    map of 200 seats would otherwise bring every one of them into Python on every change."""
    if not attempt_ids:
        return {}
    latest = _latest_answers(attempt_ids)
    rows = db.execute(
        select(latest.c.attempt_id, func.count())
        .where(latest.c.newest == 1, cast(latest.c.choices, Text) != "[]")
        .group_by(latest.c.attempt_id)
    )
    return {attempt_id: int(n) for attempt_id, n in rows}


def stage_answers(db: Session, changes: Iterable[tuple[str, str, int, bool]]) -> None:
    """(attempt, question, number, holds an answer) of each accepted change this transaction
    stores; `Progress` takes them once it has committed."""
    record(db).answered.extend(changes)


class Progress:
    """Which questions of each attempt hold an answer now, kept in memory for the seat map.

    An attempt is read from the database the first time the map shows it (the latest accepted
    change per question, in a read of its own), then moved on by each committed transaction
    that staged answers (`stage_answers`). A read and a commit's changes meet under one lock,
    and a change only replaces an older number, so the order in which they meet does not
    matter. With it the console's change stream reads no answers: at the end of a two-hour
    session the database would otherwise count some 3,600 changes per seat on every batch."""

    MOST = 5_000
    """Attempts kept; past that all are forgotten and read again when shown."""

    def __init__(self, reading: sessionmaker[Session]) -> None:
        self._reading = reading
        self._lock = threading.Lock()
        self._latest: dict[str, dict[str, tuple[int, bool]]] = {}

    def counts(self, attempt_ids: Collection[str]) -> dict[str, int]:
        with self._lock:
            missing = {a for a in attempt_ids if a not in self._latest}
            if missing:
                if len(self._latest) + len(missing) > self.MOST:
                    self._latest.clear()
                    missing = set(attempt_ids)
                self._load(missing)
            return {
                a: sum(1 for _seq, filled in self._latest[a].values() if filled)
                for a in attempt_ids
            }

    def _load(self, attempt_ids: set[str]) -> None:
        read: dict[str, dict[str, tuple[int, bool]]] = {a: {} for a in attempt_ids}
        latest = _latest_answers(attempt_ids)
        with transaction(self._reading) as db:
            for attempt_id, item_id, seq, choices in db.execute(
                select(latest.c.attempt_id, latest.c.item_id, latest.c.seq, latest.c.choices).where(
                    latest.c.newest == 1
                )
            ):
                read[attempt_id][item_id] = (seq, bool(choices))
        self._latest |= read  # only once the read has succeeded: a failed one keeps nothing

    def apply(self, changes: list[tuple[str, str, int, bool]]) -> None:
        with self._lock:
            for attempt_id, item_id, seq, filled in changes:
                items = self._latest.get(attempt_id)
                if items is None:
                    continue  # not shown yet: read whole when it is
                held = items.get(item_id)
                if held is None or seq > held[0]:
                    items[item_id] = (seq, filled)


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


@dataclass(frozen=True)
class LiveView:
    """A seat's view as read, with what moves without a write that concerns the seat: the
    questions answered (of `counted`, the attempt shown), the time left (while the clock runs
    to `runs_until`), and when the kiosk was last heard."""

    view: SeatView
    counted: str | None = None
    runs_until: datetime | None = None

    def at(
        self, now: datetime, heard: Mapping[str, datetime], answered: Mapping[str, int]
    ) -> SeatView:
        update: dict[str, object] = {"last_heard_at": heard.get(self.view.seat)}
        if self.counted is not None:
            update["answered"] = answered.get(self.counted, 0)
        if self.runs_until is not None:
            update["time_left_seconds"] = max(0.0, (self.runs_until - now).total_seconds())
        return self.view.model_copy(update=update)


def seat_views(
    db: Session,
    *,
    hall_id: str,
    now: datetime,
    heard: Mapping[str, datetime],
    spare: Collection[str] = (),
    only: Collection[str] | None = None,
    progress: Progress | None = None,
) -> list[SeatView]:
    live = live_views(db, hall_id=hall_id, now=now, spare=spare, only=only)
    counted = [v.counted for v in live if v.counted is not None]
    answered = progress.counts(counted) if progress else answered_counts(db, counted)
    return [v.at(now, heard, answered) for v in live]


def live_views(
    db: Session,
    *,
    hall_id: str,
    now: datetime,
    spare: Collection[str] = (),
    only: Collection[str] | None = None,
) -> list[LiveView]:
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
    # Who sits where is `seating`'s to say; a seat without a sitting shows its last candidate.
    occupants = seating.occupants(db, codes, light=True)
    sitting = {code: o for code, o in occupants.items() if o.sitting}
    registrations = (
        {
            r.id: r
            for r in db.execute(
                select(Registration)
                .options(defer(Registration.photo_jpeg_b64))
                .where(
                    Registration.id.in_([o.admission.registration_id for o in occupants.values()])
                )
            ).scalars()
        }
        if occupants
        else {}
    )
    current = {code: _state(kiosks.get(code), o.attempts) for code, o in occupants.items()}
    alerts = sitting_alerts(db, sitting, now)
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
            alerts=alerts.get(seat.code, []),
            actions=seating.actions(seat.code, sitting.get(seat.code), kiosk),
        )
        shown = occupants.get(seat.code)
        if shown is None:
            views.append(LiveView(base))
            continue
        found = shown.admission
        state, attempt = current[seat.code]
        reg = registrations[found.registration_id]
        update: dict[str, object] = {
            "admission_id": found.id if shown.sitting else None,
            "state": state,
            "session_id": found.session_id,
            "registration_id": reg.id,
            "full_name": reg.full_name,
            "language": reg.languages[0] if len(reg.languages) == 1 else None,
        }
        counted = runs_until = None
        if attempt is not None:
            update |= {
                "attempt_id": attempt.id,
                "program": attempt.program,
                "language": attempt.language or update["language"],
                # A started form holds exactly the program's questions (forms.assemble_form).
                "total": program(attempt.program).questions if attempt.started_at else 0,
                "deadline_at": attempt.deadline_at,
            }
            counted = attempt.id if attempt.started_at is not None else None
            if attempt.status == AttemptStatus.RUNNING and attempt.deadline_at is not None:
                if attempt.paused_at is None:
                    runs_until = attempt.deadline_at
                left = attempt.deadline_at - (attempt.paused_at or now)
                update["time_left_seconds"] = max(0.0, left.total_seconds())
        views.append(LiveView(base.model_copy(update=update), counted, runs_until))
    return views
