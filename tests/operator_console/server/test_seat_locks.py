"""A locked seat: the attempt's clock stops, and only the operator's one-time code resumes it."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import LockReport
from operator_console.server.models import AuditEntry, Incident
from tests.hall import Hall
from tests.operator_console.server.test_hall_flow import started


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


def lock(hall: Hall, seat: str = "A01", reason: str = "unclean_exit") -> None:
    hall.kiosks[seat].lock(LockReport(at=hall.clock.now(), reason=reason, note="restarted"))


def test_lock_pauses_the_attempt_and_resume_gives_the_time_back(hall: Hall) -> None:
    client, form = started(hall)
    hall.clock.advance(timedelta(minutes=10))
    lock(hall)
    seat = client.seat()
    assert seat.locked_at == hall.clock.now() and seat.lock_reason == "unclean_exit"
    assert seat.attempts[0].paused
    # Locked for an hour: far past the deadline, yet the sweep leaves a paused attempt alone.
    hall.clock.advance(timedelta(minutes=60))
    assert hall.runtime.sweep_once() == []
    code = hall.console.resume_code("A01").code
    resumed = client.unlock(code)
    assert resumed.locked_at is None and not resumed.attempts[0].paused
    assert resumed.attempts[0].deadline_at == form.deadline_at + timedelta(minutes=60)
    with hall.runtime.tx() as db:
        incident = db.execute(select(Incident)).scalar_one()
        actions = db.execute(select(AuditEntry.action)).scalars().all()
    assert (incident.category, incident.code, incident.attempt_id) == (
        "lockdown",
        "unclean_exit",
        form.attempt_id,
    )
    assert {"seat.lock", "seat.resume_code", "seat.resume"} <= set(actions)


def test_a_code_works_once(hall: Hall) -> None:
    client, _form = started(hall)
    lock(hall)
    code = hall.console.resume_code("A01").code
    client.unlock(code)
    lock(hall, reason="focus_lost")
    with pytest.raises(ServerRefused, match="no valid resume code") as refused:
        client.unlock(code)
    assert refused.value.status == 403
    assert client.seat().lock_reason == "focus_lost"


def test_wrong_codes_void_the_code_after_five_and_nothing_resumes(hall: Hall) -> None:
    client, _form = started(hall)
    lock(hall)
    code = hall.console.resume_code("A01").code
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(4):
        with pytest.raises(ServerRefused, match=r"wrong resume code$"):
            client.unlock(wrong)
    with pytest.raises(ServerRefused, match="now void"):
        client.unlock(wrong)
    with pytest.raises(ServerRefused, match="no valid resume code"):
        client.unlock(code)  # the right code, too late
    assert client.seat().attempts[0].paused


def test_a_code_expires(hall: Hall) -> None:
    client, _form = started(hall)
    lock(hall)
    code = hall.console.resume_code("A01").code
    hall.clock.advance(timedelta(minutes=16))
    with pytest.raises(ServerRefused, match="no valid resume code"):
        client.unlock(code)


def test_codes_are_for_the_desk_and_for_enrolled_seats(hall: Hall) -> None:
    started(hall)
    with pytest.raises(ServerRefused, match="404"):
        hall.console.resume_code("Z99")


def test_a_lock_before_the_test_starts_is_an_incident_of_the_seat(hall: Hall) -> None:
    client = hall.seat(hall.registrations[1], "A02")
    lock(hall, "A02", reason="prohibited_program")
    with hall.runtime.tx() as db:
        incident = db.execute(select(Incident)).scalar_one()
    assert (incident.seat_code, incident.attempt_id) == ("A02", None)
    client.unlock(hall.console.resume_code("A02").code)
    assert client.seat().locked_at is None


def test_hostile_lock_reports_are_refused(hall: Hall) -> None:
    client = hall.seat(hall.registrations[1], "A02")
    for reason in ("", "Has Spaces", "x" * 65):
        with pytest.raises(ServerRefused) as refused:
            client.lock(LockReport.model_construct(at=hall.clock.now(), reason=reason, note=""))
        assert refused.value.status == 422
    assert client.seat().locked_at is None


def test_a_code_is_only_for_a_locked_seat_and_only_its_six_digits(hall: Hall) -> None:
    client, _form = started(hall)
    with pytest.raises(ServerRefused) as running:
        hall.console.resume_code("A01")  # the seat runs: a code would open nothing
    assert (running.value.status, running.value.code) == (409, "seat_not_locked")
    lock(hall)
    code = hall.console.resume_code("A01").code
    for padded in (f" {code}", f"{code} ", f"{code}\n", code[:5]):  # as a script would send
        reply = httpx.post(f"{hall.server.url}/kiosk/v1/unlock", json={"code": padded},
                           headers=client.authorization)  # fmt: skip
        assert reply.status_code == 422, padded
    client.unlock(code)  # not counted as wrong guesses: the code still opens the seat
    assert not client.seat().attempts[0].paused
