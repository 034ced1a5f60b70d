"""The proctor's verdict on a finished attempt: clear, or a violation that annuls the result.

The verdict goes upstream as its own record (contracts §3), through the same outbox as results,
in the same transaction that records it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from operator_console.protocol.console_api import VerdictRequest
from operator_console.protocol.values import AttemptStatus, OutcomeCode, rfc3339
from operator_console.server import audit, outbox
from operator_console.server.errors import Refusal, conflict, not_found
from operator_console.server.models import Attempt, OutboxRecord


def record_verdict(
    db: Session, *, attempt_id: str, body: VerdictRequest, proctor: str, hall_id: str, now: datetime
) -> dict[str, Any]:
    attempt = db.get(Attempt, attempt_id, with_for_update=True)
    if attempt is None:
        raise not_found(f"attempt {attempt_id}")
    if attempt.status != AttemptStatus.FINISHED:
        raise conflict("only a finished attempt can be verified")
    if db.get(OutboxRecord, f"verification:{attempt_id}") is not None:
        raise conflict(f"attempt {attempt_id} already has a verdict; it cannot be changed here")
    if body.verdict == "violation" and not body.reasons:
        raise Refusal(422, "a violation needs at least one reason")
    if body.verdict == "violation":
        attempt.outcome = OutcomeCode.ANNULLED
    record = {
        "schema": "hall-verification/1",
        "attempt_id": attempt_id,
        "verdict": body.verdict,
        "outcome": attempt.outcome,
        "reasons": [r.model_dump() for r in body.reasons],
        "reviewed_by": proctor,
        "reviewed_at": rfc3339(now),
    }
    outbox.enqueue(
        db,
        record_id=f"verification:{attempt_id}",
        hall_id=hall_id,
        kind="verification",
        path=f"/v1/verifications/{attempt_id}",
        record=record,
        now=now,
    )
    audit.append(
        db,
        hall_id=hall_id,
        at=now,
        actor=proctor,
        action="attempt.verdict",
        subject=attempt_id,
        detail={"verdict": body.verdict, "codes": [r.code for r in body.reasons]},
    )
    return record
