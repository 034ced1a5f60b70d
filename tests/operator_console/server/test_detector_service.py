"""The detector inside the room server: a simulated detector on a pty, events over the API."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hardware.detector.simulator import LineSimulator
from operator_console.protocol.console_api.desk import DetectorEventView
from operator_console.server import auth
from operator_console.server.admission.detector import DetectorService
from operator_console.server.app import create_app
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
from tests.conftest import hall_config
from tests.hall import wait_until


class Desk:
    def __init__(self, runtime: HallRuntime, server: ServerThread) -> None:
        self.runtime, self.server = runtime, server
        self.client = httpx.Client(base_url=server.url, timeout=40)
        token = self.client.post(
            "/api/v1/auth/login", json={"username": "desk", "password": "desk-password"}
        ).json()
        self.client.headers["Authorization"] = f"Bearer {token['token']}"


@pytest.fixture
def desk(tmp_path: Path, keys: Path, stub: ServerThread, sim: LineSimulator) -> Iterator[Desk]:
    config = hall_config(
        tmp_path, keys, stub.url, detector={"port": sim.path, "protocol": "line", "baudrate": 9600}
    )
    runtime = HallRuntime(config)
    with runtime.tx() as db:
        auth.create_user(
            db, username="desk", password="desk-password", role="operator", now=runtime.clock.now()
        )
    runtime.start_devices()
    server = ServerThread(create_app(runtime, run_workers=False)).start()
    desk = Desk(runtime, server)
    wait_until(
        lambda: desk.client.get("/api/v1/detector/state").json()["state"] == "connected",
        what="the detector to connect",
    )
    yield desk
    desk.client.close()
    server.stop()
    runtime.stop_devices()
    runtime.close()


def test_events_are_stored_with_their_raw_frames_and_streamed(
    desk: Desk, sim: LineSimulator
) -> None:
    results: list[list[dict[str, object]]] = []
    poll = threading.Thread(
        target=lambda: results.append(
            desk.client.get("/api/v1/detector/events", params={"after": 0, "wait": 20}).json()
        )
    )
    poll.start()
    sim.alarm((2, 5), 81)
    poll.join(timeout=30)
    assert results and results[0][0]["kind"] == "alarm" and results[0][0]["zones"] == [2, 5]
    assert str(results[0][0]["raw"]).startswith("1 ALARM zones=2,5 level=81")
    sim.raw(b"noise\r\n")
    sim.pass_()
    wait_until(lambda: len(desk.client.get("/api/v1/detector/events").json()) == 2)
    state = desk.client.get("/api/v1/detector/state").json()
    assert state["parse_errors"] == 1 and state["configured"] is True


def test_a_wand_check_for_no_candidate_is_refused(desk: Desk, sim: LineSimulator) -> None:
    wand = desk.client.post(
        "/api/v1/detector/manual", json={"kind": "alarm", "zones": [1], "note": "belt buckle"}
    )
    assert (wand.status_code, wand.json()["code"]) == (422, "wand_needs_candidate")
    bad = desk.client.post("/api/v1/detector/manual", json={"kind": "smoke"})
    assert bad.status_code == 422
    assert desk.client.get("/api/v1/detector/events").json() == []


def test_unplugged_detector_shows_as_reconnecting(desk: Desk, sim: LineSimulator) -> None:
    sim.unplug()
    wait_until(
        lambda: desk.client.get("/api/v1/detector/state").json()["state"] == "reconnecting",
        what="the console to see the detector offline",
    )


class WindowHeldOpen(DetectorService):
    """Stores a wand check right after the long poll's first fetch, before it starts waiting."""

    raced: int | None = None

    def _fetch(self, after: int) -> list[DetectorEventView]:
        rows = super()._fetch(after)
        if self.raced is None:
            self.raced = self.manual("pass", [], "", "desk", "REG-1")
        return rows


def test_an_event_stored_between_the_fetch_and_the_wait_is_delivered_at_once(
    tmp_path: Path, keys: Path, stub: ServerThread
) -> None:
    runtime = HallRuntime(hall_config(tmp_path, keys, stub.url))
    service = WindowHeldOpen(runtime.factory, runtime.clock.now)
    answers: list[list[DetectorEventView]] = []
    poll = threading.Thread(target=lambda: answers.append(service.events_after(0, wait=60)))
    try:
        poll.start()
        poll.join(timeout=10)
        assert not poll.is_alive(), "the long poll slept through an event stored before it waited"
        assert [e.id for e in answers[0]] == [service.raced]
    finally:
        poll.join()
        runtime.close()
