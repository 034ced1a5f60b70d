"""kill -9 in the middle of a test: the restarted kiosk resumes behind the lock, answers intact."""

from __future__ import annotations

import json
import os
import signal
from datetime import datetime, timedelta
from pathlib import Path

import httpx
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.hall_client import HallClient
from kiosk.lockdown.exit_marker import ExitMarker
from kiosk.stages import Stage
from kiosk.ui.app import Kiosk
from operator_console.server.models import Attempt, Incident
from tests.hall import Hall, wait_until
from tests.kiosk.kiosk_child import spawn
from tests.kiosk.ui import (
    WAIT_MS,
    child,
    press,
    running_kiosk,
    seated_on_disk,
    server_answers,
    wait_stage,
    walk_to_test,
)

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = 12


def test_kill_9_mid_test_then_restart(qtbot: QtBot, hall: Hall, tmp_path: Path) -> None:
    data = tmp_path / "kiosk"
    enrolled = seated_on_disk(hall, data)

    kiosk_process = spawn(data, ANSWERS)
    saved: dict[str, list[str]] = {}
    assert kiosk_process.stdout is not None
    with kiosk_process.stdout as lines:
        for line in lines:  # the test's timeout bounds this
            if line.startswith("saved "):
                _, item_id, choice = line.split()
                saved[item_id] = [choice]
            if len(saved) == ANSWERS:
                os.kill(kiosk_process.pid, signal.SIGKILL)  # right after the last "saved"
                break
    assert kiosk_process.wait(timeout=10) == -signal.SIGKILL

    client = HallClient(hall.server.url, enrolled.token)
    with running_kiosk(hall, client, data) as kiosk:
        wait_stage(qtbot, kiosk, Stage.LOCKED)
        model = kiosk.model
        assert model.seat_lock.state is not None and model.seat_lock.state.reason == "unclean_exit"
        assert model.parts.answers == saved
        qtbot.waitUntil(lambda: client.seat().lock_reason == "unclean_exit", timeout=WAIT_MS)
        assert client.seat().attempts[0].paused

        code = hall.console.resume_code("A01").code
        child(kiosk, "resume_code").setFocus()
        qtbot.keyClicks(child(kiosk, "resume_code"), code)
        press(qtbot, kiosk, "key_ok")
        wait_stage(qtbot, kiosk, Stage.TEST)
        first = model.parts.items[0]
        shown = [
            n
            for n in range(len(first.choices))
            if child(kiosk, f"option_{n}").property("checked") == "true"
        ]
        assert [first.choices[n].id for n in shown] == saved[first.item_id]
        attempt_id = model.parts.sitting.attempt_id if model.parts.sitting else ""
        qtbot.waitUntil(lambda: model.link.unsent == 0 and model.online, timeout=WAIT_MS)
    assert server_answers(hall, attempt_id) == saved


def deadline(hall: Hall) -> datetime:
    with hall.runtime.tx() as db:
        found = db.execute(select(Attempt.deadline_at).where(Attempt.status == "running")).scalar()
    assert found is not None
    return found


def resume_with_code(qtbot: QtBot, hall: Hall, kiosk: Kiosk) -> None:
    wait_stage(qtbot, kiosk, Stage.LOCKED)
    # The operator gives a code once the map shows the seat locked (a code opens only a lock the
    # server holds): the restarted kiosk's report of its lock may still be on its way.
    qtbot.waitUntil(
        lambda: next(s for s in hall.console.seats().seats if s.seat == "A01").state == "locked",
        timeout=WAIT_MS,
    )
    code = hall.console.resume_code("A01").code
    child(kiosk, "resume_code").setFocus()
    qtbot.keyClicks(child(kiosk, "resume_code"), code)
    press(qtbot, kiosk, "key_ok")
    wait_stage(qtbot, kiosk, Stage.TEST)


def test_the_minutes_a_crashed_kiosk_was_down_are_given_back(
    qtbot: QtBot, hall: Hall, tmp_path: Path
) -> None:
    data = tmp_path / "kiosk"
    enrolled = seated_on_disk(hall, data)
    kiosk_process = spawn(data, 3)
    assert kiosk_process.stdout is not None
    with kiosk_process.stdout as lines:
        for line in lines:
            if line.startswith("waiting"):
                break
        marker = data / "running.json"
        wait_until(lambda: '"alive_at"' in marker.read_text(), what="the kiosk's heartbeat")
        os.kill(kiosk_process.pid, signal.SIGKILL)  # a power cut
    kiosk_process.wait(timeout=10)
    before = deadline(hall)
    hall.clock.advance(timedelta(minutes=7))  # the seat is dark for seven minutes
    client = HallClient(hall.server.url, enrolled.token)
    with running_kiosk(hall, client, data) as kiosk:
        resume_with_code(qtbot, hall, kiosk)
    given = deadline(hall) - before
    assert timedelta(minutes=6, seconds=30) <= given <= timedelta(minutes=7), given
    with hall.runtime.tx() as db:
        said = db.execute(select(Incident).where(Incident.code == "kiosk_dead")).scalar_one()
    assert (said.category, said.seat_code) == ("technical", "A01")


class Cable(httpx.BaseTransport):
    """The real room server behind a network cable that can be pulled out."""

    def __init__(self) -> None:
        self._real, self.plugged = httpx.HTTPTransport(), True

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.plugged:
            raise httpx.ConnectError("the cable is out", request=request)
        return self._real.handle_request(request)

    def close(self) -> None:
        self._real.close()


def test_a_lan_outage_gives_nothing_back_even_when_the_kiosk_crashes_after_it(
    qtbot: QtBot, hall: Hall, tmp_path: Path
) -> None:
    """A kiosk that stayed up through the outage kept its countdown and its candidate working:
    pulling the cable buys no time. Only its real downtime afterwards comes back."""
    data = tmp_path / "kiosk"
    enrolled = hall.enrolled(hall.registrations[1], "A01")
    hall.desk.start()
    cable = Cable()
    client = HallClient(hall.server.url, enrolled.token, transport=cable)
    with running_kiosk(hall, client, data) as kiosk:
        walk_to_test(qtbot, kiosk)
        before = deadline(hall)
        cable.plugged = False
        qtbot.waitUntil(lambda: not kiosk.model.online, timeout=WAIT_MS)
        hall.clock.advance(timedelta(minutes=5))  # five minutes without the LAN, still working
        qtbot.waitUntil(lambda: kiosk.model.parts.sitting is not None, timeout=WAIT_MS)
        first = kiosk.model.parts.items[0]
        kiosk.model.parts.choose(first.choices[0].id)
        marker = data / "running.json"

        def alive() -> datetime | None:
            return ExitMarker.alive_at(json.loads(marker.read_text()))

        outage_ends = hall.clock.now()
        qtbot.waitUntil(lambda: (alive() or before) >= outage_ends, timeout=WAIT_MS)
        kiosk.model._marker = None  # the kiosk dies here: no clean exit is written
    assert kiosk.model.parts.answers  # (the window is gone; its journal holds the answer)
    hall.clock.advance(timedelta(minutes=2))  # two minutes dark before it is back
    cable.plugged = True
    with running_kiosk(hall, HallClient(hall.server.url, enrolled.token), data) as again:
        resume_with_code(qtbot, hall, again)
    given = deadline(hall) - before
    assert timedelta(minutes=1, seconds=50) <= given <= timedelta(minutes=2), given
