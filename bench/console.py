"""The console's live hall at hall scale: a seat map of 200 seats taking 200 seat changes a second.

Printed: the time from a kiosk's report reaching the room server to the repainted tile on the
console (p50 / p99), and the time to repaint the whole map beside one frame at 60 Hz (16.7 ms)
and beside repainting an empty widget of the same size, measured in the same run.

The room server and the kiosks that report run in a child process (as they would on their own
machines); the console runs here, offscreen, with its one long poll.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/console.py [--seats 200] [--rate 200]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HALL = r"""
import json, sys
from pathlib import Path
from kiosk.hall_client import enroll
from operator_console.core.client import ConsoleClient
from operator_console.demo.hall import DEMO_PASSWORD, DEMO_USER, DemoHall, DemoSettings

work, seats = Path(sys.argv[1]), int(sys.argv[2])
with DemoHall(DemoSettings(workdir=work, hall_id="bench-hall", columns=20)) as hall:
    url = hall.server.url
    admin = ConsoleClient(url)
    admin.login(DEMO_USER, DEMO_PASSWORD)
    codes = [f"S{n + 1:03d}" for n in range(seats)]
    tokens = {c: enroll(url, admin.enrollment_code(c).code, f"bench-{c}").token for c in codes}
    (work / "kiosks.json").write_text(json.dumps({"url": url, "tokens": tokens}))
    print(json.dumps({"url": url}), flush=True)
    sys.stdin.readline()  # stop
"""

KIOSKS = r"""
import json, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
import httpx
from operator_console.protocol.values import rfc3339

work, rate, seconds = Path(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
given = json.loads((work / "kiosks.json").read_text())
codes = sorted(given["tokens"])
clients = {
    c: httpx.Client(base_url=given["url"], headers={"Authorization": f"Bearer {t}"})
    for c, t in given["tokens"].items()
}
sys.stdin.readline()  # go: the console follows the hall
sent, lock, counts = [], threading.Lock(), {c: 0 for c in codes}
total, started = int(rate * seconds), time.monotonic()

def change(n):
    seat = codes[n % len(codes)]
    pause = started + n / rate - time.monotonic()
    if pause > 0:
        time.sleep(pause)
    with lock:
        counts[seat] += 1
        nth = counts[seat]
    at = time.time()
    body = {"at": rfc3339(datetime.now(UTC)), "category": "lockdown", "code": "focus_lost"}
    clients[seat].post("/kiosk/v1/incidents", json=body).raise_for_status()
    acked = time.time()
    with lock:
        sent.append((seat, nth, at, acked))

with ThreadPoolExecutor(8) as pool:
    list(pool.map(change, range(total)))
print(json.dumps({"sent": sent, "seconds": time.monotonic() - started}), flush=True)
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(values: list[float]) -> str:
    p50, p99 = 1000 * statistics.median(values), 1000 * percentile(values, 0.99)
    return f"p50 {p50:.1f} ms, p99 {p99:.1f} ms"


def bare_commits(folder: Path, n: int = 300) -> list[float]:
    """The floor under every stored change: one SQLite WAL synchronous=FULL commit of one row."""
    import sqlite3

    db = sqlite3.connect(folder / "bare.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, body TEXT)")
    times = []
    for i in range(n):
        started = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO t VALUES (?, ?)", (i, "focus_lost"))
        db.execute("COMMIT")
        times.append(time.perf_counter() - started)
    db.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seats", type=int, default=200)
    parser.add_argument("--rate", type=float, default=200.0, help="seat changes a second")
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QWidget

    from operator_console.core.client import ConsoleClient
    from operator_console.demo.hall import DEMO_PASSWORD, DEMO_USER
    from operator_console.ui import seat_map
    from operator_console.ui.app import application, open_console

    app = application()
    with tempfile.TemporaryDirectory(prefix="bench-console-") as work:
        floor = bare_commits(Path(work))
        root = Path(__file__).resolve().parent.parent
        child = subprocess.Popen(
            [sys.executable, "-c", HALL, work, str(args.seats)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert child.stdin is not None and child.stdout is not None
        url = json.loads(child.stdout.readline())["url"]
        kiosks = subprocess.Popen(
            [sys.executable, "-c", KIOSKS, work, str(args.rate), str(args.seconds)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=root,
        )
        assert kiosks.stdin is not None and kiosks.stdout is not None
        client = ConsoleClient(url)
        client.login(DEMO_USER, DEMO_PASSWORD)
        window = open_console(client, DEMO_USER, hall_name="bench")
        window.resize(1920, 1080)
        window.show()
        screen = window.show_screen("hall")
        deadline = time.monotonic() + 60
        while len(window.model.picture.seats) < args.seats and time.monotonic() < deadline:
            app.processEvents()
        painted: dict[str, list[tuple[int, float]]] = {}
        original = seat_map.SeatMap._tile

        def tile(self, p, rect, seat, now):  # type: ignore[no-untyped-def]
            original(self, p, rect, seat, now)
            shown = painted.setdefault(seat.seat, [])
            if not shown or shown[-1][0] < len(seat.alerts):
                shown.append((len(seat.alerts), time.time()))

        def first_paint(seat: str, count: int, log: dict | None = None) -> float | None:  # type: ignore[type-arg]
            """When the tile was first painted (or first arrived) with at least `count` alerts."""
            return next((at for n, at in (log or painted).get(seat, []) if n >= count), None)

        seat_map.SeatMap._tile = tile  # type: ignore[method-assign]
        arrived: dict[str, list[tuple[int, float]]] = {}
        follower = window.model.follower
        hand_on = follower._deliver

        def deliver(got):  # type: ignore[no-untyped-def]
            now = time.time()
            for seat in getattr(got, "seats", []) or []:
                arrived.setdefault(seat.seat, []).append((len(seat.alerts), now))
            hand_on(got)

        follower._deliver = deliver  # type: ignore[method-assign]
        the_map = screen.map  # type: ignore[attr-defined]
        app.processEvents()
        # The whole map painted at once, beside an empty widget of the same size.
        empty = QWidget()
        empty.resize(the_map.size())
        empty.show()
        timer = QElapsedTimer()
        full, bare = [], []
        for _ in range(60):
            timer.start()
            the_map.repaint()
            full.append(timer.nsecsElapsed() / 1e9)
            timer.start()
            empty.repaint()
            bare.append(timer.nsecsElapsed() / 1e9)
        painted.clear()
        arrived.clear()
        kiosks.stdin.write("go\n")
        kiosks.stdin.flush()
        import selectors

        chooser = selectors.DefaultSelector()
        chooser.register(kiosks.stdout, selectors.EVENT_READ)
        result = None
        while result is None:
            app.processEvents()
            if chooser.select(timeout=0.005):
                result = json.loads(kiosks.stdout.readline())
        sent = result["sent"]
        settle = time.monotonic() + 5
        while time.monotonic() < settle and not all(first_paint(s, n) for s, n, *_ in sent[-50:]):
            app.processEvents()
        child.stdin.write("stop\n")
        child.stdin.flush()
        seen = [(first_paint(s, n), at, acked) for s, n, at, acked in sent]
        from_ack = [shown - acked for shown, _at, acked in seen if shown is not None]
        from_send = [shown - at for shown, at, _acked in seen if shown is not None]
        request = [acked - at for _s, _n, at, acked in sent]
        streamed = [
            got - acked
            for s, n, _at, acked in sent
            if (got := first_paint(s, n, arrived)) is not None
        ]
        missing = len(sent) - len(from_ack)
        window.close()
        client.close()
        child.wait(timeout=60)
        kiosks.wait(timeout=60)
    print(
        f"seat map: {args.seats} seats, {len(sent)} changes in {result['seconds']:.1f} s "
        f"({len(sent) / result['seconds']:.0f}/s)"
    )
    print(f"change stored (its answer at the kiosk) -> repainted tile: {ms(from_ack)}")
    print(f"kiosk's request sent -> repainted tile: {ms(from_send)} ({missing} never shown)")
    print(f"the kiosk's request itself (the server's commit and answer): {ms(request)}")
    print(f"a bare SQLite WAL synchronous=FULL commit in the same folder: {ms(floor)}")
    print(f"change stored -> in the console's long poll answer: {ms(streamed)}")
    print(
        f"whole map repaint: {ms(full)}; empty widget of the same size: {ms(bare)}; "
        f"one frame at 60 Hz: 16.7 ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
