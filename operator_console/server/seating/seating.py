"""Who sits at a seat now, and which seats are free: decided here and nowhere else.

A seat's *sitting* is an admission bound to the seat (`Admission.seat_code`), admitted, in a
session that is not closed, with its attempts. The sitting holds the seat until every one of its
attempts has finished. An admitted admission without any attempt holds the seat too: it was
admitted to sit here and has finished nothing, so nobody else may be seated on top of it (the
desk creates the attempts with the admission, so such a sitting is rare, but it is never
mistaken for a free seat). Of several admissions bound to one seat, the newest decided that
still holds it is the seat's sitting; those that finished here keep the seat on record only.

A seat is *free* when it has no sitting. The seat map also shows, on a seat without a sitting,
the newest admission that finished there (`Occupant.sitting` false): that is a record, not a
sitting, and no seat action applies to it.

The seat actions an operator may take (`actions`) are decided from the sitting and the kiosk
by `refusal`, the same rule the server refuses them with.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from operator_console.protocol.console_api.hall import SEAT_ACTS, SeatAct
from operator_console.protocol.values import (
    AdmissionStatus,
    AttemptStatus,
    LockSource,
    SessionStatus,
)
from operator_console.server.errors import Refusal, conflict, not_found
from operator_console.server.models import Admission, Attempt, HallSession, Kiosk, Seat


def holds_seat(attempts: Sequence[Attempt]) -> bool:
    """An admitted admission with these attempts still holds its seat."""
    return still_sitting([a.status for a in attempts])


def still_sitting(statuses: Sequence[str]) -> bool:
    """An admitted admission whose attempts have these statuses has not finished its sitting:
    some part is still to finish, or it has no part at all yet."""
    return not statuses or any(s != AttemptStatus.FINISHED for s in statuses)


@dataclass(frozen=True)
class Occupant:
    """An admission at a seat and its attempts (in order); `sitting` when it holds the seat."""

    seat: str
    admission: Admission
    attempts: list[Attempt]
    sitting: bool

    @property
    def running(self) -> Attempt | None:
        return next((a for a in self.attempts if a.status == AttemptStatus.RUNNING), None)

    @property
    def unfinished(self) -> list[Attempt]:
        return [a for a in self.attempts if a.status != AttemptStatus.FINISHED]


def occupants(
    db: Session, codes: Collection[str], *, lock: bool = False, light: bool = False
) -> dict[str, Occupant]:
    """Each seat's sitting, else the newest admission that finished there (a few queries for
    any number of seats). `lock` takes the attempts' rows for the caller's transaction;
    `light` leaves the attempts' forms unread (for the map)."""
    if not codes:
        return {}
    admissions = (
        db.execute(
            select(Admission)
            .join(HallSession, HallSession.id == Admission.session_id)
            .where(
                Admission.seat_code.in_(sorted(codes)),
                Admission.status == AdmissionStatus.ADMITTED,
                HallSession.status != SessionStatus.CLOSED,
            )
            .order_by(Admission.decided_at.desc(), Admission.id)
        )
        .scalars()
        .all()
    )
    attempts: dict[str, list[Attempt]] = defaultdict(list)
    if admissions:
        query = (
            select(Attempt)
            .where(Attempt.admission_id.in_([adm.id for adm in admissions]))
            .order_by(Attempt.admission_id, Attempt.position)
        )
        if light:
            query = query.options(defer(Attempt.form))
        if lock:
            query = query.with_for_update()
        for attempt in db.execute(query).scalars():
            attempts[attempt.admission_id].append(attempt)
    found: dict[str, Occupant] = {}
    for adm in admissions:
        assert adm.seat_code is not None
        held = found.get(adm.seat_code)
        if held is not None and (held.sitting or not holds_seat(attempts[adm.id])):
            continue
        found[adm.seat_code] = Occupant(
            adm.seat_code, adm, attempts[adm.id], holds_seat(attempts[adm.id])
        )
    return found


def sitting_at(db: Session, seat: str, *, lock: bool = False) -> Occupant | None:
    """The seat's sitting now, or None when the seat is free."""
    found = occupants(db, [seat], lock=lock).get(seat)
    return found if found is not None and found.sitting else None


def lock_seats(db: Session, hall_id: str, codes: Sequence[str]) -> dict[str, Seat]:
    """Takes the seats' rows (in code order, so two actions on the same two seats cannot
    deadlock): every action that changes who sits at a seat holds its row until it commits."""
    rows = db.execute(
        select(Seat)
        .where(Seat.hall_id == hall_id, Seat.code.in_(sorted(set(codes))))
        .order_by(Seat.code)
        .with_for_update()
    ).scalars()
    return {s.code: s for s in rows}


@dataclass(frozen=True)
class SeatNow:
    """A seat, its kiosk and its sitting (`seating`), locked for the caller's transaction."""

    seat: str
    kiosk: Kiosk | None
    sitting: Occupant | None

    @property
    def admission(self) -> Admission | None:
        return self.sitting.admission if self.sitting else None

    @property
    def attempts(self) -> list[Attempt]:
        return self.sitting.attempts if self.sitting else []

    @property
    def running(self) -> Attempt | None:
        return self.sitting.running if self.sitting else None

    @property
    def unfinished(self) -> list[Attempt]:
        return self.sitting.unfinished if self.sitting else []


def seat_now(db: Session, hall_id: str, seat_code: str) -> SeatNow:
    """The seat, its kiosk and its sitting candidate, all locked for the caller's transaction
    (the seat's row first: actions on one seat take their turns)."""
    if seat_code not in lock_seats(db, hall_id, [seat_code]):
        raise not_found("seat", seat_code)
    kiosk = db.execute(
        select(Kiosk)
        .where(Kiosk.seat_code == seat_code, Kiosk.revoked.is_(False))
        .with_for_update()
    ).scalar_one_or_none()
    return SeatNow(seat_code, kiosk, sitting_at(db, seat_code, lock=True))


def free_seats(db: Session, hall_id: str) -> list[str]:
    """Seats of the hall with an enrolled kiosk and no sitting, in code order."""
    enrolled = list(
        db.execute(
            select(Kiosk.seat_code)
            .join(Seat, Seat.code == Kiosk.seat_code)
            .where(Seat.hall_id == hall_id, Kiosk.revoked.is_(False))
            .order_by(Kiosk.seat_code)
        ).scalars()
    )
    taken = {c for c, o in occupants(db, enrolled).items() if o.sitting}
    return [c for c in enrolled if c not in taken]


def refusal(
    act: SeatAct, seat: str, sitting: Occupant | None, kiosk: Kiosk | None
) -> Refusal | None:
    """Why `act` may not be taken at the seat now (None: it may)."""
    if act == "incident":
        return None
    if sitting is None:
        return conflict("seat_free", seat=seat)
    running = sitting.running
    if act == "pause":
        if kiosk is None:
            return conflict("seat_no_kiosk", seat=seat)
        if kiosk.locked_at is not None:
            return conflict("seat_already_locked", seat=seat, since_at=kiosk.locked_at)
    elif act == "resume":
        if kiosk is None or kiosk.locked_at is None:
            return conflict("seat_not_locked", seat=seat)
        if kiosk.lock_source == LockSource.ROOM:
            return conflict("seat_locked_with_room", seat=seat)
    elif act == "time":
        if running is None or running.deadline_at is None:
            return conflict("seat_not_running", seat=seat)
    elif act == "terminate" and not sitting.unfinished:
        return conflict("seat_nothing_to_terminate", seat=seat)
    return None


def actions(seat: str, sitting: Occupant | None, kiosk: Kiosk | None) -> list[SeatAct]:
    """The seat actions the server allows now (what the console enables)."""
    return [act for act in SEAT_ACTS if refusal(act, seat, sitting, kiosk) is None]
