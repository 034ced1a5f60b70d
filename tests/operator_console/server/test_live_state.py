"""The server's live state has one owner and one after-commit hook, fed by a typed record of what
each transaction did: the kept answers are stale before a console hears of the change, a rolled
back transaction leaves no trace, and nothing is kept under string keys."""

from __future__ import annotations

import ast
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

import operator_console.server
from operator_console.protocol.kiosk_api import SeatAssignment
from operator_console.server.changes import touch
from operator_console.server.db import (
    TxRecord,
    keeps_seats,
    make_engine,
    migrate,
    reader,
    record,
    session_factory,
    transaction,
)
from operator_console.server.live.live_state import SILENCE_REMEMBERED, LiveState
from operator_console.server.models import Hall
from operator_console.server.seating.hall_map import stage_answers

NOW = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)
SERVER = Path(operator_console.server.__file__).parent


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'h.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def factory(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.fixture
def live(engine: Engine, factory: sessionmaker[Session]) -> LiveState:
    state = LiveState(lambda: NOW, reader(engine))
    state.follow(factory)
    return state


def _seat(code: str) -> SeatAssignment:
    return SeatAssignment(seat=code, server_time=NOW)


def _write(factory: sessionmaker[Session], hall: str, *changes: tuple[str, str]) -> None:
    with transaction(factory) as db:
        db.add(Hall(id=hall, name=hall))
        for kind, subject in changes:
            touch(db, kind, subject)


def test_a_console_woken_by_a_change_finds_the_kept_answers_already_stale(
    live: LiveState, factory: sessionmaker[Session]
) -> None:
    for _round in range(20):
        cursor = live.feed.cursor
        live.snapshots.keep_seat("A01", _seat("A01"), live.snapshots.version)
        seen: list[SeatAssignment | None] = []

        def console() -> None:
            live.feed.after(cursor, 10.0)  # noqa: B023
            seen.append(live.snapshots.seat("A01"))  # noqa: B023

        waiting = threading.Thread(target=console)
        waiting.start()
        _write(factory, f"h{_round}", ("seat", "A01"))
        waiting.join(10)
        assert seen == [None]


def test_only_the_seats_a_transaction_names_are_read_again(
    live: LiveState, factory: sessionmaker[Session]
) -> None:
    version = live.snapshots.version
    live.snapshots.keep_seat("A01", _seat("A01"), version)
    live.snapshots.keep_seat("A02", _seat("A02"), version)
    _write(factory, "h1", ("seat", "A01"))
    assert live.snapshots.seat("A01") is None and live.snapshots.seat("A02") == _seat("A02")
    _write(factory, "h2", ("session", "s1"))  # not a seat: every seat is read again
    assert live.snapshots.seat("A02") is None


def test_a_rolled_back_transaction_publishes_nothing_and_keeps_everything(
    live: LiveState, factory: sessionmaker[Session]
) -> None:
    live.snapshots.keep_seat("A01", _seat("A01"), live.snapshots.version)
    cursor = live.feed.cursor
    with pytest.raises(RuntimeError), transaction(factory) as db:
        db.add(Hall(id="h", name="h"))
        db.flush()
        touch(db, "seat", "A01")
        stage_answers(db, [("a1", "q1", 1, True)])
        raise RuntimeError("refused")
    assert live.feed.cursor == cursor
    assert live.snapshots.seat("A01") == _seat("A01")


def test_a_transaction_that_keeps_the_seats_publishes_but_keeps_them(
    live: LiveState, factory: sessionmaker[Session]
) -> None:
    live.snapshots.keep_seat("A01", _seat("A01"), live.snapshots.version)
    cursor = live.feed.cursor
    with transaction(factory) as db:
        keeps_seats(db)
        db.add(Hall(id="h", name="h"))
        touch(db, "sync", "outbox")
    assert live.feed.cursor != cursor
    assert live.snapshots.seat("A01") == _seat("A01")


def test_the_record_is_typed_and_session_info_holds_nothing(
    factory: sessionmaker[Session], live: LiveState
) -> None:
    with transaction(factory) as db:
        touch(db, "seat", "A01")
        touch(db, "seat", "A01")  # once each
        keeps_seats(db)
        stage_answers(db, [("a1", "q1", 1, True)])
        assert record(db) == TxRecord(
            keeps_seats=True, changes=[("seat", "A01")], answered=[("a1", "q1", 1, True)]
        )
        assert db.info == {}
    assert record(db) == TxRecord()  # taken by the hook
    with pytest.raises(TypeError, match="session_factory"), Session() as plain:
        record(plain)


def test_a_savepoint_leaves_the_record_to_its_transaction(
    live: LiveState, factory: sessionmaker[Session]
) -> None:
    cursor = live.feed.cursor
    with transaction(factory) as db:
        touch(db, "seat", "A01")
        with db.begin_nested():
            db.add(Hall(id="h", name="h"))
        assert live.feed.cursor == cursor  # released, not committed: nobody told yet
        assert record(db).changes == [("seat", "A01")] and record(db).wrote
    assert live.feed.cursor != cursor


def test_silence_is_told_from_the_last_heard_times(live: LiveState) -> None:
    live.hear("A01", NOW)
    live.hear("A01", NOW + timedelta(seconds=3))
    assert live.silent_since("A01", NOW + timedelta(seconds=3)) is None
    back = NOW + timedelta(seconds=40)
    live.hear("A01", back)
    assert live.heard() == {"A01": back}
    assert live.silent_since("A01", back) == NOW + timedelta(seconds=3)
    assert live.silent_since("A01", back + SILENCE_REMEMBERED + timedelta(seconds=1)) is None


def test_no_server_module_keeps_state_under_string_keys() -> None:
    """`Session.info` and a runtime's grab-bag dict are gone: what a transaction did is its
    `TxRecord`, what the server keeps between requests is `LiveState`'s."""
    wrong = []
    for path in sorted(SERVER.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            logged = isinstance(node, ast.Attribute) and ast.unparse(node.value) == "log"
            if isinstance(node, ast.Attribute) and node.attr in ("info", "extras") and not logged:
                wrong.append(f"{path.relative_to(SERVER)}:{node.lineno}: .{node.attr}")
    assert wrong == []
