"""`operator-console demo` with a display: kiosk windows a person can sit a sample test in.

It opens the operator console signed in as the operator, and K kiosk windows enrolled at seats
A01..AK (and a spare kiosk at B01, with no window). A person admits candidates at the desk while
the simulated detector reports a walk-through every 20 s, seats them, starts the session, and
pauses, resumes, moves or terminates seats on the live hall while the kiosks run.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TextIO

from operator_console.demo.hall import DEMO_PASSWORD, DEMO_USER, DemoHall, DemoSettings

log = logging.getLogger(__name__)


def demo_clip(path: Path) -> str:
    """A looping clip with a face for the camera (a video file, as a real camera would give)."""
    try:
        import cv2
        import numpy as np
        from skimage import data
    except ImportError:
        return "synthetic"  # scikit-image comes with the development tools only
    size = (640, 480)
    base = cv2.resize(cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR), size)  # type: ignore[no-untyped-call]
    writer = cv2.VideoWriter(str(path), cv2.CAP_FFMPEG, cv2.VideoWriter.fourcc(*"mp4v"), 15, size)
    for n in range(150):
        writer.write(np.roll(base, int(4 * np.sin(n / 12)), axis=1))
    writer.release()
    return f"file:{path}"


def run_windowed(settings: DemoSettings, kiosks: int, out: TextIO = sys.stdout) -> int:
    from PySide6.QtCore import QTimer

    from kiosk.config import KioskConfig
    from kiosk.hall_client import HallClient
    from kiosk.ui.app import Kiosk, application, build
    from operator_console.core.client import ConsoleClient
    from operator_console.ui.app import open_console

    app = application()
    settings.roster_size = max(settings.roster_size, kiosks + 4)
    with DemoHall(settings) as hall:
        assert hall.server is not None and hall.detector is not None
        desk = hall.open_desk()
        camera = demo_clip(settings.workdir / "camera.mp4")
        opened: list[Kiosk] = []
        seats = [f"A{n + 1:02d}" for n in range(kiosks)] + ["B01"]
        for n, seat in enumerate(seats):
            token = desk.enroll_kiosk(seat, hall.enroller(f"demo-{seat}")).token
            if seat == "B01":
                continue  # the spare seat: its kiosk is ready for a move, with no window
            config = KioskConfig.model_validate(
                {
                    "kiosk": {"data_dir": str(settings.workdir / "kiosks" / seat)},
                    "camera": {"source": camera},
                    "lockdown": {"enabled": False, "prohibited": []},
                }
            )
            kiosk = build(config, client=HallClient(hall.server.url, token))
            kiosk.window.setWindowTitle(f"Kiosk {seat}")
            kiosk.window.resize(1366, 768)
            kiosk.window.move(80 + 40 * n, 60 + 30 * n)
            kiosk.start()
            opened.append(kiosk)
        client = ConsoleClient(hall.server.url)
        client.login(DEMO_USER, DEMO_PASSWORD)
        console = open_console(client, DEMO_USER, hall_name=f"Demo hall {settings.hall_id}")
        console.move(0, 0)
        console.show()
        # The queue at the door: someone walks through the detector every 20 s, one in four alarms.
        walks = {"n": 0}

        def walk() -> None:
            walks["n"] += 1
            if hall.detector is not None:
                if walks["n"] % 4 == 0:
                    hall.detector.alarm(zones=(2,), level=64)
                else:
                    hall.detector.pass_()

        walker = QTimer(interval=20_000)
        walker.timeout.connect(walk)
        walker.start()
        QTimer.singleShot(1500, walk)
        app.setQuitOnLastWindowClosed(False)
        import signal

        # Queued, so that a Ctrl+C that comes before the event loop runs still ends it.
        signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, lambda: app.exit(0)))
        # Python runs its signal handlers only between Qt events: a tick lets Ctrl+C through.
        ticker = QTimer(interval=250)
        ticker.timeout.connect(lambda: None)
        ticker.start()
        print(f"room server: {hall.server.url}  (user {DEMO_USER} / {DEMO_PASSWORD})", file=out)
        print(f"kiosk windows: {', '.join(seats[:-1])}; spare kiosk: {seats[-1]}", file=out)
        print(f"upstream:    {hall.upstream_url}", file=out)
        print(
            "The console is signed in as the operator. At the desk: find a candidate, watch the "
            "walk-through arrive, admit to a seat; on the live hall: start the session, pause, "
            "resume, and watch the kiosk windows. Close the console to stop.",
            file=out,
            flush=True,
        )
        console.closed.connect(lambda: app.exit(0))
        code = app.exec()
        ticker.stop()
        walker.stop()
        if console.isVisible():
            console.close()
        for kiosk in opened:
            kiosk.close()
        client.close()
        desk.close()
    return int(code)
