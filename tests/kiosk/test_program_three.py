"""Program III at the seat: logical thinking closes after its own 30 minutes; the candidate is
taken on to the rest, and the closed section's answers stay as they were."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.clock import FakeClock
from operator_console.central.store import StubStore
from operator_console.server.serve import ServerThread
from tests.hall import Hall, open_hall, program_three_roster
from tests.kiosk.ui import WAIT_MS, child, running_kiosk, server_answers, walk_to_test


@pytest.fixture
def hall(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
) -> Iterator[Hall]:
    yield from open_hall(
        tmp_path, keys, driven_stub, stub_store, clock, roster=program_three_roster(clock)
    )


def test_logical_thinking_closes_and_the_candidate_goes_on(
    qtbot: QtBot, hall: Hall, tmp_path: Path
) -> None:
    client = hall.seat(hall.registrations[0], "A01")
    hall.console.start_session(hall.session_id)
    with running_kiosk(hall, client, tmp_path / "kiosk") as kiosk:
        walk_to_test(qtbot, kiosk)
        model = kiosk.model
        item = model.parts.item
        assert item is not None and item.section == "logical_thinking"
        assert "Логическое мышление (осталось 30 мин)" in child(kiosk, "where").property("text")
        model.parts.choose(item.choices[0].id)
        hall.clock.advance(timedelta(minutes=30, seconds=5))
        qtbot.waitUntil(
            lambda: "logical_thinking" in model.parts.closed_sections(), timeout=WAIT_MS
        )
        qtbot.waitUntil(
            lambda: model.parts.item is not None and model.parts.item.section != "logical_thinking",
            timeout=WAIT_MS,
        )
        banner = child(kiosk, "time_warning")
        assert banner.isVisible() and "закрыт" in banner.property("text")
        model.parts.go_to(0)  # back to the closed section: it can be read, not changed
        model.parts.choose(item.choices[1].id)
        assert model.parts.answers[item.item_id] == [item.choices[0].id]
        assert model.progress.message == "section_closed"
        assert "(закрыт)" in child(kiosk, "where").property("text")
        attempt_id = model.parts.sitting.attempt_id if model.parts.sitting else ""
        qtbot.waitUntil(lambda: model.link.unsent == 0, timeout=WAIT_MS)
    assert server_answers(hall, attempt_id) == {item.item_id: [item.choices[0].id]}
