"""A round of kill -9: scripted kiosks sit their tests while the room server (a process of its
own, `operator-console serve`) is killed with SIGKILL at random moments and started again.

Printed: the changes the kiosks were told were stored against those the server holds (lost:
acknowledged but not on the server), the attempts finished against the results the central
system holds, and the round's wall time beside the same kiosks' round with no kill, measured in
the same run.

    .venv/bin/python bench/kill9.py [--kiosks 24] [--kills 9] [--seed 20261204] [--pace 0.3]
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from operator_console.central.store import StubStore
from operator_console.central.stub import create_stub_app
from operator_console.server.serve import ServerThread
from question_banks.keys import generate_authority_key, generate_hall_keys
from tests.conftest import HALL_ID
from tests.served import KillRound, ServerProcess, kill_round, served_hall

PROGRAMS = ("state_language", "legislation")


def one_round(work: Path, kiosks: int, kills: int, seed: int, pace: float) -> KillRound:
    keys = work / "keys"
    generate_hall_keys(keys)
    generate_authority_key(keys)
    upstream = work / "upstream"
    upstream.mkdir()
    for name in ("authority.key", "authority.pub"):
        (upstream / name).write_bytes((keys / name).read_bytes())
    store = StubStore(upstream)
    store.register_hall(HALL_ID, (keys / "hall-sign.pub").read_bytes())
    env = dict(
        os.environ,
        XDG_STATE_HOME=str(work / "state"),
        XDG_DATA_HOME=str(work / "xdg-data"),
        HOME=str(work),
    )
    started: list[ServerProcess] = []
    with ServerThread(create_stub_app(store)) as stub:
        try:
            # The sample roster has one banned candidate in every few: ask for a few more.
            server, desk = served_hall(
                work,
                keys,
                store,
                stub,
                env,
                started,
                candidates=kiosks + kiosks // 6 + 1,
                programs=PROGRAMS,
            )
            return kill_round(
                work, server, desk, store, kills, random.Random(seed), pace=pace, seats=kiosks
            )
        finally:
            for server in started:
                if server.proc is not None and server.proc.poll() is None:
                    server.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiosks", type=int, default=24)
    parser.add_argument("--kills", type=int, default=9)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--pace", type=float, default=0.3, help="seconds between answers")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)  # the kiosks' refused sends are expected here
    rounds: dict[str, KillRound] = {}
    for name, kills in (("no kill", 0), (f"{args.kills} kills", args.kills)):
        with tempfile.TemporaryDirectory(prefix="bench-kill9-") as tmp:
            rounds[name] = one_round(Path(tmp), args.kiosks, kills, args.seed, args.pace)
    for name, done in rounds.items():
        print(
            f"{name:>9}: {done.kiosks} kiosks, {done.kills} kills in {done.seconds:.1f} s; "
            f"changes acknowledged {len(done.acknowledged)}, on the server "
            f"{len(done.on_server & done.acknowledged)}, lost {len(done.lost)}; "
            f"attempts finished {done.finished}, results delivered {len(done.delivered)} "
            f"(other than finished: {len(done.delivered ^ done.finished_ids)}, score differs: "
            f"{len(done.scores_differ)}); kiosk errors {len(done.errors)}"
        )
    worst = rounds[f"{args.kills} kills"]
    return 0 if not worst.lost and worst.delivered == worst.finished_ids else 1


if __name__ == "__main__":
    raise SystemExit(main())
