"""The embedded default: room server, upstream stub and kiosks on one machine.

`operator-console demo --headless --candidates N` plays a whole session with scripted candidates
through the real HTTP APIs, kiosk journals and sync worker and exits once
upstream has every result.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from hardware.clock import Clock, SystemClock
from hardware.detector.simulator import LineSimulator
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.scripted import ScriptedCandidate, ScriptedResult
from operator_console.client import ConsoleClient
from operator_console.protocol import AdmissionView, AttemptResultView, OutboxView
from operator_console.server import auth
from operator_console.server.app import create_app
from operator_console.server.config import HallConfig, StartupError
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
from operator_console.upstream.samples import sample_roster
from operator_console.upstream.store import StubStore
from operator_console.upstream.stub import FaultPlan, create_stub_app
from question_banks.keys import (
    AUTHORITY,
    HALL_BOX,
    HALL_SIGN,
    generate_hall_keys,
    load_box_public,
    load_signing_key,
)
from question_banks.samples import write_sample_packages

DEMO_USER = "operator"
DEMO_PASSWORD = "demo-operator"


@dataclass
class DemoSettings:
    workdir: Path
    hall_id: str = "demo-hall"
    upstream_url: str | None = None
    keys_dir: Path | None = None
    roster_size: int = 12
    timezone: str = "Asia/Almaty"
    faults: FaultPlan = field(default_factory=FaultPlan)
    clock: Clock = field(default_factory=SystemClock)


def _copy_key(src: Path, dst_dir: Path) -> None:
    dst = dst_dir / src.name
    shutil.copyfile(src, dst)
    dst.chmod(0o600 if src.suffix == ".key" else 0o644)


def _prepare_keys(s: DemoSettings, stub_dir: Path | None) -> Path:
    """The hall's keys for this run, with the authority.pub that matches whoever signs rosters."""
    keys = s.workdir / "keys"
    if s.keys_dir is None:
        generate_hall_keys(keys)
    else:
        keys.mkdir(parents=True)
        for name in (f"{HALL_SIGN}.key", f"{HALL_SIGN}.pub", f"{HALL_BOX}.key", f"{HALL_BOX}.pub"):
            if not (s.keys_dir / name).is_file():
                raise StartupError(
                    f"--keys: {s.keys_dir / name} is missing; "
                    f"create hall keys with: qbank keygen --kind hall --out DIR"
                )
            _copy_key(s.keys_dir / name, keys)
    own_authority = s.keys_dir is not None and (s.keys_dir / f"{AUTHORITY}.key").is_file()
    if stub_dir is not None:
        stub_dir.mkdir(parents=True)
        if own_authority:
            assert s.keys_dir is not None
            _copy_key(s.keys_dir / f"{AUTHORITY}.key", stub_dir)
            _copy_key(s.keys_dir / f"{AUTHORITY}.pub", stub_dir)
        StubStore(stub_dir)  # creates the authority key when the demo plays a fresh one
        _copy_key(stub_dir / f"{AUTHORITY}.pub", keys)
    else:
        assert s.keys_dir is not None
        pub = s.keys_dir / f"{AUTHORITY}.pub"
        if not pub.is_file():
            raise StartupError(f"--keys: {pub} is missing; the hall needs it to check rosters")
        _copy_key(pub, keys)
    return keys


class DemoHall:
    """Starts (and stops) everything the embedded default runs."""

    def __init__(self, settings: DemoSettings) -> None:
        self.s = settings
        self._stack = ExitStack()
        self.stub: StubStore | None = None
        self.upstream_url = settings.upstream_url or ""
        self.server: ServerThread | None = None
        self.runtime: HallRuntime | None = None
        self.detector: LineSimulator | None = None

    def __enter__(self) -> DemoHall:
        try:
            self._start()
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stack.close()

    def _start(self) -> None:
        s = self.s
        if s.upstream_url is not None and s.keys_dir is None:
            raise StartupError("--upstream needs --keys DIR with the keys that upstream knows")
        stub_dir = s.workdir / "upstream" if s.upstream_url is None else None
        keys = _prepare_keys(s, stub_dir)
        if stub_dir is not None:
            self._start_stub(stub_dir, keys)
        banks = s.workdir / "banks"
        self._publish_banks(banks, keys)
        self.detector = LineSimulator(serial_number="DEMO-WTMD")
        self._stack.callback(self.detector.unplug)
        config = HallConfig.model_validate(
            {
                "hall": {"timezone": s.timezone},
                "server": {"listen": "127.0.0.1:0", "data_dir": str(s.workdir / "hall")},
                "upstream": {"url": self.upstream_url, "hall_id": s.hall_id, "timeout_seconds": 5},
                "keys": {"dir": str(keys)},
                "banks": {"dir": str(banks)},
                "detector": {"port": self.detector.path, "protocol": "line"},
            }
        )
        self.runtime = HallRuntime(config, clock=s.clock)
        with self.runtime.tx() as db:
            auth.create_user(
                db,
                username=DEMO_USER,
                password=DEMO_PASSWORD,
                role="administrator",
                now=s.clock.now(),
                full_name="Demo operator",
            )
        self.server = self._stack.enter_context(ServerThread(create_app(self.runtime)))

    def _publish_banks(self, banks: Path, keys: Path) -> None:
        """Plays the authority: seals every sample bank for this hall and signs it."""
        if self.stub is not None:
            authority = self.stub.authority
        elif self.s.keys_dir is not None and (self.s.keys_dir / f"{AUTHORITY}.key").is_file():
            authority = load_signing_key(self.s.keys_dir / f"{AUTHORITY}.key")
        else:
            raise StartupError(
                "--keys: no authority.key to sign the sample banks with; put the "
                "authority's key beside the hall's keys for the demo"
            )
        write_sample_packages(
            banks, authority=authority, hall=load_box_public(keys / f"{HALL_BOX}.pub")
        )

    def _start_stub(self, stub_dir: Path, keys: Path) -> None:
        s = self.s
        self.stub = StubStore(stub_dir)
        self.stub.register_hall(s.hall_id, (keys / f"{HALL_SIGN}.pub").read_bytes())
        now = s.clock.now()
        self.stub.put_roster(
            sample_roster(
                s.hall_id, self.today, s.roster_size, starts_at=now + timedelta(minutes=10), now=now
            )
        )
        stub = self._stack.enter_context(ServerThread(create_stub_app(self.stub, s.faults)))
        self.upstream_url = stub.url

    @property
    def today(self) -> date:
        """The hall's calendar day: rosters are per day in the hall's own time zone."""
        return self.s.clock.now().astimezone(ZoneInfo(self.s.timezone)).date()


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

    @property
    def acknowledged(self) -> list[OutboxView]:
        return [r for r in self.outbox if r.status == "delivered"]

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
    console = ConsoleClient(hall.server.url)
    console.login(DEMO_USER, DEMO_PASSWORD)
    console.fetch_roster(hall.today)
    session = console.sessions(hall.today)[0]
    admitted: list[AdmissionView] = []
    refused: list[AdmissionView] = []
    seated: dict[str, str] = {}
    checks = 0
    for reg in console.registrations(session.session_id)[:candidates]:
        check = _walk_through(hall, console)
        checks += check is not None
        decision = console.admit(
            session.session_id, reg.registration_id, reg.iin, detector_event_id=check
        )
        (admitted if decision.status == "admitted" else refused).append(decision)
    kiosks: list[tuple[str, str]] = []
    for n, decision in enumerate(admitted, start=1):
        seat = f"A{n:02d}"
        code = console.enrollment_code(seat).code
        token = HallClient.enroll(hall.server.url, code, f"demo-kiosk-{seat}").token
        console.bind_seat(decision.admission_id, seat)
        seated[decision.registration_id] = seat
        kiosks.append((seat, token))
    console.start_session(session.session_id)
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
    results = console.results(session.session_id)
    console.close()
    return DemoReport(admitted, refused, seated, sittings, results, records, expected, checks)


def _walk_through(hall: DemoHall, console: ConsoleClient) -> int | None:
    """The candidate walks through the detector; the desk waits for its event to link it."""
    if hall.detector is None:
        return None
    seen = console.detector_events(after=0)
    last = seen[-1].id if seen else 0
    hall.detector.pass_()
    for _ in range(100):
        fresh = [e for e in console.detector_events(after=last, wait=2.0) if e.kind == "pass"]
        if fresh:
            return fresh[-1].id
    return None


def _wait_for_upstream(
    console: ConsoleClient, expected: int, timeout: float, stop: threading.Event
) -> list[OutboxView]:
    waited = 0.0
    while True:
        records = console.outbox("result")
        if sum(r.status == "delivered" for r in records) >= expected or waited >= timeout:
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
    finished = [r for r in report.results if r.status == "finished"]
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
    settings: DemoSettings, candidates: int, *, timeout: float = 120.0, out: TextIO = sys.stdout
) -> int:
    settings.roster_size = max(settings.roster_size, candidates)
    with DemoHall(settings) as hall:
        report = play_session(hall, candidates, timeout=timeout)
        print_report(report, hall, out)
    missing = [r.record_id for r in report.outbox if r.status != "delivered"]
    errors = [s for s in report.sittings if s.error]
    if missing or errors or len(report.acknowledged) < report.expected:
        print(
            f"demo: not acknowledged upstream after {timeout:g} s: "
            f"{', '.join(missing) or 'results never written'}",
            file=sys.stderr,
        )
        return 1
    return 0
