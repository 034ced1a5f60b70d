"""The lockdown on real windows: shortcuts, side screens, an X server with xdotool, watchers."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.hall_client import HallClient
from kiosk.lockdown.processes import ProcessWatch
from kiosk.stages import Stage
from operator_console.server.models import Incident
from tests.hall import Hall
from tests.kiosk.ui import WAIT_MS, running_kiosk, wait_stage, walk_to_test

ROOT = Path(__file__).resolve().parents[2]
M = Qt.KeyboardModifier
LISTED = [
    (Qt.Key.Key_Tab, M.AltModifier, "Alt+Tab"),
    (Qt.Key.Key_F4, M.AltModifier, "Alt+F4"),
    (Qt.Key.Key_W, M.ControlModifier, "Ctrl+W"),
    (Qt.Key.Key_Q, M.ControlModifier, "Ctrl+Q"),
    (Qt.Key.Key_Escape, M.NoModifier, "Escape"),
    *[(getattr(Qt.Key, f"Key_F{n}"), M.NoModifier, f"F{n}") for n in range(1, 13)],
    (Qt.Key.Key_Print, M.NoModifier, "PrintScreen"),
    (Qt.Key.Key_Super_L, M.NoModifier, "Super"),
    (Qt.Key.Key_C, M.ControlModifier, "Ctrl+C"),
    (Qt.Key.Key_V, M.ControlModifier, "Ctrl+V"),
    (Qt.Key.Key_X, M.ControlModifier, "Ctrl+X"),
]


def incidents(hall: Hall) -> list[tuple[str, str]]:
    with hall.runtime.tx() as db:
        return [(i.category, i.code) for i in db.execute(select(Incident)).scalars()]


def test_each_listed_shortcut_is_swallowed_and_ordinary_keys_still_work(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    QGuiApplication.clipboard().setText("smuggled notes")
    with running_kiosk(hall, seated, tmp_path / "kiosk", lockdown={"enabled": True}) as kiosk:
        assert QGuiApplication.clipboard().text() == ""
        qtbot.waitUntil(kiosk.window.isFullScreen, timeout=WAIT_MS)
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        model.parts.request_submit()
        screen = kiosk.window.screen_now
        for key, modifiers, name in LISTED:
            qtbot.keyClick(screen, key, modifiers)
            assert kiosk.lockdown.swallowed[-1] == name
        assert len(kiosk.lockdown.swallowed) == len(LISTED)
        # Escape did not cancel the confirmation, Ctrl+Q did not quit, Alt+F4 did not close.
        assert model.progress.confirming_submit and kiosk.window.isVisible()
        model.parts.cancel_submit()
        qtbot.keyClick(screen, Qt.Key.Key_3)
        first = model.parts.items[0]
        assert model.parts.answers[first.item_id] == [first.choices[2].id]
        # One report per shortcut a minute, not one per key press.
        qtbot.keyClick(screen, Qt.Key.Key_F1)
        qtbot.waitUntil(
            lambda: incidents(hall).count(("lockdown", "shortcut_blocked")) == len(LISTED),
            timeout=WAIT_MS,
        )
        assert kiosk.lockdown.swallowed.count("F1") == 2


def test_a_prohibited_program_locks_the_seat(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    proc = tmp_path / "proc"
    (proc / "4242").mkdir(parents=True)
    (proc / "4242" / "comm").write_text("telegram-desktop\n")
    (proc / "4242" / "cmdline").write_bytes(b"/usr/bin/telegram-desktop\0")
    watch = ProcessWatch(["telegram-desktop"], proc=proc)
    with running_kiosk(hall, seated, tmp_path / "kiosk", watch=watch) as kiosk:
        wait_stage(qtbot, kiosk, Stage.LOCKED)
        assert kiosk.model.seat_lock.state is not None
        assert "telegram-desktop" in kiosk.model.seat_lock.state.note
        qtbot.waitUntil(lambda: seated.seat().lock_reason == "prohibited_program", timeout=WAIT_MS)
        assert ("lockdown", "prohibited_program") in incidents(hall)


def test_virtual_machine_and_focus_loss_are_reported(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    from kiosk.ui.app import build
    from tests.kiosk.ui import kiosk_config

    kiosk = build(
        kiosk_config(tmp_path / "kiosk", lockdown={"enabled": True}),
        client=seated,
        clock=hall.clock,
        camera=False,
        watch=ProcessWatch([]),
        vm_check=lambda: "kvm",
        poll_ms=100,
    )
    kiosk.start()
    try:
        QGuiApplication.instance().applicationStateChanged.emit(  # type: ignore[union-attr]
            Qt.ApplicationState.ApplicationInactive
        )
        qtbot.waitUntil(
            lambda: (
                {("lockdown", "virtual_machine"), ("lockdown", "focus_lost")}
                <= set(incidents(hall))
            ),
            timeout=WAIT_MS,
        )
        assert kiosk.model.progress.stage is not Stage.LOCKED  # reported, not blocking by default
    finally:
        kiosk.close()


class Child:
    """A kiosk process whose JSON lines are read on a thread and waited for with a timeout."""

    def __init__(self, env: dict[str, str], data: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.kiosk.lockdown_child", str(data)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.lines: queue.Queue[dict[str, Any]] = queue.Queue()
        self.state: dict[str, Any] = {}
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("{"):
                self.lines.put(json.loads(line))

    def wait_for(self, key: str, timeout: float = 20.0) -> dict[str, Any]:
        while True:
            try:
                message = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"the kiosk never reported {key}") from None
            if "state" in message:
                self.state = message["state"]
            if key in message:
                return message

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)
        self._reader.join(timeout=10)  # ends at the end of the output
        assert self.proc.stdout is not None
        self.proc.stdout.close()


def test_every_side_screen_is_covered(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    screen = {"y": 0, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "main", "x": 0, "width": 1366, "height": 768, **screen},
                    {"name": "side", "x": 1366, "width": 1280, "height": 1024, **screen},
                ]
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    child = Child(env, tmp_path / "kiosk")
    try:
        state = child.wait_for("state")["state"]
        assert state["full_screen"] and state["geometry"] == [0, 0, 1366, 768]
        assert state["covers"] == [[1366, 0, 1280]]
    finally:
        child.close()


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A real X server on a free display; its number comes back through -displayfd."""
    for tool in ("Xvfb", "xdotool"):
        assert shutil.which(tool), f"{tool} is missing: scripts/bootstrap installs it"
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        display = f":{numbers.readline().strip()}"
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
    )
    return done.stdout.strip()


def test_xdotool_keys_leave_the_kiosk_full_screen_and_focused(xvfb: str, tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb"}
    child = Child(env, tmp_path / "kiosk")
    try:
        state = child.wait_for("state")["state"]
        while not (state["active"] and state["grabbed"]):
            state = child.wait_for("state")["state"]
        window = str(state["window_id"])
        presses = {"alt+Tab": "Alt+Tab", "alt+F4": "Alt+F4", "Escape": "Escape", "ctrl+q": "Ctrl+Q"}
        for keys, name in presses.items():
            xdotool(xvfb, "key", keys)
            assert child.wait_for("swallowed")["swallowed"] == name
        xdotool(xvfb, "key", "ctrl+alt+F2")  # X makes this a console switch; nothing happens
        xdotool(xvfb, "key", "F5")  # a marker: everything before it has been handled
        assert child.wait_for("swallowed")["swallowed"] == "F5"
        assert child.proc.poll() is None
        assert xdotool(xvfb, "search", "--onlyvisible", "--name", "Testing hall kiosk") == window
        assert xdotool(xvfb, "getwindowfocus") == window
        geometry = xdotool(xvfb, "getwindowgeometry", window)
        assert "Geometry: 1366x768" in geometry
        assert child.state["full_screen"] and child.state["visible"]
    finally:
        child.close()
