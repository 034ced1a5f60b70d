"""The demo hall: the room server, the reference central system and a simulated detector, started
together on this machine with fresh keys and the sample banks, and the desk signed in to it."""

from __future__ import annotations

import shutil
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hardware.clock import Clock, SystemClock
from hardware.detector.simulator import LineSimulator
from kiosk.hall_client import enroll
from operator_console.central.samples import sample_roster
from operator_console.central.store import StubStore
from operator_console.central.stub import FaultPlan, create_stub_app
from operator_console.core.desk import Desk, Enroll
from operator_console.server import auth
from operator_console.server.app import create_app
from operator_console.server.config import HallConfig, StartupError
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
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
    columns: int = 6
    """Seats in a row of the demo room."""
    faults: FaultPlan = field(default_factory=FaultPlan)
    clock: Clock = field(default_factory=SystemClock)
    database_url: str | None = None
    """The hall's database; None: SQLite in the work folder."""
    settle_heap: bool = False
    """`app.settle_heap` once the server runs: for a process that is this demo hall alone."""
    detector_required: bool = True
    """Admission needs a detector check (the demo walks each candidate through); False for a
    load run that admits hundreds without the door."""


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
                "hall": {"timezone": s.timezone, "columns": s.columns},
                "server": {
                    "listen": "127.0.0.1:0",
                    "data_dir": str(s.workdir / "hall"),
                    "api_docs": True,
                },
                "upstream": {"url": self.upstream_url, "hall_id": s.hall_id, "timeout_seconds": 5},
                "keys": {"dir": str(keys)},
                "banks": {"dir": str(banks)},
                "detector": {
                    "port": self.detector.path,
                    "protocol": "line",
                    "required": s.detector_required,
                },
                "database": {"url": s.database_url},
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
        self.server = self._stack.enter_context(
            ServerThread(create_app(self.runtime, settle=s.settle_heap))
        )

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

    def open_desk(self) -> Desk:
        """The demo operator at the desk, with today's roster fetched from the central system."""
        assert self.server is not None
        return Desk.sign_in(self.server.url, DEMO_USER, DEMO_PASSWORD, self.today)

    def enroller(self, machine: str) -> Enroll:
        """What a technician does at a new kiosk: type the code, keep the credential."""
        url = self.server.url if self.server else ""
        return lambda code: enroll(url, code, machine)

    def walk_through(self, desk: Desk) -> int | None:
        """The candidate walks through the detector; the desk waits for its event to link it."""
        if self.detector is None:
            return None
        last = desk.last_detector_event()
        self.detector.pass_()
        event = desk.next_walk_through(last, timeout=20.0)
        return None if event is None else event.id
