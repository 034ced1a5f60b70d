"""The candidate's whole test through the real screens, against a real room server."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hardware.clock import FakeClock
from kiosk.hall_client import HallClient
from kiosk.stages import Stage
from kiosk.ui.app import Kiosk
from operator_console.server.models import Attempt
from tests.hall import Hall
from tests.kiosk.ui import (
    WAIT_MS,
    child,
    hand_in_and_begin_the_next_part,
    press,
    running_kiosk,
    server_answers,
    wait_stage,
    walk_to_instructions,
    walk_to_test,
)


def keyed(hall: Hall, item_id: str) -> set[str]:
    bank = hall.runtime.banks.for_program("legislation")
    assert bank is not None
    return set(bank.item(item_id).correct)


def answer_current(qtbot: QtBot, kiosk: Kiosk, hall: Hall, right: bool = True) -> None:
    item = kiosk.model.parts.item
    assert item is not None
    good = keyed(hall, item.item_id)
    n = next(i for i, c in enumerate(item.choices) if (c.id in good) == right)
    press(qtbot, kiosk, f"option_{n}")
    assert kiosk.model.parts.answers[item.item_id] == [item.choices[n].id]


def test_a_whole_attempt_through_the_screens(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        assert len(model.parts.items) == 55
        for n in range(55):
            answer_current(qtbot, kiosk, hall, right=n % 4 != 3)
            assert child(kiosk, "saved").property("text")  # "saved" only after the journal
            if n < 54:
                press(qtbot, kiosk, "next")
        press(qtbot, kiosk, "submit")
        assert "без ответа" not in child(kiosk, "confirm_text").property("text")
        press(qtbot, kiosk, "confirm_submit")
        wait_stage(qtbot, kiosk, Stage.FINISH)
        assert [r.total for r in model.parts.results] == [42.0]  # 55 less every fourth
        attempt_id = model.parts.results[0].attempt_id
        name = model.candidate.name
        assert name
        # The seat forgets the candidate once the sitting is over; the screen does not.
        qtbot.waitUntil(
            lambda: model.watch.seat is not None and not model.watch.seat.attempts, timeout=WAIT_MS
        )
        scores = child(kiosk, "finish_scores").property("text")
        assert scores == "Тестирование на знание законодательства: 42 из 55 баллов, пройден", scores
        acts = child(kiosk, "finish_sections").property("text").splitlines()
        assert len(acts) == 4 and acts[0].startswith("Конституция — правильных ответов: ")
        assert all(line.endswith("(нужно не менее 5): пройден") for line in acts), acts
        assert name in child(kiosk, "seat_name").property("text")
    with hall.runtime.tx() as db:
        attempt = db.get(Attempt, attempt_id)
        assert attempt is not None
        assert (attempt.status, attempt.finish_reason, attempt.outcome) == (
            "finished",
            "submitted",
            "pass",
        )
    assert len(server_answers(hall, attempt_id)) == 55


def test_changing_an_answer_after_moving_away(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        first = model.parts.items[0]
        press(qtbot, kiosk, "option_0")
        press(qtbot, kiosk, "cell_5")
        assert model.parts.index == 4
        press(qtbot, kiosk, "option_2")
        press(qtbot, kiosk, "cell_1")
        assert child(kiosk, "option_0").property("checked") == "true"
        press(qtbot, kiosk, "option_1")
        assert child(kiosk, "option_0").property("checked") == "false"
        assert model.parts.answers[first.item_id] == [first.choices[1].id]
        attempt_id = model.parts.sitting.attempt_id if model.parts.sitting else ""
        qtbot.waitUntil(
            lambda: server_answers(hall, attempt_id).get(first.item_id) == [first.choices[1].id],
            timeout=WAIT_MS,
        )
        assert len(server_answers(hall, attempt_id)) == 2
        press(qtbot, kiosk, "submit")
        assert "53 вопроса без ответа." in child(kiosk, "confirm_text").property("text")
        press(qtbot, kiosk, "back_to_test")
        assert model.progress.stage is Stage.TEST and child(kiosk, "next").isVisible()


def test_time_expiry_ends_the_test_with_what_was_saved(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        answer_current(qtbot, kiosk, hall)
        warnings: list[int] = []
        model.warned.connect(warnings.append)
        hall.clock.advance(timedelta(minutes=50, seconds=1))
        qtbot.waitUntil(lambda: warnings == [5], timeout=WAIT_MS)
        assert child(kiosk, "time_warning").isVisible()
        assert child(kiosk, "timer").property("level") == "warning"
        hall.clock.advance(timedelta(minutes=4))
        qtbot.waitUntil(lambda: warnings == [5, 1], timeout=WAIT_MS)
        assert child(kiosk, "timer").property("level") == "danger"
        hall.clock.advance(timedelta(minutes=1))
        wait_stage(qtbot, kiosk, Stage.FINISH)
        done = model.parts.results[0]
        assert (done.finish_reason, done.total) == ("time_expired", 1.0)


def test_keyboard_alone_answers_moves_and_flags(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        screen = kiosk.window.screen_now
        screen.setFocus()
        qtbot.keyClick(screen, Qt.Key.Key_2)
        first = model.parts.items[0]
        assert model.parts.answers[first.item_id] == [first.choices[1].id]
        qtbot.keyClick(screen, Qt.Key.Key_Right)
        qtbot.keyClick(screen, Qt.Key.Key_F)
        assert model.parts.index == 1 and model.parts.items[1].item_id in model.parts.flags
        assert child(kiosk, "cell_2").property("flagged") == "true"
        qtbot.keyClick(screen, Qt.Key.Key_Plus)
        assert model.size_step == 2
        qtbot.keyClick(screen, Qt.Key.Key_Left)
        assert model.parts.index == 0
        # Tab reaches an option; Space chooses it (once the question has been on screen 0.8 s).
        option = child(kiosk, "option_0")
        option.setFocus()
        qtbot.waitUntil(lambda: screen.settled, timeout=WAIT_MS)  # type: ignore[attr-defined]
        qtbot.keyClick(option, Qt.Key.Key_Space)
        assert model.parts.answers[first.item_id] == [first.choices[0].id]


def test_a_keyboard_candidate_keeps_the_focus_through_polls_and_not_me_asks_first(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    """Tab, then the room server is heard (polls every 100 ms here): the focus stays where the
    candidate put it. Enter on "not me" asks once more, with the keyboard on "go back": Enter,
    Enter locks nothing."""
    from PySide6.QtWidgets import QApplication

    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        wait_stage(qtbot, kiosk, Stage.CONFIRM)
        yes, no = child(kiosk, "this_is_me"), child(kiosk, "not_me")
        qtbot.waitUntil(lambda: QApplication.focusWidget() is yes, timeout=WAIT_MS)
        no.setFocus()  # where Tab takes the candidate
        polls = []
        kiosk.model.changed.connect(lambda: polls.append(1))
        qtbot.waitUntil(lambda: len(polls) >= 5, timeout=WAIT_MS)  # five times heard
        assert QApplication.focusWidget() is no
        qtbot.keyClick(no, Qt.Key.Key_Return)
        back = child(kiosk, "not_me_back")
        qtbot.waitUntil(lambda: QApplication.focusWidget() is back, timeout=WAIT_MS)
        polls.clear()
        qtbot.waitUntil(lambda: len(polls) >= 3, timeout=WAIT_MS)
        assert QApplication.focusWidget() is back  # still asking, still on "go back"
        qtbot.keyClick(back, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: yes.isVisible() and QApplication.focusWidget() is yes,
                        timeout=WAIT_MS)  # fmt: skip
        assert kiosk.model.progress.stage is Stage.CONFIRM and seated.seat().locked_at is None


def test_not_me_calls_the_operator_and_locks(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        wait_stage(qtbot, kiosk, Stage.CONFIRM)
        press(qtbot, kiosk, "not_me")
        press(qtbot, kiosk, "not_me_really")  # asked once more first
        wait_stage(qtbot, kiosk, Stage.LOCKED)
        # No language chosen yet: every line in Kazakh and Russian, and nothing about a clock
        # or answers, since no test has begun.
        lock = kiosk.window.screens[Stage.LOCKED]
        shown = "\n".join(
            w.property("text")
            for w in (lock.title, lock.reason, lock.prompt)  # type: ignore[attr-defined]
        )
        assert "Бұл орын бұғатталды\nЭто место заблокировано" in shown, shown
        assert "Оператор идёт к вам" in shown and "Оператор келе жатыр" in shown
        assert "Время остановлено" not in shown and "Уақыт тоқтатылды" not in shown
        qtbot.waitUntil(lambda: seated.seat().lock_reason == "identity_disputed", timeout=WAIT_MS)
        code = hall.console.resume_code("A01").code
        child(kiosk, "resume_code").setFocus()
        qtbot.keyClicks(child(kiosk, "resume_code"), code)
        press(qtbot, kiosk, "key_ok")
        wait_stage(qtbot, kiosk, Stage.CONFIRM)


def test_a_question_shows_its_picture_within_the_page(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    import base64

    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QLabel

    picture = QImage(1200, 500, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3060a0"))
    path = tmp_path / "picture.png"
    assert picture.save(str(path))
    png = base64.b64encode(path.read_bytes()).decode()
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        screen = kiosk.window.screen_now
        images = [w for w in screen.findChildren(QLabel) if w.pixmap() and not w.pixmap().isNull()]
        assert images == []
        kiosk.model.parts.items[0].images = [png, "not base64!"]
        kiosk.model.question_changed.emit()
        shown = [
            w for w in screen.findChildren(QLabel) if w.isVisible() and not w.pixmap().isNull()
        ]
        assert len(shown) == 1  # the broken one is left out, not shown broken
        assert (shown[0].pixmap().width(), shown[0].pixmap().height()) == (528, 220)


class LateSeatReply(httpx.BaseTransport):
    """The real network; once armed, the next seat reply arrives only after the clock moved on."""

    def __init__(self, clock: FakeClock) -> None:
        self._real, self._clock = httpx.HTTPTransport(), clock
        self.armed: timedelta | None = None
        self.delivered = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._real.handle_request(request)
        if self.armed is not None and request.url.path == "/kiosk/v1/seat":
            response.read()  # the server answered with its time before the clock moves
            step, self.armed = self.armed, None
            self._clock.advance(step)
            self.delivered = True
        return response

    def close(self) -> None:
        self._real.close()


def test_a_seat_reply_in_flight_while_time_passes_gives_no_time_back(
    qtbot: QtBot, hall: Hall, tmp_path: Path
) -> None:
    transport = LateSeatReply(hall.clock)
    enrolled = hall.enrolled(hall.registrations[1], "A01")
    hall.desk.start()
    client = HallClient(hall.server.url, enrolled.token, transport=transport)
    with running_kiosk(hall, client, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        assert model.parts.sitting is not None
        attempt = client.seat().attempts[0]
        assert attempt.deadline_at is not None
        deadline = attempt.deadline_at
        sitting = model.parts.sitting
        over: list[timedelta] = []  # how much more than the server's time left each update showed
        shown: list[None] = []

        def updated() -> None:
            over.append(sitting.remaining() - (deadline - hall.clock.now()))
            shown.append(None)

        model.changed.connect(updated)
        seen = len(shown)
        transport.armed = timedelta(minutes=10)
        qtbot.waitUntil(lambda: transport.delivered, timeout=WAIT_MS)
        after = len(shown)
        qtbot.waitUntil(lambda: len(shown) > after + 3, timeout=WAIT_MS)  # a few polls later
        assert max(over[seen:]) <= timedelta(seconds=1)


def test_choosing_the_chosen_option_again_keeps_the_answer_and_clearing_is_its_own_control(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        item = model.parts.item
        assert item is not None and not item.multiple
        press(qtbot, kiosk, "option_1")
        # A second click, a double click and the same number key: the answer stays.
        press(qtbot, kiosk, "option_1")
        qtbot.mouseDClick(child(kiosk, "option_1"), Qt.MouseButton.LeftButton)
        qtbot.keyClick(kiosk.window.screens[Stage.TEST], Qt.Key.Key_2)
        assert model.parts.answers[item.item_id] == [item.choices[1].id]
        assert child(kiosk, "saved").property("text") == "✓ Сохранено: B"
        press(qtbot, kiosk, "clear_answer")
        assert item.item_id not in model.parts.answers
        assert child(kiosk, "saved").property("text") == "✓ Ответ снят"
        assert not child(kiosk, "clear_answer").isEnabled()
        attempt = model.parts.sitting.attempt_id if model.parts.sitting else ""
        assert model.journal.answers(attempt).get(item.item_id, []) == []  # cleared on disk too


def test_enter_pressed_twice_does_not_skip_the_instructions_of_a_timed_part(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_instructions(qtbot, kiosk, "ru")
        begin = child(kiosk, "begin")
        for _ in range(2):  # the Enter meant for the camera screen, pressed again
            qtbot.keyClick(begin, Qt.Key.Key_Return)
            qtbot.keyClick(begin, Qt.Key.Key_Enter)
        assert (
            kiosk.model.progress.stage is Stage.INSTRUCTIONS and kiosk.model.parts.sitting is None
        )
        qtbot.waitUntil(begin.isEnabled, timeout=WAIT_MS)  # then it opens, to a real press
        qtbot.keyClick(begin, Qt.Key.Key_Return)
        wait_stage(qtbot, kiosk, Stage.TEST)
        # The hurried second Enter lands on the first question's focused option: no answer.
        from PySide6.QtWidgets import QApplication

        focused = QApplication.focusWidget()
        assert focused is not None and focused.objectName() == "option_0"
        qtbot.keyClick(focused, Qt.Key.Key_Return)
        qtbot.keyClick(focused, Qt.Key.Key_Space)
        assert kiosk.model.parts.answers == {}
        screen = kiosk.window.screens[Stage.TEST]
        qtbot.waitUntil(lambda: screen.settled, timeout=WAIT_MS)  # type: ignore[attr-defined]
        qtbot.keyClick(focused, Qt.Key.Key_Space)  # a press meant for the question counts
        assert len(kiosk.model.parts.answers) == 1


def test_a_time_warning_belongs_to_its_part(qtbot: QtBot, hall: Hall, tmp_path: Path) -> None:
    both = hall.seat(hall.registrations[0], "A01")  # state language (20 min), then legislation
    hall.console.start_session(hall.session_id)
    with running_kiosk(hall, both, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        warnings: list[int] = []
        model.warned.connect(warnings.append)
        hall.clock.advance(timedelta(minutes=19, seconds=30))
        qtbot.waitUntil(lambda: warnings == [5, 1] or warnings == [1], timeout=WAIT_MS)
        assert child(kiosk, "time_warning").isVisible()
        hand_in_and_begin_the_next_part(qtbot, kiosk)
        assert not child(kiosk, "time_warning").isVisible()  # 55:00 left: no 1-minute banner


def test_the_camera_check_leads_back_to_the_language_and_the_code_field_takes_six_digits(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        wait_stage(qtbot, kiosk, Stage.CONFIRM)
        press(qtbot, kiosk, "this_is_me")
        wait_stage(qtbot, kiosk, Stage.LANGUAGE)
        press(qtbot, kiosk, "language_ru")
        wait_stage(qtbot, kiosk, Stage.CAMERA)
        press(qtbot, kiosk, "camera_back")
        wait_stage(qtbot, kiosk, Stage.LANGUAGE)
        press(qtbot, kiosk, "language_kk")
        wait_stage(qtbot, kiosk, Stage.CAMERA)
        assert kiosk.model.candidate.language == "kk"
        kiosk.model.seat_lock.lock("operator", "")
        wait_stage(qtbot, kiosk, Stage.LOCKED)
        field = child(kiosk, "resume_code")
        field.setFocus()
        qtbot.keyClicks(field, "123456789012")
        assert field.property("text") == "123456"


def test_the_question_has_the_keyboard_in_every_part_and_after_going_back(
    qtbot: QtBot, hall: Hall, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    def focused() -> str:
        widget = QApplication.focusWidget()
        return widget.objectName() if widget is not None else ""

    def key(k: Qt.Key) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard"
        qtbot.keyClick(widget, k)

    both = hall.seat(hall.registrations[0], "A01")  # state language, then legislation
    hall.console.start_session(hall.session_id)
    with running_kiosk(hall, both, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        qtbot.waitUntil(lambda: focused() == "option_0", timeout=WAIT_MS)  # not A−
        hand_in_and_begin_the_next_part(qtbot, kiosk)
        qtbot.waitUntil(lambda: focused() == "option_0", timeout=WAIT_MS)
        first = model.parts.item
        assert first is not None
        key(Qt.Key.Key_2)  # the number keys work at once, no Tab first
        assert model.parts.answers[first.item_id] == [first.choices[1].id]
        press(qtbot, kiosk, "submit")
        press(qtbot, kiosk, "back_to_test")
        qtbot.waitUntil(lambda: focused().startswith("option_"), timeout=WAIT_MS)
        key(Qt.Key.Key_Right)
        assert model.parts.index == 1
        second = model.parts.item
        assert second is not None
        key(Qt.Key.Key_3)
        assert model.parts.answers[second.item_id] == [second.choices[2].id]


def test_the_review_lists_what_is_left_and_the_last_question_leads_to_it(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        answer_current(qtbot, kiosk, hall)  # question 1 answered
        press(qtbot, kiosk, "flag")  # ... and flagged
        press(qtbot, kiosk, "cell_55")
        assert child(kiosk, "next").property("text") == "Проверить и завершить"
        press(qtbot, kiosk, "next")  # the last question's step forward is the review
        assert model.progress.confirming_submit and not child(kiosk, "prompt").isVisible()
        listed = [n for n in range(1, 56) if kiosk.window.findChild(QWidget, f"review_{n}")]
        assert listed == list(range(1, 56))  # 2..55 unanswered, 1 flagged
        assert child(kiosk, "review_1").property("text") == "1⚑"
        press(qtbot, kiosk, "review_17")
        assert not model.progress.confirming_submit and model.parts.index == 16
        assert child(kiosk, "prompt").isVisible()


def test_ruling_an_option_out_is_only_a_view(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        item = model.parts.item
        assert item is not None
        press(qtbot, kiosk, "strike_1")
        row = child(kiosk, "option_1")
        assert row.text.font().strikeOut()  # type: ignore[attr-defined]
        assert child(kiosk, "strike_1").property("text") == "Вернуть"
        assert item.item_id not in model.parts.answers  # not an answer
        press(qtbot, kiosk, "strike_1")
        assert not row.text.font().strikeOut()  # type: ignore[attr-defined]
        press(qtbot, kiosk, "strike_2")
        press(qtbot, kiosk, "option_2")  # choosing a ruled-out option brings it back
        assert model.parts.answers[item.item_id] == [item.choices[2].id]
        assert not child(kiosk, "option_2").text.font().strikeOut()  # type: ignore[attr-defined]


def test_the_timer_says_what_it_is_and_can_be_hidden(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        wait_stage(qtbot, kiosk, Stage.CONFIRM)
        clock = kiosk.window.clock  # type: ignore[attr-defined]
        assert clock.isVisible()
        walk_to_test(qtbot, kiosk)
        assert not clock.isVisible()  # no second clock beside the countdown
        assert child(kiosk, "timer_caption").property("text") == "Осталось:"
        press(qtbot, kiosk, "toggle_timer")
        assert not child(kiosk, "timer").isVisible()
        assert child(kiosk, "toggle_timer").property("text") == "Показать время"
        press(qtbot, kiosk, "toggle_timer")
        assert child(kiosk, "timer").isVisible()


def test_the_overview_is_grouped_by_act_shows_whole_rows_and_follows_the_question(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    from PySide6.QtCore import QRect

    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        header = child(kiosk, "section_constitution")
        assert header.property("text") == "Конституция · отвечено 0 из 15"
        answer_current(qtbot, kiosk, hall)
        assert header.property("text") == "Конституция · отвечено 1 из 15"
        for n in range(54):
            model.parts.next()

            def whole_in_view() -> bool:
                # The cell as the candidate sees it once the event loop has laid the overview
                # out (an answer rebuilds its rows; their geometry comes with the next pass).
                cell = child(kiosk, f"cell_{model.parts.index + 1}")
                seen = cell.visibleRegion().boundingRect()
                return bool(seen == QRect(0, 0, cell.width(), cell.height()))

            try:
                qtbot.waitUntil(whole_in_view, timeout=2000)
            except qtbot.TimeoutError:
                raise AssertionError((n, model.progress.stage, model.seat_lock.state)) from None
        # Every cell is either wholly in view or not at all.
        for k in range(1, 56):
            cell = child(kiosk, f"cell_{k}")
            seen = cell.visibleRegion().boundingRect()
            assert seen.isEmpty() or seen.size() == cell.size(), k


def test_the_chosen_option_is_filled_and_the_focus_frame_is_not_a_choice(
    qtbot: QtBot, hall: Hall, seated: HallClient, tmp_path: Path
) -> None:
    """C chosen, the keyboard on B: C is the one filled with the chosen colour, in both themes;
    B only has the focus frame, solid (dashed is what a disabled button looks like)."""
    import functools

    from PySide6.QtGui import QColor

    from kiosk.ui.style import DEFAULT_SIZE, HIGH_CONTRAST, NORMAL, stylesheet

    with running_kiosk(hall, seated, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        screen = kiosk.window.screen_now
        screen.setFocus()
        qtbot.keyClick(screen, Qt.Key.Key_3)
        b, c = child(kiosk, "option_1"), child(kiosk, "option_2")
        b.setFocus()
        qtbot.waitUntil(lambda: b.hasFocus(), timeout=WAIT_MS)

        def fill(option: QWidget) -> str:
            # A pixel inside the frame, below the text: the option's own background.
            image = option.grab().toImage()
            return QColor(image.pixel(image.width() - 12, image.height() - 8)).name()

        def filled(option: QWidget, colour: str) -> bool:
            return fill(option) == colour

        for contrast, palette in ((False, NORMAL), (True, HIGH_CONTRAST)):
            if kiosk.model.high_contrast != contrast:
                kiosk.model.toggle_contrast()
            qtbot.waitUntil(functools.partial(filled, c, palette.chosen), timeout=WAIT_MS)
            assert c.property("checked") == "true" and b.property("checked") == "false"
            assert fill(b) == palette.panel != palette.chosen
    for contrast in (False, True):
        rules = stylesheet(DEFAULT_SIZE, contrast).splitlines()
        focus = [r for r in rules if r.startswith('QFrame[role="option"]') and ":focus" in r]
        assert focus and not any("dashed" in r for r in focus)
