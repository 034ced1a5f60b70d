"""Drain after an upstream outage: N results pending through a 30-minute outage on a simulated
clock, then the time from the central system answering again to its last acknowledgement.

The real sync worker runs on its own thread; only the clock of record is simulated (so half an
hour of backoff passes in a moment). Printed beside the floor measured in the same run: the same N
records sent by the same worker to an upstream that never went away.

    .venv/bin/python bench/outage.py [--results 500] [--outage-minutes 30]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hardware.clock import FakeClock
from operator_console.central.store import StubStore
from operator_console.central.stub import create_stub_app
from operator_console.server.config import HallConfig
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
from question_banks.keys import (
    generate_authority_key,
    generate_hall_keys,
    load_box_public,
    load_signing_key,
)
from question_banks.samples import write_sample_packages
from tests.records import HALL_ID, enqueue_results


def runtime(work: Path, keys: Path, upstream: str, clock: FakeClock) -> HallRuntime:
    banks = work / "banks"
    if not banks.exists():
        write_sample_packages(
            banks,
            authority=load_signing_key(keys / "authority.key"),
            hall=load_box_public(keys / "hall-box.pub"),
            programs=("legislation",),
        )
    config = HallConfig.model_validate(
        {
            "server": {"listen": "127.0.0.1:0", "data_dir": str(work / "hall")},
            "upstream": {"url": upstream, "hall_id": HALL_ID, "timeout_seconds": 2},
            "keys": {"dir": str(keys)},
            "banks": {"dir": str(banks)},
        }
    )
    return HallRuntime(config, clock=clock)


def delivered(store: StubStore) -> int:
    return len(store.records("results"))


def wait_for(store: StubStore, n: int, limit: float = 300.0) -> float:
    started, done = time.perf_counter(), threading.Event()
    while delivered(store) < n:
        if time.perf_counter() - started > limit:
            raise SystemExit(f"only {delivered(store)}/{n} acknowledged after {limit:g} s")
        done.wait(0.01)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=int, default=500)
    parser.add_argument("--outage-minutes", type=int, default=30)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # the outage's refused sends are expected here
    with tempfile.TemporaryDirectory(prefix="bench-outage-") as tmp:
        work = Path(tmp)
        keys = work / "keys"
        generate_hall_keys(keys)
        generate_authority_key(keys)
        clock = FakeClock(datetime.now(UTC))
        figures = {}
        for name, outage in (("floor, no outage", False), ("after the outage", True)):
            store_dir = work / f"upstream-{outage}"
            store_dir.mkdir()
            for key in ("authority.key", "authority.pub"):
                (store_dir / key).write_bytes((keys / key).read_bytes())
            store = StubStore(store_dir)
            store.register_hall(HALL_ID, (keys / "hall-sign.pub").read_bytes())
            first = ServerThread(create_stub_app(store, now=clock.now)).start()
            port = first.port
            if outage:
                first.stop()
            rt = runtime(work / f"hall-{outage}", keys, f"http://127.0.0.1:{port}", clock)
            enqueue_results(rt, args.results)
            if outage:
                for _ in range(args.outage_minutes):  # a pass a minute, all refused
                    clock.advance(timedelta(minutes=1))
                    rt.sync.run_once()
                stub = ServerThread(create_stub_app(store, now=clock.now), port=port).start()
            else:
                stub = first
            rt.sync.start()
            rt.sync.poke()
            figures[name] = wait_for(store, args.results)
            rt.sync.stop()
            rt.close()
            stub.stop()
        for name, seconds in figures.items():
            print(f"{args.results} results, {name}: all acknowledged in {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
