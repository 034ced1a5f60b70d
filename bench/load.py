"""A full hall against one room server: kiosks polling, answering and uploading recordings while
consoles follow the hall and a proctor watches a segment.

Each kiosk polls its seat every second, sends one answer change every two seconds and uploads
one sealed 60-second segment a minute (in 1 MB chunks, as the kiosk does); three consoles hold
the change stream's long poll open; one proctor opens (decrypts) a segment every five seconds.
The room server runs in a child process (as it runs on its own machine), on SQLite or on
PostgreSQL; the kiosks, consoles and proctor run here, on one event loop.

Counted after a warm-up (--warmup, 5 s): every kiosk comes on line at once and is read cold.

Printed: p50 / p99 / max and errors per route, the server's CPU, and the same seat and answer
rates against a bare uvicorn `async def` route measured in the same run (the floor: HTTP on
loopback and this load generator). Last, one JSON line.

    .venv/bin/python bench/load.py [--kiosks 200] [--seconds 60] [--database sqlite|postgresql]
                                   [--url URL] [--segment-mb 3]

PostgreSQL: the database at --url (default: $HALL_TEST_POSTGRES_URL) is emptied first.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hardware.recording.seal import seal_segment
from operator_console.protocol.values import rfc3339
from question_banks.keys import load_box_public

HALL = r"""
import json, sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from kiosk.hall_client import HallClient
from operator_console.core.client import ConsoleClient
from operator_console.demo.hall import DEMO_PASSWORD, DEMO_USER, DemoHall, DemoSettings

work, kiosks, database = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] or None
settings = DemoSettings(
    workdir=work, hall_id="load-hall", roster_size=kiosks + kiosks // 4 + 10, columns=20,
    database_url=database, settle_heap=True, detector_required=False,
)
with DemoHall(settings) as hall:
    url = hall.server.url
    desk = hall.open_desk()
    seated = []
    for reg in desk.registrations:
        if len(seated) == kiosks:
            break
        decision = desk.admit(reg)
        if decision.status != "admitted":
            continue
        seat = f"S{len(seated) + 1:03d}"
        seated.append((seat, desk.seat_at_new_kiosk(decision, seat, hall.enroller(seat)).token))
    desk.start()

    def start(seat_token):
        seat, token = seat_token
        client = HallClient(url, token)
        try:
            given = client.seat()
            form = client.start_attempt(given.attempts[0].attempt_id, given.languages[0])
            items = [[i.item_id, [c.id for c in i.choices]] for i in form.items]
            return {"seat": seat, "token": token, "attempt": form.attempt_id, "items": items}
        finally:
            client.close()

    with ThreadPoolExecutor(8) as pool:
        started = list(pool.map(start, seated))
    admin = ConsoleClient(url)
    token = admin.login(DEMO_USER, DEMO_PASSWORD).token
    keys = str(work / "keys" / "hall-box.pub")
    (work / "load.json").write_text(
        json.dumps({"url": url, "admin": token, "kiosks": started, "box": keys})
    )
    # The setup's own objects (200 forms' questions: some 20,000 lists) leave this process: on
    # a hall the room server runs alone, and its collector should walk only what it keeps.
    del started, seated
    print("ready", flush=True)
    sys.stdin.readline()
    desk.close()
    admin.close()
"""

BARE = r"""
import sys
import uvicorn
from fastapi import FastAPI, Request

app = FastAPI()

@app.get("/kiosk/v1/seat")
async def seat() -> dict:
    return {"seat": "S001", "session_status": "running"}

@app.post("/kiosk/v1/attempts/{attempt_id}/answers")
async def answers(attempt_id: str, request: Request) -> dict:
    await request.body()
    return {"stored_through": 1, "refused": {}}

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


@dataclass
class Reply:
    status_code: int
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.content)


class Wire:
    """One kiosk's keep-alive HTTP/1.1 connection, spoken by hand: a kiosk's request costs this
    generator some tens of microseconds, so 200 kiosks measure the server, not httpx."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        host, _, port = url.removeprefix("http://").partition(":")
        self._host, self._port = host, int(port)
        self._head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Reply:
        try:
            return await self._exchange(method, path, body, headers or {})
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            if self._streams is not None:
                self._streams[1].close()
            self._streams = None
            raise httpx.ReadError(f"{type(exc).__name__}: {exc}") from exc

    async def _exchange(
        self, method: str, path: str, body: bytes, headers: dict[str, str]
    ) -> Reply:
        if self._streams is None:
            self._streams = await asyncio.open_connection(self._host, self._port)
        reader, writer = self._streams
        extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        writer.write(
            f"{method} {path} HTTP/1.1\r\nHost: {self._host}\r\n{self._head}{extra}"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            if name.lower() == "transfer-encoding":
                raise ValueError("chunked replies are not spoken here")
        return Reply(status, await reader.readexactly(length) if length else b"")

    def close(self) -> None:
        if self._streams is not None:
            self._streams[1].close()


@dataclass
class Timings:
    ms: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    said: dict[str, str] = field(default_factory=dict)
    from_: float = 0.0
    """Monotonic time before which requests are made but not counted (the warm-up)."""
    trace: list[tuple[float, str, float]] = field(default_factory=list)
    """(start, route, ms) of every counted request, for `--trace`."""

    async def time(
        self, route: str, call: Awaitable[httpx.Response | Reply]
    ) -> httpx.Response | Reply | None:
        began = time.perf_counter()
        counted = time.monotonic() >= self.from_
        try:
            response = await call
        except httpx.HTTPError as exc:
            self.errors[route] += 1
            self.said.setdefault(route, f"{type(exc).__name__}: {exc}")
            return None
        if counted:
            took = (time.perf_counter() - began) * 1000
            self.ms[route].append(took)
            self.trace.append((began, route, took))
        if response.status_code >= 400:
            self.errors[route] += 1
            self.said.setdefault(route, f"{response.status_code}: {response.text[:200]}")
            return None
        return response


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def every(
    period: float, until: float, rng: random.Random, step: Callable[[int], Awaitable[None]]
) -> None:
    """`step(n)` every `period` seconds from a random phase, on the clock (no drift)."""
    due = time.monotonic() + rng.uniform(0, period)
    n = 0
    while True:
        if due >= until:
            return
        pause = due - time.monotonic()
        if pause > 0:
            await asyncio.sleep(pause)
        n += 1
        await step(n)
        due += period
        if due < time.monotonic():
            due = time.monotonic()  # behind: the next one now, not a burst to catch up


def answer_body(items: list[Any], n: int, rng: random.Random) -> dict[str, Any]:
    item_id, choices = items[n % len(items)]
    return {
        "changes": [
            {
                "seq": n,
                "item_id": item_id,
                "choices": [rng.choice(choices)],
                "answered_at": rfc3339(datetime.now(UTC)),
            }
        ]
    }


async def hall_load(
    given: dict[str, Any],
    seconds: float,
    segment: bytes,
    timings: Timings,
    consoles: int,
    poll_every: float,
) -> int:
    url, kiosks = given["url"], given["kiosks"]
    rng = random.Random(1)
    limits = httpx.Limits(max_connections=len(kiosks) * 2 + 20, max_keepalive_connections=None)
    until = time.monotonic() + seconds
    digest = hashlib.sha256(segment).hexdigest()
    watched: list[str] = []
    wires: list[Wire] = []
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as http:

        def kiosk_tasks(k: dict[str, Any]) -> list[Awaitable[None]]:
            auth = {"Authorization": f"Bearer {k['token']}"}
            attempt = k["attempt"]
            polls, answers, chunks = (Wire(url, auth) for _ in range(3))
            wires.extend((polls, answers, chunks))

            async def poll(_n: int) -> None:
                await timings.time("GET seat", polls.request("GET", "/kiosk/v1/seat"))

            async def answer(n: int) -> None:
                body = json.dumps(answer_body(k["items"], n, rng)).encode()
                path = f"/kiosk/v1/attempts/{attempt}/answers"
                json_type = {"Content-Type": "application/json"}
                await timings.time("POST answers", answers.request("POST", path, body, json_type))

            async def record(n: int) -> None:
                now = datetime.now(UTC)
                declared = {
                    "sha256": digest,
                    "size": len(segment),
                    "frames": 60 * 15,
                    "starts_at": rfc3339(now - timedelta(seconds=60)),
                    "ends_at": rfc3339(now),
                }
                path = f"/kiosk/v1/attempts/{attempt}/recording/{n}"
                chunk = 1024 * 1024
                for offset in range(0, len(segment), chunk):
                    headers = {"Content-Type": "application/octet-stream"}
                    if offset == 0:
                        headers["X-Segment"] = json.dumps(declared)
                    sent = await timings.time(
                        "PUT recording chunk",
                        chunks.request(
                            "PUT",
                            f"{path}?offset={offset}",
                            segment[offset : offset + chunk],
                            headers,
                        ),
                    )
                    if sent is None:
                        return
                if not watched:
                    watched.append(attempt)

            return [
                every(poll_every, until, rng, poll),
                every(2.0, until, rng, answer),
                every(60.0, until, rng, record),
            ]

        admin = {"Authorization": f"Bearer {given['admin']}"}

        async def console() -> None:
            cursor = None
            while time.monotonic() < until:
                params: dict[str, Any] = {"wait": min(25.0, max(0.1, until - time.monotonic()))}
                if cursor:
                    params["after"] = cursor
                reply = await timings.time(
                    "GET changes (long poll)",
                    http.get("/api/v1/changes", params=params, headers=admin),
                )
                if reply is None:
                    await asyncio.sleep(1)
                    continue
                cursor = reply.json()["cursor"]

        async def proctor(_n: int) -> None:
            if watched:
                path = f"/api/v1/attempts/{watched[0]}/recording/1"
                await timings.time("GET recording (decrypted)", http.get(path, headers=admin))

        tasks = [t for k in kiosks for t in kiosk_tasks(k)]
        tasks += [console() for _ in range(consoles)]
        tasks.append(every(5.0, until, rng, proctor))
        await asyncio.gather(*tasks)
    for wire in wires:
        wire.close()
    return len(kiosks)


async def bare_load(
    url: str, kiosks: int, seconds: float, timings: Timings, poll_every: float
) -> None:
    rng = random.Random(2)
    until = time.monotonic() + seconds
    items = [["item", ["a", "b", "c", "d"]]]
    wires: list[Wire] = []
    tasks = []
    for n in range(kiosks):
        auth = {"Authorization": f"Bearer bare-{n}"}
        polls, answers = Wire(url, auth), Wire(url, auth)
        wires += [polls, answers]

        async def poll(_n: int, polls: Wire = polls) -> None:
            await timings.time("GET seat", polls.request("GET", "/kiosk/v1/seat"))

        async def answer(n: int, answers: Wire = answers) -> None:
            body = json.dumps(answer_body(items, n, rng)).encode()
            json_type = {"Content-Type": "application/json"}
            path = "/kiosk/v1/attempts/a/answers"
            await timings.time("POST answers", answers.request("POST", path, body, json_type))

        tasks += [every(poll_every, until, rng, poll), every(2.0, until, rng, answer)]
    await asyncio.gather(*tasks)
    for wire in wires:
        wire.close()


async def after_warmup(work: Awaitable[Any], warmup: float, pid: int) -> tuple[float, float]:
    """Runs `work`; the server's CPU seconds and the monotonic time once the warm-up is over."""
    marks: list[tuple[float, float]] = []

    async def mark() -> None:
        await asyncio.sleep(warmup)
        marks.append((cpu_seconds(pid), time.monotonic()))

    await asyncio.gather(work, mark())
    return marks[0]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def report(title: str, timings: Timings, seconds: float) -> None:
    print(f"{title}")
    print(
        f"  {'route':<28}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}"
        f"{'errors':>8}"
    )
    for route in sorted(set(timings.ms) | set(timings.errors)):
        ms = timings.ms.get(route, [])
        print(
            f"  {route:<28}{len(ms):>9}{len(ms) / seconds:>8.1f}"
            f"{percentile(ms, 0.5):>9.1f}{percentile(ms, 0.99):>9.1f}"
            f"{max(ms, default=float('nan')):>9.1f}{timings.errors.get(route, 0):>8}"
        )
    for route, said in timings.said.items():
        print(f"  first error on {route}: {said}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kiosks", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--url", default=os.environ.get("HALL_TEST_POSTGRES_URL", ""))
    parser.add_argument("--segment-mb", type=float, default=3.0)
    parser.add_argument("--bare-seconds", type=float, default=20.0)
    parser.add_argument("--consoles", type=int, default=3)
    parser.add_argument("--poll", type=float, default=1.0, help="seconds between seat polls")
    parser.add_argument(
        "--warmup",
        type=float,
        default=5.0,
        help="seconds of load before the count starts (kiosks come on line at once: every "
        "credential and seat is read cold); errors are counted from the start",
    )
    parser.add_argument("--trace", type=Path, help="write every counted request here (JSON lines)")
    args = parser.parse_args()
    database = ""
    if args.database == "postgresql":
        if not args.url:
            parser.error("--database postgresql needs --url or HALL_TEST_POSTGRES_URL")
        reset_postgres(args.url)
        database = args.url

    with tempfile.TemporaryDirectory(prefix="hall-load-") as tmp:
        work = Path(tmp)
        hall = subprocess.Popen(
            [sys.executable, "-c", HALL, str(work), str(args.kiosks), database],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert hall.stdin is not None and hall.stdout is not None
        try:
            began = time.monotonic()
            if hall.stdout.readline().strip() != "ready":
                raise SystemExit("the hall did not start")
            given = json.loads((work / "load.json").read_text())
            print(
                f"hall ready in {time.monotonic() - began:.1f} s: {len(given['kiosks'])} kiosks "
                f"seated and started, database {args.database}"
            )
            segment = seal_segment(
                os.urandom(int(args.segment_mb * 1024 * 1024)), load_box_public(Path(given["box"]))
            )
            timings = Timings(from_=time.monotonic() + args.warmup)
            whole = args.warmup + args.seconds
            load = hall_load(given, whole, segment, timings, args.consoles, args.poll)
            cpu_before, wall_before = asyncio.run(after_warmup(load, args.warmup, hall.pid))
            wall = time.monotonic() - wall_before
            cpu = (cpu_seconds(hall.pid) - cpu_before) / wall
        finally:
            hall.stdin.write("\n")
            hall.stdin.flush()
            hall.wait(timeout=120)

    port = free_port()
    bare = subprocess.Popen([sys.executable, "-c", BARE, str(port)])
    try:
        bare_url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(f"{bare_url}/kiosk/v1/seat", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        floor = Timings(from_=time.monotonic() + args.warmup)
        whole = args.warmup + args.bare_seconds
        floor_load = bare_load(bare_url, args.kiosks, whole, floor, args.poll)
        bare_cpu_before, bare_began = asyncio.run(after_warmup(floor_load, args.warmup, bare.pid))
        bare_wall = time.monotonic() - bare_began
        bare_cpu = (cpu_seconds(bare.pid) - bare_cpu_before) / bare_wall
    finally:
        bare.terminate()
        bare.wait(timeout=30)

    report(
        f"room server ({args.database}, {args.kiosks} kiosks, {wall:.0f} s), "
        f"server CPU {cpu:.0%} of a core",
        timings,
        wall,
    )
    report(
        f"bare uvicorn route, same seat and answer rates ({bare_wall:.0f} s), "
        f"CPU {bare_cpu:.0%} of a core",
        floor,
        bare_wall,
    )
    if args.trace:
        first = min((t[0] for t in timings.trace), default=0.0)
        args.trace.write_text(
            "".join(
                json.dumps({"at": round(at - first, 4), "route": route, "ms": round(ms, 2)}) + "\n"
                for at, route, ms in timings.trace
            )
        )
    kiosk_routes = ("GET seat", "POST answers", "PUT recording chunk")
    kiosk_ms = [m for r in kiosk_routes for m in timings.ms.get(r, [])]
    requests = sum(len(v) for v in timings.ms.values()) + sum(timings.errors.values())
    line = {
        "kiosks": args.kiosks,
        "poll_s": args.poll,
        "warmup_s": args.warmup,
        "database": args.database,
        "seconds": round(wall, 1),
        "requests": requests,
        "errors": sum(timings.errors.values()),
        "p99_ms": round(percentile(kiosk_ms, 0.99), 1),
        "p50_ms": round(percentile(kiosk_ms, 0.5), 1),
        "seat_p99_ms": round(percentile(timings.ms.get("GET seat", []), 0.99), 1),
        "answers_p99_ms": round(percentile(timings.ms.get("POST answers", []), 0.99), 1),
        "server_cpu": round(cpu, 2),
        "bare_p99_ms": round(percentile([m for v in floor.ms.values() for m in v], 0.99), 1),
    }
    print(json.dumps(line))


if __name__ == "__main__":
    main()
