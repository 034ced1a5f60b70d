"""The offline bundle: what the outbox has not delivered, signed by the hall, to carry by hand.

Exporting changes nothing in the outbox: the sync worker keeps trying, and the upstream's
idempotency makes a record that arrives both ways count once.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.signing import sign_document
from operator_console.protocol.values import OutboxStatus, rfc3339
from operator_console.server.models import AuditHead, OutboxRecord
from operator_console.server.upstream import audit
from question_banks.package import write_package


def bundle(
    db: Session, *, hall_id: str, key: Ed25519PrivateKey, now: datetime, actor: str
) -> dict[str, Any]:
    rows = (
        db.execute(
            select(OutboxRecord)
            .where(OutboxRecord.hall_id == hall_id, OutboxRecord.status != OutboxStatus.DELIVERED)
            .order_by(OutboxRecord.created_at)
        )
        .scalars()
        .all()
    )
    head = db.get(AuditHead, hall_id)
    body: dict[str, Any] = {
        "schema": "hall-offline-bundle/1",
        "hall_id": hall_id,
        "created_at": rfc3339(now),
        "records": [
            {
                "id": r.id,
                "kind": r.kind,
                "path": r.path,
                "status": r.status,
                "body": json.loads(r.body),
            }
            for r in rows
        ],
        "audit_head": None if head is None else {"seq": head.seq, "head": head.hash},
    }
    audit.append(
        db,
        hall_id=hall_id,
        at=now,
        actor=actor,
        action="outbox.export",
        detail={"records": len(rows)},
    )
    return {"bundle": body, "signature": sign_document(key, body)}


def write_bundle(signed: dict[str, Any], out: Path) -> None:
    write_package(json.dumps(signed, ensure_ascii=False, indent=1).encode(), out)
