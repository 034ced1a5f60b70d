"""What a kiosk may do for its own seat: see its assignment, start attempts, show their forms and
finish them (the answers it sends are judged and stored by `answers`)."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.kiosk_api import (
    ChoiceView,
    FinishResponse,
    FormItemView,
    FormView,
    SeatAssignment,
)
from operator_console.protocol.values import AttemptStatus, FinishReason, SessionStatus
from operator_console.server import views
from operator_console.server.banks import BankShelf
from operator_console.server.changes import touch
from operator_console.server.errors import Refusal, conflict, forbidden, not_found
from operator_console.server.models import (
    Admission,
    Attempt,
    HallSession,
    Incident,
    Kiosk,
    Registration,
)
from operator_console.server.seating import seating
from operator_console.server.seating.hall_map import ALERT_WINDOW, HELP, open_alert
from operator_console.server.sitting import results
from operator_console.server.sitting.answers import CLOCK_TOLERANCE, held_answers, stored_through
from operator_console.server.upstream import audit
from question_banks.forms import assemble_form
from question_banks.programs import program


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
