"""The session report's facts, gathered in one read transaction (the PDF is drawn from these).

Everything the hall's records and the central system's auditors need about one session:
attendance, detector checks, the seat plan, incidents and seat actions, every result with its
verification, the sync state at the time of printing, and the audit chain's head signed by the
hall so that the paper can be checked against the database.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.sync import SyncStatus
from operator_console.protocol.records import SectionResult
from operator_console.protocol.signing import sign_document
from operator_console.protocol.values import AdmissionStatus
from operator_console.server.admission import standing
from operator_console.server.errors import not_found
from operator_console.server.models import (
    Attempt,
    AuditEntry,
    AuditHead,
    Hall,
    HallSession,
    Incident,
    OutboxRecord,
    Registration,
    User,
)
from operator_console.server.sitting import results
from operator_console.server.upstream import outbox
from question_banks.spreadsheet import safe_cell


@dataclass(frozen=True)
class Person:
    registration_id: str
    iin: str
    full_name: str


@dataclass(frozen=True)
class Refused:
    person: Person
    at: datetime
    code: str
    words: str
    by: str


@dataclass(frozen=True)
class DetectorCheck:
    at: datetime
    source: str
    """`serial` for the walk-through arch, `manual` for a wand check recorded at the desk."""
    kind: str
    zones: list[int]
    decided: tuple[tuple[str, bool], ...] = ()
    """Whom the desk decided on with this check, and whether it refused each (one check can
    stand behind two decisions: a refusal, then an admission with it)."""


@dataclass(frozen=True)
class Happening:
    at: datetime
    actor: str
    action: str
    seat: str
    category: str
    code: str
    note: str
    minutes: int | None = None
    """A time change's minutes (+ or −)."""


@dataclass(frozen=True)
class ResultRow:
    person: Person
    seat: str
    program: str
    language: str
    status: str
    finish_reason: str
    outcome: str
    total: float | None
    sections: list[SectionResult]
    verification: str


@dataclass(frozen=True)
class AuditSeal:
    seq: int
    head: str
    signature: str
    """base64url Ed25519 by the hall over canonical {"hall_id", "seq", "head"}."""


@dataclass
class ReportData:
    hall_id: str
    hall_name: str
    session_id: str
    starts_at: datetime
    started_at: datetime | None
    programs: list[str]
    printed_at: datetime
    staff: list[tuple[str, str, str]]
    """(user name, full name, role) of everyone who acted in the session."""
    expected: int
    admitted: list[Person] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    no_shows: list[Person] = field(default_factory=list)
    detector: list[DetectorCheck] = field(default_factory=list)
    seats: list[tuple[str, Person, list[str]]] = field(default_factory=list)
    happenings: list[Happening] = field(default_factory=list)
    results: list[ResultRow] = field(default_factory=list)
    sync: SyncStatus | None = None
    seal: AuditSeal | None = None


def _person(reg: Registration) -> Person:
    return Person(reg.id, reg.iin, reg.full_name)


def gather(
    db: Session, *, hall_id: str, session_id: str, now: datetime, key: Ed25519PrivateKey
) -> ReportData:
    s = db.get(HallSession, session_id)
    if s is None or s.hall_id != hall_id:
        raise not_found("session", session_id)
    hall = db.get(Hall, hall_id)
    regs = {
        r.id: r
        for r in db.execute(
            select(Registration).where(Registration.session_id == session_id)
        ).scalars()
    }
    people = {rid: _person(r) for rid, r in regs.items()}
    admissions = standing.decisions(db, session_id)
    data = ReportData(
        hall_id=hall_id,
        hall_name=hall.name if hall else hall_id,
        session_id=session_id,
        starts_at=s.starts_at,
        started_at=s.started_at,
        programs=list(s.programs),
        printed_at=now,
        staff=[],
        expected=len(regs),
    )
    by_event: dict[int, list[tuple[str, bool]]] = {}
    for adm in admissions:
        if adm.detector_event_id is not None:
            refused = adm.status != AdmissionStatus.ADMITTED
            by_event.setdefault(adm.detector_event_id, []).append(
                (people[adm.registration_id].full_name, refused)
            )
    held = standing.standing(db, session_id)
    for rid, adm in held.items():
        if adm.status == AdmissionStatus.ADMITTED:
            data.admitted.append(people[rid])
        else:
            data.refused.append(
                Refused(
                    people[rid],
                    adm.decided_at,
                    adm.reason_code or "",
                    adm.reason or "",
                    adm.decided_by,
                )
            )
    data.refused.sort(key=lambda r: r.at)
    data.no_shows = sorted(
        (p for rid, p in people.items() if rid not in held), key=lambda p: p.full_name
    )
    data.admitted.sort(key=lambda p: p.full_name)
    walks = standing.session_checks(db, s, now)
    data.detector = [
        DetectorCheck(w.received_at, w.source, w.kind, list(w.zones), tuple(by_event.get(w.id, ())))
        for w in walks
    ]
    attempts = (
        db.execute(
            select(Attempt)
            .where(Attempt.session_id == session_id)
            .order_by(Attempt.seat_code, Attempt.registration_id, Attempt.position)
        )
        .scalars()
        .all()
    )
    seat_plan: dict[str, tuple[Person, list[str]]] = {}
    for a in attempts:
        if a.seat_code:
            plan = seat_plan.setdefault(a.seat_code, (people[a.registration_id], []))
            if a.program not in plan[1]:
                plan[1].append(a.program)
    data.seats = [(seat, p, progs) for seat, (p, progs) in sorted(seat_plan.items())]
    sections = results.section_results(db, [a.id for a in attempts])
    verdicts = {
        row.id.removeprefix("verification:"): json.loads(row.body).get("verdict", "")
        for row in db.execute(
            select(OutboxRecord).where(
                OutboxRecord.hall_id == hall_id,
                OutboxRecord.kind == "verification",
                OutboxRecord.id.in_([f"verification:{a.id}" for a in attempts]),
            )
        ).scalars()
    }
    data.results = [
        ResultRow(
            person=people[a.registration_id],
            seat=a.seat_code or "",
            program=a.program,
            language=a.language or "",
            status=a.status,
            finish_reason=a.finish_reason or "",
            outcome=a.outcome or "",
            total=a.total_score,
            sections=sections.get(a.id, []),
            verification=verdicts.get(a.id, "pending"),
        )
        for a in sorted(attempts, key=lambda a: (people[a.registration_id].full_name, a.position))
    ]
    entries = db.execute(
        select(AuditEntry)
        .where(AuditEntry.hall_id == hall_id, AuditEntry.session_id == session_id)
        .order_by(AuditEntry.seq)
    ).scalars()
    actors: set[str] = set()
    for e in entries:
        actors.add(e.actor)
        if e.action.startswith(("seat.", "session.")) and e.action != "seat.bind":
            d: dict[str, Any] = e.detail if isinstance(e.detail, dict) else {}
            nested = d.get("reason")
            reason: dict[str, Any] = nested if isinstance(nested, dict) else d
            data.happenings.append(
                Happening(
                    at=e.at,
                    actor=e.actor,
                    action=e.action,
                    seat=str(d.get("seat") or (e.subject if e.action.startswith("seat.") else "")),
                    category=str(reason.get("category") or ""),
                    code=str(reason.get("code") or ""),
                    note=str(reason.get("note") or ""),
                    minutes=d["minutes"] if isinstance(d.get("minutes"), int) else None,
                )
            )
    for i in db.execute(
        select(Incident).where(Incident.session_id == session_id).order_by(Incident.at)
    ).scalars():
        actors.add(i.reported_by)
        data.happenings.append(
            Happening(
                i.at, i.reported_by, "incident", i.seat_code or "", i.category, i.code, i.note
            )
        )
    data.happenings.sort(key=lambda h: h.at)
    actors.update(a.decided_by for a in admissions)
    data.staff = [
        (u.username, u.full_name, u.role)
        for u in db.execute(
            select(User).where(User.username.in_(actors)).order_by(User.username)
        ).scalars()
    ]
    data.sync = outbox.sync_status(db, hall_id, now)
    head = db.get(AuditHead, hall_id)
    if head is not None:
        data.seal = AuditSeal(
            head.seq,
            head.hash,
            sign_document(key, {"hall_id": hall_id, "seq": head.seq, "head": head.hash}),
        )
    return data


CSV_COLUMNS = [
    "session_id", "registration_id", "iin", "full_name", "seat", "program", "language", "status",
    "finish_reason", "sections", "total", "outcome", "verification",
]  # fmt: skip


def results_csv(data: ReportData) -> str:
    """The report's results, one row per attempt, for spreadsheets (UTF-8, comma-separated);
    a cell a spreadsheet would run as a formula is written as text (`spreadsheet.safe_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in data.results:
        sections = ";".join(
            f"{s.code}:{s.score:g}" + (f"/{s.threshold:g}" if s.threshold is not None else "")
            for s in r.sections
        )
        cells = [
            data.session_id, r.person.registration_id, r.person.iin, r.person.full_name,
            r.seat, r.program, r.language, r.status, r.finish_reason, sections,
            "" if r.total is None else f"{r.total:g}", r.outcome, r.verification,
        ]  # fmt: skip
        writer.writerow([safe_cell(cell) for cell in cells])
    return out.getvalue()
