"""The proctor's verdict on a finished attempt: clear, or a violation that annuls the result.

The verdict goes upstream as its own record (contracts §3), through the same outbox as results,
in the same transaction that records it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.review import VerdictRequest
from operator_console.protocol.values import AttemptStatus, OutcomeCode, rfc3339
from operator_console.server.admission.roster import hall_time
from operator_console.server.errors import Refusal, conflict, not_found
from operator_console.server.models import Attempt, Incident, OutboxRecord, Registration
from operator_console.server.upstream import audit, outbox


def record_verdict(
    db: Session,
    *,
    attempt_id: str,
    body: VerdictRequest,
    proctor: str,
    hall_id: str,
    now: datetime,
    zone: ZoneInfo,
    sample: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """Records the verdict and queues it upstream; `sample` is (watched, batch) for a bulk clear."""
    attempt = db.get(Attempt, attempt_id, with_for_update=True)
    if attempt is None:
        raise not_found("attempt", attempt_id)
    if attempt.status != AttemptStatus.FINISHED:
        raise conflict("verdict_needs_finished")
    if db.get(OutboxRecord, f"verification:{attempt_id}") is not None:
        raise conflict("verdict_given", attempt=attempt_id)
    flags = {
        i.id: i
        for i in db.execute(select(Incident).where(Incident.attempt_id == attempt_id)).scalars()
    }
    for finding in body.flags:
        flag = flags.get(finding.incident_id)
        if flag is None:
            raise Refusal(422, "flag_not_of_attempt", incident=finding.incident_id)
        flag.finding, flag.finding_note, flag.found_by = finding.finding, finding.note, proctor
    if body.verdict == "violation":
        _violation_allowed(
            body, attempt_id, open_flags=[f for f in flags.values() if not f.finding]
        )
    record: dict[str, Any] = {
        "schema": "hall-verification/1",
        "attempt_id": attempt_id,
        "verdict": body.verdict,
        "outcome": attempt.outcome,
        "reasons": [r.model_dump() for r in body.reasons],
        "reviewed_by": proctor,
        "reviewed_at": rfc3339(now),
    }
    if body.verdict == "violation":
        assert body.ban_months is not None  # the request's validator insists
        attempt.outcome = record["outcome"] = OutcomeCode.ANNULLED
        tested = (attempt.finished_at or now).astimezone(zone).date()
        last_day = tested + relativedelta(months=body.ban_months)
        record |= {"ban_months": body.ban_months, "banned_until": last_day.isoformat()}
        _ban(db, attempt.registration_id, hall_time(last_day, zone, day_ends=True))
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
        detail={
            "verdict": body.verdict,
            "codes": [r.code for r in body.reasons],
            "ban_months": body.ban_months,
            "flags": {str(f.incident_id): f.finding for f in body.flags},
            **({"despite_open_flags": True} if body.despite_open_flags else {}),
            **({"bulk": {"watched": sample[0], "of": sample[1]}} if sample else {}),
        },
        session_id=attempt.session_id,
    )
    return record


def _violation_allowed(
    body: VerdictRequest, attempt_id: str, *, open_flags: list[Incident]
) -> None:
    """The rules of a violation: each reason breaks the testing rules (or is `other`, whose note
    says how), and every flag has a finding, unless the proctor decided despite open flags."""
    for reason in body.reasons:
        if not (reason.violation or reason.code == "other"):
            raise Refusal(422, "verdict_reason_not_violation", code=reason.code)
    if open_flags and not body.despite_open_flags:
        raise conflict("flags_unresolved", attempt=attempt_id, count=len(open_flags))


def _ban(db: Session, registration_id: str, until: datetime) -> None:
    """Every registration of the person in this hall carries the ban: admission refuses them."""
    reg = db.get(Registration, registration_id)
    if reg is None:
        return
    for other in db.execute(select(Registration).where(Registration.iin == reg.iin)).scalars():
        if other.banned_until is None or other.banned_until < until:
            other.banned_until = until
