"""`operator-console demo` with a display: kiosk windows a person can sit a sample test in.

The console windows are not built yet, so the demo plays the desk itself through the desk's
operations: it admits candidates (each walks through the simulated detector), enrolls and seats K
kiosks, starts the session and opens a kiosk window per seat. When a seat locks, the demo prints the
operator's resume code.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TextIO

from operator_console.demo.hall import DEMO_PASSWORD, DEMO_USER, DemoHall, DemoSettings
from operator_console.protocol.values import AdmissionStatus

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
    from kiosk.ui.model import Stage

    app = application()
    settings.roster_size = max(settings.roster_size, kiosks + 4)
    with DemoHall(settings) as hall:
        assert hall.server is not None
        desk = hall.open_desk()
        console = desk.console
        camera = demo_clip(settings.workdir / "camera.mp4")
        opened: list[Kiosk] = []
        for reg in desk.registrations:
            if len(opened) == kiosks:
                break
            decision = desk.admit(reg, detector_event_id=hall.walk_through(desk))
            if decision.status is not AdmissionStatus.ADMITTED:
                print(f"desk: {reg.full_name} refused: {decision.reason}", file=out)
                continue
            seat = f"A{len(opened) + 1:02d}"
            token = desk.seat_at_new_kiosk(decision, seat, hall.enroller(f"demo-{seat}")).token
            config = KioskConfig.model_validate(
                {
                    "kiosk": {"data_dir": str(settings.workdir / "kiosks" / seat)},
                    "camera": {"source": camera},
                    "lockdown": {"enabled": False, "prohibited": []},
                }
            )
            kiosk = build(config, client=HallClient(hall.server.url, token))
            kiosk.window.setWindowTitle(f"Kiosk {seat}: {reg.full_name}")
            kiosk.window.resize(1366, 768)
            kiosk.window.move(40 * len(opened), 30 * len(opened))
            kiosk.start()
            opened.append(kiosk)
            print(f"desk: {reg.full_name} admitted to seat {seat}", file=out)
        desk.start()
        issued: dict[str, object] = {}

        def answer_locks() -> None:
            """The operator's side of a lock: a fresh code for each seat that locks."""
            for kiosk in opened:
                seat = kiosk.model.seat.seat if kiosk.model.seat else ""
                state = kiosk.model.lock_state
                if kiosk.model.stage is Stage.LOCKED and seat and issued.get(seat) is not state:
                    issued[seat] = state
                    code = console.resume_code(seat).code
                    print(
                        f"desk: seat {seat} locked; the operator's resume code is {code}", file=out
                    )

        timer = QTimer(interval=500)
        timer.timeout.connect(answer_locks)
        timer.start()
        print(f"room server: {hall.server.url}  (user {DEMO_USER} / {DEMO_PASSWORD})", file=out)
        print(f"upstream:    {hall.upstream_url}", file=out)
        print("Close every kiosk window (or press Ctrl+C here) to stop.", file=out, flush=True)
        app.setQuitOnLastWindowClosed(True)
        import signal

        signal.signal(signal.SIGINT, lambda *_: app.exit(0))
        code = app.exec()
        timer.stop()
        for kiosk in opened:
            kiosk.close()
        desk.close()
    return int(code)
