"""Seat locks: a kiosk that locks pauses its running attempt; only an operator's code resumes it.

The candidate loses no time to a lock: while the seat is locked the attempt is paused (the
deadline sweep leaves it alone) and at resume its deadline moves on by the time spent locked.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.hall import ResumeCodeView
from operator_console.protocol.kiosk_api import IncidentReport, LockReport, SeatAssignment
from operator_console.protocol.values import ROOM_PAUSED, LockSource
from operator_console.server.changes import touch
from operator_console.server.errors import Refusal, conflict, forbidden, not_found
from operator_console.server.models import Attempt, AuditEntry, HallSession, Incident, Kiosk
from operator_console.server.seating import seat_clock, seating
from operator_console.server.sitting import attempts, incidents
from operator_console.server.upstream import audit

CODE_LIFETIME = timedelta(minutes=15)
MAX_FAILURES = 5
"""Wrong codes before the code is void and the operator must issue a new one."""


def _hash(kiosk: Kiosk, code: str) -> str:
    return hashlib.sha256(f"{kiosk.id}:{code}".encode()).hexdigest()


def running_attempt(db: Session, seat_code: str) -> Attempt | None:
    """The running attempt of the seat's sitting (`seating`), locked for the transaction."""
    sitting = seating.sitting_at(db, seat_code, lock=True)
    return sitting.running if sitting is not None else None


def seat_incident(
    db: Session,
    kiosk: Kiosk,
    report: IncidentReport,
    *,
    root: Path,
    hall_id: str,
    now: datetime,
    attempt: Attempt | None = None,
) -> Incident:
    """An incident at the seat: on its running attempt if there is one, else on the seat alone."""
    return incidents.report(
        db,
        attempt=attempt or running_attempt(db, kiosk.seat_code),
        body=report,
        reporter=f"kiosk:{kiosk.seat_code}",
        root=root,
        hall_id=hall_id,
        now=now,
        seat_code=kiosk.seat_code,
    )


def down_from(
    body: LockReport, started_at: datetime | None, silent_since: datetime | None, now: datetime
) -> datetime:
    """When the clock of a kiosk that restarted after a crash stops: the later of the last
    moment the server heard it and the last moment its own journal was alive. A kiosk that
    stayed up through a LAN outage was alive (and the candidate working) all along, so the
    outage is never given back; only the time the kiosk was really down is."""
    if body.reason != "unclean_exit" or body.down_since is None:
        return now
    since = max(body.down_since, silent_since) if silent_since else body.down_since
    return min(now, max(since, started_at or since))


def lock(
    db: Session,
    kiosk: Kiosk,
    body: LockReport,
    *,
    root: Path,
    hall_id: str,
    now: datetime,
    silent_since: datetime | None = None,
) -> SeatAssignment:
    """Records why the kiosk locked (an incident) and pauses its running attempt; a kiosk back
    from a crash is paused from when it went down (technical/kiosk_dead)."""
    attempt = running_attempt(db, kiosk.seat_code)
    if kiosk.locked_at is None:
        kiosk.locked_at, kiosk.lock_reason = now, body.reason
        kiosk.lock_source = LockSource.KIOSK
    if attempt is not None and attempt.paused_at is None:
        seat_clock.stop(attempt, down_from(body, attempt.started_at, silent_since, now))
        assert attempt.paused_at is not None
        if attempt.paused_at < now:
            down = IncidentReport(
                at=now,
                category="technical",
                code="kiosk_dead",
                note=f"the kiosk was down from {attempt.paused_at:%H:%M:%S} UTC; "
                "that time is given back when the operator resumes the seat",
            )
            seat_incident(db, kiosk, down, root=root, hall_id=hall_id, now=now, attempt=attempt)
    report = IncidentReport(at=body.at, category="lockdown", code=body.reason, note=body.note)
    seat_incident(db, kiosk, report, root=root, hall_id=hall_id, now=now, attempt=attempt)
    audit.append(
        db,
        hall_id=hall_id,
        at=now,
        actor=f"kiosk:{kiosk.seat_code}",
        action="seat.lock",
        subject=kiosk.seat_code,
        detail={"reason": body.reason, "attempt": attempt.id if attempt else None},
        session_id=attempt.session_id if attempt else None,
    )
    touch(db, "seat", kiosk.seat_code)
    return attempts.assignment(db, kiosk, now)


_GIVEN: dict[tuple[str, str], str] = {}
"""The codes this server gave, by (kiosk, the code's hash): only the hash is stored, and a code
pressed for again while it is valid and unused is given again from here. A server that
restarted gives a new code instead (and the old one is void)."""
_GIVEN_LOCK = threading.Lock()
_GIVEN_MOST = 10_000


def _remember(kiosk: Kiosk, code: str) -> None:
    with _GIVEN_LOCK:
        if len(_GIVEN) >= _GIVEN_MOST:
            _GIVEN.clear()
        _GIVEN[(kiosk.id, _hash(kiosk, code))] = code


def _given(kiosk: Kiosk, now: datetime) -> str | None:
    """The seat's valid, unused code, if this server gave it."""
    if kiosk.resume_hash is None or kiosk.resume_expires_at is None:
        return None
    if now > kiosk.resume_expires_at:
        return None
    with _GIVEN_LOCK:
        return _GIVEN.get((kiosk.id, kiosk.resume_hash))


def code_for(
    db: Session, kiosk: Kiosk, *, hall_id: str, now: datetime, actor: str
) -> tuple[ResumeCodeView, str | None]:
    """(the seat's resume code, who issued it when it was issued before): a valid unused code
    is given again as it is (its wrong-code count kept); else a new one is issued."""
    code = _given(kiosk, now)
    if code is not None and kiosk.resume_expires_at is not None:
        first = db.execute(
            select(AuditEntry.actor)
            .where(AuditEntry.action == "seat.resume_code", AuditEntry.subject == kiosk.seat_code)
            .order_by(AuditEntry.seq.desc())
            .limit(1)
        ).scalar_one_or_none()
        view = ResumeCodeView(seat=kiosk.seat_code, code=code, expires_at=kiosk.resume_expires_at)
        return view, first or actor
    return issue_code(db, kiosk.seat_code, hall_id=hall_id, now=now, actor=actor), None


def issue_code(
    db: Session, seat_code: str, *, hall_id: str, now: datetime, actor: str
) -> ResumeCodeView:
    kiosk = db.execute(
        select(Kiosk).where(Kiosk.seat_code == seat_code, Kiosk.revoked.is_(False))
    ).scalar_one_or_none()
    if kiosk is None:
        raise not_found("kiosk_at_seat", seat_code)
    if kiosk.locked_at is None:
        raise conflict("seat_not_locked", seat=seat_code)  # a code opens a lock, none else
    code = f"{secrets.randbelow(1_000_000):06d}"
    _remember(kiosk, code)
    kiosk.resume_hash = _hash(kiosk, code)
    kiosk.resume_expires_at = now + CODE_LIFETIME
    kiosk.resume_failures = 0
    audit.append(
        db, hall_id=hall_id, at=now, actor=actor, action="seat.resume_code", subject=seat_code
    )
    touch(db, "seat", seat_code)
    return ResumeCodeView(seat=seat_code, code=code, expires_at=kiosk.resume_expires_at)


def unlock(
    db: Session, kiosk: Kiosk, code: str, *, hall_id: str, now: datetime
) -> SeatAssignment | Refusal:
    """Checks the operator's code; the running attempt resumes with the time it had left.

    A wrong code comes back as the refusal to raise after the commit, so the count of wrong
    codes survives it.
    """
    actor = f"kiosk:{kiosk.seat_code}"
    valid = (
        kiosk.resume_hash is not None
        and kiosk.resume_expires_at is not None
        and now <= kiosk.resume_expires_at
    )
    if not valid:
        return forbidden("no_resume_code")
    assert kiosk.resume_hash is not None
    if not hmac.compare_digest(kiosk.resume_hash, _hash(kiosk, code)):
        kiosk.resume_failures += 1
        left = MAX_FAILURES - kiosk.resume_failures
        if left <= 0:
            kiosk.resume_hash = kiosk.resume_expires_at = None
        audit.append(
            db, hall_id=hall_id, at=now, actor=actor, action="seat.resume_refused",
            subject=kiosk.seat_code, detail={"failures": kiosk.resume_failures},
        )  # fmt: skip
        touch(db, "seat", kiosk.seat_code)
        return forbidden("resume_code_wrong") if left > 0 else forbidden("resume_code_void")
    kiosk.resume_hash = kiosk.resume_expires_at = None
    kiosk.resume_failures = 0
    attempt = running_attempt(db, kiosk.seat_code)
    session = db.get(HallSession, attempt.session_id) if attempt is not None else None
    touch(db, "seat", kiosk.seat_code)
    if session is not None and session.paused_at is not None:
        # The room stopped meanwhile: the seat stays stopped with it, and opens when it resumes.
        kiosk.lock_reason, kiosk.lock_source = ROOM_PAUSED, LockSource.ROOM
        audit.append(
            db, hall_id=hall_id, at=now, actor=actor, action="seat.resume_held",
            subject=kiosk.seat_code, session_id=session.id,
        )  # fmt: skip
        return attempts.assignment(db, kiosk, now)
    kiosk.locked_at = kiosk.lock_reason = kiosk.lock_source = None
    paused = seat_clock.restart(attempt, now)
    audit.append(
        db,
        hall_id=hall_id,
        at=now,
        actor=actor,
        action="seat.resume",
        subject=kiosk.seat_code,
        detail={
            "attempt": attempt.id if attempt else None,
            "paused_seconds": paused.total_seconds() if paused else 0,
        },
        session_id=attempt.session_id if attempt else None,
    )
    return attempts.assignment(db, kiosk, now)
