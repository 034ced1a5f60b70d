"""A real kiosk process for kill -9 tests: it sits the test and says what it saved.

    python -m tests.kiosk.kiosk_child DATA_DIR ANSWERS [FLAGS]

Each line `saved ITEM CHOICE` is printed only after the journal has the change on disk; with
FLAGS, that many of the answered questions are then flagged (`flagged ITEM`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from kiosk.config import KioskConfig
from kiosk.stages import Stage
from kiosk.ui.app import application, build

ROOT = Path(__file__).resolve().parents[2]


def spawn(data: Path, answers: int, flags: int = 0) -> subprocess.Popen[str]:
    """This kiosk as a process of its own (to be killed), its lines on its stdout."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.kiosk.kiosk_child", str(data), str(answers), str(flags)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def main(data: Path, answers: int, flags: int = 0) -> int:
    app = application()
    config = KioskConfig.model_validate(
        {"kiosk": {"data_dir": str(data), "poll_seconds": 0.1}, "lockdown": {"enabled": False}}
    )
    kiosk = build(config, camera=False, vm_check=lambda: None, tick_ms=50)
    model = kiosk.model
    done: list[int] = []

    def step() -> None:
        if model.progress.stage is Stage.CONFIRM:
            model.candidate.confirm(True)
        elif model.progress.stage is Stage.LANGUAGE:
            model.candidate.choose_language("kk")
        elif model.progress.stage is Stage.CAMERA:
            model.candidate.camera_done(1)
        elif model.progress.stage is Stage.TUTORIAL:
            model.candidate.tutorial_done()
        elif model.progress.stage is Stage.INSTRUCTIONS and model.watch.session_running():
            model.begin()
        elif model.progress.stage is Stage.TEST and not done:
            for n in range(answers):
                model.parts.go_to(n)
                item = model.parts.items[n]
                choice = item.choices[n % len(item.choices)].id
                model.parts.choose(choice)
                print(f"saved {item.item_id} {choice}", flush=True)
            for n in range(flags):
                model.parts.go_to(n)
                model.parts.toggle_flag()
                print(f"flagged {model.parts.items[n].item_id}", flush=True)
            done.append(answers)
            print("waiting", flush=True)

    driver = QTimer(interval=20)
    driver.timeout.connect(step)
    driver.start()
    kiosk.start()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:4])))
