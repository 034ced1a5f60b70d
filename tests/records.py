"""Valid wire records for tests that need one to send or to spoil, or to queue upstream."""

from __future__ import annotations

import uuid
from typing import Any

from operator_console.server.runtime import HallRuntime
from operator_console.server.upstream import outbox
from tests.conftest import HALL_ID


def result_record(hall_id: str, result_id: str | None = None, **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "schema": "hall-result/1",
        "result_id": result_id or str(uuid.uuid4()),
        "hall_id": hall_id,
        "session_id": "S-1",
        "registration_id": "REG-1",
        "iin": "900517301234",
        "program": "legislation",
        "language": "kk",
        "seat": "A07",
        "started_at": "2026-03-10T04:00:00.000Z",
        "finished_at": "2026-03-10T04:50:00.000Z",
        "finish_reason": "submitted",
        "bank_id": "b",
        "bank_version": "1",
        "form_seed": "s",
        "sections": [
            {
                "code": "constitution",
                "questions": 15,
                "answered": 14,
                "correct": 12,
                "score": 12.0,
                "threshold": 5,
                "passed": True,
            }
        ],
        "total": {"score": 41.0, "threshold": 30},
        "outcome": "pass",
        "verification": "pending",
        "answers": [{"item_id": "i1", "choices": ["B"], "answered_at": "2026-03-10T04:01:00Z"}],
        "incidents": [],
        "recording": {"segments": []},
    }
    record.update(changes)
    return record


def queue(rt: HallRuntime, *records: dict[str, Any]) -> None:
    """Puts result records in the hall's outbox, as finishing attempts would."""
    with rt.tx() as db:
        for r in records:
            outbox.enqueue(
                db,
                record_id=str(r["result_id"]),
                hall_id=HALL_ID,
                kind="result",
                path=f"/v1/results/{r['result_id']}",
                record=r,
                now=rt.clock.now(),
            )


def enqueue_results(rt: HallRuntime, n: int) -> list[dict[str, object]]:
    records = [result_record(HALL_ID) for _ in range(n)]
    queue(rt, *records)
    return records
