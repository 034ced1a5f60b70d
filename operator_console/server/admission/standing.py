"""Which desk decision stands for each candidate, the counts that follow, and which detector
checks belong to a session: decided here once, read by the desk, the session view, the
registrations, the history and the report.

The rule: a candidate's decisions are read in the order they were made and the latest stands,
except that an admission, once made, is final (the desk refuses no one already admitted; a seat
terminates them instead). So a refusal followed by an admission counts as admitted, and a
candidate with no decision is a no-show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from operator_console.protocol.values import AdmissionStatus
from operator_console.server.models import Admission, Attempt, DetectorEventRow, HallSession
from operator_console.server.seating import seating

CHECKS_BEFORE = timedelta(hours=3)
"""Detector checks this long before a session's start belong to its admission."""
TRANSITS = ("pass", "alarm", "fault", "tamper")
"""The detector events the session's record lists: walk-throughs, wand checks, the arch's own
faults; greetings and status lines are not."""


def standing_of(decisions: Iterable[Admission]) -> Admission | None:
    """The decision that stands among one candidate's decisions (see the module's rule)."""
    ordered = sorted(decisions, key=lambda a: a.decided_at)
    admitted = [a for a in ordered if a.status == AdmissionStatus.ADMITTED]
    if admitted:
        return admitted[0]
    return ordered[-1] if ordered else None


def decisions(db: Session, session_id: str) -> list[Admission]:
    """Every decision of the session's desk, standing or not, in the order they were made."""
    return list(
        db.execute(
            select(Admission)
            .where(Admission.session_id == session_id)
            .order_by(Admission.decided_at, Admission.id)
        ).scalars()
    )


def standing(db: Session, session_id: str) -> dict[str, Admission]:
    """Registration id -> the decision that stands, for every candidate decided on."""
    by_candidate: dict[str, list[Admission]] = {}
    for adm in decisions(db, session_id):
        by_candidate.setdefault(adm.registration_id, []).append(adm)
    found = {rid: standing_of(decisions) for rid, decisions in by_candidate.items()}
    return {rid: adm for rid, adm in found.items() if adm is not None}


def standing_for(db: Session, registration_id: str) -> Admission | None:
    """The decision that stands for one candidate, or None (not decided yet)."""
    return standing_of(
        db.execute(select(Admission).where(Admission.registration_id == registration_id)).scalars()
    )


def admitted_for(db: Session, registration_id: str) -> Admission | None:
    """The candidate's admission, if they are admitted."""
    held = standing_for(db, registration_id)
    return held if held is not None and held.status == AdmissionStatus.ADMITTED else None


@dataclass(frozen=True)
class Counts:
    admitted: int
    refused: int
    no_shows: int
    seated: int
    """Admitted, at a seat, with a test still to finish."""
    unseated: int
    """Admitted, with a test still to finish, and at no seat yet."""
    finished: int
    """Admitted, every test finished."""


def counts(db: Session, session_id: str, registration_ids: Sequence[str]) -> Counts:
    held = standing(db, session_id)
    admitted = [a for a in held.values() if a.status == AdmissionStatus.ADMITTED]
    statuses: dict[str, list[str]] = {a.id: [] for a in admitted}
    for admission_id, status in db.execute(
        select(Attempt.admission_id, Attempt.status).where(Attempt.session_id == session_id)
    ):
        statuses.setdefault(admission_id, []).append(status)
    open_ids = {a.id for a in admitted if seating.still_sitting(statuses[a.id])}
    return Counts(
        admitted=len(admitted),
        refused=len(held) - len(admitted),
        no_shows=sum(1 for rid in registration_ids if rid not in held),
        seated=sum(1 for a in admitted if a.seat_code and a.id in open_ids),
        unseated=sum(1 for a in admitted if not a.seat_code and a.id in open_ids),
        finished=sum(1 for a in admitted if a.id not in open_ids),
    )


def session_checks(db: Session, session: HallSession, now: datetime) -> list[DetectorEventRow]:
    """The detector checks that belong to the session's admission, oldest first: every check a
    decision of the session names, and every transit from three hours before the session's
    start (the scheduled one, or the real one when it was earlier) until the session started or
    its desk last decided, whichever is later (until now, before the start)."""
    start = session.starts_at
    if session.started_at is not None:
        start = min(start, session.started_at)
    until = now
    if session.started_at is not None:
        last = db.execute(
            select(func.max(Admission.decided_at)).where(Admission.session_id == session.id)
        ).scalar_one()
        until = max(session.started_at, last) if last is not None else session.started_at
    linked = select(Admission.detector_event_id).where(
        Admission.session_id == session.id, Admission.detector_event_id.is_not(None)
    )
    return list(
        db.execute(
            select(DetectorEventRow)
            .where(
                DetectorEventRow.kind.in_(TRANSITS),
                or_(
                    DetectorEventRow.received_at.between(start - CHECKS_BEFORE, until),
                    DetectorEventRow.id.in_(linked),
                ),
            )
            .order_by(DetectorEventRow.id)
        ).scalars()
    )
