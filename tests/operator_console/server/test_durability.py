"""Nothing acknowledged is ever lost: processes killed with SIGKILL, then their data read back."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hardware.clock import SystemClock
from kiosk.hall_client import HallClient, enroll
from kiosk.journal import Journal
from kiosk.sitting import Sitting
from operator_console.central.store import StubStore
from operator_console.central.stub import FaultPlan
from operator_console.core.desk import Desk
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import AnswerChange
from operator_console.server.db import make_engine
from operator_console.server.serve import ServerThread
from tests.hall import hall_toml, wait_until
from tests.served import ServerProcess, kill_round, served_hall, todays_roster

WRITER = """
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from kiosk.journal import Journal
from kiosk.scripted import ScriptedCandidate, ScriptedResult
journal = Journal(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    seq = journal.record("attempt-1", f"item-{n % 55}", [chr(65 + n % 4)], datetime.now(UTC))
    print(seq, flush=True)  # the screen would now show the answer as saved
"""


def test_kiosk_journal_keeps_every_acknowledged_answer_through_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    acknowledged = [int(writer.stdout.readline()) for _ in range(300)]
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    journal = Journal(path)
    try:
        assert acknowledged == list(range(1, 301))
        assert journal.last_seq("attempt-1") >= 300
        kept = {c.seq: c for c in journal.pending("attempt-1", limit=100_000)}
        for n in acknowledged:
            assert kept[n].item_id == f"item-{n % 55}" and kept[n].choices == [chr(65 + n % 4)]
    finally:
        journal.close()


@pytest.fixture
def server_env(tmp_path: Path) -> dict[str, str]:
    return dict(
        os.environ,
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        HOME=str(tmp_path),
    )


@pytest.fixture
def killed_server(tmp_path: Path) -> Iterator[list[ServerProcess]]:
    started: list[ServerProcess] = []
    yield started
    for server in started:
        if server.proc is not None and server.proc.poll() is None:
            server.kill()


def test_room_server_killed_after_acknowledging_loses_nothing(
    tmp_path: Path,
    keys: Path,
    stub_store: StubStore,
    stub: ServerThread,
    faults: FaultPlan,
    server_env: dict[str, str],
    killed_server: list[ServerProcess],
) -> None:
    faults.fail_first = 10**9  # the upstream is down for now: the result must wait in the outbox
    server, desk = served_hall(tmp_path, keys, stub_store, stub, server_env, killed_server)
    reg = desk.registrations[1]  # sits legislation only
    url = server.url
    enrolled = desk.seat_at_new_kiosk(desk.admit(reg), "A01", lambda code: enroll(url, code, "k1"))
    desk.start()
    kiosk = HallClient(server.url, enrolled.token)
    form = kiosk.start_attempt(kiosk.seat().attempts[0].attempt_id, "ru")
    journal = Journal(tmp_path / "kiosk.db")
    sitting = Sitting(form, journal, kiosk, SystemClock())
    for item in form.items:
        sitting.answer(item.item_id, [item.choices[0].id])
    done = sitting.finish("submitted")  # acknowledged: from here on it must never be lost
    kiosk.close()
    desk.close()
    journal.close()

    server.kill()
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'hall.db'}")
    with engine.connect() as conn:
        status = conn.exec_driver_sql(
            "SELECT status FROM outbox WHERE id = ?", (done.attempt_id,)
        ).scalar()
        answers = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM answer_event WHERE attempt_id = ?", (done.attempt_id,)
        ).scalar()
    engine.dispose()
    assert (status, answers) == ("pending", 55)

    faults.fail_first = 0  # the upstream is back
    server.start()
    wait_until(
        lambda: done.attempt_id in stub_store.records("results"),
        timeout=60,
        what="the result to reach the upstream after the restart",
    )
    record = stub_store.records("results")[done.attempt_id]
    assert record["total"]["score"] == done.total and len(record["answers"]) == 55


@pytest.mark.slow
def test_kiosks_catch_up_by_themselves_through_rounds_of_kill_9(
    tmp_path: Path,
    keys: Path,
    stub_store: StubStore,
    stub: ServerThread,
    server_env: dict[str, str],
    killed_server: list[ServerProcess],
) -> None:
    """Scripted kiosks answer while the room server is killed at random moments and started
    again: every acknowledged change is kept, every result reaches the central system once,
    and every kiosk goes on by itself."""
    server, desk = served_hall(
        tmp_path,
        keys,
        stub_store,
        stub,
        server_env,
        killed_server,
        candidates=7,
        programs=("state_language", "legislation"),
    )
    done = kill_round(tmp_path, server, desk, stub_store, kills=4, rng=random.Random(20261202))
    assert done.kills >= 3, "the kiosks finished before the server was killed three times"
    assert done.errors == {}
    assert done.finished > done.kiosks  # both programs, each kiosk
    assert done.acknowledged and not done.lost
    assert done.delivered == done.finished_ids  # each once: one record per attempt, no other
    assert done.scores_differ == []


ON_A_SMALL_DISK = """
set -e
mount -t tmpfs -o size=16m tmpfs "$HALL_DATA"
printf 'desk-password\\n' | "$PYTHON" -m operator_console.cli admin --config "$HALL_CONFIG" \\
    create-user --username desk --role administrator --password-stdin
exec "$PYTHON" -m operator_console.cli serve --config "$HALL_CONFIG"
"""
"""The room server with its data on a 16 MB disk of its own (a tmpfs in a mount namespace)."""


def inside(pid: int, database: Path, sql: str) -> list[object]:
    """The first row of `sql` on a database as the process `pid` sees it (in its mount
    namespace: SQLite resolves /proc/PID/root back into ours, so it is read from in there)."""
    code = (
        "import json, sqlite3, sys; db = sqlite3.connect(sys.argv[1]);"
        "print(json.dumps(list(db.execute(sys.argv[2]).fetchone())))"
    )
    enter = ["nsenter", f"--target={pid}", "--mount", "--user", "--preserve-credentials"]
    out = subprocess.run(
        [*enter, sys.executable, "-c", code, str(database), sql],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    row: list[object] = json.loads(out.stdout)
    return row


def fill(folder: Path) -> Path:
    """Writes a file in `folder` until its disk is full."""
    filler = folder / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


@pytest.mark.slow
def test_a_full_disk_refuses_answers_unacknowledged_and_writing_resumes_when_space_is_back(
    tmp_path: Path,
    keys: Path,
    stub_store: StubStore,
    stub: ServerThread,
    server_env: dict[str, str],
    killed_server: list[ServerProcess],
) -> None:
    today = todays_roster(stub_store, 2)
    config = hall_toml(tmp_path, keys, stub.url)
    data = tmp_path / "data"
    data.mkdir()
    env = dict(server_env, HALL_DATA=str(data), HALL_CONFIG=str(config), PYTHON=sys.executable)
    args = ["unshare", "--map-root-user", "--mount", "sh", "-c", ON_A_SMALL_DISK]
    server = ServerProcess(config, env, args)
    killed_server.append(server)
    server.start()
    assert server.proc is not None
    seen = Path(f"/proc/{server.proc.pid}/root") / data.relative_to("/")  # its disk, from here

    desk = Desk.sign_in(server.url, "desk", "desk-password", today)
    url = server.url
    enrolled = desk.seat_at_new_kiosk(
        desk.admit(desk.registrations[1]), "A01", lambda code: enroll(url, code, "k1")
    )
    desk.start()
    desk.close()
    kiosk = HallClient(server.url, enrolled.token)
    form = kiosk.start_attempt(kiosk.seat().attempts[0].attempt_id, "ru")
    changes = [
        AnswerChange(
            seq=n, item_id=i.item_id, choices=[i.choices[0].id], answered_at=datetime.now(UTC)
        )
        for n, i in enumerate(form.items, start=1)
    ]
    assert kiosk.send_answers(form.attempt_id, changes[:5]).stored_through == 5
    # The log folded into the database and emptied: from here on a write needs new space.
    assert inside(server.proc.pid, data / "hall.db", "PRAGMA wal_checkpoint(TRUNCATE)")[0] == 0
    filler = fill(seen)
    try:
        with pytest.raises(ServerRefused) as refused:
            kiosk.send_answers(form.attempt_id, changes[5:])
        assert refused.value.status == 503 and "disk is full" in refused.value.detail
        with pytest.raises(ServerRefused):
            kiosk.finish(form.attempt_id, "submitted", len(changes))
    finally:
        filler.unlink()
    ack = kiosk.send_answers(form.attempt_id, changes[5:])
    assert ack.stored_through == len(changes) and not ack.refused
    done = kiosk.finish(form.attempt_id, "submitted", len(changes))
    kiosk.close()
    assert inside(server.proc.pid, data / "hall.db", "PRAGMA integrity_check") == ["ok"]
    stored = inside(
        server.proc.pid,
        data / "hall.db",
        f"SELECT COUNT(*) FROM answer_event WHERE attempt_id = '{form.attempt_id}'",
    )
    assert stored == [len(changes)] and done.finish_reason == "submitted"


def test_offline_bundle_carries_every_undelivered_record_signed(
    tmp_path: Path, keys: Path, server_env: dict[str, str]
) -> None:
    """Upstream unreachable: results wait in the outbox; the bundle carries them, signed."""
    from operator_console.protocol.signing import document_signed
    from operator_console.server.config import load_config
    from operator_console.server.runtime import HallRuntime
    from question_banks.keys import load_verify_key
    from tests.records import enqueue_results

    config = hall_toml(tmp_path, keys, "http://127.0.0.1:9")
    runtime = HallRuntime(load_config(config, environ={}))
    records = enqueue_results(runtime, 3)
    runtime.sync.run_once()  # nothing answers: every record stays pending
    runtime.close()
    out = tmp_path / "bundle.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "operator_console.cli",
            "admin",
            "--config",
            str(config),
            "export-offline",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=server_env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    signed = json.loads(out.read_text("utf-8"))
    body = signed["bundle"]
    assert document_signed(load_verify_key(keys / "hall-sign.pub"), body, signed["signature"])
    carried = [r["body"] for r in body["records"] if r["kind"] == "result"]
    assert sorted(carried, key=lambda r: r["result_id"]) == sorted(
        records, key=lambda r: str(r["result_id"])
    )
    body["records"][0]["body"]["outcome"] = "pass"
    body["records"][0]["body"]["total"]["score"] = 55.0
    assert not document_signed(load_verify_key(keys / "hall-sign.pub"), body, signed["signature"])
