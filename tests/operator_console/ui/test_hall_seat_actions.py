"""The hall screen's seat actions: each names the sitting the operator saw; when the seat's
sitting changed meanwhile, the screen asks again naming who sits there now, and the reason
dialogs open with no reason chosen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from operator_console.protocol.reasons import Reason
from operator_console.ui.dialogs import ConfirmDialog, ReasonDialog
from operator_console.ui.screens.hall import HallScreen
from operator_console.ui.seat_map import clock
from operator_console.ui.window import ConsoleWindow
from tests.hall import Hall
from tests.operator_console.ui.conftest import WAIT_MS
from tests.operator_console.ui.test_desk_and_hall import click, kiosk_at, message, select_seat

TALKING = Reason(category="examinee", code="talking", note="warned twice")
DEAD = Reason(category="technical", code="kiosk_dead")


def hall_with_x_at_a01(qtbot: QtBot, hall: Hall, console: ConsoleWindow) -> HallScreen:
    hall.seat(hall.registrations[1], "A01")
    kiosk_at(hall, "A02")
    hall.console.start_session(hall.session_id)
    hall.start("A01")
    screen = console.show_screen("hall")
    assert isinstance(screen, HallScreen)
    picture = console.model.picture
    qtbot.waitUntil(
        lambda: {"A01", "A02"} <= set(picture.seats) and picture.seats["A01"].state == "in_test",
        timeout=WAIT_MS,
    )
    screen.map.refresh()
    select_seat(qtbot, screen, "A01")
    qtbot.waitUntil(lambda: screen.buttons["terminate"].isEnabled(), timeout=WAIT_MS)
    return screen


def test_a_terminate_dialog_left_open_asks_again_naming_the_candidate_seated_since(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    hall_with_x_at_a01(qtbot, hall, console)
    x_sitting = hall.sitting("A01")
    y = hall.registrations[4]

    def left_open(cls: object, *args: object, **kwargs: object) -> Reason:
        # While the dialog is open, another console moves X to A02 and seats Y at A01.
        hall.console.move("A01", x_sitting, "A02", DEAD)
        decision = hall.desk.admit(y)
        hall.console.bind_seat(decision.admission_id, "A01")
        return TALKING

    asked: list[str] = []

    def confirm(cls: object, parent: object, title: str, text: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(ReasonDialog, "ask", classmethod(left_open))
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(confirm))
    click(qtbot, console, "seat_terminate")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=WAIT_MS)
    assert y.full_name in asked[0]
    qtbot.waitUntil(lambda: "Nothing was done" in message(console), timeout=WAIT_MS)
    by = {s.seat: s for s in hall.console.seats().seats}
    assert (by["A01"].full_name, by["A01"].state) == (y.full_name, "seated")  # Y untouched
    assert by["A02"].admission_id == x_sitting and by["A02"].state == "locked"
    assert console.model.picture.seats["A01"].full_name == y.full_name  # the seat read again


def test_an_action_on_a_seat_left_free_says_so_and_does_nothing(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    hall_with_x_at_a01(qtbot, hall, console)
    x_sitting = hall.sitting("A01")

    def left_open(cls: object, *args: object, **kwargs: object) -> Reason:
        hall.console.move("A01", x_sitting, "A02", DEAD)
        return TALKING

    asked: list[str] = []

    def confirm(cls: object, parent: object, title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(ReasonDialog, "ask", classmethod(left_open))
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(confirm))
    click(qtbot, console, "seat_terminate")
    qtbot.waitUntil(lambda: "is free now" in message(console), timeout=WAIT_MS)
    assert asked == []
    by = {s.seat: s for s in hall.console.seats().seats}
    assert (by["A01"].state, by["A02"].state) == ("free", "locked")  # X moved, not terminated


def test_the_terminate_dialog_chooses_no_reason_and_enter_only_asks_for_one(
    qtbot: QtBot,
) -> None:
    dialog = ReasonDialog(None, "Terminate the test at seat A01", None)
    qtbot.addWidget(dialog)
    assert dialog.picker.reason() is None
    assert dialog.picker.category.currentIndex() == -1 and dialog.picker.code.count() == 0
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter, Enter: nothing is recorded
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.problem.text() == "Choose a reason."
    dialog.picker.category.setCurrentIndex(dialog.picker.category.findData("examinee"))
    assert dialog.picker.reason() is None  # a category alone is not a reason
    dialog.picker.choose("examinee", "talking", "warned twice")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    assert dialog.picker.reason() == TALKING


def test_the_seat_panel_shows_what_an_action_did_without_waiting_for_the_change_stream(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = hall_with_x_at_a01(qtbot, hall, console)
    console.model.follower.stop()  # no news from here on but the action's own reply
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: TALKING))
    before = screen.detail.text()
    click(qtbot, console, "seat_terminate")
    qtbot.waitUntil(lambda: not screen.buttons["terminate"].isEnabled(), timeout=WAIT_MS)
    assert console.model.picture.seats["A01"].state != "in_test"
    assert screen.detail.text() != before
    assert not screen.buttons["pause"].isEnabled() and not screen.buttons["time"].isEnabled()


def test_the_seat_panels_time_left_runs_with_the_tiles(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow
) -> None:
    screen = hall_with_x_at_a01(qtbot, hall, console)
    picture = console.model.picture
    picture.offset += timedelta(minutes=5)  # five minutes on by the server's clock
    screen._tick()  # the second's tick, with no news
    left = picture.time_left(picture.seats["A01"])
    assert left is not None and left < 60 * 60 - 5 * 60
    # What the tile draws, the panel says (to the second the tick and this line fall in).
    assert any(f"Time left {clock(left + d)}" in screen.detail.text() for d in (-1, 0, 1)), (
        screen.detail.text()
    )
