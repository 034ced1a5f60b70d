"""A seated hall for tests: roster imported, candidates admitted and seated, kiosks enrolled."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from hardware.clock import FakeClock
from kiosk.hall_client import HallClient, enroll
from operator_console.central.samples import sample_roster
from operator_console.central.store import StubStore
from operator_console.core.client import ConsoleClient
from operator_console.core.desk import Desk
from operator_console.protocol.console_api.desk import AdmissionView, RegistrationView
from operator_console.protocol.kiosk_api import EnrollResponse, FormView
from operator_console.server import auth
from operator_console.server.app import create_app
from operator_console.server.models import AnswerEvent
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
from tests.conftest import CHEAP_PASSWORDS, HALL_ID, hall_config, sample_banks

PASSWORD = "correct horse battery"


@dataclass
class Hall:
    runtime: HallRuntime
    server: ServerThread
    clock: FakeClock
    desk: Desk
    kiosks: dict[str, HallClient] = field(default_factory=dict)
    admitted: dict[str, AdmissionView] = field(default_factory=dict)

    @property
    def console(self) -> ConsoleClient:
        return self.desk.console

    @property
    def session_id(self) -> str:
        return self.desk.session_id

    @property
    def registrations(self) -> list[RegistrationView]:
        return self.desk.registrations

    def enrolled(self, registration: RegistrationView, seat: str) -> EnrollResponse:
        """The candidate admitted and bound to the seat, whose kiosk has just enrolled."""
        decision = self.desk.admit(registration)
        assert decision.status == "admitted", decision.reason
        self.admitted[seat] = decision
        url = self.server.url
        return self.desk.seat_at_new_kiosk(
            decision, seat, lambda code: enroll(url, code, f"kiosk-{seat}")
        )

    def sitting(self, seat: str) -> str:
        """The admission id of the seat's sitting as the map shows it: what a seat action names."""
        view = next(s for s in self.console.seats().seats if s.seat == seat)
        assert view.admission_id is not None, f"nobody sits at {seat}"
        return view.admission_id

    def seat(self, registration: RegistrationView, seat: str) -> HallClient:
        client = HallClient(self.server.url, self.enrolled(registration, seat).token)
        self.kiosks[seat] = client
        return client

    def stored_changes(self, attempt_id: str) -> int:
        """Answer changes the server holds for the attempt, refused ones included."""
        with self.runtime.tx() as db:
            return int(
                db.execute(
                    select(func.count())
                    .select_from(AnswerEvent)
                    .where(AnswerEvent.attempt_id == attempt_id)
                ).scalar_one()
            )

    def start(self, seat: str, language: str = "kk") -> FormView:
        client = self.kiosks[seat]
        attempt = client.seat().attempts[0]
        return client.start_attempt(attempt.attempt_id, language)

    def close(self) -> None:
        for client in self.kiosks.values():
            client.close()
        self.desk.close()


def open_hall(
    tmp_path: Path,
    keys: Path,
    stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
    candidates: int = 6,
    database_url: str | None = None,
    roster: dict[str, Any] | None = None,
    **sections: dict[str, object],
) -> Generator[Hall, None, None]:
    """A room server whose desk has signed in and fetched the day's roster (the sample's, or
    `roster` as the central system would send it)."""
    now = clock.now()
    stub_store.put_roster(
        roster
        or sample_roster(
            HALL_ID, now.date(), candidates, starts_at=now + timedelta(minutes=10), now=now
        )
    )
    config = hall_config(tmp_path, keys, stub.url, database_url, **sections)
    runtime = HallRuntime(config, clock=clock)
    with runtime.tx() as db:
        auth.create_user(db, username="desk", password=PASSWORD, role="administrator", now=now)
    server = ServerThread(create_app(runtime, run_workers=False)).start()
    try:
        hall = Hall(runtime, server, clock, Desk.sign_in(server.url, "desk", PASSWORD, now.date()))
        try:
            yield hall
        finally:
            hall.close()
    finally:
        server.stop()
        runtime.close()


def program_three_roster(clock: FakeClock, candidates: int = 2) -> dict[str, Any]:
    """Today's roster with one session of Program III (logical thinking has its own 30 min)."""
    now = clock.now()
    roster = sample_roster(
        HALL_ID, now.date(), candidates, starts_at=now + timedelta(minutes=10), now=now
    )
    session = roster["sessions"][0]
    session["programs"] = ["pq_program_3"]
    for candidate in session["candidates"]:
        candidate.update(programs=["pq_program_3"], banned_until=None, last_attempts=[])
    return roster


def wait_until(
    predicate: Callable[[], bool], timeout: float = 10.0, what: str | Callable[[], str] = ""
) -> None:
    """Waits on a condition, checking often, failing loudly at the timeout (never a bare sleep).

    `what` may be a function: it then describes the state at the moment the wait gave up.
    """
    done = threading.Event()
    step = 0.01
    waited = 0.0
    while not predicate():
        if waited >= timeout:
            said = what() if callable(what) else what
            raise AssertionError(f"timed out after {timeout:g} s waiting for {said or predicate}")
        done.wait(step)
        waited += step
        step = min(step * 2, 0.2)


def hall_toml(
    tmp_path: Path,
    keys: Path,
    upstream: str,
    port: int = 0,
    programs: tuple[str, ...] = ("legislation",),
) -> Path:
    """hall.toml for a room server of its own; port 0: the system picks a free one when the
    server starts (it says which on stderr: `served_url`)."""
    banks = tmp_path / "banks"
    sample_banks(banks, keys, programs)
    path = tmp_path / "hall.toml"
    path.write_text(
        f"""
[server]
listen = "127.0.0.1:{port}"
data_dir = "{tmp_path / "data"}"

[upstream]
url = "{upstream}"
hall_id = "{HALL_ID}"
timeout_seconds = 2

[keys]
dir = "{keys}"

[banks]
dir = "{banks}"

[detector]
required = false

[passwords]
memory_kib = {CHEAP_PASSWORDS["memory_kib"]}
iterations = {CHEAP_PASSWORDS["iterations"]}
""",
        "utf-8",
    )
    return path


SERVING = re.compile(r"Uvicorn running on (https?://\S+:\d+)")


def served_url(log: Path, timeout: float = 60.0) -> str:
    """The address a server started on port 0 says it listens at, on its stderr (`log`)."""
    found: list[str] = []

    def said() -> bool:
        match = SERVING.search(log.read_text("utf-8", "replace")) if log.exists() else None
        if match:
            found.append(match.group(1))
        return match is not None

    wait_until(
        said, timeout=timeout, what=lambda: f"the server to listen; it said {log.read_text()!r}"
    )
    return found[0]
