"""The seat map's "answered" count, counted by the database on SQLite and on PostgreSQL, and kept
in memory between answer commits."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from operator_console.server.db import make_engine, migrate, reader, session_factory, transaction
from operator_console.server.live.live_state import LiveState
from operator_console.server.models import (
    Admission,
    AnswerEvent,
    Attempt,
    Hall,
    HallSession,
    Registration,
)
from operator_console.server.seating.hall_map import Progress, answered_counts, stage_answers

T0 = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)


def _check(url: str) -> None:
    engine = make_engine(url)
    migrate(engine)
    factory = session_factory(engine)
    try:
        with transaction(factory) as db:
            parents = [
                Hall(id="h", name="h"),
                HallSession(id="s", hall_id="h", day=T0.date(), starts_at=T0,
                            programs=["legislation"], status="started"),
                Registration(id="r", session_id="s", iin="900101300000", full_name="R",
                             programs=["legislation"], languages=["kk"], last_attempts=[]),
                Admission(id="a", session_id="s", registration_id="r", status="admitted",
                          decided_at=T0, decided_by="desk"),
                *[Attempt(id=f"a{n}", admission_id="a", registration_id="r", session_id="s",
                          program="legislation", position=n, status="running") for n in (1, 2, 3)],
            ]  # fmt: skip
            for row in parents:
                db.add(row)
                db.flush()
            events = [
                ("a1", 1, "q1", ["A"], None),
                ("a1", 2, "q2", ["B"], None),
                ("a1", 3, "q1", [], None),  # q1 cleared again: no longer answered
                ("a1", 4, "q3", ["C"], "refused: the seat was locked"),  # refused: not counted
                ("a1", 5, "q4", ["A", "C"], None),
                ("a2", 1, "q1", [], None),  # only ever empty
                ("a3", 1, "q9", ["D"], None),  # not asked for
            ]
            for attempt, seq, item, choices, refused in events:
                db.add(AnswerEvent(attempt_id=attempt, seq=seq, item_id=item, choices=choices,
                                   answered_at=T0, received_at=T0, refused=refused))  # fmt: skip
                db.flush()
        with transaction(factory) as db:
            assert answered_counts(db, ["a1", "a2", "nobody"]) == {"a1": 2}
            assert answered_counts(db, []) == {}
        _follow(factory, reader(engine))
    finally:
        engine.dispose()


def _follow(factory: sessionmaker[Session], reading: sessionmaker[Session]) -> None:
    """The seat map's counts kept in memory: read once, then moved on by committed answers."""
    live = LiveState(lambda: T0, reading)
    live.follow(factory)
    progress = live.progress
    assert progress.counts(["a1", "a2", "nobody"]) == {"a1": 2, "a2": 0, "nobody": 0}

    def stored(*changes: tuple[str, str, int, bool], fail: bool = False) -> None:
        try:
            with transaction(factory) as db:
                stage_answers(db, changes)
                if fail:
                    raise RuntimeError("refused")
        except RuntimeError:
            pass

    stored(("a1", "q1", 6, True), ("a2", "q1", 2, True))
    assert progress.counts(["a1", "a2"]) == {"a1": 3, "a2": 1}
    stored(("a1", "q2", 1, False))  # older than the change held for q2: it changes nothing
    stored(("a1", "q7", 7, True), fail=True)  # rolled back: never happened
    stored(("a1", "q4", 8, False))  # cleared
    assert progress.counts(["a1"]) == {"a1": 2}
    stored(("a3", "q1", 2, True))  # not shown yet: read whole when it is
    assert progress.counts(["a3"]) == {"a3": 1}

    # A read that fails (the database away) keeps nothing half-read: the next one reads again.
    again = Progress(reading)
    good = reading.kw["bind"]
    reading.configure(bind=create_engine("sqlite:////nonexistent-dir/none.db"))
    try:
        with pytest.raises(OperationalError):
            again.counts(["a1"])
    finally:
        reading.configure(bind=good)
    assert again.counts(["a1"]) == {"a1": 2}


def test_sqlite(tmp_path: Path) -> None:
    _check(f"sqlite:///{tmp_path / 'h.db'}")


@pytest.mark.postgres
def test_postgresql(postgres_url: str) -> None:
    _check(postgres_url)
