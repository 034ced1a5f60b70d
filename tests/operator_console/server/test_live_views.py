"""The consoles' change stream at hall scale: a seat's view is read once after a write that
concerns it; answers, time left and hearing are laid over it from memory (issue: the room server
at hall scale)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event

from operator_console.protocol.console_api.hall import ChangeBatch, SeatView
from operator_console.protocol.kiosk_api import AnswerChange, FormView
from operator_console.protocol.reasons import Reason
from tests.hall import Hall
from tests.operator_console.server.test_hall_flow import started


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


@contextmanager
def statements(hall: Hall) -> Iterator[list[str]]:
    """Every SQL statement the room server runs meanwhile."""
    seen: list[str] = []

    def heard(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(statement)

    event.listen(hall.runtime.engine, "before_cursor_execute", heard)
    try:
        yield seen
    finally:
        event.remove(hall.runtime.engine, "before_cursor_execute", heard)


def change(form: FormView, seq: int, hall: Hall, item: int, empty: bool = False) -> AnswerChange:
    question = form.items[item]
    choices = [] if empty else [question.choices[0].id]
    return AnswerChange(
        seq=seq, item_id=question.item_id, choices=choices, answered_at=hall.clock.now()
    )


def seat_in(batch: ChangeBatch, code: str) -> SeatView:
    return next(s for s in batch.seats if s.seat == code)


def test_answers_reach_the_map_without_the_seat_being_read_again(hall: Hall) -> None:
    client, form = started(hall)
    console = hall.console
    cursor = console.seats().cursor
    client.send_answers(form.attempt_id, [change(form, n, hall, item=n) for n in (1, 2, 3)])
    first = console.changes(cursor)
    seen = seat_in(first, "A01")
    assert seen.answered == 3 and seen.state == "in_test"
    left = seen.time_left_seconds
    assert left is not None

    hall.clock.advance(timedelta(seconds=90))
    client.send_answers(
        form.attempt_id,
        [change(form, 4, hall, item=4), change(form, 5, hall, item=1, empty=True)],
    )
    with statements(hall) as ran:
        later = console.changes(first.cursor)
    read = [s for s in ran if "answer_event" in s or "FROM seat" in s or "FROM attempt" in s]
    assert read == [], read  # the view was kept; its answers come from memory
    now = seat_in(later, "A01")
    assert now.answered == 3  # 1..4 answered, then the first cleared again
    assert now.time_left_seconds == pytest.approx(left - 90, abs=1)
    assert now.last_heard_at == hall.clock.now()


def test_a_pause_is_read_again_and_its_clock_stands_still(hall: Hall) -> None:
    client, form = started(hall)
    console = hall.console
    cursor = console.changes(console.seats().cursor).cursor
    client.send_answers(form.attempt_id, [change(form, 1, hall, item=1)])
    cursor = console.changes(cursor).cursor
    console.pause_seat("A01", hall.sitting("A01"), Reason(category="examinee", code="illness"))
    paused = seat_in(console.changes(cursor), "A01")
    assert paused.state == "locked" and paused.answered == 1
    hall.clock.advance(timedelta(minutes=5))
    client.send_answers(form.attempt_id, [change(form, 2, hall, item=2)])  # refused: locked
    later = console.changes(cursor)
    still = seat_in(later, "A01")
    assert still.time_left_seconds == paused.time_left_seconds
    assert still.answered == 1 and still.state == "locked"
