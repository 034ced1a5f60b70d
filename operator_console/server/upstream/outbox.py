"""The outbox: records that must reach the upstream, written in the transaction that made them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from operator_console.protocol.canonical import canonical_json
from operator_console.protocol.console_api.sync import SyncStatus
from operator_console.protocol.values import OutboxStatus
from operator_console.server.models import OutboxRecord

RESULT_LIMIT = timedelta(minutes=20)
WARN_AT = timedelta(minutes=10)
ALARM_AT = timedelta(minutes=15)


def enqueue(
    db: Session,
    *,
    record_id: str,
    hall_id: str,
    kind: str,
    path: str,
    record: dict[str, Any],
    now: datetime,
    reference_at: datetime | None = None,
) -> None:
    db.add(
        OutboxRecord(
            id=record_id,
            hall_id=hall_id,
            kind=kind,
            path=path,
            body=canonical_json(record).decode(),
            status=OutboxStatus.PENDING,
            tries=0,
            created_at=now,
            reference_at=reference_at or now,
            next_try_at=now,
        )
    )


def sync_status(db: Session, hall_id: str, now: datetime) -> SyncStatus:
    counts = dict(
        db.execute(
            select(OutboxRecord.status, func.count())
            .where(OutboxRecord.hall_id == hall_id)
            .group_by(OutboxRecord.status)
        ).all()
    )
    oldest = db.execute(
        select(func.min(OutboxRecord.reference_at)).where(
            OutboxRecord.hall_id == hall_id, OutboxRecord.status == OutboxStatus.PENDING
        )
    ).scalar_one()
    last = db.execute(
        select(func.max(OutboxRecord.delivered_at)).where(OutboxRecord.hall_id == hall_id)
    ).scalar_one()
    age = None if oldest is None else (now - oldest).total_seconds()
    level = "ok"
    if counts.get(OutboxStatus.PARKED, 0) or (age is not None and age >= ALARM_AT.total_seconds()):
        level = "alarm"
    elif age is not None and age >= WARN_AT.total_seconds():
        level = "warning"
    return SyncStatus(
        pending=counts.get(OutboxStatus.PENDING, 0),
        parked=counts.get(OutboxStatus.PARKED, 0),
        delivered=counts.get(OutboxStatus.DELIVERED, 0),
        oldest_pending_seconds=age,
        last_success_at=last,
        level=level,
    )
