"""Who sits where, decided once on the server: seat actions name the sitting the operator saw,
repeated presses answer alike, the map says which actions a seat allows, alerts belong to the
sitting, and the console's picture judges silence from fresh last-heard times."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.hall_client import HallClient, enroll
from operator_console.core.client import ConsoleClient
from operator_console.core.hall_watch import HallPicture
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.console_api.hall import SeatView
from operator_console.protocol.kiosk_api import IncidentReport, LockReport
from operator_console.protocol.reasons import Reason
from operator_console.server.models import Attempt, AuditEntry, Kiosk
from tests.hall import Hall
from tests.operator_console.server.test_hall_flow import started
from tests.operator_console.server.test_seat_actions import audited, person

TALKING = Reason(category="examinee", code="talking", note="twice warned")
DEAD = Reason(category="technical", code="kiosk_dead")
NOISE = Reason(category="environment", code="noise", note="drilling")


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


@pytest.fixture
def second(hall: Hall) -> Iterator[ConsoleClient]:
    yield from person(hall, "operator")


def spare(hall: Hall, seat: str) -> HallClient:
    """A kiosk enrolled at the seat with nobody on it."""
    code = hall.console.enrollment_code(seat).code
    client = HallClient(hall.server.url, enroll(hall.server.url, code, f"kiosk-{seat}").token)
    hall.kiosks[seat] = client
    return client


def view(console: ConsoleClient, seat: str) -> SeatView:
    return next(s for s in console.seats().seats if s.seat == seat)


def test_a_dialog_left_open_does_not_act_on_the_candidate_seated_since(
    hall: Hall, second: ConsoleClient
) -> None:
    _x_kiosk, form = started(hall)
    spare(hall, "A02")
    x = hall.registrations[1]
    # Console 1 opens Terminate… on A01: what it saw is X's sitting.
    seen = view(hall.console, "A01")
    assert seen.full_name == x.full_name and seen.admission_id is not None
    # Console 2 moves X to A02 and seats Y at A01.
    second.move("A01", seen.admission_id, "A02", DEAD)
    y = hall.registrations[4]
    y_admission = hall.desk.admit(y)
    second.bind_seat(y_admission.admission_id, "A01")
    # Console 1 presses Enter.
    with pytest.raises(ServerRefused) as refused:
        hall.console.terminate("A01", seen.admission_id, TALKING)
    assert (refused.value.status, refused.value.code) == (409, "seat_changed")
    assert refused.value.params == {"seat": "A01", "full_name": y.full_name}
    now_a01, now_a02 = view(hall.console, "A01"), view(hall.console, "A02")
    assert (now_a01.full_name, now_a01.state) == (y.full_name, "seated")
    assert (now_a02.full_name, now_a02.state) == (x.full_name, "locked")
    with hall.runtime.tx() as db:
        y_attempts = db.execute(
            select(Attempt).where(Attempt.admission_id == y_admission.admission_id)
        ).scalars()
        assert {a.status for a in y_attempts} == {"pending"}
        assert db.get(Attempt, form.attempt_id).status == "running"  # type: ignore[union-attr]
    assert audited(hall, "seat.terminate") == 0


def test_an_action_on_a_seat_left_free_names_nobody(hall: Hall) -> None:
    started(hall)
    spare(hall, "A02")
    seen = hall.sitting("A01")
    hall.console.move("A01", seen, "A02", DEAD)
    for act in (
        lambda: hall.console.pause_seat("A01", seen, NOISE),
        lambda: hall.console.resume_seat("A01", seen),
        lambda: hall.console.change_time("A01", seen, 5, NOISE),
        lambda: hall.console.terminate("A01", seen, TALKING),
    ):
        with pytest.raises(ServerRefused) as refused:
            act()
        assert (refused.value.code, refused.value.params) == (
            "seat_changed",
            {"seat": "A01", "full_name": ""},
        )


def test_resume_pressed_twice_gives_the_same_code_and_keeps_the_wrong_tries(hall: Hall) -> None:
    client, _form = started(hall)
    client.lock(LockReport(at=hall.clock.now(), reason="focus_lost", note=""))
    sitting = hall.sitting("A01")
    first = hall.console.resume_seat("A01", sitting)
    assert first.resume_code is not None and first.by is None
    with pytest.raises(ServerRefused) as wrong:
        client.unlock("000000" if first.resume_code.code != "000000" else "111111")
    assert wrong.value.code == "resume_code_wrong"
    again = hall.console.resume_seat("A01", sitting)
    assert again.resume_code == first.resume_code and again.by == "desk"
    with hall.runtime.tx() as db:
        kiosk = db.execute(select(Kiosk).where(Kiosk.seat_code == "A01")).scalar_one()
        assert kiosk.resume_failures == 1
    assert audited(hall, "seat.resume_code") == 1
    assert client.unlock(first.resume_code.code).locked_at is None


def test_the_same_binding_twice_is_recorded_once_and_answered_alike(hall: Hall) -> None:
    spare(hall, "A01")
    decision = hall.desk.admit(hall.registrations[1])
    once = hall.console.bind_seat(decision.admission_id, "A01")
    twice = hall.console.bind_seat(decision.admission_id, "A01")
    assert once == twice and once.seat == "A01"
    with hall.runtime.tx() as db:
        binds = db.execute(select(AuditEntry).where(AuditEntry.action == "seat.bind")).scalars()
        assert len(list(binds)) == 1
    other = hall.desk.admit(hall.registrations[4])
    with pytest.raises(ServerRefused) as taken:
        hall.console.bind_seat(other.admission_id, "A01")
    assert (taken.value.code, taken.value.params) == (
        "seat_changed",
        {"seat": "A01", "full_name": hall.registrations[1].full_name},
    )


def test_the_actions_a_seat_shows_are_those_the_server_then_allows(hall: Hall) -> None:
    client, _form = started(hall)
    spare(hall, "A09")
    hall.seat(hall.registrations[4], "A02")  # seated, not started
    assert view(hall.console, "A09").actions == ["incident"]  # nobody sits there
    assert view(hall.console, "A02").actions == ["pause", "terminate", "move", "incident"]
    assert view(hall.console, "A01").actions == ["pause", "time", "terminate", "move", "incident"]
    client.lock(LockReport(at=hall.clock.now(), reason="focus_lost", note=""))
    calls = {
        "time": lambda seat, adm: hall.console.change_time(seat, adm, 5, NOISE),
        "resume": lambda seat, adm: hall.console.resume_seat(seat, adm),
        "pause": lambda seat, adm: hall.console.pause_seat(seat, adm, NOISE),
        "terminate": lambda seat, adm: hall.console.terminate(seat, adm, TALKING),
    }
    seen_allowed: set[tuple[str, str, bool]] = set()
    for seat in ("A01", "A02"):
        for act, call in calls.items():
            seen = view(hall.console, seat)  # read again: the act before may have changed it
            assert seen.admission_id is not None
            try:
                call(seat, seen.admission_id)
                done = True
            except ServerRefused as exc:
                assert exc.status == 409 and exc.code != "seat_changed", exc
                done = False
            assert done == (act in seen.actions), (seat, act, seen.actions)
            seen_allowed.add((seat, act, done))
    # Both answers were seen: some acts allowed, some refused, each as the map said.
    assert ("A01", "pause", False) in seen_allowed and ("A02", "pause", True) in seen_allowed
    assert ("A01", "time", True) in seen_allowed and ("A02", "time", False) in seen_allowed


def test_a_kiosk_alert_shows_only_on_a_seat_with_a_sitting_and_goes_with_the_candidate(
    hall: Hall,
) -> None:
    free = spare(hall, "A05")
    free.lock(LockReport(at=hall.clock.now(), reason="virtual_machine", note="kvm"))
    assert view(hall.console, "A05").alerts == []  # nobody sits there: nothing to alert about
    client, form = started(hall)
    client.report(
        form.attempt_id,
        IncidentReport(at=hall.clock.now(), category="lockdown", code="virtual_machine"),
    )
    assert [a.code for a in view(hall.console, "A01").alerts] == ["virtual_machine"]
    spare(hall, "A02")
    hall.console.move("A01", hall.sitting("A01"), "A02", DEAD)
    assert view(hall.console, "A01").alerts == []
    assert [a.code for a in view(hall.console, "A02").alerts] == ["virtual_machine"]


def test_a_kiosk_heard_a_second_ago_never_shows_silent_on_the_console(hall: Hall) -> None:
    client, _form = started(hall)
    picture = HallPicture()
    picture.load(hall.console.seats())
    for _second in range(40):  # the kiosk polls every second, the console follows the stream
        hall.clock.advance(timedelta(seconds=1))
        client.seat()
        batch = hall.console.changes(picture.cursor, 0)
        picture.apply(batch)
        silence = picture.silence(picture.seats["A01"], hall.clock.now())
        assert silence is not None and silence <= 2.0, silence
    assert [p for p in picture.problems(hall.clock.now()) if p.kind == "silent"] == []
