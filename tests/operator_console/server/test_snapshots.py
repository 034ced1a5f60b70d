"""Seat polls and credentials kept in memory: which committed writes make them stale."""

from __future__ import annotations

from datetime import UTC, datetime

from operator_console.protocol.kiosk_api import SeatAssignment
from operator_console.server.changes import touch
from operator_console.server.db import keeps_seats
from operator_console.server.models import Incident
from operator_console.server.runtime import HallRuntime

NOW = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)


def seat(code: str) -> SeatAssignment:
    return SeatAssignment(seat=code, server_time=NOW)


def write(rt: HallRuntime, *, seats: tuple[str, ...] = (), kept: bool = False) -> None:
    """A committed write that says it touched `seats` (nothing said: it may touch anything)."""
    with rt.tx() as db:
        if kept:
            keeps_seats(db)
        db.add(Incident(at=NOW, category="lockdown", code="focus_lost", reported_by="test"))
        for code in seats:
            touch(db, "seat", code)


def kept_both(rt: HallRuntime) -> None:
    version = rt.live.snapshots.version
    rt.live.snapshots.keep_seat("A01", seat("A01"), version)
    rt.live.snapshots.keep_seat("A02", seat("A02"), version)


def test_a_write_that_says_nothing_makes_every_seat_stale(runtime: HallRuntime) -> None:
    kept_both(runtime)
    write(runtime)
    assert runtime.live.snapshots.seat("A01") is None and runtime.live.snapshots.seat("A02") is None


def test_a_write_that_touches_one_seat_makes_only_that_seat_stale(runtime: HallRuntime) -> None:
    kept_both(runtime)
    write(runtime, seats=("A01",))
    assert runtime.live.snapshots.seat("A01") is None
    assert runtime.live.snapshots.seat("A02") == seat("A02")


def test_a_write_that_keeps_seats_keeps_them_and_a_read_does_not_count(
    runtime: HallRuntime,
) -> None:
    kept_both(runtime)
    write(runtime, kept=True)
    with runtime.read() as db:
        db.get(Incident, 1)
    with runtime.tx() as db:  # a transaction that writes nothing
        db.get(Incident, 1)
    assert runtime.live.snapshots.seat("A01") == seat("A01")


def test_what_was_read_before_a_write_is_not_kept_after_it(runtime: HallRuntime) -> None:
    version = runtime.live.snapshots.version  # a poll starts reading here ...
    write(runtime, seats=("A02",))  # ... a write to another seat commits meanwhile ...
    runtime.live.snapshots.keep_seat("A01", seat("A01"), version)  # ... and its answer comes late
    assert runtime.live.snapshots.seat("A01") is None


def test_a_rolled_back_write_changes_nothing_kept(runtime: HallRuntime) -> None:
    kept_both(runtime)
    try:
        with runtime.tx() as db:
            db.add(Incident(at=NOW, category="lockdown", code="focus_lost", reported_by="test"))
            db.flush()
            raise RuntimeError("refused")
    except RuntimeError:
        pass
    assert runtime.live.snapshots.seat("A01") == seat("A01")
