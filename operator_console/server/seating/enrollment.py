"""Kiosk enrollment: a one-time code issued for a seat becomes that kiosk's own credential."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.hall import EnrollmentCodeView
from operator_console.protocol.kiosk_api import EnrollResponse
from operator_console.server.auth import new_token, token_hash
from operator_console.server.errors import Refusal
from operator_console.server.models import EnrollmentCode, Hall, Kiosk, Seat
from operator_console.server.upstream import audit

CODE_LIFETIME = timedelta(hours=24)
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _code_hash(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").upper().encode()).hexdigest()


def issue_code(
    db: Session, *, seat_code: str, hall_id: str, now: datetime, actor: str
) -> EnrollmentCodeView:
    if db.get(Hall, hall_id) is None:
        db.add(Hall(id=hall_id, name=hall_id))
    if db.get(Seat, seat_code) is None:
        db.add(Seat(code=seat_code, hall_id=hall_id, spare=False))
    db.flush()
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    code = "-".join(raw[i : i + 4] for i in range(0, 12, 4))
    expires = now + CODE_LIFETIME
    db.add(
        EnrollmentCode(
            code_hash=_code_hash(code), seat_code=seat_code, issued_at=now, expires_at=expires
        )
    )
    audit.append(db, hall_id=hall_id, at=now, actor=actor, action="kiosk.code", subject=seat_code)
    return EnrollmentCodeView(seat=seat_code, code=code, expires_at=expires)


def enroll(db: Session, *, code: str, machine: str, hall_id: str, now: datetime) -> EnrollResponse:
    row = db.get(EnrollmentCode, _code_hash(code), with_for_update=True)
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise Refusal(401, "enrollment_code_invalid")
    row.used_at = now
    db.execute(update(Kiosk).where(Kiosk.seat_code == row.seat_code).values(revoked=True))
    token = new_token()
    kiosk = Kiosk(
        id=str(uuid.uuid4()),
        seat_code=row.seat_code,
        token_hash=token_hash(token),
        machine=machine,
        enrolled_at=now,
        revoked=False,
    )
    db.add(kiosk)
    audit.append(
        db,
        hall_id=hall_id,
        at=now,
        actor=f"kiosk:{row.seat_code}",
        action="kiosk.enroll",
        subject=kiosk.id,
        detail={"machine": machine},
    )
    return EnrollResponse(kiosk_id=kiosk.id, seat=row.seat_code, token=token)


def kiosk_for_token(db: Session, token: str) -> Kiosk | None:
    return db.execute(
        select(Kiosk).where(Kiosk.token_hash == token_hash(token), Kiosk.revoked.is_(False))
    ).scalar_one_or_none()
