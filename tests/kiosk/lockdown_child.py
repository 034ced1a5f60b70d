"""The kiosk app with its lockdown engaged, reporting what it does, for tests on real displays.

    python -m tests.kiosk.lockdown_child DATA_DIR

Prints a JSON line `{"state": ...}` (visible, full screen, active, geometry, covers, keyboard
grab) whenever that changes, and `{"swallowed": NAME}` for each shortcut the event filter takes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from kiosk.config import KioskConfig
from kiosk.ui.app import application, build


def main(data: Path) -> int:
    app = application()
    config = KioskConfig.model_validate(
        {"kiosk": {"data_dir": str(data)}, "lockdown": {"enabled": True, "prohibited": []}}
    )
    kiosk = build(config, camera=False, vm_check=lambda: None)
    window, lockdown = kiosk.window, kiosk.lockdown
    lockdown.guard.swallowed.connect(
        lambda name: print(json.dumps({"swallowed": name}), flush=True)
    )
    last: list[str] = []

    def state() -> None:
        g = window.geometry()
        line = json.dumps(
            {
                "state": {
                    "visible": window.isVisible(),
                    "full_screen": window.isFullScreen(),
                    "active": window.isActiveWindow(),
                    "geometry": [g.x(), g.y(), g.width(), g.height()],
                    "covers": [
                        [c.geometry().x(), c.geometry().y(), c.geometry().width()]
                        for c in lockdown.covers
                        if c.isVisible()
                    ],
                    "grabbed": lockdown.grabbed,
                    "window_id": int(window.winId()),
                }
            }
        )
        if not last or last[-1] != line:
            last.append(line)
            print(line, flush=True)

    ticker = QTimer(interval=100)
    ticker.timeout.connect(state)
    ticker.start()
    kiosk.start()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
