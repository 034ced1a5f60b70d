"""Incidents: what kiosks report (lockdown, camera, face flags) and what operators log."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from operator_console.protocol.kiosk_api import IncidentReport
from operator_console.protocol.reasons import Reason
from operator_console.server.changes import touch
from operator_console.server.errors import Refusal, not_found
from operator_console.server.models import Attempt, Incident
from operator_console.server.upstream import audit

JPEG = b"\xff\xd8\xff"


def report(
    db: Session,
    *,
    attempt: Attempt | None,
    body: IncidentReport,
    reporter: str,
    root: Path,
    hall_id: str,
    now: datetime,
    seat_code: str | None = None,
) -> Incident:
    """An incident on an attempt, or (attempt None) on a seat between attempts."""
    thumbnail = None
    if body.thumbnail_jpeg_b64 is not None and attempt is None:
        raise Refusal(422, "thumbnail_without_attempt")
    if body.thumbnail_jpeg_b64 is not None:
        try:
            thumbnail = base64.b64decode(body.thumbnail_jpeg_b64, validate=True)
        except (binascii.Error, ValueError):
            raise Refusal(422, "thumbnail_not_jpeg") from None
        if not thumbnail.startswith(JPEG):
            raise Refusal(422, "thumbnail_not_jpeg")
    row = Incident(
        session_id=attempt.session_id if attempt else None,
        attempt_id=attempt.id if attempt else None,
        seat_code=attempt.seat_code if attempt else seat_code,
        at=body.at,
        category=body.category,
        code=body.code,
        note=body.note,
        reported_by=reporter,
    )
    db.add(row)
    db.flush()
    if thumbnail is not None:
        path = row.thumbnail_path(root)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(thumbnail)
    audit.append(
        db,
        hall_id=hall_id,
        at=now,
        actor=reporter,
        action="incident.report",
        subject=attempt.id if attempt else seat_code or "",
        detail={"category": body.category, "code": body.code, "seat": row.seat_code},
        session_id=row.session_id,
    )
    touch(db, "incident", str(row.id))
    if row.seat_code:
        touch(db, "seat", row.seat_code)
    return row


def thumbnail(db: Session, incident_id: int, root: Path) -> bytes:
    row = db.get(Incident, incident_id)
    if row is None or not row.thumbnail_path(root).exists():
        raise not_found("thumbnail", incident_id)
    return row.thumbnail_path(root).read_bytes()


def log_reason(
    db: Session,
    *,
    reason: Reason,
    actor: str,
    now: datetime,
    seat: str | None,
    session_id: str | None,
    attempt: Attempt | None,
) -> Incident:
    """An incident an operator logs with the reason given for an act: on the running attempt
    when there is one, else on the seat or (no seat) the session's room."""
    row = Incident(
        session_id=attempt.session_id if attempt else session_id,
        attempt_id=attempt.id if attempt else None,
        seat_code=seat,
        at=now,
        category=reason.category,
        code=reason.code,
        note=reason.note,
        reported_by=actor,
    )
    db.add(row)
    db.flush()
    touch(db, "incident", str(row.id))
    return row


def acknowledge(
    db: Session, *, hall_id: str, incident_id: int, now: datetime, actor: str
) -> Incident:
    row = db.get(Incident, incident_id, with_for_update=True)
    if row is None:
        raise not_found("incident", incident_id)
    if row.acknowledged_at is None:
        row.acknowledged_at, row.acknowledged_by = now, actor
        audit.append(
            db, hall_id=hall_id, at=now, actor=actor, action="incident.acknowledge",
            subject=str(incident_id), session_id=row.session_id,
        )  # fmt: skip
        if row.seat_code:
            touch(db, "seat", row.seat_code)
        attempt = db.get(Attempt, row.attempt_id) if row.attempt_id else None
        if attempt is not None and attempt.seat_code:
            touch(db, "seat", attempt.seat_code)  # the alert went with its candidate
        touch(db, "incident", str(incident_id))
    return row
