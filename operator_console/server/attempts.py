"""What a kiosk may do for its own seat: see its assignment, start, answer and finish attempts."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, tuple_
from sqlalchemy.orm import Session

from operator_console.protocol.kiosk_api import (
    AnswerAck,
    AnswerChange,
    ChoiceView,
    FinishResponse,
    FormItemView,
    FormView,
    SeatAssignment,
)
from operator_console.protocol.values import (
    AttemptStatus,
    FinishReason,
    SessionStatus,
)
from operator_console.server import audit, results, seat_clock, seating, views
from operator_console.server.banks import BankShelf
from operator_console.server.changes import touch
from operator_console.server.errors import Refusal, conflict, forbidden, not_found
from operator_console.server.hall_map import ALERT_WINDOW, HELP, open_alert, stage_answers
from operator_console.server.models import (
    Admission,
    AnswerEvent,
    Attempt,
    HallSession,
    Incident,
    Kiosk,
    Registration,
)
from question_banks.forms import assemble_form
from question_banks.programs import program

CLOCK_TOLERANCE = timedelta(seconds=5)
"""How far a kiosk's stamp may sit past the deadline or ahead of the server's clock."""


def _actor(kiosk: Kiosk) -> str:
    return f"kiosk:{kiosk.seat_code}"


def assignment(db: Session, kiosk: Kiosk, now: datetime) -> SeatAssignment:
    called = db.execute(
        select(Incident.id).where(
            open_alert([kiosk.seat_code]),
            Incident.category == HELP[0],
            Incident.code == HELP[1],
            Incident.at >= now - ALERT_WINDOW,
        )
    ).first()
    seat = SeatAssignment(
        seat=kiosk.seat_code,
        server_time=now,
        locked_at=kiosk.locked_at,
        lock_reason=kiosk.lock_reason,
        help_pending=called is not None,
    )
    sitting = seating.sitting_at(db, kiosk.seat_code)
    if sitting is None:
        return seat
    adm, attempts = sitting.admission, sitting.attempts
    session = db.get(HallSession, adm.session_id)
    assert session is not None
    reg = db.get(Registration, adm.registration_id)
    assert reg is not None
    return seat.model_copy(
        update={
            "session_id": session.id,
            "session_status": SessionStatus(session.status),
            "registration_id": reg.id,
            "full_name": reg.full_name,
            "photo_jpeg_b64": reg.photo_jpeg_b64,
            "languages": reg.languages,
            "attempts": [views.attempt_summary(a) for a in attempts],
        }
    )


def own_attempt(db: Session, kiosk: Kiosk, attempt_id: str, *, lock: bool = False) -> Attempt:
    attempt = db.get(Attempt, attempt_id, with_for_update=lock)
    if attempt is None:
        raise not_found("attempt", attempt_id)
    adm = db.get(Admission, attempt.admission_id)
    if adm is None or adm.seat_code != kiosk.seat_code:
        raise forbidden("not_your_attempt", attempt=attempt_id, seat=kiosk.seat_code)
    return attempt


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


def form_view(
    attempt: Attempt, banks: BankShelf, now: datetime, db: Session | None = None
) -> FormView:
    """The attempt's form; with `db`, also the answers and flags the server holds (a kiosk
    taking the sitting over needs them; a kiosk starting it has them already)."""
    bank = banks.exact(attempt.bank_id or "", attempt.bank_version or "")
    if bank is None:
        raise conflict("bank_not_loaded", bank=attempt.bank_id, version=attempt.bank_version)
    lang = attempt.language or ""
    items = []
    for item_id, section, order in attempt.form or []:
        item = bank.item(item_id)
        text = item.texts[lang]
        by_id = {c.id: c.text for c in text.choices}
        items.append(
            FormItemView(
                item_id=item_id,
                section=section,
                prompt=text.prompt,
                multiple=item.multiple,
                choices=[ChoiceView(id=c, text=by_id[c]) for c in order],
                images=[
                    base64.b64encode(banks.media[name]).decode()
                    for name in text.images
                    if name in banks.media
                ],
            )
        )
    assert attempt.started_at and attempt.deadline_at
    return FormView(
        attempt_id=attempt.id,
        program=attempt.program,
        language=lang,
        started_at=attempt.started_at,
        deadline_at=attempt.deadline_at,
        server_time=now,
        items=items,
        held=held_answers(db, attempt.id) if db is not None else [],
        stored_through=stored_through(db, attempt.id) if db is not None else 0,
        flags=list(attempt.flags or []) if db is not None else [],
    )


def set_flags(db: Session, kiosk: Kiosk, attempt_id: str, items: list[str]) -> None:
    """The candidate's flags, as a whole: kept so that a moved sitting keeps them too."""
    attempt = own_attempt(db, kiosk, attempt_id, lock=True)
    if attempt.status != AttemptStatus.RUNNING:
        raise conflict("attempt_not_running", attempt=attempt_id, status=attempt.status)
    known = {row[0] for row in attempt.form or []}
    unknown = sorted(set(items) - known)
    if unknown:
        raise Refusal(422, "not_questions_of_form", items=", ".join(unknown[:5]))
    attempt.flags = sorted(set(items))


def start(
    db: Session,
    kiosk: Kiosk,
    attempt_id: str,
    language: str,
    *,
    now: datetime,
    banks: BankShelf,
    hall_id: str,
) -> FormView:
    attempt = own_attempt(db, kiosk, attempt_id, lock=True)
    if attempt.status == AttemptStatus.RUNNING:
        return form_view(attempt, banks, now, db)
    if attempt.status == AttemptStatus.FINISHED:
        raise conflict("attempt_finished", attempt=attempt_id)
    if kiosk.locked_at is not None:
        raise conflict("seat_locked")
    session = db.get(HallSession, attempt.session_id)
    if session is None or session.status != SessionStatus.RUNNING:
        raise conflict("session_not_started")
    if session.paused_at is not None:
        raise conflict("room_paused")
    reg = db.get(Registration, attempt.registration_id)
    assert reg is not None
    if language not in reg.languages:
        raise Refusal(
            422, "language_not_offered", language=language, languages=", ".join(reg.languages)
        )
    earlier = db.execute(
        select(Attempt.id).where(
            Attempt.admission_id == attempt.admission_id,
            Attempt.position < attempt.position,
            Attempt.status != AttemptStatus.FINISHED,
        )
    ).first()
    if earlier is not None:
        raise conflict("earlier_part_unfinished")
    bank = banks.for_program(attempt.program)
    if bank is None:
        raise conflict("no_bank_for_program", program=attempt.program)
    prog = program(attempt.program)
    form = assemble_form(bank, prog, language, seed=attempt.id)
    attempt.status, attempt.language = AttemptStatus.RUNNING, language
    attempt.bank_id, attempt.bank_version, attempt.form_seed = (
        bank.bank_id,
        bank.version,
        attempt.id,
    )
    attempt.form = [[f.item_id, f.section, list(f.choice_order)] for f in form.items]
    attempt.started_at, attempt.deadline_at = now, now + timedelta(minutes=prog.minutes)
    attempt.seat_code = kiosk.seat_code
    audit.append(
        db,
        hall_id=hall_id,
        at=now,
        actor=_actor(kiosk),
        action="attempt.start",
        subject=attempt.id,
        detail={"program": attempt.program, "language": language, "seat": kiosk.seat_code},
        session_id=attempt.session_id,
    )
    touch(db, "seat", kiosk.seat_code)
    return form_view(attempt, banks, now)


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


def finish(
    db: Session,
    kiosk: Kiosk,
    attempt_id: str,
    reason: str,
    last_seq: int,
    *,
    now: datetime,
    banks: BankShelf,
    hall_id: str,
) -> FinishResponse:
    attempt = own_attempt(db, kiosk, attempt_id, lock=True)
    if attempt.status != AttemptStatus.FINISHED:
        if attempt.paused_at is not None:
            raise conflict("seat_locked")
        through = stored_through(db, attempt_id)
        if through < last_seq:
            raise conflict("changes_not_received", first=through + 1, last=last_seq)
        if reason == FinishReason.TIME_EXPIRED and now + CLOCK_TOLERANCE < (
            attempt.deadline_at or now
        ):
            raise conflict("deadline_not_passed")
        results.finish(
            db, attempt, reason=reason, now=now, banks=banks, hall_id=hall_id, actor=_actor(kiosk)
        )
    return FinishResponse(
        attempt_id=attempt.id,
        finish_reason=attempt.finish_reason,
        outcome=attempt.outcome,
        total=attempt.total_score or 0.0,
        show_score=True,
        program=attempt.program,
        sections=results.section_results(db, [attempt.id]).get(attempt.id, []),
    )


def expire_overdue(
    db: Session, *, now: datetime, grace: timedelta, banks: BankShelf, hall_id: str
) -> list[str]:
    """Closes running attempts whose kiosk did not finish them by deadline + grace."""
    overdue = (
        db.execute(
            select(Attempt)
            .join(HallSession, HallSession.id == Attempt.session_id)
            .where(
                HallSession.hall_id == hall_id,
                Attempt.status == AttemptStatus.RUNNING,
                Attempt.paused_at.is_(None),
                Attempt.deadline_at < now - grace,
            )
            .with_for_update(of=Attempt, skip_locked=True)
        )
        .scalars()
        .all()
    )
    for attempt in overdue:
        results.finish(
            db,
            attempt,
            reason=FinishReason.TIME_EXPIRED,
            now=now,
            banks=banks,
            hall_id=hall_id,
            actor="server",
        )
    return [a.id for a in overdue]
