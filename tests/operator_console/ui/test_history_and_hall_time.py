"""The history says who acted in words, and every time the console shows is the hall's: a
console machine set to another time zone still shows hall time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from hardware.detector.simulator import LineSimulator
from operator_console.protocol.kiosk_api import LockReport
from operator_console.protocol.reasons import Reason
from operator_console.ui import hall_time, texts
from operator_console.ui.screens.history import HistoryScreen
from tests.hall import Hall, wait_until
from tests.operator_console.ui.conftest import WAIT_MS, console_for

MACHINE_ZONE = "America/New_York"


@pytest.fixture
def machine_elsewhere(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The console machine's clock is set to a zone far from the hall's."""
    monkeypatch.setenv("TZ", MACHINE_ZONE)
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()
        hall_time.use("")


def test_the_history_says_who_in_words_and_shows_hall_time_on_a_machine_elsewhere(
    qtbot: QtBot, hall: Hall, sim: LineSimulator, machine_elsewhere: None
) -> None:
    zone = hall.runtime.config.zone
    assert (
        datetime(2026, 3, 10, 9).astimezone().utcoffset()
        != datetime(2026, 3, 10, 9, tzinfo=zone).utcoffset()
    )  # the machine's zone really differs from the hall's
    windows = console_for(qtbot, hall, "operator")
    window = next(windows)
    try:
        assert window.model.client.time_zone == str(zone) == "Asia/Almaty"
        kiosk = hall.seat(hall.registrations[1], "A01")
        sim.alarm(zones=(2, 3), level=72)  # at the door, before the start: the session's check
        wait_until(lambda: any(e.kind == "alarm" for e in hall.console.detector_events()))
        hall.console.start_session(hall.session_id)
        hall.start("A01")
        kiosk.lock(LockReport(at=hall.clock.now(), reason="prohibited_program", note="anydesk"))
        hall.console.log_incident(
            Reason(category="examinee", code="talking"), seat="A01", session_id=hall.session_id
        )
        screen = window.show_screen("history")
        assert isinstance(screen, HistoryScreen)

        def rows() -> list[list[str]]:
            t = screen.table
            return [
                [(i.text() if (i := t.item(r, c)) else "") for c in range(t.columnCount())]
                for r in range(t.rowCount())
            ]

        def who_said() -> set[str]:
            return {row[1] for row in rows()}

        qtbot.waitUntil(
            lambda: {"Kiosk at seat A01", "Metal detector (walk-through)"} <= who_said(),
            timeout=WAIT_MS,
        )
        said = " ".join(" ".join(row) for row in rows())
        assert "kiosk:A01" not in said and "Candidate: Talking" in said
        locked = next(e for e in window.model.history if e.action == "seat.lock")
        shown = next(row[0] for row in rows() if row[1] == "Kiosk at seat A01")
        assert shown == f"{locked.at.astimezone(ZoneInfo('Asia/Almaty')):%H:%M:%S}"
        assert shown != f"{locked.at.astimezone():%H:%M:%S}"  # not the machine's zone
        # Whose each entry is, by name; and the staff's own actions without the machines'.
        name = hall.registrations[1].full_name
        admitted = next(row for row in rows() if row[2] == texts.history_action("admission.admit"))
        assert admitted[4] == name
        screen.kind.setCurrentIndex(screen.kind.findData("people"))
        staff = rows()
        assert staff and len(staff) < len(window.model.history)
        assert not {"Kiosk at seat A01", "Metal detector (walk-through)"} & {r[1] for r in staff}
        assert any("Candidate: Talking" in r[5] for r in staff)
    finally:
        windows.close()
