"""Routes for the desk and the session: sign-in, rosters, admissions, seats, kiosks, sync, banks."""

from __future__ import annotations

import json
from datetime import date as Date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import ValidationError
from sqlalchemy import select

from operator_console.protocol.console_api.desk import (
    AdmissionCheck,
    AdmissionRequest,
    AdmissionView,
    Refusing,
    RegistrationView,
    SeatBinding,
)
from operator_console.protocol.console_api.hall import (
    EnrollmentCodeRequest,
    EnrollmentCodeView,
    ResumeCodeView,
)
from operator_console.protocol.console_api.sessions import (
    AttemptResultView,
    BanksView,
    BankView,
    LoginRequest,
    LoginResponse,
    RosterFetch,
    RosterImported,
    Screen,
    SessionView,
)
from operator_console.protocol.console_api.sync import OutboxView, SyncStatus
from operator_console.protocol.roster import SignedRoster
from operator_console.protocol.values import ADMINISTER, DESK, AdmissionStatus, OutboxStatus, Role
from operator_console.server import auth, views
from operator_console.server.admission import desk, roster, standing
from operator_console.server.control import seat_locks
from operator_console.server.deps import (
    AuthorizationDep,
    PersonDep,
    RuntimeDep,
    bearer_token,
    require,
)
from operator_console.server.errors import REFUSALS, Refusal
from operator_console.server.models import (
    Admission,
    Attempt,
    HallSession,
    OutboxRecord,
    Registration,
)
from operator_console.server.seating import enrollment
from operator_console.server.sitting import results
from operator_console.server.upstream import audit, outbox
from operator_console.server.upstream.upstream_link import UpstreamUnreachable

router = APIRouter(prefix="/api/v1", responses=REFUSALS)

SCREENS: dict[Role, tuple[Screen, ...]] = {
    Role.OPERATOR: ("sessions", "desk", "hall", "history", "sync"),
    Role.ADMINISTRATOR: ("sessions", "desk", "hall", "history", "review", "sync", "admin"),
    Role.PROCTOR: ("hall", "history", "review", "sync"),
}
"""What each role's console shows; the routes behind each screen check the role again."""


@router.post("/auth/login")
def login(body: LoginRequest, request: Request, rt: RuntimeDep) -> LoginResponse:
    """Five wrong passwords for a name from one address rest that name *at that address* for
    15 minutes; twenty from one address rest the address, whatever names it tries. Every try is
    counted before the password is checked. An administrator can unlock a name at once."""
    now = rt.clock.now()
    source = request.client.host if request.client else "unknown"
    until = rt.logins.take(body.username, source, now)  # counted before the password is checked
    if until is not None:
        with rt.tx() as db:
            audit.append(
                db, hall_id=rt.hall_id, at=now, actor=body.username,
                action="user.login_throttled", detail={"from": source},
            )  # fmt: skip
        raise Refusal(429, "too_many_tries", until=until)
    with rt.tx() as db:
        found = auth.login(db, username=body.username, password=body.password, now=now)
        audit.append(
            db, hall_id=rt.hall_id, at=now, actor=body.username,
            action="user.login" if found else "user.login_failed", detail={"from": source},
        )  # fmt: skip
    if found is None:
        raise Refusal(401, "wrong_credentials")
    rt.logins.succeeded(body.username, source, now)
    user, token = found
    return LoginResponse(
        token=token,
        role=user.role,
        screens=list(SCREENS[Role(user.role)]),
        time_zone=rt.config.hall.timezone,
    )


@router.post("/auth/logout", status_code=204)
def logout(rt: RuntimeDep, who: PersonDep, authorization: AuthorizationDep = None) -> Response:
    """Ends this sign-in at once (contracts §6); the token is refused from now on."""
    with rt.tx() as db:
        auth.sign_out(db, bearer_token(authorization))
        audit.append(
            db, hall_id=rt.hall_id, at=rt.clock.now(), actor=who.username, action="user.logout"
        )
    return Response(status_code=204)


@router.post("/rosters/fetch")
def fetch_roster(body: RosterFetch, rt: RuntimeDep, who: PersonDep) -> RosterImported:
    require(who, DESK)
    try:
        reply = rt.link.get(f"/v1/halls/{rt.hall_id}/rosters?date={body.date.isoformat()}")
    except UpstreamUnreachable as exc:
        raise Refusal(502, "upstream_failed", problem=f"no answer: {exc}") from exc
    if reply.status == 404:
        raise Refusal(404, "no_roster_upstream", day=body.date.isoformat())
    if reply.status != 200:
        raise Refusal(502, "upstream_failed", problem=f"{reply.status} for the roster")
    try:
        signed = SignedRoster.model_validate(json.loads(reply.body))
    except (ValueError, ValidationError) as exc:
        raise Refusal(502, "upstream_failed", problem="a roster that is not signed") from exc
    return _import(signed, rt, who.username)


@router.post("/rosters/import")
def import_signed_roster(body: SignedRoster, rt: RuntimeDep, who: PersonDep) -> RosterImported:
    require(who, ADMINISTER)
    return _import(body, rt, who.username)


def _import(signed: SignedRoster, rt: RuntimeDep, actor: str) -> RosterImported:
    checked = roster.verified_roster(signed, rt.keys.authority, rt.hall_id)
    with rt.tx() as db:
        return roster.import_roster(
            db,
            checked,
            hall_name=rt.config.hall.name,
            zone=rt.config.zone,
            now=rt.clock.now(),
            actor=actor,
        )


@router.get("/sessions")
def sessions(rt: RuntimeDep, who: PersonDep, day: Date | None = None) -> list[SessionView]:
    with rt.tx() as db:
        query = select(HallSession).where(HallSession.hall_id == rt.hall_id)
        if day is not None:
            query = query.where(HallSession.day == day)
        rows = db.execute(query.order_by(HallSession.starts_at)).scalars().all()
        return [desk.session_view(db, s) for s in rows]


@router.post("/sessions/{session_id}/start")
def start_session(session_id: str, rt: RuntimeDep, who: PersonDep) -> SessionView:
    require(who, DESK)
    with rt.tx() as db:
        s = desk.start_session(db, session_id=session_id, now=rt.clock.now(), actor=who.username)
        return desk.session_view(db, s)


@router.get("/sessions/{session_id}/registrations")
def registrations(session_id: str, rt: RuntimeDep, who: PersonDep) -> list[RegistrationView]:
    require(who, DESK)
    with rt.tx() as db:
        rows = (
            db.execute(
                select(Registration)
                .where(Registration.session_id == session_id)
                .order_by(Registration.id)
            )
            .scalars()
            .all()
        )
        decided = standing.standing(db, session_id)
        return [_registration(r, decided.get(r.id)) for r in rows]


def _registration(reg: Registration, held: Admission | None) -> RegistrationView:
    view = views.registration(reg)
    if held is None:
        return view
    return view.model_copy(
        update={
            "admission": AdmissionStatus(held.status),
            "seat": held.seat_code,
            "reason_code": held.reason_code,
            "decided_at": held.decided_at,
            "decided_by": held.decided_by,
        }
    )


@router.post("/sessions/{session_id}/admissions")
def admit(session_id: str, body: AdmissionRequest, rt: RuntimeDep, who: PersonDep) -> AdmissionView:
    require(who, DESK)
    with rt.tx() as db:
        return desk.admit(
            db,
            session_id=session_id,
            registration_id=body.registration_id,
            presented_iin=body.presented_iin,
            now=rt.clock.now(),
            actor=who.username,
            late_grace=rt.late_grace,
            zone=rt.config.zone,
            detector=rt.config.detector,
            detector_event_id=body.detector_event_id,
        )


@router.post("/sessions/{session_id}/admissions/check")
def check_admission(
    session_id: str, body: AdmissionRequest, rt: RuntimeDep, who: PersonDep
) -> AdmissionCheck:
    """The rules' and the detector gate's verdict for the candidate now, with the rule's code and
    facts; decides nothing."""
    require(who, DESK)
    with rt.tx() as db:
        return desk.check(
            db,
            session_id=session_id,
            registration_id=body.registration_id,
            presented_iin=body.presented_iin,
            now=rt.clock.now(),
            late_grace=rt.late_grace,
            zone=rt.config.zone,
            detector=rt.config.detector,
            detector_event_id=body.detector_event_id,
        )


@router.post("/sessions/{session_id}/refusals")
def refuse(session_id: str, body: Refusing, rt: RuntimeDep, who: PersonDep) -> AdmissionView:
    """The operator refuses a candidate by the rule the check named (verified now), or for a
    reason of the list (identity doubt: an incident)."""
    require(who, DESK)
    with rt.tx() as db:
        return desk.refuse(
            db,
            session_id=session_id,
            registration_id=body.registration_id,
            reason=body.reason,
            rule=body.rule,
            presented_iin=body.presented_iin,
            now=rt.clock.now(),
            actor=who.username,
            late_grace=rt.late_grace,
            zone=rt.config.zone,
            detector_event_id=body.detector_event_id,
        )


@router.put("/admissions/{admission_id}/seat")
def bind_seat(
    admission_id: str, body: SeatBinding, rt: RuntimeDep, who: PersonDep
) -> AdmissionView:
    require(who, DESK)
    with rt.tx() as db:
        return desk.bind_seat(
            db,
            admission_id=admission_id,
            seat_code=body.seat,
            now=rt.clock.now(),
            actor=who.username,
        )


@router.post("/enrollment-codes")
def enrollment_code(
    body: EnrollmentCodeRequest, rt: RuntimeDep, who: PersonDep
) -> EnrollmentCodeView:
    require(who, ADMINISTER)
    with rt.tx() as db:
        return enrollment.issue_code(
            db, seat_code=body.seat, hall_id=rt.hall_id, now=rt.clock.now(), actor=who.username
        )


@router.post("/seats/{seat}/resume-code")
def resume_code(seat: str, rt: RuntimeDep, who: PersonDep) -> ResumeCodeView:
    """A one-time code that unlocks the kiosk at this seat; the attempt's clock restarts."""
    require(who, DESK)
    with rt.tx() as db:
        return seat_locks.issue_code(
            db, seat, hall_id=rt.hall_id, now=rt.clock.now(), actor=who.username
        )


@router.get("/sync/status")
def sync_status(rt: RuntimeDep, who: PersonDep) -> SyncStatus:
    with rt.tx() as db:
        return outbox.sync_status(db, rt.hall_id, rt.clock.now())


@router.get("/outbox")
def outbox_records(
    rt: RuntimeDep,
    who: PersonDep,
    kind: Annotated[str | None, Query(max_length=16)] = None,
    status: Annotated[list[OutboxStatus] | None, Query()] = None,
) -> list[OutboxView]:
    """The outbox's records, oldest first; `kind` (result, verification, audit_head) and
    `status` (repeatable: pending, parked, delivered) narrow them."""
    with rt.read() as db:
        query = select(OutboxRecord).where(OutboxRecord.hall_id == rt.hall_id)
        if kind:
            query = query.where(OutboxRecord.kind == kind)
        if status:
            query = query.where(OutboxRecord.status.in_(status))
        rows = db.execute(query.order_by(OutboxRecord.created_at)).scalars().all()
        return [views.outbox_record(r) for r in rows]


@router.get("/sessions/{session_id}/results")
def session_results(session_id: str, rt: RuntimeDep, who: PersonDep) -> list[AttemptResultView]:
    with rt.tx() as db:
        attempts = (
            db.execute(
                select(Attempt)
                .where(Attempt.session_id == session_id)
                .order_by(Attempt.registration_id, Attempt.position)
            )
            .scalars()
            .all()
        )
        sections = results.section_results(db, [a.id for a in attempts])
    return [views.attempt_result(a, sections.get(a.id, [])) for a in attempts]


@router.get("/banks")
def banks(rt: RuntimeDep, who: PersonDep) -> BanksView:
    """What this hall can serve, and every package it refused with the reason."""
    loaded = []
    for program in rt.banks.programs():
        bank = rt.banks.for_program(program)
        assert bank is not None
        loaded.append(
            BankView(
                program=bank.program,
                bank_id=bank.bank_id,
                version=bank.version,
                questions=len(bank.items),
                languages=sorted(bank.languages()),
                sample=bank.sample,
            )
        )
    return BanksView(loaded=loaded, refused=dict(rt.banks.refused))
