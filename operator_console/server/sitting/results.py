"""Finishing an attempt: score it and write its result record to the outbox, in one transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.records import ResultRecord, SectionResult
from operator_console.protocol.values import AttemptStatus, FinishReason, Verification
from operator_console.server.banks import BankShelf
from operator_console.server.changes import touch
from operator_console.server.errors import conflict
from operator_console.server.models import (
    AnswerEvent,
    Attempt,
    AttemptSection,
    Incident,
    Registration,
)
from operator_console.server.sitting import recordings
from operator_console.server.upstream import audit, outbox
from question_banks.forms import Form, FormItem
from question_banks.programs import program
from question_banks.scoring import Score, score_form


def stored_form(attempt: Attempt) -> Form:
    assert attempt.form is not None and attempt.language is not None
    items = tuple(FormItem(i, s, tuple(order)) for i, s, order in attempt.form)
    return Form(
        attempt.program,
        attempt.language,
        attempt.form_seed or "",
        attempt.bank_id or "",
        attempt.bank_version or "",
        items,
    )


def final_answers(db: Session, attempt_id: str) -> dict[str, AnswerEvent]:
    """The latest accepted change per item, in journal order."""
    latest: dict[str, AnswerEvent] = {}
    events = db.execute(
        select(AnswerEvent)
        .where(AnswerEvent.attempt_id == attempt_id, AnswerEvent.refused.is_(None))
        .order_by(AnswerEvent.seq)
    ).scalars()
    for event in events:
        latest[event.item_id] = event
    return latest


def finish(
    db: Session,
    attempt: Attempt,
    *,
    reason: str,
    now: datetime,
    banks: BankShelf,
    hall_id: str,
    actor: str,
) -> Score:
    if attempt.status != AttemptStatus.RUNNING or attempt.deadline_at is None:
        raise conflict("attempt_not_running", attempt=attempt.id, status=attempt.status)
    bank = banks.exact(attempt.bank_id or "", attempt.bank_version or "")
    if bank is None:
        raise conflict("bank_not_loaded", bank=attempt.bank_id, version=attempt.bank_version)
    answers = final_answers(db, attempt.id)
    form = stored_form(attempt)
    score = score_form(
        program(attempt.program), bank, form, {item: list(e.choices) for item, e in answers.items()}
    )
    ended = min(now, attempt.deadline_at) if reason == FinishReason.TIME_EXPIRED else now
    attempt.status, attempt.finished_at, attempt.finish_reason = (
        AttemptStatus.FINISHED,
        ended,
        reason,
    )
    attempt.outcome, attempt.total_score = score.outcome.value, float(score.total)
    for s in score.sections:
        db.add(
            AttemptSection(
                attempt_id=attempt.id,
                code=s.code,
                questions=s.questions,
                answered=s.answered,
                correct=s.correct,
                score=float(s.score),
                threshold=None if s.threshold is None else float(s.threshold),
                passed=s.passed,
            )
        )
    db.flush()  # the sections above are read back into the record
    record = result_record(db, attempt, score, form, answers, hall_id)
    outbox.enqueue(
        db,
        record_id=attempt.id,
        hall_id=hall_id,
        kind="result",
        path=f"/v1/results/{attempt.id}",
        record=record.model_dump(mode="json", by_alias=True),
        now=now,
        reference_at=ended,
    )
    audit.append(
        db,
        hall_id=hall_id,
        at=now,
        actor=actor,
        action="attempt.finish",
        subject=attempt.id,
        detail={
            "reason": reason,
            "outcome": score.outcome.value,
            "total": str(score.total),
            "seat": attempt.seat_code,
        },
        session_id=attempt.session_id,
    )
    if attempt.seat_code:
        touch(db, "seat", attempt.seat_code)
    touch(db, "sync", "outbox")
    db.flush()
    return score


def section_results(db: Session, attempt_ids: list[str]) -> dict[str, list[SectionResult]]:
    """Each attempt's scored sections, as the wire shows them (results, views, the report)."""
    rows = db.execute(
        select(AttemptSection)
        .where(AttemptSection.attempt_id.in_(attempt_ids))
        .order_by(AttemptSection.id)
    ).scalars()
    by_attempt: dict[str, list[SectionResult]] = {}
    for row in rows:
        by_attempt.setdefault(row.attempt_id, []).append(
            SectionResult.model_validate(row, from_attributes=True)
        )
    return by_attempt


def result_record(
    db: Session,
    attempt: Attempt,
    score: Score,
    form: Form,
    answers: dict[str, AnswerEvent],
    hall_id: str,
) -> ResultRecord:
    """The attempt's `hall-result/1` record, checked against the contract before it is queued."""
    reg = db.get(Registration, attempt.registration_id)
    assert reg is not None and attempt.started_at and attempt.finished_at
    incidents = db.execute(
        select(Incident).where(Incident.attempt_id == attempt.id).order_by(Incident.at)
    ).scalars()
    return ResultRecord.model_validate(
        {
            "schema": "hall-result/1",
            "result_id": attempt.id,
            "hall_id": hall_id,
            "session_id": attempt.session_id,
            "registration_id": reg.id,
            "iin": reg.iin,
            "program": attempt.program,
            "language": attempt.language,
            "seat": attempt.seat_code or "",
            "started_at": attempt.started_at,
            "finished_at": attempt.finished_at,
            "finish_reason": attempt.finish_reason,
            "bank_id": form.bank_id,
            "bank_version": form.bank_version,
            "form_seed": form.seed,
            "sections": section_results(db, [attempt.id]).get(attempt.id, []),
            "total": {
                "score": float(score.total),
                "threshold": None
                if score.total_threshold is None
                else float(score.total_threshold),
            },
            "outcome": score.outcome.value,
            "verification": Verification.PENDING,
            "answers": [
                {
                    "item_id": f.item_id,
                    "choices": list(answers[f.item_id].choices),
                    "answered_at": answers[f.item_id].answered_at,
                }
                for f in form.items
                if f.item_id in answers and answers[f.item_id].choices
            ],
            "incidents": [
                {"at": i.at, "category": i.category, "code": i.code, "note": i.note}
                for i in incidents
            ],
            "recording": {"segments": recordings.segment_records(db, attempt.id)},
        }
    )
