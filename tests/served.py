"""A room server in a process of its own, on today's roster, that a test (or a bench) kills with
SIGKILL and starts again."""

from __future__ import annotations

import contextlib
import functools
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from hardware.clock import SystemClock
from kiosk.hall_client import HallClient, enroll
from kiosk.journal import Journal
from kiosk.scripted import ScriptedCandidate, ScriptedResult
from operator_console.central.samples import sample_roster
from operator_console.central.store import StubStore
from operator_console.core.desk import Desk
from operator_console.server.db import make_engine
from operator_console.server.serve import ServerThread
from tests.conftest import HALL_ID
from tests.hall import hall_toml, served_url, wait_until


class ServerProcess:
    """`operator-console serve` on the config's port, 0 by tests/hall.py's hall_toml: the first
    start says on stderr which port it took, and a restart listens there again."""

    def __init__(self, config: Path, env: dict[str, str], args: list[str] | None = None) -> None:
        self.url = ""
        self._said = config.parent
        self._args = args or [
            sys.executable,
            "-m",
            "operator_console.cli",
            "serve",
            "--config",
            str(config),
        ]
        self._env = env
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        said = self._said / f"server-{len(list(self._said.glob('server-*.stderr')))}.stderr"
        with said.open("wb") as log:  # the child has its own copy
            self.proc = subprocess.Popen(
                self._args, env=self._env, stdout=subprocess.DEVNULL, stderr=log
            )
        if not self.url:
            self.url = served_url(said)
            self._env = dict(self._env, HALL_SERVER_LISTEN=self.url.removeprefix("http://"))

        def healthy() -> bool:
            try:
                return httpx.get(f"{self.url}/health", timeout=1).status_code == 200
            except httpx.TransportError:
                return False

        wait_until(healthy, timeout=60, what="the room server to answer")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)


def todays_roster(stub_store: StubStore, candidates: int) -> date:
    """The central system holds today's roster (the hall's day); the day."""
    now = datetime.now(UTC)
    today = now.astimezone(ZoneInfo("Asia/Almaty")).date()
    stub_store.put_roster(
        sample_roster(HALL_ID, today, candidates, starts_at=now + timedelta(minutes=10), now=now)
    )
    return today


def served_hall(
    tmp_path: Path,
    keys: Path,
    stub_store: StubStore,
    stub: ServerThread,
    server_env: dict[str, str],
    killed_server: list[ServerProcess],
    candidates: int = 2,
    programs: tuple[str, ...] = ("legislation",),
) -> tuple[ServerProcess, Desk]:
    """A room server in its own process on today's roster, and a desk signed in to it."""
    today = todays_roster(stub_store, candidates)
    config = hall_toml(tmp_path, keys, stub.url, programs=programs)
    admin = subprocess.run(
        [
            sys.executable,
            "-m",
            "operator_console.cli",
            "admin",
            "--config",
            str(config),
            "create-user",
            "--username",
            "desk",
            "--role",
            "administrator",
            "--password-stdin",
        ],
        input="desk-password\n",
        capture_output=True,
        text=True,
        env=server_env,
        timeout=60,
    )
    assert admin.returncode == 0, admin.stderr
    server = ServerProcess(config, server_env)
    killed_server.append(server)
    server.start()
    return server, Desk.sign_in(server.url, "desk", "desk-password", today)


@dataclass
class KillRound:
    """What a round of kill -9 under working kiosks left: the kiosks' acknowledged changes
    against the server's, and the finished attempts against the central system's results."""

    kiosks: int
    kills: int
    seconds: float
    acknowledged: set[tuple[str, int]]
    on_server: set[tuple[str, int]]
    finished_ids: set[str]
    delivered: set[str]
    errors: dict[str, str]
    scores_differ: list[str] = field(default_factory=list)

    @property
    def lost(self) -> set[tuple[str, int]]:
        return self.acknowledged - self.on_server

    @property
    def finished(self) -> int:
        return len(self.finished_ids)


def kill_round(
    work: Path,
    server: ServerProcess,
    desk: Desk,
    store: StubStore,
    kills: int,
    rng: random.Random,
    pace: float = 0.04,
    seats: int | None = None,
) -> KillRound:
    """Every admitted candidate seated at a kiosk of their own and sat by a scripted candidate
    (a thread each, with its own journal) while the room server is killed with SIGKILL `kills`
    times at random moments and started again; then everything is counted. `seats`: at most
    this many kiosks."""
    url = server.url
    tokens: dict[str, str] = {}
    for reg in desk.registrations:
        if seats is not None and len(tokens) == seats:
            break
        decision = desk.admit(reg)
        if decision.status != "admitted":
            continue  # the sample roster has a banned candidate
        seat = f"A{len(tokens) + 1:02d}"
        enroller = functools.partial(enroll, url, machine=f"kiosk-{seat}")
        tokens[seat] = desk.seat_at_new_kiosk(decision, seat, enroller).token
    desk.start()
    desk.close()
    stop = threading.Event()
    results: dict[str, ScriptedResult] = {}
    journals = work / "kiosks"
    journals.mkdir()

    def sit(seat: str, token: str, seed: int) -> None:
        client = HallClient(url, token, timeout=5)
        journal = Journal(journals / f"{seat}.db")
        try:
            results[seat] = ScriptedCandidate(
                client,
                journal,
                SystemClock(),
                seat=seat,
                skill=0.7,
                rng=random.Random(seed),
                patience=90,
                pace=pace,
            ).sit(stop)
        finally:
            journal.close()
            client.close()

    started = time.monotonic()
    kiosks = [
        threading.Thread(target=sit, args=(seat, token, rng.randrange(1 << 30)))
        for seat, token in tokens.items()
    ]
    for kiosk in kiosks:
        kiosk.start()
    killed = 0
    try:
        while any(k.is_alive() for k in kiosks) and killed < kills:
            if stop.wait(rng.uniform(0.5, 2.5)):
                break
            server.kill()
            killed += 1
            server.start()
        for kiosk in kiosks:
            kiosk.join(timeout=600)
    finally:
        stop.set()
        for kiosk in kiosks:
            kiosk.join(timeout=10)
    seconds = time.monotonic() - started
    finished = {f.attempt_id: f for r in results.values() for f in r.finished}
    acknowledged: set[tuple[str, int]] = set()
    for seat in tokens:
        with contextlib.closing(sqlite3.connect(journals / f"{seat}.db")) as journal_db:
            acknowledged |= set(
                journal_db.execute("SELECT attempt_id, seq FROM change WHERE stored = 1")
            )
    engine = make_engine(f"sqlite:///{work / 'data' / 'hall.db'}")
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT attempt_id, seq FROM answer_event")
        on_server = {(str(a), int(n)) for a, n in rows}
    engine.dispose()
    wait_until(
        lambda: set(store.records("results")) >= set(finished),
        timeout=120,
        what="every result to reach the central system",
    )
    delivered = store.records("results")
    return KillRound(
        kiosks=len(tokens),
        kills=killed,
        seconds=seconds,
        acknowledged=acknowledged,
        on_server=on_server,
        finished_ids=set(finished),
        delivered=set(delivered),
        errors={seat: r.error for seat, r in results.items() if r.error},
        scores_differ=[
            a for a, done in finished.items() if delivered[a]["total"]["score"] != done.total
        ],
    )
