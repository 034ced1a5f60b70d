"""The console's windows against a real room server on loopback, with a simulated detector on a
real pseudo-terminal and kiosks driven by their own client."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.clock import FakeClock
from hardware.detector.simulator import LineSimulator
from operator_console.central.store import StubStore
from operator_console.core.client import ConsoleClient
from operator_console.server import auth
from operator_console.server.serve import ServerThread
from operator_console.ui.app import Language, application, open_console
from operator_console.ui.window import ConsoleWindow
from tests.hall import PASSWORD, Hall, open_hall, wait_until

WAIT_MS = 10_000


@pytest.fixture
def detector_required() -> bool:
    """Whether admission needs a detector check here: a test of the gate parametrizes it True."""
    return False


@pytest.fixture
def hall(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
    sim: LineSimulator,
    detector_required: bool,
) -> Iterator[Hall]:
    detector = {
        "port": sim.path,
        "protocol": "line",
        "baudrate": 9600,
        "required": detector_required,
    }
    opened = open_hall(tmp_path, keys, driven_stub, stub_store, clock, detector=detector)
    hall = next(opened)
    hall.runtime.start_devices()
    wait_until(lambda: hall.runtime.detector.state().state == "connected", what="the detector")
    try:
        yield hall
    finally:
        hall.runtime.stop_devices()
        opened.close()


def signed_in(hall: Hall, role: str) -> ConsoleClient:
    with hall.runtime.tx() as db:
        auth.create_user(db, username=role, password=PASSWORD, role=role, now=hall.clock.now())
    client = ConsoleClient(hall.server.url)
    client.login(role, PASSWORD)
    return client


def console_for(
    qtbot: QtBot, hall: Hall, role: str, language: str = "en"
) -> Generator[ConsoleWindow, None, None]:
    app = application()
    speech = Language(app)
    speech.use(language)
    client = signed_in(hall, role)
    # A short long poll: closing the window waits out the one in flight (0.5 s at most).
    window = open_console(client, role, hall_name="Test hall", wait=0.5)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: not window.model.picture.stale and bool(window.model.sessions), timeout=WAIT_MS
    )
    try:
        yield window
    finally:
        window.close()
        client.close()
        speech.use("en")


@pytest.fixture
def console(qtbot: QtBot, hall: Hall) -> Iterator[ConsoleWindow]:
    yield from console_for(qtbot, hall, "operator")
