"""kill -9 in the middle of a test: the restarted kiosk resumes behind the lock, answers intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.credential import Credential, save_credential
from kiosk.hall_client import HallClient
from kiosk.ui.model import Stage
from tests.hall import Hall
from tests.kiosk.ui import WAIT_MS, child, press, running_kiosk, server_answers, wait_stage

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = 12


def test_kill_9_mid_test_then_restart(qtbot: QtBot, hall: Hall, tmp_path: Path) -> None:
    data = tmp_path / "kiosk"
    registration = hall.registrations[1]
    enrolled = hall.enrolled(registration, "A01")
    save_credential(
        data, Credential(hall.server.url, enrolled.kiosk_id, enrolled.seat, enrolled.token)
    )
    hall.desk.start()

    kiosk_process = subprocess.Popen(
        [sys.executable, "-m", "tests.kiosk.kiosk_child", str(data), str(ANSWERS)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
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
        assert model.lock_state is not None and model.lock_state.reason == "unclean_exit"
        assert model.answers == saved
        qtbot.waitUntil(lambda: client.seat().lock_reason == "unclean_exit", timeout=WAIT_MS)
        assert client.seat().attempts[0].paused

        code = hall.console.resume_code("A01").code
        child(kiosk, "resume_code").setFocus()
        qtbot.keyClicks(child(kiosk, "resume_code"), code)
        press(qtbot, kiosk, "key_ok")
        wait_stage(qtbot, kiosk, Stage.TEST)
        first = model.items[0]
        shown = [
            n
            for n in range(len(first.choices))
            if child(kiosk, f"option_{n}").property("checked") == "true"
        ]
        assert [first.choices[n].id for n in shown] == saved[first.item_id]
        attempt_id = model.sitting.attempt_id if model.sitting else ""
        qtbot.waitUntil(lambda: model.link.unsent == 0 and model.online, timeout=WAIT_MS)
    assert server_answers(hall, attempt_id) == saved
