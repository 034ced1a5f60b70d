"""What the candidate sees when the operator acts at the console: a seat paused and resumed with a
code, the whole room paused and resumed with no code, and a test terminated."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.hall_client import HallClient
from kiosk.stages import Stage
from kiosk.ui import texts
from operator_console.protocol.reasons import Reason
from tests.hall import Hall
from tests.kiosk.test_kiosk_screens import answer_current
from tests.kiosk.ui import (
    WAIT_MS,
    child,
    press,
    running_kiosk,
    wait_stage,
    walk_to_instructions,
    walk_to_test,
)

FIRE = Reason(category="environment", code="fire_alarm")
WRONG, VOID = "refused:resume_code_wrong", "refused:resume_code_void"
ILL = Reason(category="examinee", code="illness", note="feels unwell")


def test_a_seat_the_operator_pauses_locks_and_opens_with_the_code(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        answer_current(qtbot, kiosk, hall)
        hall.console.pause_seat("A01", hall.sitting("A01"), ILL)
        wait_stage(qtbot, kiosk, Stage.LOCKED)
        assert kiosk.model.parts.sitting is not None and kiosk.model.parts.sitting.paused
        code = hall.console.resume_seat("A01", hall.sitting("A01")).resume_code
        assert code is not None
        child(kiosk, "resume_code").setFocus()
        qtbot.keyClicks(child(kiosk, "resume_code"), code.code)
        press(qtbot, kiosk, "key_ok")
        wait_stage(qtbot, kiosk, Stage.TEST)
        assert not kiosk.model.parts.sitting.paused
        focused = QApplication.focusWidget()  # the question has the keyboard again
        assert focused is not None and focused.objectName().startswith("option_"), focused


def test_the_room_paused_locks_every_seat_and_its_resume_opens_them_without_a_code(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        sitting = kiosk.model.parts.sitting
        assert sitting is not None
        before = sitting.remaining()
        hall.console.pause_room(hall.session_id, FIRE)
        wait_stage(qtbot, kiosk, Stage.LOCKED)
        lock = kiosk.window.screens[Stage.LOCKED]
        shown = lock.reason.text()  # type: ignore[attr-defined]
        assert "Тестирование в зале приостановлено" in shown  # the candidate chose Russian
        # The room's resume opens the seat by itself: no keypad, and it says so.
        assert (
            not child(kiosk, "resume_code").isVisible() and not child(kiosk, "key_ok").isVisible()
        )
        assert "Тест продолжится сам" in lock.prompt.text()  # type: ignore[attr-defined]
        hall.clock.advance(timedelta(minutes=12))
        assert sitting.remaining() == before  # stopped on the kiosk, too
        hall.console.resume_room(hall.session_id)
        wait_stage(qtbot, kiosk, Stage.TEST)
        qtbot.waitUntil(lambda: not sitting.paused, timeout=WAIT_MS)
        # Given back exactly (the fake clock stands still while the kiosk polls).
        assert abs((sitting.remaining() - before).total_seconds()) < 1


def test_a_terminated_test_ends_on_the_kiosk_with_the_operator_s_words(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        answer_current(qtbot, kiosk, hall)
        attempt_id = kiosk.model.parts.sitting.attempt_id if kiosk.model.parts.sitting else ""
        hall.console.terminate("A01", hall.sitting("A01"), ILL)
        wait_stage(qtbot, kiosk, Stage.FINISH)
        assert kiosk.model.parts.ended_by_operator and kiosk.model.parts.sitting is None
        assert kiosk.model.journal.finished_reason(attempt_id) == "terminated"


def test_call_the_operator_raises_a_hand_on_the_map_until_someone_comes(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        focused = QApplication.focusWidget()  # the question has the keyboard, not a header button
        assert focused is not None and focused.objectName() == "option_0"
        press(qtbot, kiosk, "call_operator")
        call = child(kiosk, "call_operator")
        assert call.property("text") == "Оператор идёт" and not call.isEnabled()
        # Not handed on to "text smaller" by the disabled button: back on the question.
        assert QApplication.focusWidget() is child(kiosk, "option_0")

        def hand() -> list[int]:
            seat = next(s for s in hall.console.seats().seats if s.seat == "A01")
            return [a.incident_id for a in seat.alerts if a.code == "help_requested"]

        qtbot.waitUntil(lambda: len(hand()) == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: kiosk.model.watch.help == "seen", timeout=WAIT_MS)
        assert (
            kiosk.model.parts.sitting is not None and not kiosk.model.parts.sitting.paused
        )  # time runs on
        hall.console.acknowledge(hand()[0])  # the operator comes over
        qtbot.waitUntil(lambda: call.isEnabled(), timeout=WAIT_MS)
        assert call.property("text") == "Вызвать оператора"


def test_wrong_resume_codes_say_wrong_then_void_from_the_refusal_code(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        hall.console.pause_seat("A01", hall.sitting("A01"), ILL)
        wait_stage(qtbot, kiosk, Stage.LOCKED)
        code = hall.console.resume_seat("A01", hall.sitting("A01")).resume_code
        assert code is not None
        wrong = "0" * len(code.code) if code.code != "0" * len(code.code) else "1" * len(code.code)
        said = []
        for _ in range(5):
            child(kiosk, "resume_code").setFocus()
            qtbot.keyClicks(child(kiosk, "resume_code"), wrong)
            press(qtbot, kiosk, "key_ok")
            qtbot.waitUntil(
                lambda: (
                    (lock := kiosk.model.seat_lock.state) is not None
                    and lock.message in (WRONG, VOID)
                ),
                timeout=WAIT_MS,
            )
            lock = kiosk.model.seat_lock.state
            assert lock is not None
            said.append(lock.message)
        assert said == [WRONG] * 4 + [VOID]
        status = kiosk.window.screens[Stage.LOCKED].status  # type: ignore[attr-defined]
        assert status.text() == texts.message(VOID)
        assert kiosk.model.progress.stage is Stage.LOCKED


def test_a_part_the_server_refuses_to_open_is_said_in_the_candidates_language(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    """The room paused while the candidate reads the instructions: Begin is refused, and the
    candidate reads why in Russian (the language chosen), not "the server refused"."""
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_instructions(qtbot, kiosk, "ru")
        qtbot.waitUntil(lambda: child(kiosk, "begin").isEnabled(), timeout=WAIT_MS)
        hall.console.pause_room(hall.session_id, FIRE)
        press(qtbot, kiosk, "begin")
        qtbot.waitUntil(
            lambda: kiosk.model.progress.message == "refused:room_paused", timeout=WAIT_MS
        )
        shown = kiosk.window.screens[Stage.INSTRUCTIONS].status.text()  # type: ignore[attr-defined]
        assert shown.startswith("Тестирование в зале приостановлено"), shown
        assert kiosk.model.progress.stage is Stage.INSTRUCTIONS
