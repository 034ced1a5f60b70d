"""`operator-console demo --headless --candidates N`: a whole session with scripted candidates.

Through the real HTTP APIs, kiosk journals and sync worker; exits once the central system has
acknowledged every result, and prints who was admitted or refused, the scores and delivery times.
"""

from __future__ import annotations

import random
import statistics
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.scripted import ScriptedCandidate, ScriptedResult
from operator_console.core.client import ConsoleClient
from operator_console.demo.hall import DEMO_PASSWORD, DEMO_USER, DemoHall, DemoSettings
from operator_console.protocol.console_api.desk import AdmissionView
from operator_console.protocol.console_api.sessions import AttemptResultView
from operator_console.protocol.console_api.sync import OutboxView
from operator_console.protocol.values import AdmissionStatus, AttemptStatus, OutboxStatus
from question_banks.package import write_package


@dataclass
class DemoReport:
    admitted: list[AdmissionView]
    refused: list[AdmissionView]
    seated: dict[str, str]
    sittings: list[ScriptedResult]
    results: list[AttemptResultView]
    outbox: list[OutboxView]
    expected: int
    detector_checks: int = 0
    session_id: str = ""

    @property
    def acknowledged(self) -> list[OutboxView]:
        return [r for r in self.outbox if r.status is OutboxStatus.DELIVERED]

    def latencies(self) -> list[float]:
        return sorted(
            (r.delivered_at - r.reference_at).total_seconds()
            for r in self.acknowledged
            if r.delivered_at and r.reference_at
        )


def play_session(
    hall: DemoHall,
    candidates: int,
    *,
    seed: int = 7,
    timeout: float = 120.0,
    stop: threading.Event | None = None,
) -> DemoReport:
    """The operator's day, scripted: roster, admission, seats, start, candidates, upstream."""
    assert hall.server is not None and hall.runtime is not None
    stop = stop or threading.Event()
    desk = hall.open_desk()
    admitted: list[AdmissionView] = []
    refused: list[AdmissionView] = []
    seated: dict[str, str] = {}
    checks = 0
    for reg in desk.registrations[:candidates]:
        check = hall.walk_through(desk)
        checks += check is not None
        decision = desk.admit(reg, detector_event_id=check)
        (admitted if decision.status is AdmissionStatus.ADMITTED else refused).append(decision)
    kiosks: list[tuple[str, str]] = []
    for n, decision in enumerate(admitted, start=1):
        seat = f"A{n:02d}"
        enrolled = desk.seat_at_new_kiosk(decision, seat, hall.enroller(f"demo-{seat}"))
        kiosks.append((seat, enrolled.token))
        seated[decision.registration_id] = seat
    desk.start()
    console = desk.console
    shelf = hall.runtime.banks
    keys = {
        i.id: i.correct for p in shelf.programs() if (b := shelf.for_program(p)) for i in b.items
    }
    rng = random.Random(seed)

    def sit(seat: str, token: str, skill: float, seed_n: int) -> ScriptedResult:
        client = HallClient(hall.server.url if hall.server else "", token)
        journal = Journal(hall.s.workdir / "kiosks" / seat / "journal.db")
        try:
            return ScriptedCandidate(
                client,
                journal,
                hall.s.clock,
                seat=seat,
                skill=skill,
                rng=random.Random(seed_n),
                oracle=keys.__getitem__,
            ).sit(stop)
        finally:
            journal.close()
            client.close()

    with ThreadPoolExecutor(max_workers=max(1, min(16, len(kiosks)))) as pool:
        futures = [
            pool.submit(sit, seat, token, rng.uniform(0.4, 0.95), rng.randrange(1 << 30))
            for seat, token in kiosks
        ]
        sittings = [f.result() for f in futures]
    expected = sum(len(r.finished) for r in sittings)
    records = _wait_for_upstream(console, expected, timeout, stop)
    results = console.results(desk.session_id)
    desk.close()
    return DemoReport(
        admitted, refused, seated, sittings, results, records, expected, checks, desk.session_id
    )


def _wait_for_upstream(
    console: ConsoleClient, expected: int, timeout: float, stop: threading.Event
) -> list[OutboxView]:
    waited = 0.0
    while True:
        records = console.outbox("result")
        if (
            sum(r.status is OutboxStatus.DELIVERED for r in records) >= expected
            or waited >= timeout
        ):
            return records
        if stop.wait(0.05):
            return records
        waited += 0.05


def print_report(report: DemoReport, hall: DemoHall, out: TextIO) -> None:
    def say(line: str) -> None:
        print(line, file=out)

    say(
        f"Hall {hall.s.hall_id}: room server {hall.server.url if hall.server else '-'}, "
        f"upstream {hall.upstream_url}"
    )
    say(f"detector walk-throughs linked to admissions: {report.detector_checks}")
    say(f"admitted: {len(report.admitted)}")
    say(f"refused: {len(report.refused)}")
    for refusal in report.refused:
        say(f"  {refusal.registration_id} {refusal.full_name}: {refusal.reason}")
    finished = [r for r in report.results if r.status is AttemptStatus.FINISHED]
    say(f"finished: {len(finished)}")
    names = {a.registration_id: a.full_name for a in report.admitted}
    acked = {r.record_id: r for r in report.acknowledged}
    for r in finished:
        parts = ", ".join(f"{s.code} {s.correct}/{s.questions}" for s in r.sections)
        rec = acked.get(r.attempt_id)
        ack = (
            f"acknowledged in {(rec.delivered_at - rec.reference_at).total_seconds():.3f} s"
            if rec and rec.delivered_at and rec.reference_at
            else "not acknowledged"
        )
        say(
            f"  {report.seated.get(r.registration_id, '-')} {r.registration_id} "
            f"{names.get(r.registration_id, '')}: {r.program} [{r.language}] {r.total:g} "
            f"{r.outcome} ({parts}); {ack}"
        )
    for s in report.sittings:
        if s.error:
            say(f"  seat {s.seat}: {s.error}")
    lat = report.latencies()
    if lat:
        say(
            f"test end -> upstream acknowledgement: median {statistics.median(lat):.3f} s, "
            f"max {max(lat):.3f} s"
        )
    say(f"acknowledged upstream: {len(report.acknowledged)}/{report.expected}")


def run_headless(
    settings: DemoSettings,
    candidates: int,
    *,
    timeout: float = 120.0,
    out: TextIO = sys.stdout,
    report_pdf: Path | None = None,
    language: str = "kk",
) -> int:
    settings.roster_size = max(settings.roster_size, candidates)
    with DemoHall(settings) as hall:
        report = play_session(hall, candidates, timeout=timeout)
        print_report(report, hall, out)
        if report_pdf is not None:
            assert hall.server is not None
            console = ConsoleClient(hall.server.url)
            try:
                console.login(DEMO_USER, DEMO_PASSWORD)
                pdf = console.report_pdf(report.session_id, language)
            finally:
                console.close()
            write_package(pdf, report_pdf)
            print(f"session report: {report_pdf} ({len(pdf) // 1024} KiB)", file=out)
    missing = [r.record_id for r in report.outbox if r.status is not OutboxStatus.DELIVERED]
    errors = [s for s in report.sittings if s.error]
    if missing or errors or len(report.acknowledged) < report.expected:
        print(
            f"demo: not acknowledged upstream after {timeout:g} s: "
            f"{', '.join(missing) or 'results never written'}",
            file=sys.stderr,
        )
        return 1
    return 0
