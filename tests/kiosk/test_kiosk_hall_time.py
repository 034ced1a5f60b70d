"""The kiosk's clock is the hall's: a seat machine set to another time zone still shows hall time,
from the zone the seat poll names."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.hall_client import HallClient
from kiosk.stages import Stage
from tests.hall import Hall
from tests.kiosk.ui import WAIT_MS, running_kiosk, wait_stage


def test_the_kiosk_clock_shows_hall_time_on_a_machine_set_elsewhere(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
            wait_stage(qtbot, kiosk, Stage.CONFIRM)
            assert seated.seat().time_zone == str(hall.runtime.config.zone) == "Asia/Almaty"
            now = hall.clock.now()
            in_hall = f"{now.astimezone(hall.runtime.config.zone):%H:%M}"
            assert in_hall != f"{now.astimezone():%H:%M}"  # the machine's zone really differs
            qtbot.waitUntil(lambda: kiosk.window.clock.text() == in_hall, timeout=WAIT_MS)
    finally:
        monkeypatch.undo()
        time.tzset()
