"""Every screen in Kazakh and Russian at 1366×768 and 1920×1080: rendered, saved, measured.

Set KIOSK_SCREENSHOTS=DIR to keep the PNGs to look at; without it each screen is rendered and
measured, and not written.
"""

from __future__ import annotations

import os
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from pytestqt.qtbot import QtBot

from kiosk.stages import Stage
from kiosk.ui.app import Kiosk
from kiosk.ui.style import KAZAKH_LETTERS, family
from operator_console.demo.windows import demo_clip
from tests.hall import Hall
from tests.kiosk.fit import low_contrast, problems
from tests.kiosk.ui import WAIT_MS, child, running_kiosk, wait_stage

SIZES = [(1366, 768), (1920, 1080)]


def test_the_interface_font_has_every_kazakh_letter(qtbot: QtBot) -> None:
    from kiosk.ui.app import application

    application()
    font = QFont(family())
    metrics = QFontMetrics(font)
    missing = [ch for ch in KAZAKH_LETTERS if not metrics.inFontUcs4(ord(ch))]
    assert missing == [], f"{QFontInfo(font).family()} lacks {''.join(missing)}"


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_fits(
    qtbot: QtBot, hall: Hall, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    kept = os.environ.get("KIOSK_SCREENSHOTS")
    out = Path(kept) if kept else None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    shots: dict[str, list[str]] = {}

    def shoot(kiosk: Kiosk, name: str) -> None:
        window = kiosk.window
        # Layout runs from the event loop: give it until everything fits (or the timeout).
        with suppress(qtbot.TimeoutError):
            qtbot.waitUntil(lambda: not problems(window), timeout=2000)
        if out is not None:
            window.grab().save(str(out / f"{language}-{size[0]}x{size[1]}-{name}.png"))
        shots[name] = problems(window) + low_contrast(window)

    client = hall.seat(hall.registrations[0], "A01")  # state language, then legislation
    clip = demo_clip(tmp_path / "camera.mp4")
    with running_kiosk(
        hall,
        client,
        tmp_path / "kiosk",
        with_camera=True,
        kiosk={"ui_language": language},
        camera={"source": clip},
    ) as k:
        k.window.resize(*size)
        model = k.model
        qtbot.waitUntil(lambda: model.watch.seat is not None, timeout=WAIT_MS)
        wait_stage(qtbot, k, Stage.CONFIRM)
        shoot(k, "2-confirm")
        model.candidate.confirm(True)
        shoot(k, "3-language")
        model.candidate.choose_language(language)
        wait_stage(qtbot, k, Stage.CAMERA)
        camera_screen = k.window.screens[Stage.CAMERA]
        qtbot.waitUntil(lambda: getattr(camera_screen, "faces", -1) == 1, timeout=WAIT_MS)
        shoot(k, "4-camera")
        model.candidate.camera_done(1)
        wait_stage(qtbot, k, Stage.TUTORIAL)
        k.window.screens[Stage.TUTORIAL]._choose(1)  # type: ignore[attr-defined]
        shoot(k, "4b-tutorial")
        model.candidate.tutorial_done()
        shoot(k, "5-instructions-waiting")
        hall.console.start_session(hall.session_id)
        qtbot.waitUntil(model.watch.session_running, timeout=WAIT_MS)
        model.begin()
        wait_stage(qtbot, k, Stage.TEST)
        model.parts.choose(model.parts.items[0].choices[0].id)
        model.parts.next()
        model.parts.toggle_flag()
        shoot(k, "6-test")
        model.bigger()
        model.bigger()
        model.bigger()
        shoot(k, "7-test-largest-text")
        model.toggle_contrast()
        hall.clock.advance(timedelta(minutes=15, seconds=30))
        qtbot.waitUntil(lambda: child(k, "time_warning").isVisible())
        qtbot.waitUntil(lambda: child(k, "timer").property("text") == "04:30")
        shoot(k, "8-test-contrast-warning")
        hall.clock.advance(timedelta(minutes=3, seconds=40))
        qtbot.waitUntil(lambda: child(k, "timer").property("text") == "00:50")
        qtbot.waitUntil(lambda: child(k, "time_warning").property("level") == "danger")
        shoot(k, "8b-test-contrast-last-minute")
        model.toggle_contrast()
        model.smaller()
        model.smaller()
        model.smaller()
        model.parts.request_submit()
        shoot(k, "9-submit")
        model.submit()
        wait_stage(qtbot, k, Stage.BETWEEN)
        shoot(k, "10-between")
        model.parts.continue_to_next()
        wait_stage(qtbot, k, Stage.INSTRUCTIONS)
        shoot(k, "11-instructions")
        model.seat_lock.lock("prohibited_program", "telegram-desktop")
        wait_stage(qtbot, k, Stage.LOCKED)
        shoot(k, "12-lock")
        qtbot.waitUntil(lambda: client.seat().locked_at is not None, timeout=WAIT_MS)  # reported
        model.unlock(hall.console.resume_code("A01").code)
        wait_stage(qtbot, k, Stage.INSTRUCTIONS)
        model.begin()
        wait_stage(qtbot, k, Stage.TEST)
        model.parts.request_submit()
        model.submit()
        wait_stage(qtbot, k, Stage.FINISH)
        shoot(k, "13-finish")
    assert {name: found for name, found in shots.items() if found} == {}


def test_the_fit_check_sees_a_cut_label_and_a_small_button(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    cut = QLabel("Мемлекеттік тілді білуге арналған тест")
    cut.setFixedWidth(60)
    small = QPushButton("OK")
    small.setFixedHeight(20)
    layout = QVBoxLayout(window)
    layout.addWidget(cut)
    layout.addWidget(small)
    window.show()
    found = problems(window)
    assert len(found) == 2 and "needs" in found[0] and "under 48" in found[1]


def test_the_contrast_check_sees_faint_text_on_rendered_pixels(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    faint = QPushButton("Тестті бастау")
    faint.setEnabled(False)  # muted text on the accent colour: how Begin used to look
    faint.setStyleSheet("QPushButton { background: #0b5cad; color: #55606b; border: none; }")
    plain = QLabel("Оқылады")
    plain.setStyleSheet("QLabel { background: #ffffff; color: #1b1f24; font-size: 20px; }")
    layout = QVBoxLayout(window)
    layout.addWidget(faint)
    layout.addWidget(plain)
    window.resize(400, 200)
    window.show()
    qtbot.waitExposed(window)
    found = low_contrast(window)
    assert len(found) == 1 and found[0].startswith("QPushButton (disabled)"), found
