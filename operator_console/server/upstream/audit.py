"""The audit log: a hash chain of every operator, administrator and kiosk action."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.canonical import canonical_json
from operator_console.protocol.values import rfc3339
from operator_console.server.models import AuditEntry, AuditHead

GENESIS = "0" * 64


def entry_hash(
    prev_hash: str,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    subject: str,
    detail: dict[str, Any],
) -> str:
    body = canonical_json(
        {
            "prev": prev_hash,
            "seq": seq,
            "at": rfc3339(at),
            "actor": actor,
            "action": action,
            "subject": subject,
            "detail": detail,
        }
    )
    return hashlib.sha256(body).hexdigest()


def append(
    db: Session,
    *,
    hall_id: str,
    at: datetime,
    actor: str,
    action: str,
    subject: str = "",
    detail: dict[str, Any] | None = None,
    session_id: str | None = None,
) -> AuditEntry:
    """Adds one entry in the caller's transaction; the head row lock orders concurrent writers."""
    head = db.execute(
        select(AuditHead).where(AuditHead.hall_id == hall_id).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        head = AuditHead(hall_id=hall_id, seq=0, hash=GENESIS, sent_seq=0)
        db.add(head)
    detail = detail or {}
    seq = head.seq + 1
    digest = entry_hash(head.hash, seq, at, actor, action, subject, detail)
    entry = AuditEntry(
        hall_id=hall_id,
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        subject=subject,
        detail=detail,
        session_id=session_id,
        prev_hash=head.hash,
        hash=digest,
    )
    db.add(entry)
    head.seq, head.hash = seq, digest
    db.flush()
    return entry


def verify_chain(db: Session, hall_id: str) -> int | None:
    """None when the whole chain holds; else the first sequence number that breaks it."""
    prev = GENESIS
    entries = db.execute(
        select(AuditEntry).where(AuditEntry.hall_id == hall_id).order_by(AuditEntry.seq)
    ).scalars()
    for expected_seq, e in enumerate(entries, start=1):
        digest = entry_hash(prev, e.seq, e.at, e.actor, e.action, e.subject, e.detail)
        if e.seq != expected_seq or e.prev_hash != prev or e.hash != digest:
            return e.seq
        prev = e.hash
    return None
