"""The operator's console through its widgets: the desk, the detector, the live hall."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hardware.detector.simulator import LineSimulator
from kiosk.hall_client import HallClient, enroll
from operator_console.protocol.kiosk_api import LockReport
from operator_console.protocol.reasons import Reason
from operator_console.ui.dialogs import (
    ConfirmDialog,
    ReasonDialog,
    RefusalAnswer,
    RefusalDialog,
)
from operator_console.ui.screens.desk import DeskScreen
from operator_console.ui.screens.hall import HallScreen
from operator_console.ui.window import ConsoleWindow
from tests.hall import Hall
from tests.operator_console.ui.conftest import WAIT_MS


def child(window: QWidget, name: str) -> QWidget:
    found = window.findChild(QWidget, name)
    assert found is not None, f"no widget named {name}"
    return found


def click(qtbot: QtBot, window: QWidget, name: str) -> None:
    button = child(window, name)
    assert isinstance(button, QPushButton)
    assert button.isVisible() and button.isEnabled(), f"{name} cannot be pressed"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def kiosk_at(hall: Hall, seat: str) -> HallClient:
    """A kiosk enrolled at the seat, with nobody on it yet."""
    code = hall.console.enrollment_code(seat).code
    client = HallClient(hall.server.url, enroll(hall.server.url, code, f"kiosk-{seat}").token)
    hall.kiosks[seat] = client
    client.seat()
    return client


def verdict(window: ConsoleWindow) -> str:
    label = child(window, "verdict")
    assert isinstance(label, QLabel)
    return label.text()


def message(window: ConsoleWindow) -> str:
    label = child(window, "message")
    assert isinstance(label, QLabel)
    return label.text()


def scan(qtbot: QtBot, window: ConsoleWindow, iin: str) -> None:
    """A keyboard-wedge reader: the IIN typed fast, then Enter."""
    find = child(window, "find")
    assert isinstance(find, QLineEdit)
    find.setFocus()
    find.clear()
    qtbot.keyClicks(find, iin)
    qtbot.keyClick(find, Qt.Key.Key_Return)


@pytest.mark.parametrize("detector_required", [True])
def test_the_whole_desk_flow_through_the_widgets(
    qtbot: QtBot,
    hall: Hall,
    console: ConsoleWindow,
    sim: LineSimulator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kiosk_at(hall, "A01")
    kiosk_at(hall, "A02")
    desk = console.show_screen("desk")
    assert isinstance(desk, DeskScreen)
    model = console.model
    qtbot.waitUntil(lambda: len(model.registrations) == 6, timeout=WAIT_MS)
    regs = model.registrations
    # A banned candidate: the verdict says so, and admit stays shut.
    scan(qtbot, console, regs[2].iin)
    qtbot.waitUntil(lambda: "Banned from testing until" in verdict(console), timeout=WAIT_MS)
    assert not child(console, "admit").isEnabled()
    offered: list[list[tuple[str, str]]] = []

    def by_the_first_rule(cls: object, parent: object, title: str, rules: list[tuple[str, str]]):
        offered.append(rules)
        dialog = RefusalDialog(None, title, rules)
        answer = dialog.answer()  # what Enter takes: the preselected entry
        dialog.deleteLater()
        return answer

    monkeypatch.setattr(RefusalDialog, "ask", classmethod(by_the_first_rule))
    click(qtbot, console, "refuse")
    qtbot.waitUntil(
        lambda: hall.console.registrations(hall.session_id)[2].admission == "refused",
        timeout=WAIT_MS,
    )
    assert [code for code, _words in offered[0]] == ["banned"]
    assert hall.console.registrations(hall.session_id)[2].reason_code == "banned"
    # The next one: the server's gate wants a detector check, and the walk-through alarms.
    scan(qtbot, console, regs[1].iin)
    qtbot.waitUntil(lambda: "Walk the candidate through" in verdict(console), timeout=WAIT_MS)
    assert not child(console, "admit").isEnabled()
    sim.alarm(zones=(2, 3), level=72)
    walks = child(console, "walks")
    assert isinstance(walks, QListWidget)
    qtbot.waitUntil(lambda: walks.count() >= 1 and "ALARM" in walks.item(0).text(), timeout=WAIT_MS)
    assert "zones 2,3" in walks.item(0).text()
    qtbot.waitUntil(lambda: "alarmed" in verdict(console), timeout=WAIT_MS)
    assert not child(console, "admit").isEnabled()
    click(qtbot, console, "wand_pass")
    qtbot.waitUntil(
        lambda: "(wand)" in walks.item(0).text() and walks.item(0).text().startswith("▶"),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: child(console, "admit").isEnabled(), timeout=WAIT_MS)
    qtbot.keyClick(desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # the shortcut
    qtbot.waitUntil(
        lambda: hall.console.registrations(hall.session_id)[1].seat == "A01", timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: "admitted: seat A01" in message(console), timeout=WAIT_MS)
    # The seat lights up on the map.
    hall_screen = console.show_screen("hall")
    assert isinstance(hall_screen, HallScreen)
    qtbot.waitUntil(lambda: model.picture.seats["A01"].state == "seated", timeout=WAIT_MS)
    # A late candidate: the session started long ago.
    hall.console.start_session(hall.session_id)
    hall.clock.advance(timedelta(minutes=45))
    console.show_screen("desk")
    scan(qtbot, console, regs[4].iin)
    qtbot.waitUntil(
        lambda: verdict(console).startswith("Late: admission closed at"), timeout=WAIT_MS
    )
    assert not child(console, "admit").isEnabled()


def test_a_lock_on_a_kiosk_is_on_the_map_within_a_second_and_first_in_problems(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow
) -> None:
    client = hall.seat(hall.registrations[1], "A01")
    hall.console.start_session(hall.session_id)
    hall.start("A01")
    screen = console.show_screen("hall")
    assert isinstance(screen, HallScreen)
    qtbot.waitUntil(
        lambda: (
            console.model.picture.seats.get("A01") is not None
            and console.model.picture.seats["A01"].state == "in_test"
        ),
        timeout=WAIT_MS,
    )
    client.lock(LockReport(at=hall.clock.now(), reason="prohibited_program", note="anydesk"))
    qtbot.waitUntil(lambda: screen.problems.count() >= 1, timeout=1000)  # within 1 s of the lock
    assert screen.problems.item(0).text().startswith("A01: Prohibited program running")
    assert console.model.picture.seats["A01"].state == "locked"
    # Acknowledged, it leaves the list; the lock stays on the map.
    screen.problems.setCurrentRow(0)
    click(qtbot, console, "acknowledge")
    qtbot.waitUntil(lambda: console.model.picture.seats["A01"].alerts == [], timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: screen.problems.count() == 1 and "Prohibited" in screen.problems.item(0).text(),
        timeout=WAIT_MS,
    )


def select_seat(qtbot: QtBot, screen: HallScreen, seat: str) -> None:
    rect = screen.map.tile_rect(seat)
    qtbot.mouseClick(screen.map, Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert screen.map.selected == seat


def test_the_room_paused_and_resumed_from_the_console_gives_the_time_back_exactly(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    a1 = hall.seat(hall.registrations[1], "A01")
    a2 = hall.seat(hall.registrations[4], "A02")
    hall.console.start_session(hall.session_id)
    form1, form2 = hall.start("A01"), hall.start("A02")
    screen = console.show_screen("hall")
    assert isinstance(screen, HallScreen)
    qtbot.waitUntil(lambda: child(console, "room_pause").isEnabled(), timeout=WAIT_MS)
    monkeypatch.setattr(
        ReasonDialog,
        "ask",
        classmethod(lambda cls, *a, **k: Reason(category="environment", code="fire_alarm")),
    )
    click(qtbot, console, "room_pause")
    qtbot.waitUntil(lambda: a1.seat().lock_reason == "room_paused", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: child(console, "room_resume").isEnabled(), timeout=WAIT_MS)
    hall.clock.advance(timedelta(minutes=9, seconds=41))
    asked: list[str] = []
    answer = [False]

    def confirm(cls: object, parent: object, title: str, text: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(confirm))
    qtbot.waitUntil(
        lambda: all(s.lock_source == "room" for s in console.model.picture.seats.values()
                    if s.seat in ("A01", "A02")),
        timeout=WAIT_MS,
    )  # fmt: skip
    # Paused, at a glance: the banner over the map, and the counts.
    qtbot.waitUntil(lambda: child(console, "room_paused").isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Locked: 2" in child(console, "hall_counts").property("text"),
                    timeout=WAIT_MS)  # fmt: skip
    click(qtbot, console, "room_resume")  # asked, and No: the room stays paused
    assert len(asked) == 1 and "(2)" in asked[0]
    assert hall.console.seats().seats[0].lock_reason == "room_paused"
    assert a1.seat().lock_reason == "room_paused"
    answer[0] = True
    click(qtbot, console, "room_resume")
    qtbot.waitUntil(lambda: a2.seat().locked_at is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not child(console, "room_paused").isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "In test: 2" in child(console, "hall_counts").property("text"),
                    timeout=WAIT_MS)  # fmt: skip
    stood = timedelta(minutes=9, seconds=41)
    assert a1.seat().attempts[0].deadline_at == form1.deadline_at + stood
    assert a2.seat().attempts[0].deadline_at == form2.deadline_at + stood


def test_terminate_and_move_from_the_seat_s_buttons(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from operator_console.ui.dialogs import CodeDialog, MoveAnswer, MoveDialog

    hall.seat(hall.registrations[1], "A01")
    hall.seat(hall.registrations[4], "A02")
    spare = kiosk_at(hall, "A09")
    hall.console.start_session(hall.session_id)
    form1 = hall.start("A01")
    hall.start("A02")
    screen = console.show_screen("hall")
    assert isinstance(screen, HallScreen)
    qtbot.waitUntil(
        lambda: {"A01", "A02", "A09"} <= set(console.model.picture.seats), timeout=WAIT_MS
    )
    screen.map.refresh()
    # A02's candidate is caught talking: terminated.
    select_seat(qtbot, screen, "A02")
    monkeypatch.setattr(
        ReasonDialog,
        "ask",
        classmethod(
            lambda cls, *a, **k: Reason(category="examinee", code="talking", note="warned twice")
        ),
    )
    click(qtbot, console, "seat_terminate")
    qtbot.waitUntil(
        lambda: console.model.picture.seats["A02"].state == "terminated", timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: "proposed to the proctor" in message(console), timeout=WAIT_MS)
    # A01's kiosk dies: the sitting moves to the spare seat; the code shows in large digits.
    codes: list[str] = []
    monkeypatch.setattr(
        MoveDialog,
        "ask",
        classmethod(
            lambda cls, parent, seat, free: MoveAnswer(
                free[0], Reason(category="technical", code="kiosk_dead")
            )
        ),
    )
    monkeypatch.setattr(
        CodeDialog, "ask", classmethod(lambda cls, parent, code: codes.append(code.code))
    )
    select_seat(qtbot, screen, "A01")
    click(qtbot, console, "seat_move")
    qtbot.waitUntil(lambda: len(codes) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: console.model.picture.seats["A09"].state == "locked", timeout=WAIT_MS)
    opened = spare.unlock(codes[0])
    assert opened.attempts[0].attempt_id == form1.attempt_id


def test_the_server_refuses_an_operator_an_administrator_s_action_and_a_proctor_sees_no_desk(
    qtbot: QtBot, hall: Hall
) -> None:
    from tests.operator_console.ui.conftest import console_for

    windows = console_for(qtbot, hall, "proctor")
    window = next(windows)
    try:
        assert set(window.screens) == {"hall", "history", "review", "sync"}
        from operator_console.protocol.calls import ServerRefused

        with pytest.raises(ServerRefused) as refused:
            window.model.client.pause_room(
                hall.session_id, Reason(category="environment", code="noise")
            )
        assert refused.value.status == 403
    finally:
        windows.close()


def test_an_operator_is_refused_an_administrator_s_action(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow
) -> None:
    from operator_console.protocol.calls import ServerRefused

    with pytest.raises(ServerRefused, match="administrator") as refused:
        console.model.client.enrollment_code("C01")
    assert refused.value.status == 403


def banner(window: ConsoleWindow) -> str:
    label = child(window, "banner")
    assert isinstance(label, QLabel)
    return label.text() if label.isVisible() else ""


def sync_words(window: ConsoleWindow) -> str:
    label = window.sync_state
    return label.text()


def test_a_server_that_goes_away_leaves_the_last_picture_marked_stale_until_it_is_back(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow
) -> None:
    from operator_console.server.app import create_app
    from operator_console.server.serve import ServerThread

    hall.seat(hall.registrations[1], "A01")
    hall.console.start_session(hall.session_id)
    hall.start("A01")
    screen = console.show_screen("hall")
    assert isinstance(screen, HallScreen)
    model = console.model
    qtbot.waitUntil(lambda: child(console, "room_pause").isEnabled(), timeout=WAIT_MS)
    model.refresh_sync()
    qtbot.waitUntil(lambda: "Sync: on time" in sync_words(console), timeout=WAIT_MS)
    model.choose(model.registrations[4])
    qtbot.waitUntil(lambda: child(console, "wand_pass").isEnabled(), timeout=WAIT_MS)
    port = hall.server.port
    hall.server.stop()
    qtbot.waitUntil(lambda: "stale" in banner(console), timeout=WAIT_MS)
    assert model.picture.seats["A01"].state == "in_test"  # the last picture is kept
    assert not child(console, "seat_pause").isEnabled()
    # Nothing says all is well, and nothing offers what cannot be done now.
    assert "on time" not in sync_words(console)
    for name in ("room_pause", "room_resume", "acknowledge", "wand_pass", "wand_alarm"):
        assert not child(console, name).isEnabled(), name
    model.refresh_sync()  # a call that fails: its red words are said
    qtbot.waitUntil(lambda: message(console) == model.unreachable(), timeout=WAIT_MS)
    again = ServerThread(create_app(hall.runtime, run_workers=False), port=port).start()
    try:
        qtbot.waitUntil(lambda: banner(console) == "", timeout=20_000)
        assert not model.picture.stale
        qtbot.waitUntil(lambda: message(console) == "", timeout=WAIT_MS)  # the outage is over
        qtbot.waitUntil(lambda: child(console, "room_pause").isEnabled(), timeout=WAIT_MS)
        assert child(console, "wand_pass").isEnabled()
        qtbot.waitUntil(lambda: "on time" in sync_words(console), timeout=WAIT_MS)
    finally:
        console.model.follower.stop()
        again.stop()


def test_a_sign_in_the_server_ended_says_so(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow
) -> None:
    from sqlalchemy import select

    from operator_console.server.auth import set_password
    from operator_console.server.models import User

    with hall.runtime.tx() as db:
        user = db.execute(select(User).where(User.username == "operator")).scalar_one()
        set_password(db, user, "a brand new secret")
    qtbot.waitUntil(lambda: "Signed out by the server" in banner(console), timeout=WAIT_MS)
    assert console.model.expired


def test_admit_pressed_twice_in_a_hurry_admits_and_seats_once(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow
) -> None:
    kiosk_at(hall, "A01")
    kiosk_at(hall, "A02")
    desk = console.show_screen("desk")
    model = console.model
    qtbot.waitUntil(
        lambda: len(model.registrations) == 6 and "A02" in model.picture.seats, timeout=WAIT_MS
    )
    scan(qtbot, console, model.registrations[1].iin)
    qtbot.waitUntil(lambda: child(console, "admit").isEnabled(), timeout=WAIT_MS)
    qtbot.keyClick(desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.background.busy == 0 and model.chosen is None, timeout=WAIT_MS)
    listed = hall.console.registrations(hall.session_id)
    assert [(r.admission, r.seat) for r in listed if r.admission] == [("admitted", "A01")]
    qtbot.waitUntil(lambda: model.picture.seats["A02"].state == "free", timeout=WAIT_MS)


def test_the_refusal_dialog_preselects_the_rule_and_nothing_where_none_applies(
    qtbot: QtBot,
) -> None:
    none = RefusalDialog(None, "Refuse admission", [])
    qtbot.addWidget(none)
    assert none.answer() is None
    none.accept()  # Enter with nothing chosen: the dialog stays, and says so
    assert none.result() != 1 and "none is chosen" in none.problem.text()
    ruled = RefusalDialog(None, "Refuse admission", [("banned", "Banned from testing")])
    qtbot.addWidget(ruled)
    assert ruled.answer() == RefusalAnswer("banned", None)


def test_a_candidate_another_console_admitted_is_said_so_not_admitted_again(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow
) -> None:
    kiosk_at(hall, "A01")
    desk = console.show_screen("desk")
    model = console.model
    qtbot.waitUntil(lambda: len(model.registrations) == 6, timeout=WAIT_MS)
    reg = model.registrations[1]
    assert not child(console, "wand_pass").isEnabled()  # a wand check is for a candidate
    scan(qtbot, console, reg.iin)
    qtbot.waitUntil(lambda: child(console, "admit").isEnabled(), timeout=WAIT_MS)
    assert child(console, "wand_pass").isEnabled()
    first = hall.console.admit(hall.session_id, reg.registration_id, reg.iin)  # another console
    qtbot.keyClick(desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "already admitted by desk at" in message(console), timeout=WAIT_MS)
    assert "admitted: seat" not in message(console)
    listed = hall.console.registrations(hall.session_id)
    assert [(r.registration_id, r.seat) for r in listed if r.admission] == [
        (reg.registration_id, None)
    ]
    assert first.status == "admitted"
    scan(qtbot, console, reg.iin)
    qtbot.waitUntil(
        lambda: verdict(console).startswith("Already admitted by desk"), timeout=WAIT_MS
    )
    label = child(console, "verdict")
    assert label.property("verdict") == ""  # not shown as a refusal


def test_starting_the_session_asks_first_saying_who_has_not_come_and_that_it_is_early(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow
) -> None:
    """Start closes admission: Enter on the question does nothing (No is the default), and the
    question names the candidates still missing and the scheduled time not yet reached."""
    from PySide6.QtWidgets import QMessageBox

    from tests.operator_console.ui.modal import Answers
    from tests.operator_console.ui.test_review_sync_admin import said_and_no, said_and_yes

    hall.desk.admit(hall.registrations[1])  # one of six has come
    console.show_screen("sessions")
    qtbot.waitUntil(lambda: console.model.session is not None, timeout=WAIT_MS)

    def enter(box: QMessageBox) -> str:
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        return said_and_no(box)

    asked = Answers(QMessageBox, [enter, said_and_yes])
    click(qtbot, console, "start_session")
    qtbot.waitUntil(lambda: len(asked.seen) == 1, timeout=WAIT_MS)
    said = str(asked.seen[0])
    assert "5 of 6 candidates have not arrived" in said
    assert "before the scheduled start" in said
    assert hall.console.sessions()[0].status == "scheduled"
    click(qtbot, console, "start_session")
    qtbot.waitUntil(lambda: asked.done, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: hall.console.sessions()[0].status == "running", timeout=WAIT_MS)


def test_not_the_person_in_the_photo_asks_first_and_no_refuses_nothing(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = console.show_screen("desk")
    assert isinstance(desk, DeskScreen)
    model = console.model
    qtbot.waitUntil(lambda: len(model.registrations) == 6, timeout=WAIT_MS)
    reg = model.registrations[1]
    scan(qtbot, console, reg.iin)
    qtbot.waitUntil(lambda: child(console, "identity_doubt").isEnabled(), timeout=WAIT_MS)
    asked: list[str] = []
    answer = [False]

    def confirm(cls: object, parent: object, title: str, text: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(confirm))
    click(qtbot, console, "identity_doubt")
    assert len(asked) == 1 and reg.full_name in asked[0]
    assert hall.console.registrations(hall.session_id)[1].admission != "refused"
    answer[0] = True
    click(qtbot, console, "identity_doubt")
    qtbot.waitUntil(
        lambda: hall.console.registrations(hall.session_id)[1].admission == "refused",
        timeout=WAIT_MS,
    )
    assert hall.console.registrations(hall.session_id)[1].reason_code == "identity"


def test_sign_out_asks_first(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def no(cls: object, parent: object, title: str, text: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(no))
    click(qtbot, console, "sign_out")
    assert len(asked) == 1 and console.isVisible() and not console.signed_out
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, p, title, text: True))
    click(qtbot, console, "sign_out")
    qtbot.waitUntil(lambda: not console.isVisible(), timeout=WAIT_MS)
    assert console.signed_out


def test_the_card_never_shows_a_candidate_the_search_list_no_longer_does(
    qtbot: QtBot, hall: Hall, console: ConsoleWindow
) -> None:
    console.show_screen("desk")
    model = console.model
    qtbot.waitUntil(lambda: len(model.registrations) == 6, timeout=WAIT_MS)
    first, other = model.registrations[1], model.registrations[4]
    scan(qtbot, console, first.iin)
    qtbot.waitUntil(lambda: verdict(console) != "Checking the rules…", timeout=WAIT_MS)
    assert child(console, "candidate_name").property("text") == first.full_name
    find = child(console, "find")
    assert isinstance(find, QLineEdit)
    find.clear()
    qtbot.keyClicks(find, other.iin)  # typed, not yet picked: the list shows only the other
    listed = child(console, "candidates")
    assert isinstance(listed, QListWidget) and listed.count() == 1
    assert model.chosen is None
    assert child(console, "candidate_name").property("text") != first.full_name
    assert not child(console, "admit").isEnabled()
    qtbot.keyClick(find, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: child(console, "candidate_name").property("text") == other.full_name,
        timeout=WAIT_MS,
    )


def test_the_console_opens_within_the_screens_free_area(qtbot: QtBot) -> None:
    from PySide6.QtCore import QRect

    from operator_console.ui.app import fit

    small, large = QWidget(), QWidget()
    qtbot.addWidget(small)
    qtbot.addWidget(large)
    free = small.screen().availableGeometry()  # 800×800 on the offscreen platform
    fit(small)  # 1366×768 does not fit: maximized to the free area, the taskbar left visible
    assert small.windowState() & Qt.WindowState.WindowMaximized
    fit(large, (free.width() // 2, free.height() // 2))
    assert not large.windowState() & Qt.WindowState.WindowMaximized
    assert free.contains(QRect(large.pos(), large.size()))
    assert large.size().width() == free.width() // 2
