"""Program III: logical thinking has 30 minutes of its own inside the program's 120. When they
pass, that section closes on the server; the rest goes on with the time that is left."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hardware.clock import FakeClock
from kiosk.hall_client import HallClient
from operator_console.central.store import StubStore
from operator_console.protocol.kiosk_api import AnswerChange, FormView
from operator_console.protocol.reasons import Reason
from operator_console.server.serve import ServerThread
from tests.hall import Hall, open_hall, program_three_roster

NOISE = Reason(category="environment", code="noise")


@pytest.fixture
def hall(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
) -> Iterator[Hall]:
    roster = program_three_roster(clock)
    yield from open_hall(tmp_path, keys, driven_stub, stub_store, clock, roster=roster)


def answer(client: HallClient, form: FormView, seq: int, section: str, at: datetime) -> str | None:
    item = next(i for i in form.items if i.section == section)
    ack = client.send_answers(
        form.attempt_id,
        [AnswerChange(seq=seq, item_id=item.item_id, choices=[item.choices[0].id], answered_at=at)],
    )
    assert ack.stored_through == seq
    return ack.refused.get(seq)


def test_logical_thinking_closes_after_its_30_minutes_and_the_rest_goes_on(hall: Hall) -> None:
    client = hall.seat(hall.registrations[0], "A01")
    hall.console.start_session(hall.session_id)
    form = hall.start("A01", "ru")
    assert form.program == "pq_program_3"
    clock = hall.clock
    clock.advance(timedelta(minutes=29))
    assert answer(client, form, 1, "logical_thinking", clock.now()) is None
    # A 10-minute pause at minute 29 moves the section's end with the deadline: 40 minutes.
    hall.console.pause_seat("A01", hall.sitting("A01"), NOISE)
    clock.advance(timedelta(minutes=10))
    client.unlock(hall.console.resume_seat("A01", hall.sitting("A01")).resume_code.code)  # type: ignore[union-attr]
    clock.advance(timedelta(seconds=50))  # 29:50 of the section's time spent
    assert answer(client, form, 2, "logical_thinking", clock.now()) is None
    clock.advance(timedelta(minutes=1))
    assert answer(client, form, 3, "logical_thinking", clock.now()) == (
        "stamped after its section closed"
    )
    assert answer(client, form, 4, "value_orientations", clock.now()) is None
    clock.advance(timedelta(minutes=80))  # 111 of 120 minutes: the other sections still open
    assert answer(client, form, 5, "emotional_intelligence", clock.now()) is None
