"""The seat map's "answered" count, counted by the database on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from operator_console.server.db import make_engine, migrate, session_factory, transaction
from operator_console.server.hall_map import answered_counts
from operator_console.server.models import (
    Admission,
    AnswerEvent,
    Attempt,
    Hall,
    HallSession,
    Registration,
)

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
    finally:
        engine.dispose()


def test_sqlite(tmp_path: Path) -> None:
    _check(f"sqlite:///{tmp_path / 'h.db'}")


@pytest.mark.postgres
def test_postgresql(postgres_url: str) -> None:
    _check(postgres_url)
