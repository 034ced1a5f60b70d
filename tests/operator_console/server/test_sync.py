"""The sync worker against a real upstream stub that fails on purpose (contracts §3)."""

from __future__ import annotations

import random
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hardware.clock import FakeClock
from operator_console.central.store import StubStore
from operator_console.central.stub import FaultPlan, create_stub_app
from operator_console.server.models import OutboxRecord
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
from operator_console.server.upstream import outbox
from operator_console.server.upstream.sync import BACKOFF_CAP, SyncWorker, backoff_seconds
from operator_console.server.upstream.upstream_link import UpstreamReply
from tests.conftest import HALL_ID, hall_config
from tests.hall import wait_until
from tests.records import enqueue_results, queue, result_record
from tests.tcp_gate import HeldPort


@pytest.fixture
def stub_now(clock: FakeClock) -> Callable[[], datetime]:
    return clock.now


@pytest.fixture
def hall(tmp_path: Path, keys: Path, stub: ServerThread, clock: FakeClock) -> Iterator[HallRuntime]:
    rt = HallRuntime(hall_config(tmp_path, keys, stub.url), clock=clock)
    yield rt
    rt.close()


def statuses(rt: HallRuntime) -> dict[str, str]:
    with rt.tx() as db:
        return dict(
            db.execute(
                select(OutboxRecord.id, OutboxRecord.status).where(OutboxRecord.kind == "result")
            ).all()
        )


def drain(rt: HallRuntime, passes: int = 20) -> None:
    """Runs sync passes, moving the clock past every backoff, until nothing is pending."""
    for _ in range(passes):
        rt.sync.run_once()
        if "pending" not in statuses(rt).values():
            return
        rt.clock.advance(timedelta(seconds=BACKOFF_CAP + 1))  # type: ignore[attr-defined]
    raise AssertionError(f"still pending after {passes} passes: {statuses(rt)}")


def test_server_errors_are_retried_until_stored(
    hall: HallRuntime, faults: FaultPlan, stub_store: StubStore
) -> None:
    faults.fail_first = 3
    records = enqueue_results(hall, 1)
    hall.sync.run_once()
    with hall.tx() as db:
        row = db.get(OutboxRecord, str(records[0]["result_id"]))
        assert row and row.status == "pending" and row.http_status == 503 and row.tries == 1
        assert row.next_try_at >= hall.clock.now()
    drain(hall)
    assert stub_store.records("results") == {str(records[0]["result_id"]): records[0]}


def test_lost_acknowledgement_never_makes_a_second_or_different_record(
    hall: HallRuntime, faults: FaultPlan, stub_store: StubStore
) -> None:
    faults.lose_ack_every = 2
    records = enqueue_results(hall, 4)
    drain(hall)
    assert set(statuses(hall).values()) == {"delivered"}
    stored = stub_store.records("results")
    assert stored == {str(r["result_id"]): r for r in records}


def test_timeout_after_the_upstream_stored_is_retried_idempotently(
    tmp_path: Path,
    keys: Path,
    stub: ServerThread,
    faults: FaultPlan,
    clock: FakeClock,
    stub_store: StubStore,
) -> None:
    faults.ack_delay_seconds = 1.0
    config = hall_config(
        tmp_path,
        keys,
        stub.url,
        upstream={"url": stub.url, "hall_id": HALL_ID, "timeout_seconds": 0.3},
    )
    rt = HallRuntime(config, clock=clock)
    try:
        records = enqueue_results(rt, 1)
        rt.sync.run_once()
        with rt.tx() as db:
            row = db.get(OutboxRecord, str(records[0]["result_id"]))
            assert row and row.status == "pending" and "Timeout" in (row.last_error or "")
        faults.ack_delay_seconds = 0.0
        drain(rt)
        with rt.tx() as db:
            assert db.get(OutboxRecord, str(records[0]["result_id"])).http_status == 200  # type: ignore[union-attr]
        assert len(stub_store.records("results")) == 1
    finally:
        rt.close()


def test_upstream_down_then_back(
    tmp_path: Path, keys: Path, clock: FakeClock, stub_store: StubStore, held_port: HeldPort
) -> None:
    # nothing listens there: the central system is down
    rt = HallRuntime(hall_config(tmp_path, keys, held_port.url), clock=clock)
    try:
        records = enqueue_results(rt, 2)
        rt.sync.run_once()
        with rt.tx() as db:
            rows = db.execute(select(OutboxRecord).where(OutboxRecord.kind == "result")).scalars()
            assert all(
                r.status == "pending" and r.http_status is None and r.last_error for r in rows
            )
        with ServerThread(create_stub_app(stub_store, now=clock.now), sock=held_port.socket()):
            drain(rt)
        assert len(stub_store.records("results")) == 2
        assert {str(r["result_id"]) for r in records} == set(stub_store.records("results"))
    finally:
        rt.close()


def test_conflict_is_parked_for_a_person_and_raises_the_alarm(
    hall: HallRuntime, stub_store: StubStore
) -> None:
    record = result_record(HALL_ID)
    stub_store.store("results", str(record["result_id"]), dict(record, outcome="fail"))
    queue(hall, record)
    hall.sync.run_once()
    assert statuses(hall) == {record["result_id"]: "parked"}
    with hall.tx() as db:
        status = outbox.sync_status(db, HALL_ID, hall.clock.now())
    assert (status.parked, status.level) == (1, "alarm")


def test_invalid_record_is_parked_not_retried(hall: HallRuntime, stub_store: StubStore) -> None:
    record = result_record(HALL_ID, iin="bad")
    queue(hall, record)
    hall.sync.run_once()
    hall.sync.run_once()
    with hall.tx() as db:
        row = db.get(OutboxRecord, str(record["result_id"]))
        assert row and (row.status, row.http_status, row.tries) == ("parked", 422, 1)


def test_twenty_minute_clock_warns_at_ten_and_alarms_at_fifteen(
    hall: HallRuntime, faults: FaultPlan
) -> None:
    faults.fail_first = 10**6
    enqueue_results(hall, 1)
    levels = []
    for minutes in (9, 1, 5):
        hall.clock.advance(timedelta(minutes=minutes))  # type: ignore[attr-defined]
        with hall.tx() as db:
            levels.append(outbox.sync_status(db, HALL_ID, hall.clock.now()).level)
    assert levels == ["ok", "warning", "alarm"]


def test_backoff_is_full_jitter_capped_at_a_minute() -> None:
    assert backoff_seconds(0, lambda lo, hi: hi) == 0.5
    assert backoff_seconds(3, lambda lo, hi: hi) == 4.0
    assert backoff_seconds(200, lambda lo, hi: hi) == BACKOFF_CAP
    rng = random.Random(1)
    samples = [backoff_seconds(10, rng.uniform) for _ in range(500)]
    assert min(samples) >= 0 and max(samples) <= BACKOFF_CAP
    assert min(samples) < 10 < max(samples)


class DroppingPeer:
    """Accepts each connection, reads the request, and hangs up without a word."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.dropped = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                self.dropped += 1

    def close(self) -> None:
        # shutdown() wakes the thread blocked in accept(); close() alone would not free the port.
        self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        self._thread.join(timeout=5)


def test_a_dropped_connection_is_retried_and_the_record_delivered_later(
    tmp_path: Path, keys: Path, clock: FakeClock, stub_store: StubStore
) -> None:
    peer = DroppingPeer()
    rt = HallRuntime(hall_config(tmp_path, keys, f"http://127.0.0.1:{peer.port}"), clock=clock)
    try:
        records = enqueue_results(rt, 1)
        rt.sync.run_once()
        assert peer.dropped >= 1
        with rt.tx() as db:
            row = db.get(OutboxRecord, str(records[0]["result_id"]))
            assert row and row.status == "pending" and row.http_status is None
            # End of stream or reset, depending on timing: either way no answer, so a retry.
            assert any(
                kind in (row.last_error or "") for kind in ("RemoteProtocolError", "ReadError")
            )
        port = peer.port
        peer.close()
        with ServerThread(create_stub_app(stub_store, now=clock.now), port=port):
            drain(rt)
        assert str(records[0]["result_id"]) in stub_store.records("results")
    finally:
        rt.close()


class PokingLink:
    """The real link, but the first send also queues a new result and pokes the worker: a finish
    landing while a pass is sending (the window the worker must not drop a poke in)."""

    def __init__(self, rt: HallRuntime) -> None:
        self._rt, self._link, self.poked = rt, rt.link, False

    def get(self, target: str) -> UpstreamReply:
        return self._link.get(target)

    def put(self, target: str, body: bytes) -> UpstreamReply:
        reply = self._link.put(target, body)
        if not self.poked:
            self.poked = True
            enqueue_results(self._rt, 1)
            self._rt.sync.poke()
        return reply

    def close(self) -> None:
        self._link.close()


def test_a_poke_during_the_send_is_not_lost(
    tmp_path: Path, keys: Path, stub: ServerThread, clock: FakeClock, stub_store: StubStore
) -> None:
    rt = HallRuntime(hall_config(tmp_path, keys, stub.url), clock=clock)
    link = PokingLink(rt)
    rt.sync = SyncWorker(rt.factory, link, clock, HALL_ID)
    rt.sync.idle_seconds = 600.0  # a lost poke would leave the second result waiting this long
    try:
        enqueue_results(rt, 1)
        rt.sync.start()
        wait_until(lambda: len(stub_store.records("results")) == 2, what="both results upstream")
        assert link.poked
    finally:
        rt.close()  # stops the worker too


def test_after_an_outage_the_first_success_sends_everything_at_once(
    tmp_path: Path, keys: Path, clock: FakeClock, stub_store: StubStore, held_port: HeldPort
) -> None:
    # nothing listens there: the central system is down
    rt = HallRuntime(hall_config(tmp_path, keys, held_port.url), clock=clock)
    try:
        enqueue_results(rt, 60)
        for _ in range(10):  # half an hour of an unreachable central system
            clock.advance(timedelta(minutes=3))
            rt.sync.run_once()
        with rt.tx() as db:
            later = db.execute(
                select(func.count())
                .select_from(OutboxRecord)
                .where(OutboxRecord.next_try_at > clock.now())
            ).scalar_one()
        assert later > 0  # backed off: without the release they would wait for the clock
        with ServerThread(create_stub_app(stub_store, now=clock.now), sock=held_port.socket()):
            for _ in range(5):  # no time passes: the first success makes every record due
                rt.sync.run_once()
        assert len(stub_store.records("results")) == 60
    finally:
        rt.close()
