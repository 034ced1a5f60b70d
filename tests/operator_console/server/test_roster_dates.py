"""Rosters from a real central system give some times as whole days (contracts §3, as corrected):
a ban until a day runs to the end of it in the hall's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hardware.clock import FakeClock
from operator_console.central.samples import sample_roster
from operator_console.central.store import StubStore
from operator_console.protocol.calls import ServerRefused
from operator_console.server.serve import ServerThread
from tests.conftest import HALL_ID
from tests.hall import open_hall


@pytest.fixture
def roster(clock: FakeClock) -> dict[str, Any]:
    now = clock.now()
    made = sample_roster(HALL_ID, now.date(), 4, starts_at=now + timedelta(minutes=10), now=now)
    for candidate in made["sessions"][0]["candidates"]:
        candidate["banned_until"] = None
    return made


def test_a_ban_until_a_day_runs_to_the_end_of_that_day_in_the_halls_zone(
    roster: dict[str, Any],
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
) -> None:
    today = clock.now().date()
    people = roster["sessions"][0]["candidates"]
    people[0]["banned_until"] = today.isoformat()  # banned through today, Almaty time
    people[1]["banned_until"] = (today - timedelta(days=1)).isoformat()  # ended at midnight
    people[1]["last_attempts"] = [
        {"program": "state_language", "at": "2025-01-15", "outcome": "reported"}
    ]
    for hall in open_hall(tmp_path, keys, driven_stub, stub_store, clock, roster=roster):
        banned, free = (hall.desk.admit(r) for r in hall.registrations[:2])
    end = datetime(today.year, today.month, today.day, tzinfo=UTC) + timedelta(hours=19)
    assert banned.status == "refused"
    assert f"until {end:%Y-%m-%d %H:%M} UTC" in (banned.reason or "")  # midnight at +05:00
    assert free.status == "admitted", free.reason


def test_a_roster_with_a_bad_time_is_refused_whole_naming_the_field(
    roster: dict[str, Any],
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
) -> None:
    roster["sessions"][0]["candidates"][2]["banned_until"] = "next spring"
    with pytest.raises(ServerRefused) as refused:
        next(open_hall(tmp_path, keys, driven_stub, stub_store, clock, roster=roster))
    assert refused.value.status == 422
    assert "banned_until" in refused.value.detail and "\n" not in refused.value.detail
