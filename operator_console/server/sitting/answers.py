"""A kiosk's answer changes: each judged against its attempt's form, deadline, locks and sections,
stored in batches that arrived together, and how far each attempt's changes are stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, tuple_
from sqlalchemy.orm import Session

from operator_console.protocol.kiosk_api import AnswerAck, AnswerChange
from operator_console.protocol.values import AttemptStatus
from operator_console.server.banks import BankShelf
from operator_console.server.changes import touch
from operator_console.server.errors import Refusal, conflict, forbidden, not_found
from operator_console.server.models import Admission, AnswerEvent, Attempt, Kiosk
from operator_console.server.seating import seat_clock
from operator_console.server.seating.hall_map import stage_answers
from question_banks.programs import program

CLOCK_TOLERANCE = timedelta(seconds=5)
"""How far a kiosk's stamp may sit past the deadline or ahead of the server's clock."""


def held_answers(db: Session, attempt_id: str) -> list[AnswerChange]:
    """The last accepted change of each question: what the candidate's screen shows."""
    rows = db.execute(
        select(AnswerEvent)
        .where(AnswerEvent.attempt_id == attempt_id, AnswerEvent.refused.is_(None))
        .order_by(AnswerEvent.seq)
    ).scalars()
    latest = {row.item_id: row for row in rows}
    return [
        AnswerChange(
            seq=row.seq, item_id=row.item_id, choices=row.choices, answered_at=row.answered_at
        )
        for row in sorted(latest.values(), key=lambda r: r.seq)
    ]


def _refusal(
    attempt: Attempt,
    change: AnswerChange,
    choice_ids: dict[str, set[str]],
    multiple: dict[str, bool],
    now: datetime,
) -> str | None:
    assert attempt.deadline_at and attempt.started_at
    if change.item_id not in choice_ids:
        return "not a question of this form"
    if (
        len(set(change.choices)) != len(change.choices)
        or not set(change.choices) <= choice_ids[change.item_id]
    ):
        return "not choices of this question"
    if len(change.choices) > 1 and not multiple[change.item_id]:
        return "a single-choice question takes one answer"
    if change.answered_at > attempt.deadline_at + CLOCK_TOLERANCE:
        return "stamped after the deadline"
    if change.answered_at > now + CLOCK_TOLERANCE:
        return "stamped ahead of the server's clock"
    if change.answered_at < attempt.started_at - CLOCK_TOLERANCE:
        return "stamped before the attempt started"
    if seat_clock.stood_still(attempt, change.answered_at, CLOCK_TOLERANCE):
        return "stamped while the seat was locked"
    return None


def section_closes(attempt: Attempt) -> dict[str, datetime]:
    """When each section with a time of its own closes (Program III's logical thinking: 30 of
    its 120 minutes). Counted back from the attempt's deadline, so a pause or a change of time
    moves it with the deadline."""
    if attempt.deadline_at is None:
        return {}
    prog = program(attempt.program)
    return {
        spec.code: attempt.deadline_at - timedelta(minutes=prog.minutes - spec.minutes)
        for spec in prog.sections
        if spec.minutes is not None
    }


def _closed(change: AnswerChange, closing: dict[str, datetime]) -> str | None:
    at = closing.get(change.item_id)
    if at is not None and change.answered_at > at + CLOCK_TOLERANCE:
        return "stamped after its section closed"
    return None


def stored_through(db: Session, attempt_id: str) -> int:
    """The highest number up to which every change of the attempt is stored."""
    return stored_through_of(db, [attempt_id])[attempt_id]


def stored_through_of(db: Session, attempt_ids: list[str]) -> dict[str, int]:
    """`stored_through` of several attempts: one statement when none has a gap (the usual)."""
    if not attempt_ids:
        return {}
    through = dict.fromkeys(attempt_ids, 0)
    for attempt_id, count, highest in db.execute(
        select(AnswerEvent.attempt_id, func.count(AnswerEvent.seq), func.max(AnswerEvent.seq))
        .where(AnswerEvent.attempt_id.in_(sorted(set(attempt_ids))))
        .group_by(AnswerEvent.attempt_id)
    ):
        if count == (highest or 0):
            through[attempt_id] = int(count)  # no gap: answered from the index alone
            continue
        seqs = db.execute(
            select(AnswerEvent.seq)
            .where(AnswerEvent.attempt_id == attempt_id)
            .order_by(AnswerEvent.seq)
        ).scalars()
        for seq in seqs:
            if seq != through[attempt_id] + 1:
                break
            through[attempt_id] = seq
    return through


@dataclass(frozen=True)
class AnswerPost:
    """One kiosk's answer batch, as it arrived."""

    kiosk: Kiosk
    attempt_id: str
    changes: list[AnswerChange]
    now: datetime


@dataclass(frozen=True)
class _Stored:
    item_id: str
    choices: list[Any]
    refused: str | None


def store_answer_posts(
    db: Session, posts: list[AnswerPost], *, banks: BankShelf
) -> list[AnswerAck | Refusal]:
    """Stores the answer batches that arrived together, in a few statements whatever their
    number: their attempts read and locked at once (in seat order, as the room's actions lock
    them), the changes already held read at once, the new ones written in one insert.

    Each post's answer is its acknowledgement, or the refusal of the whole post (an attempt not
    of its seat, not started, a number already stored with other content); a refused post
    writes nothing. A change that cannot count (not a choice of the question, stamped after the
    deadline or while the seat was locked, its section closed) is stored as refused and said so
    in the acknowledgement, as the kiosk's journal needs every number accounted for."""
    ids = sorted({p.attempt_id for p in posts})
    held = {
        attempt.id: (attempt, seat)
        for attempt, seat in db.execute(
            select(Attempt, Admission.seat_code)
            .join(Admission, Admission.id == Attempt.admission_id)
            .where(Attempt.id.in_(ids))
            .order_by(Admission.seat_code, Attempt.id)
            .with_for_update(of=Attempt)
        )
    }
    known: dict[tuple[str, int], _Stored] = {
        (e.attempt_id, e.seq): _Stored(e.item_id, list(e.choices), e.refused)
        for e in db.execute(
            select(
                AnswerEvent.attempt_id,
                AnswerEvent.seq,
                AnswerEvent.item_id,
                AnswerEvent.choices,
                AnswerEvent.refused,
            ).where(
                # Exactly the numbers each post brings: two hundred kiosks that began together
                # send the same numbers, and "any of these attempts, any of these numbers"
                # would read every attempt's copy of every number.
                tuple_(AnswerEvent.attempt_id, AnswerEvent.seq).in_(
                    sorted({(p.attempt_id, c.seq) for p in posts for c in p.changes})
                )
            )
        )
    }
    rules: dict[str, _Rules] = {}
    answers: list[AnswerAck | Refusal] = []
    rows: list[dict[str, Any]] = []
    for post in posts:
        try:
            attempt = _posted_to(held, post)
            if attempt.id not in rules:
                rules[attempt.id] = _Rules.of(attempt, banks)
            refused, fresh = _judge(attempt, post, rules[attempt.id], known)
        except Refusal as refusal:
            answers.append(refusal)
            continue
        for change, reason in fresh:
            known[(attempt.id, change.seq)] = _Stored(change.item_id, change.choices, reason)
            rows.append(
                {
                    "attempt_id": attempt.id,
                    "seq": change.seq,
                    "item_id": change.item_id,
                    "choices": change.choices,
                    "answered_at": change.answered_at,
                    "received_at": post.now,
                    "refused": reason,
                }
            )
        touch(db, "seat", post.kiosk.seat_code)
        answers.append(AnswerAck(stored_through=0, refused=refused))
    if rows:
        db.execute(insert(AnswerEvent), rows)
        stage_answers(
            db,
            ((r["attempt_id"], r["item_id"], r["seq"], bool(r["choices"]))
             for r in rows if r["refused"] is None),
        )  # fmt: skip
    through = stored_through_of(db, [p.attempt_id for p, a in zip(posts, answers, strict=True)
                                     if isinstance(a, AnswerAck)])  # fmt: skip
    return [
        a.model_copy(update={"stored_through": through[p.attempt_id]})
        if isinstance(a, AnswerAck)
        else a
        for p, a in zip(posts, answers, strict=True)
    ]


@dataclass(frozen=True)
class _Rules:
    """What an attempt's changes are checked against: its form's choices and its sections."""

    choice_ids: dict[str, set[str]]
    multiple: dict[str, bool]
    closing: dict[str, datetime]

    @classmethod
    def of(cls, attempt: Attempt, banks: BankShelf) -> _Rules:
        bank = banks.exact(attempt.bank_id or "", attempt.bank_version or "")
        assert bank is not None
        choice_ids = {i: set(order) for i, _s, order in attempt.form or []}
        closes = section_closes(attempt)
        return cls(
            choice_ids=choice_ids,
            multiple={i: bank.item(i).multiple for i in choice_ids},
            closing={i: closes[s] for i, s, _o in attempt.form or [] if s in closes},
        )


def _posted_to(held: dict[str, tuple[Attempt, str | None]], post: AnswerPost) -> Attempt:
    found = held.get(post.attempt_id)
    if found is None:
        raise not_found("attempt", post.attempt_id)
    attempt, seat = found
    if seat != post.kiosk.seat_code:
        raise forbidden("not_your_attempt", attempt=post.attempt_id, seat=post.kiosk.seat_code)
    if attempt.status == AttemptStatus.PENDING:
        raise conflict("attempt_not_started", attempt=post.attempt_id)
    return attempt


def _judge(
    attempt: Attempt, post: AnswerPost, rules: _Rules, known: dict[tuple[str, int], _Stored]
) -> tuple[dict[int, str], list[tuple[AnswerChange, str | None]]]:
    """(refused numbers with their reasons, new changes with theirs); raises before anything
    is written if a number was already stored with other content."""
    refused: dict[int, str] = {}
    fresh: list[tuple[AnswerChange, str | None]] = []
    for change in post.changes:
        old = known.get((attempt.id, change.seq))
        if old is not None:
            if old.item_id != change.item_id or old.choices != change.choices:
                raise conflict("change_stored_otherwise", seq=change.seq)
            if old.refused:
                refused[change.seq] = old.refused
            continue
        if attempt.status == AttemptStatus.FINISHED:
            reason: str | None = "the attempt is finished"
        else:
            reason = _refusal(
                attempt, change, rules.choice_ids, rules.multiple, post.now
            ) or _closed(change, rules.closing)
        fresh.append((change, reason))
        if reason:
            refused[change.seq] = reason
    return refused, fresh
