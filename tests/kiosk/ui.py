"""Helpers for driving the kiosk's real screens against a real room server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.config import KioskConfig
from kiosk.credential import Credential, save_credential
from kiosk.hall_client import HallClient
from kiosk.lockdown.processes import ProcessWatch
from kiosk.stages import Stage
from kiosk.ui.app import Kiosk, build
from operator_console.protocol.kiosk_api import EnrollResponse
from operator_console.server.models import AnswerEvent
from tests.hall import Hall

WAIT_MS = 10_000


def kiosk_config(data: Path, **sections: dict[str, object]) -> KioskConfig:
    raw: dict[str, dict[str, object]] = {
        "kiosk": {"data_dir": str(data)},
        "lockdown": {"enabled": False},
        "camera": {"source": "synthetic", "segment_seconds": 5},
    }
    for name, values in sections.items():
        raw.setdefault(name, {}).update(values)
    return KioskConfig.model_validate(raw)


@contextmanager
def running_kiosk(
    hall: Hall,
    client: HallClient,
    data: Path,
    *,
    with_camera: bool = False,
    watch: ProcessWatch | None = None,
    **sections: dict[str, object],
) -> Iterator[Kiosk]:
    kiosk = build(
        kiosk_config(data, **sections),
        client=client,
        clock=hall.clock,
        camera=with_camera,
        watch=watch or ProcessWatch([]),
        vm_check=lambda: None,
        poll_ms=100,
        tick_ms=50,
    )
    kiosk.window.resize(1366, 768)
    kiosk.start()
    try:
        yield kiosk
    finally:
        kiosk.close()


def wait_stage(qtbot: QtBot, kiosk: Kiosk, stage: Stage) -> None:
    model = kiosk.model
    try:
        qtbot.waitUntil(lambda: model.progress.stage is stage, timeout=WAIT_MS)
    except qtbot.TimeoutError:
        progress, lock = model.progress, model.seat_lock.state
        raise AssertionError(
            f"waited for {stage}, still at {progress.stage} (message {progress.message!r}, lock "
            f"{lock.reason if lock else None} {lock.message if lock else None})"
        ) from None
    qtbot.waitUntil(lambda: kiosk.window.stack.currentWidget() is kiosk.window.screens[stage])


def child(kiosk: Kiosk, name: str) -> QWidget:
    found = kiosk.window.findChild(QWidget, name)
    assert found is not None, f"no widget named {name}"
    return found


def press(qtbot: QtBot, kiosk: Kiosk, name: str) -> None:
    """A click on the widget once it is on the screen, as a person's would be. A widget made
    while its screen is shown appears at the event loop's next turn (Qt shows it then)."""
    widget = child(kiosk, name)
    try:
        qtbot.waitUntil(widget.isVisible, timeout=WAIT_MS)
    except qtbot.TimeoutError:
        raise AssertionError(f"{name} is not shown") from None
    if isinstance(widget, QPushButton):
        assert widget.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(widget.width() // 2, 10))


def walk_to_instructions(qtbot: QtBot, kiosk: Kiosk, language: str = "ru") -> None:
    """Confirmation, language, camera check, tutorial: as a candidate would, to the part's
    instructions."""
    wait_stage(qtbot, kiosk, Stage.CONFIRM)
    press(qtbot, kiosk, "this_is_me")
    wait_stage(qtbot, kiosk, Stage.LANGUAGE)
    press(qtbot, kiosk, f"language_{language}")
    wait_stage(qtbot, kiosk, Stage.CAMERA)
    press(qtbot, kiosk, "camera_continue")
    wait_stage(qtbot, kiosk, Stage.TUTORIAL)
    qtbot.waitUntil(lambda: child(kiosk, "tutorial_done").isEnabled(), timeout=WAIT_MS)
    press(qtbot, kiosk, "tutorial_done")
    wait_stage(qtbot, kiosk, Stage.INSTRUCTIONS)


def walk_to_test(qtbot: QtBot, kiosk: Kiosk, language: str = "ru") -> None:
    """Confirmation, language, camera check, instructions, begin: as a candidate would."""
    walk_to_instructions(qtbot, kiosk, language)
    qtbot.waitUntil(lambda: child(kiosk, "begin").isEnabled(), timeout=WAIT_MS)
    press(qtbot, kiosk, "begin")
    wait_stage(qtbot, kiosk, Stage.TEST)


def hand_in_and_begin_the_next_part(qtbot: QtBot, kiosk: Kiosk) -> None:
    """Finish this part, then through the instructions of the next, as a candidate would."""
    press(qtbot, kiosk, "submit")
    press(qtbot, kiosk, "confirm_submit")
    wait_stage(qtbot, kiosk, Stage.BETWEEN)
    press(qtbot, kiosk, "next_program")
    wait_stage(qtbot, kiosk, Stage.INSTRUCTIONS)
    qtbot.waitUntil(lambda: child(kiosk, "begin").isEnabled(), timeout=WAIT_MS)
    press(qtbot, kiosk, "begin")
    wait_stage(qtbot, kiosk, Stage.TEST)


def seated_on_disk(hall: Hall, data: Path, seat: str = "A01") -> EnrollResponse:
    """The roster's second candidate at the seat, its kiosk's credential saved in `data` (for a
    kiosk process), the session started."""
    enrolled = hall.enrolled(hall.registrations[1], seat)
    save_credential(
        data, Credential(hall.server.url, enrolled.kiosk_id, enrolled.seat, enrolled.token)
    )
    hall.desk.start()
    return enrolled


def server_answers(hall: Hall, attempt_id: str) -> dict[str, list[str]]:
    with hall.runtime.tx() as db:
        rows = db.execute(
            select(AnswerEvent)
            .where(AnswerEvent.attempt_id == attempt_id)
            .order_by(AnswerEvent.seq)
        ).scalars()
        latest = {r.item_id: list(r.choices) for r in rows}
    return {k: v for k, v in latest.items() if v}
