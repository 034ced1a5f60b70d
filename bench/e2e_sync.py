"""End to end: the headless hall with N candidates; test end -> upstream acknowledgement.

Prints the median and p99 of that latency and the wall time, beside the physical floor measured
in the same run: one bare signed PUT round trip to the same kind of upstream stub on loopback.

    .venv/bin/python bench/e2e_sync.py [--candidates 50]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from operator_console.central.store import StubStore
from operator_console.central.stub import create_stub_app
from operator_console.demo.hall import DemoHall, DemoSettings
from operator_console.demo.headless import play_session
from operator_console.protocol.canonical import canonical_json
from operator_console.protocol.signing import sign_headers
from operator_console.server.serve import ServerThread
from question_banks.keys import generate_hall_keys, load_signing_key
from tests.records import result_record


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bare_put_round_trips(work: Path, n: int = 200) -> list[float]:
    keys = work / "bare-keys"
    generate_hall_keys(keys)
    store = StubStore(work / "bare-upstream")
    store.register_hall("bare", (keys / "hall-sign.pub").read_bytes())
    key = load_signing_key(keys / "hall-sign.key")
    times = []
    with ServerThread(create_stub_app(store)) as stub, httpx.Client(base_url=stub.url) as client:
        for _ in range(n):
            record = result_record("bare", str(uuid.uuid4()))
            body = canonical_json(record)
            target = f"/v1/results/{record['result_id']}"
            started = time.perf_counter()
            headers = sign_headers(key, "bare", "PUT", target, body, datetime.now(UTC))
            reply = client.put(target, content=body, headers=headers)
            times.append(time.perf_counter() - started)
            assert reply.status_code == 201
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-e2e-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        settings = DemoSettings(workdir=work / "hall", roster_size=args.candidates)
        settings.workdir.mkdir()
        with DemoHall(settings) as hall:
            ready = time.perf_counter()
            report = play_session(hall, args.candidates, timeout=300)
        wall = time.perf_counter() - started
        bare = bare_put_round_trips(work)
    lat = report.latencies()
    print(
        f"candidates on the roster: {args.candidates}; admitted {len(report.admitted)}, "
        f"refused {len(report.refused)}; results acknowledged {len(report.acknowledged)}"
        f"/{report.expected}"
    )
    if lat:
        print(
            f"test end -> upstream ack: median {statistics.median(lat) * 1000:.1f} ms, "
            f"p99 {percentile(lat, 0.99) * 1000:.1f} ms, max {max(lat) * 1000:.1f} ms"
        )
    print(
        f"bare signed PUT round trip (floor): median {statistics.median(bare) * 1000:.2f} ms, "
        f"p99 {percentile(bare, 0.99) * 1000:.2f} ms"
    )
    print(f"wall time: {wall:.1f} s total, of which start-up {ready - started:.1f} s")
    return 0 if len(report.acknowledged) == report.expected else 1


if __name__ == "__main__":
    sys.exit(main())
