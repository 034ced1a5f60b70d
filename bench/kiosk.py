"""The kiosk's own speed, each beside the floor measured in the same run.

- answer click -> durable in the journal (p50 / p99) beside a bare SQLite WAL synchronous=FULL
  commit of one row in the same directory;
- question switch (click Next -> screen repainted) p99 while the camera records;
- cold start to the seat screen beside a bare QApplication + window, each in a fresh process;
- resident memory of the kiosk while recording.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/kiosk.py [--answers 300]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COLD = """
import sys, time
started = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
if sys.argv[2] == "bare":
    w = QWidget(); w.resize(1366, 768); w.show(); app.processEvents()
else:
    from pathlib import Path
    from kiosk.config import KioskConfig
    from kiosk.ui.app import build
    config = KioskConfig.model_validate(
        {"kiosk": {"data_dir": sys.argv[3]}, "lockdown": {"enabled": False}}
    )
    k = build(config, camera=False, vm_check=lambda: None)
    k.window.resize(1366, 768)
    k.start()
    app.processEvents()
    assert k.window.screen_now.isVisible()
print(time.time() - started)
import os; os._exit(0)
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(values: list[float]) -> str:
    p50, p99 = 1000 * statistics.median(values), 1000 * percentile(values, 0.99)
    return f"p50 {p50:.2f} ms, p99 {p99:.2f} ms"


def bare_commits(folder: Path, n: int) -> list[float]:
    db = sqlite3.connect(folder / "bare.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (seq INTEGER PRIMARY KEY, item TEXT, choices TEXT, at TEXT)")
    times = []
    for seq in range(n):
        started = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO t VALUES (?, ?, ?, ?)", (seq, "item", '["a"]', "now"))
        db.execute("COMMIT")
        times.append(time.perf_counter() - started)
    db.close()
    return times


def cold_start(kind: str, data: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", COLD, repr(time.time()), kind, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


RSS = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kiosk.config import KioskConfig
from kiosk.ui.app import build
from kiosk.stages import Stage
app = QApplication([])
config = KioskConfig.model_validate({"kiosk": {"data_dir": sys.argv[1], "poll_seconds": 0.2},
    "camera": {"source": sys.argv[2]}, "lockdown": {"enabled": False, "prohibited": []}})
k = build(config)
k.window.resize(1366, 768)
k.start()
m = k.model
end = time.monotonic() + 60
recording_since = None
while time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
    stage, camera = m.progress.stage, m.camera.session
    if stage is Stage.CONFIRM: m.candidate.confirm(True)
    elif stage is Stage.LANGUAGE: m.candidate.choose_language("kk")
    elif stage is Stage.CAMERA: m.candidate.camera_done(1)
    elif stage is Stage.TUTORIAL: m.candidate.tutorial_done()
    elif stage is Stage.INSTRUCTIONS and m.watch.session_running(): m.begin()
    elif stage is Stage.TEST and camera and camera.recording:
        recording_since = recording_since or time.monotonic()
        if time.monotonic() - recording_since > 20:
            break
status = Path("/proc/self/status").read_text()
print(next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmRSS:")) / 1024)
import os; os._exit(0)
"""


def recording_rss(data: Path, source: str) -> float:
    """The kiosk alone, in its own process, 20 s into a recorded test."""
    done = subprocess.run(
        [sys.executable, "-c", RSS, str(data), source],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--switches", type=int, default=300)
    args = parser.parse_args()

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from kiosk.config import KioskConfig
    from kiosk.credential import Credential, save_credential
    from kiosk.hall_client import HallClient
    from kiosk.stages import Stage
    from kiosk.ui.app import application, build
    from operator_console.demo.hall import DemoHall, DemoSettings
    from operator_console.demo.windows import demo_clip

    app = application()
    with tempfile.TemporaryDirectory(prefix="bench-kiosk-") as tmp:
        work = Path(tmp)
        with DemoHall(DemoSettings(workdir=work / "hall", detector_required=False)) as hall:
            assert hall.server is not None
            desk = hall.open_desk()
            reg = desk.registrations[1]  # legislation: 55 questions
            token = desk.seat_at_new_kiosk(desk.admit(reg), "A01", hall.enroller("bench")).token
            desk.start()
            data = work / "kiosk"
            config = KioskConfig.model_validate(
                {
                    "kiosk": {"data_dir": str(data)},
                    "camera": {"source": demo_clip(work / "clip.mp4")},
                    "lockdown": {"enabled": False, "prohibited": []},
                }
            )
            kiosk = build(config, client=HallClient(hall.server.url, token))
            kiosk.window.resize(1366, 768)
            kiosk.start()
            model = kiosk.model

            def until(check: object) -> None:
                deadline = time.monotonic() + 30
                while not check():  # type: ignore[operator]
                    app.processEvents()
                    if time.monotonic() > deadline:
                        raise SystemExit(f"timed out in stage {model.progress.stage}")
                    time.sleep(0.005)  # a benchmark's event pump, not a test's wait

            until(lambda: model.progress.stage is Stage.CONFIRM)
            model.candidate.confirm(True)
            model.candidate.choose_language("kk")
            model.candidate.camera_done(1)
            model.candidate.tutorial_done()
            until(model.watch.session_running)
            model.begin()
            until(lambda: model.progress.stage is Stage.TEST)
            until(lambda: model.camera.session is not None and model.camera.session.recording)

            def click(name: str) -> None:
                widget = kiosk.window.findChild(QWidget, name)
                assert widget is not None
                QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(20, 10))

            # The moment the journal's commit returns is the moment the answer is durable.
            durable_at: list[float] = []
            record = model.journal.record

            def timed_record(*a: object, **kw: object) -> int:
                seq = record(*a, **kw)  # type: ignore[arg-type]
                durable_at.append(time.perf_counter())
                return seq

            model.journal.record = timed_record  # type: ignore[method-assign]
            answer_times, screen_times = [], []
            for n in range(args.answers):
                model.parts.go_to(n % len(model.parts.items))
                app.processEvents()
                started = time.perf_counter()
                click(f"option_{n % 4}")  # returns once the screen shows the answer saved
                screen_times.append(time.perf_counter() - started)
                answer_times.append(durable_at[-1] - started)
            bare = bare_commits(work, args.answers)

            switch_times = []
            screen = kiosk.window.screen_now
            for _ in range(args.switches):
                if model.parts.index == len(model.parts.items) - 1:
                    model.parts.go_to(0)
                    app.processEvents()
                started = time.perf_counter()
                click("next")
                screen.repaint()  # the new question painted, not just scheduled
                switch_times.append(time.perf_counter() - started)
            kiosk.close()
            reg = desk.registrations[3]
            enrolled = desk.seat_at_new_kiosk(desk.admit(reg), "A02", hall.enroller("rss"))
            save_credential(
                work / "rss",
                Credential(hall.server.url, enrolled.kiosk_id, "A02", enrolled.token),
            )
            rss = recording_rss(work / "rss", demo_clip(work / "clip.mp4"))
            desk.close()

        bare_start = [cold_start("bare", work / "cold") for _ in range(3)]
        kiosk_start = [cold_start("kiosk", work / "cold") for _ in range(3)]

    print(f"answer click -> durable:  {ms(answer_times)}   ({args.answers} answers)")
    print(f"answer click -> shown saved: {ms(screen_times)}")
    print(f"bare WAL FULL commit:     {ms(bare)}")
    ratio = statistics.median(answer_times) / statistics.median(bare)
    print(f"  ratio of p50:           {ratio:.2f}x")
    print(f"question switch (recording): {ms(switch_times)}, max {1000 * max(switch_times):.2f} ms")
    print(
        f"cold start to seat screen: median {statistics.median(kiosk_start):.2f} s "
        f"(bare QApplication + window: {statistics.median(bare_start):.2f} s)"
    )
    print(f"resident memory of the kiosk process while recording: {rss:.0f} MB")
    sys.stdout.flush()
    os._exit(0)  # PySide6 can crash in the interpreter's final garbage collection of a script


if __name__ == "__main__":
    sys.exit(main())
