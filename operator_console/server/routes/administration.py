"""Routes for administrators and auditors: users, kiosks, bank packages, the outbox's parked
records and the offline bundle, the audit chain, and the session report."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from operator_console.protocol.console_api.administration import (
    AuditCheck,
    ItemStatsView,
    KioskView,
    NewUser,
    UserChange,
    UserView,
)
from operator_console.protocol.console_api.sessions import BankView
from operator_console.protocol.console_api.sync import OfflineExportView, OutboxView
from operator_console.protocol.values import ADMINISTER, DESK, WATCH, OutboxStatus
from operator_console.server import views
from operator_console.server.administration import audit_check, people
from operator_console.server.db import keeps_seats
from operator_console.server.deps import PersonDep, RuntimeDep, require
from operator_console.server.errors import REFUSALS, Refusal, conflict, not_found
from operator_console.server.models import OutboxRecord
from operator_console.server.proctoring import item_stats
from operator_console.server.reports.report import gather, results_csv
from operator_console.server.reports.report_pdf import ReportError, session_report
from operator_console.server.upstream import audit, offline
from question_banks.bank import Bank
from question_banks.package import PackageError, open_package, write_package

router = APIRouter(prefix="/api/v1", responses=REFUSALS)

ReportLanguage = Annotated[Literal["kk", "ru", "en"], Query()]
UserName = Annotated[str, Path(min_length=1, max_length=100)]


@router.get("/users")
def list_users(rt: RuntimeDep, who: PersonDep) -> list[UserView]:
    require(who, ADMINISTER)
    with rt.read() as db:
        return people.users(db)


@router.post("/users", status_code=201)
def create_user(body: NewUser, rt: RuntimeDep, who: PersonDep) -> UserView:
    require(who, ADMINISTER)
    with rt.tx() as db:
        keeps_seats(db)
        return people.create(db, body, hall_id=rt.hall_id, now=rt.clock.now(), actor=who.username)


@router.patch("/users/{username}")
def change_user(username: UserName, body: UserChange, rt: RuntimeDep, who: PersonDep) -> UserView:
    """Role, name, a new password, enabled or disabled. A new role or password, or disabling,
    ends the user's sign-ins. The last active administrator cannot stop being one."""
    require(who, ADMINISTER)
    with rt.tx() as db:
        keeps_seats(db)
        return people.change(
            db, username, body, hall_id=rt.hall_id, now=rt.clock.now(), actor=who.username
        )


@router.post("/users/{username}/unlock")
def unlock_user(username: UserName, rt: RuntimeDep, who: PersonDep) -> UserView:
    """The user's wrong sign-in tries, from every address, no longer count: they may sign in at
    once. A client address resting for trying many names is not released here."""
    require(who, ADMINISTER)
    with rt.read() as db:
        view = people.user(db, username)
    released = rt.logins.unlock(username)
    with rt.tx() as db:
        keeps_seats(db)
        audit.append(
            db, hall_id=rt.hall_id, at=rt.clock.now(), actor=who.username, action="user.unlock",
            subject=username, detail={"addresses": released},
        )  # fmt: skip
    return view


@router.get("/kiosks")
def list_kiosks(rt: RuntimeDep, who: PersonDep) -> list[KioskView]:
    require(who, ADMINISTER)
    with rt.read() as db:
        return people.kiosks(db, heard=rt.live.heard(), now=rt.clock.now())


@router.post("/kiosks/{kiosk_id}/revoke")
def revoke_kiosk(
    kiosk_id: Annotated[str, Path(max_length=36)], rt: RuntimeDep, who: PersonDep
) -> KioskView:
    """The kiosk's credential stops working at once; the seat needs a new enrollment code."""
    require(who, ADMINISTER)
    with rt.tx() as db:
        return people.revoke_kiosk(
            db, kiosk_id, hall_id=rt.hall_id, now=rt.clock.now(), actor=who.username
        )


BINARY = {"schema": {"type": "string", "format": "binary"}}


@router.post(
    "/banks",
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/octet-stream": BINARY}}
    },
)
async def load_bank(request: Request, rt: RuntimeDep, who: PersonDep) -> BankView:
    """A signed bank package (the file `qbank pack` made), checked and added while the hall
    runs. Refused with 422 and the reason: signature, another hall's package, damage."""
    require(who, ADMINISTER)
    data = await request.body()
    name = request.headers.get("x-file-name", "uploaded")[:200]
    try:
        opened = open_package(data, authority=rt.keys.authority, hall_key=rt.keys.box)
    except PackageError as exc:
        rt.banks.refused[name] = str(exc)
        raise Refusal(422, "bank_package_refused", name=name, problem=exc) from None
    bank = opened.bank
    if rt.banks.exact(bank.bank_id, bank.version) is not None:
        raise conflict("bank_loaded_already", bank=bank.bank_id, version=bank.version)
    write_package(data, bank.kept_at(rt.config.banks_dir))
    rt.banks.add(bank)
    rt.banks.refused.pop(name, None)
    with rt.tx() as db:
        keeps_seats(db)
        audit.append(
            db, hall_id=rt.hall_id, at=rt.clock.now(), actor=who.username, action="bank.load",
            subject=bank.bank_id, detail={"version": bank.version, "program": bank.program},
        )  # fmt: skip
    return BankView(
        program=bank.program, bank_id=bank.bank_id, version=bank.version,
        questions=len(bank.items), languages=sorted(bank.languages()), sample=bank.sample,
    )  # fmt: skip


@router.post("/outbox/{record_id}/retry")
def retry_parked(
    record_id: Annotated[str, Path(max_length=128)], rt: RuntimeDep, who: PersonDep
) -> OutboxView:
    """A parked record goes back to the queue once a person has fixed what the upstream said."""
    require(who, DESK)
    now = rt.clock.now()
    with rt.tx() as db:
        keeps_seats(db)
        row = db.get(OutboxRecord, record_id, with_for_update=True)
        if row is None or row.hall_id != rt.hall_id:
            raise not_found("outbox_record", record_id)
        if row.status != OutboxStatus.PARKED:
            raise conflict("outbox_not_parked", record=record_id, status=row.status)
        row.status, row.next_try_at, row.tries = OutboxStatus.PENDING, now, 0
        audit.append(
            db, hall_id=rt.hall_id, at=now, actor=who.username, action="outbox.retry",
            subject=record_id, detail={"status": row.http_status, "error": row.last_error},
        )  # fmt: skip
        view = views.outbox_record(row)
    rt.sync.poke()
    return view


@router.post("/outbox/export")
def export_offline(rt: RuntimeDep, who: PersonDep) -> OfflineExportView:
    """Every undelivered result and verdict, signed by the hall, for a courier to carry."""
    require(who, DESK)
    with rt.tx() as db:
        keeps_seats(db)
        signed = offline.bundle(
            db, hall_id=rt.hall_id, key=rt.keys.sign, now=rt.clock.now(), actor=who.username
        )
    return OfflineExportView(records=len(signed["bundle"]["records"]), bundle=signed)


@router.get("/audit/verify")
def verify_audit(rt: RuntimeDep, who: PersonDep, ask_upstream: bool = True) -> AuditCheck:
    """The chain from its genesis, the head the central system acknowledged, and (unless
    `ask_upstream=false`) the central system asked again whether it holds that head."""
    require(who, ADMINISTER)
    return audit_check.check(rt, ask_upstream=ask_upstream)


@router.get("/sessions/{session_id}/report.pdf", response_class=Response)
def report_pdf(
    session_id: Annotated[str, Path(max_length=128)],
    rt: RuntimeDep,
    who: PersonDep,
    language: ReportLanguage = "kk",
) -> Response:
    """The session report as PDF in `language` (kk, ru, en)."""
    require(who, WATCH)
    try:
        pdf, _ = session_report(rt, session_id, language=language)
    except ReportError:  # the language is one of the route's, so the fonts are what is missing
        raise Refusal(503, "report_no_font") from None
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="report-{session_id}.pdf"'},
    )


@router.get("/sessions/{session_id}/results.csv", response_class=Response)
def report_csv(
    session_id: Annotated[str, Path(max_length=128)], rt: RuntimeDep, who: PersonDep
) -> Response:
    """The report's results as CSV (UTF-8) for spreadsheets."""
    require(who, WATCH)
    with rt.read() as db:
        data = gather(
            db, hall_id=rt.hall_id, session_id=session_id, now=rt.clock.now(), key=rt.keys.sign
        )
    return Response(
        results_csv(data).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="results-{session_id}.csv"'},
    )


def _served(rt: RuntimeDep, program: str) -> Bank:
    bank = rt.banks.for_program(program)
    if bank is None:
        raise not_found("bank", program)
    return bank


@router.get("/banks/{program}/stats")
def bank_item_stats(
    program: Annotated[str, Path(max_length=64)], rt: RuntimeDep, who: PersonDep
) -> ItemStatsView:
    """Difficulty and discrimination of each item of the bank served for `program`, from this
    hall's results, with the items that need attention (too easy, too hard, discriminating
    the wrong way)."""
    require(who, ADMINISTER)
    bank = _served(rt, program)
    with rt.read() as db:
        return item_stats.view(db, rt.hall_id, bank)


@router.get("/banks/{program}/stats.csv", response_class=Response)
def bank_item_stats_csv(
    program: Annotated[str, Path(max_length=64)], rt: RuntimeDep, who: PersonDep
) -> Response:
    """The same numbers as `qbank stats` writes them, for spreadsheets."""
    require(who, ADMINISTER)
    bank = _served(rt, program)
    with rt.read() as db:
        table = item_stats.as_csv(db, rt.hall_id, bank)
    return Response(
        table.encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="items-{program}.csv"'},
    )
