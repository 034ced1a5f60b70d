"""Every console screen in Kazakh, Russian and English at 1366×768 and 1920×1080: rendered with a
hall in full swing, saved, and measured (no text cut, nothing outside the window).

Set CONSOLE_SCREENSHOTS=DIR to keep the PNGs (they go to the test's temporary folder otherwise).
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.detector.simulator import LineSimulator
from operator_console.protocol.kiosk_api import IncidentReport, LockReport
from operator_console.protocol.reasons import Reason
from tests.hall import Hall
from tests.kiosk.fit import problems
from tests.operator_console.ui.conftest import WAIT_MS, console_for
from tests.operator_console.ui.test_desk_and_hall import kiosk_at, scan

SIZES = [(1366, 768), (1920, 1080)]
PADDING = 2 * 12 + 2
"""Left and right padding of a console button in its style sheet, plus its border."""


def busy_hall(hall: Hall, sim: LineSimulator) -> None:
    """Seats in every state: in test, locked with an alert, seated, free, terminated."""
    a1 = hall.seat(hall.registrations[1], "A01")
    hall.seat(hall.registrations[4], "A02")
    a3 = hall.seat(hall.registrations[0], "A03")
    for seat in ("A04", "A05", "A06", "B01", "B02"):
        kiosk_at(hall, seat)
    hall.console.start_session(hall.session_id)
    hall.start("A01")
    hall.start("A02")
    form3 = hall.start("A03")
    a1.lock(LockReport(at=hall.clock.now(), reason="prohibited_program", note="anydesk"))
    a3.report(
        form3.attempt_id,
        IncidentReport(at=hall.clock.now(), category="proctoring", code="several_faces"),
    )
    left = Reason(category="examinee", code="left_seat")
    hall.console.terminate("A02", hall.sitting("A02"), left)
    sim.pass_()
    sim.alarm(zones=(2, 3), level=72)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_console_screen_fits(
    qtbot: QtBot,
    hall: Hall,
    sim: LineSimulator,
    tmp_path: Path,
    language: str,
    size: tuple[int, int],
) -> None:
    out = Path(os.environ.get("CONSOLE_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    busy_hall(hall, sim)
    windows = console_for(qtbot, hall, "operator", language)
    window = next(windows)
    try:
        window.resize(*size)
        model = window.model
        qtbot.waitUntil(
            lambda: (
                len(model.walks) >= 2
                and len(model.picture.seats) >= 8
                and len(model.registrations) == 6
            ),
            timeout=WAIT_MS,
        )
        found: dict[str, list[str]] = {}

        def shoot(name: str) -> None:
            def fits() -> bool:
                return not problems(window, touch=None, padding=PADDING)

            with suppress(qtbot.TimeoutError):
                qtbot.waitUntil(fits, timeout=2000)
            window.grab().save(str(out / f"console-{language}-{size[0]}x{size[1]}-{name}.png"))
            found[name] = problems(window, touch=None, padding=PADDING)
            if window.width() > size[0] or window.height() > size[1]:
                found[name].append(f"the window grew to {window.width()}x{window.height()}")

        from operator_console.ui.dialogs import SignInDialog

        sign_in = SignInDialog(None, hall.server.url, "operator", language)
        sign_in.show_problem("")
        qtbot.addWidget(sign_in)
        sign_in.show()
        sign_in.grab().save(str(out / f"console-{language}-sign-in.png"))
        found["sign-in"] = problems(sign_in, touch=None, padding=PADDING)
        sign_in.close()
        window.show_screen("sessions")
        shoot("sessions")
        window.show_screen("desk")
        scan(qtbot, window, hall.registrations[3].iin)
        qtbot.waitUntil(lambda: model.check is not None, timeout=WAIT_MS)
        shoot("desk")
        window.show_screen("hall")
        hall_screen = window.screens["hall"]
        hall_screen.map.select("A01")  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: hall_screen.problems.count() >= 1, timeout=WAIT_MS)  # type: ignore[attr-defined]
        shoot("hall")
        window.show_screen("history")
        qtbot.waitUntil(lambda: len(model.history) > 5, timeout=WAIT_MS)
        shoot("history")
        assert {k: v for k, v in found.items() if v} == {}
    finally:
        windows.close()
