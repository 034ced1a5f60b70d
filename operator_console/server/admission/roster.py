"""Rosters from the authority: signature check, then import into the hall's sessions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.sessions import RosterImported
from operator_console.protocol.roster import LastAttempt, Roster, SignedRoster
from operator_console.protocol.signing import document_signed
from operator_console.protocol.values import SessionStatus, rfc3339
from operator_console.server.errors import Refusal
from operator_console.server.models import Hall, HallSession, Registration
from operator_console.server.upstream import audit


def verified_roster(signed: SignedRoster, authority: Ed25519PublicKey, hall_id: str) -> Roster:
    if not document_signed(authority, signed.roster, signed.signature):
        raise Refusal(422, "roster_signature_bad")
    try:
        roster = Roster.model_validate(signed.roster)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise Refusal(422, "roster_invalid", field=where, problem=first["msg"]) from exc
    if roster.hall_id != hall_id:
        raise Refusal(422, "roster_other_hall", roster_hall=roster.hall_id, hall=hall_id)
    return roster


def hall_time(value: datetime | date, zone: ZoneInfo, *, day_ends: bool) -> datetime:
    """A roster's time as UTC; a bare day is its end (a ban) or its noon (a past attempt)."""
    if isinstance(value, datetime):
        return value
    if day_ends:
        return datetime.combine(value + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return datetime.combine(value, time(12), tzinfo=zone).astimezone(UTC)


def _past(attempt: LastAttempt, zone: ZoneInfo) -> dict[str, str]:
    return {
        "program": attempt.program,
        "at": rfc3339(hall_time(attempt.at, zone, day_ends=False)),
        "outcome": attempt.outcome,
    }


def import_roster(
    db: Session, roster: Roster, *, hall_name: str, zone: ZoneInfo, now: datetime, actor: str
) -> RosterImported:
    if db.get(Hall, roster.hall_id) is None:
        db.add(Hall(id=roster.hall_id, name=hall_name))
        db.flush()
    candidates = 0
    for s in roster.sessions:
        row = db.get(HallSession, s.session_id)
        if row is None:
            row = HallSession(
                id=s.session_id, hall_id=roster.hall_id, status=SessionStatus.SCHEDULED
            )
            db.add(row)
        elif row.status != SessionStatus.SCHEDULED:
            raise Refusal(409, "roster_fixed", session=s.session_id)
        row.day, row.starts_at, row.programs = roster.date, s.starts_at, list(s.programs)
        db.flush()
        for c in s.candidates:
            reg = db.get(Registration, c.registration_id) or Registration(id=c.registration_id)
            reg.session_id, reg.iin, reg.full_name = s.session_id, c.iin, c.full_name
            reg.photo_jpeg_b64, reg.programs = c.photo_jpeg_b64, list(c.programs)
            reg.languages = list(c.languages)
            ban = c.banned_until
            reg.banned_until = None if ban is None else hall_time(ban, zone, day_ends=True)
            reg.last_attempts = [_past(a, zone) for a in c.last_attempts]
            db.merge(reg)
            candidates += 1
    db.flush()
    audit.append(
        db,
        hall_id=roster.hall_id,
        at=now,
        actor=actor,
        action="roster.import",
        subject=str(roster.date),
        detail={"sessions": len(roster.sessions), "candidates": candidates},
    )
    return RosterImported(sessions=len(roster.sessions), candidates=candidates)
