"""The operator's hold on the room: the seat map and its change stream, seat and room pauses,
time changes, termination, moves, incidents and the session's history, all role-checked."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from hardware.clock import FakeClock
from kiosk.hall_client import HallClient, enroll
from operator_console.central.store import StubStore
from operator_console.core.client import ConsoleClient
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import LockReport
from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import rfc3339
from operator_console.server import auth
from operator_console.server.models import Attempt, AuditEntry, OutboxRecord
from operator_console.server.serve import ServerThread
from operator_console.server.upstream.audit import verify_chain
from tests.conftest import HALL_ID
from tests.hall import PASSWORD, Hall, open_hall
from tests.operator_console.server.test_hall_flow import change, keyed, started

NOISE = Reason(category="environment", code="noise", note="drilling next door")
FIRE = Reason(category="environment", code="fire_alarm")
EXTRA = Reason(category="staff", code="error", note="started late by the staff")
TALKING = Reason(category="examinee", code="talking", note="twice warned")
DEAD = Reason(category="technical", code="kiosk_dead")


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


def person(hall: Hall, role: str) -> Iterator[ConsoleClient]:
    with hall.runtime.tx() as db:
        auth.create_user(db, username=role, password=PASSWORD, role=role, now=hall.clock.now())
    client = ConsoleClient(hall.server.url)
    client.login(role, PASSWORD)
    yield client
    client.close()


@pytest.fixture
def operator(hall: Hall) -> Iterator[ConsoleClient]:
    yield from person(hall, "operator")


@pytest.fixture
def proctor(hall: Hall) -> Iterator[ConsoleClient]:
    yield from person(hall, "proctor")


def seat_view(hall: Hall, seat: str):  # type: ignore[no-untyped-def]
    return next(s for s in hall.console.seats().seats if s.seat == seat)


def test_the_map_shows_each_seat_with_its_candidate_state_answers_and_time(hall: Hall) -> None:
    client, form = started(hall)
    hall.seat(hall.registrations[4], "A02")
    hall.clock.advance(timedelta(minutes=3))
    items = form.items[:3]
    client.send_answers(
        form.attempt_id,
        [
            change(i + 1, it.item_id, keyed(hall, it.item_id), hall.clock.now())
            for i, it in enumerate(items)
        ],
    )
    client.seat()  # heard now
    hall.console.enrollment_code("A03")  # a seat with no kiosk yet
    picture = hall.console.seats()
    by = {s.seat: s for s in picture.seats}
    a1, a2, a3 = by["A01"], by["A02"], by["A03"]
    assert (a1.state, a1.full_name, a1.program, a1.language) == (
        "in_test", hall.registrations[1].full_name, "legislation", "kk",
    )  # fmt: skip
    assert (a1.answered, a1.total) == (3, len(form.items))
    assert a1.time_left_seconds == (form.deadline_at - hall.clock.now()).total_seconds()
    assert a1.last_heard_at == hall.clock.now()
    assert a2.state == "seated" and a2.registration_id == hall.registrations[4].registration_id
    assert (a3.state, a3.enrolled) == ("free", False)
    assert picture.columns == 6 and picture.cursor


def test_a_change_at_a_kiosk_reaches_a_waiting_console_with_the_seat_s_new_view(hall: Hall) -> None:
    client, _form = started(hall)
    cursor = hall.console.seats().cursor
    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(hall.console.changes, cursor, 20)
        # The poll is open before the kiosk locks: the stream holds the change either way.
        client.lock(LockReport(at=hall.clock.now(), reason="focus_lost", note=""))
        batch = waiting.result(timeout=10)
    assert not batch.reset
    assert ("seat", "A01") in {(c.kind, c.subject) for c in batch.changes}
    (a1,) = [s for s in batch.seats if s.seat == "A01"]
    assert (a1.state, a1.lock_reason, a1.lock_source) == ("locked", "focus_lost", "kiosk")
    assert [a.code for a in a1.alerts] == ["focus_lost"]
    # Nothing new: the next poll waits, then answers empty with the same cursor.
    quiet = hall.console.changes(batch.cursor, 0.2)
    assert quiet.changes == [] and quiet.cursor == batch.cursor


def test_a_cursor_from_another_run_of_the_server_asks_for_the_whole_map(hall: Hall) -> None:
    batch = hall.console.changes("0000dead-5", 0)
    assert batch.reset and batch.changes == []
    assert hall.console.changes(batch.cursor, 0).reset is False


def test_an_acknowledged_alert_leaves_the_map_and_stays_on_record(hall: Hall) -> None:
    client, _form = started(hall)
    client.lock(LockReport(at=hall.clock.now(), reason="second_screen", note="HDMI"))
    (alert,) = seat_view(hall, "A01").alerts
    done = hall.console.acknowledge(alert.incident_id)
    assert done.code == "second_screen"
    assert seat_view(hall, "A01").alerts == []
    actions = [e.action for e in hall.console.history(hall.session_id)]
    assert "incident.acknowledge" in actions


def test_a_paused_seat_gets_back_exactly_the_time_it_stood_still(hall: Hall) -> None:
    client, form = started(hall)
    hall.clock.advance(timedelta(minutes=7, seconds=13))
    paused = hall.console.pause_seat("A01", hall.sitting("A01"), NOISE)
    assert (paused.seat.state, paused.seat.lock_source) == ("locked", "operator")
    seat = client.seat()
    assert seat.locked_at == hall.clock.now() and seat.attempts[0].paused
    left = paused.seat.time_left_seconds
    hall.clock.advance(timedelta(minutes=4, seconds=29))
    assert seat_view(hall, "A01").time_left_seconds == left  # stopped, to the second
    again = hall.console.pause_seat("A01", hall.sitting("A01"), NOISE)  # pressed twice
    assert again.by == "desk" and again.seat.locked_at == paused.seat.locked_at
    assert audited(hall, "seat.pause") == 1
    code = hall.console.resume_seat("A01", hall.sitting("A01")).resume_code
    assert code is not None and len(code.code) == 6
    hall.clock.advance(timedelta(seconds=51))  # the operator walks over; still stopped
    resumed = client.unlock(code.code)
    stood = timedelta(minutes=4, seconds=29) + timedelta(seconds=51)
    assert resumed.attempts[0].deadline_at == form.deadline_at + stood


def test_the_room_pauses_and_resumes_at_once_and_every_seat_gets_its_time_back(
    hall: Hall,
) -> None:
    a1, form1 = started(hall)
    a2 = hall.seat(hall.registrations[4], "A02")
    form2 = hall.start("A02")
    a3 = hall.seat(hall.registrations[3], "A03")
    form3 = hall.start("A03")
    # A03 locked on its own before the fire alarm: it keeps its lock after the room resumes.
    hall.clock.advance(timedelta(minutes=2))
    a3.lock(LockReport(at=hall.clock.now(), reason="focus_lost", note=""))
    hall.clock.advance(timedelta(minutes=3))
    stopped = hall.console.pause_room(hall.session_id, FIRE)
    assert stopped.seats == ["A01", "A02", "A03"] and stopped.session.paused_at == hall.clock.now()
    assert {a1.seat().lock_reason, a2.seat().lock_reason} == {"room_paused"}
    with pytest.raises(ServerRefused, match="resume the room"):
        hall.console.resume_seat("A01", hall.sitting("A01"))
    hall.clock.advance(timedelta(minutes=17, seconds=5))
    resumed = hall.console.resume_room(hall.session_id)
    assert resumed.seats == ["A01", "A02"]
    stood = timedelta(minutes=17, seconds=5)
    for client, form in ((a1, form1), (a2, form2)):
        seat = client.seat()
        assert seat.locked_at is None and not seat.attempts[0].paused
        assert seat.attempts[0].deadline_at == form.deadline_at + stood
    assert a3.seat().lock_reason == "focus_lost"
    code = hall.console.resume_seat("A03", hall.sitting("A03")).resume_code
    assert code is not None
    a3.unlock(code.code)
    # A03 stood still from its own lock, through the room's pause, to its code.
    assert a3.seat().attempts[0].deadline_at == form3.deadline_at + timedelta(minutes=3) + stood


def test_a_code_typed_while_the_room_is_paused_keeps_the_seat_stopped_with_the_room(
    hall: Hall,
) -> None:
    client, form = started(hall)
    client.lock(LockReport(at=hall.clock.now(), reason="focus_lost", note=""))
    code = hall.console.resume_seat("A01", hall.sitting("A01")).resume_code
    assert code is not None
    hall.console.pause_room(hall.session_id, FIRE)
    held = client.unlock(code.code)
    assert held.lock_reason == "room_paused" and held.attempts[0].paused
    hall.clock.advance(timedelta(minutes=5))
    hall.console.resume_room(hall.session_id)
    assert client.seat().attempts[0].deadline_at == form.deadline_at + timedelta(minutes=5)


def test_time_changes_move_the_deadline_and_never_leave_less_than_a_minute(hall: Hall) -> None:
    client, form = started(hall)
    added = hall.console.change_time("A01", hall.sitting("A01"), 15, EXTRA)
    assert added.seat.deadline_at == form.deadline_at + timedelta(minutes=15)
    assert client.seat().attempts[0].deadline_at == form.deadline_at + timedelta(minutes=15)
    left_minutes = int((form.deadline_at - hall.clock.now()).total_seconds() // 60) + 15
    with pytest.raises(ServerRefused, match="at least 1 min must remain") as refused:
        hall.console.change_time("A01", hall.sitting("A01"), -left_minutes, EXTRA)
    assert refused.value.status == 409
    assert seat_view(hall, "A01").deadline_at == form.deadline_at + timedelta(minutes=15)
    hall.seat(hall.registrations[4], "A02")
    with pytest.raises(ServerRefused) as refused:
        hall.console.change_time("A02", hall.sitting("A02"), 5, EXTRA)
    assert (refused.value.code, refused.value.params) == ("seat_not_running", {"seat": "A02"})


def test_terminate_scores_the_part_as_terminated_sends_it_upstream_and_proposes_a_ban(
    hall: Hall,
) -> None:
    client, form = started(hall)
    first = form.items[0].item_id
    client.send_answers(form.attempt_id, [change(1, first, keyed(hall, first), hall.clock.now())])
    sitting = hall.sitting("A01")
    ended = hall.console.terminate("A01", sitting, TALKING)
    assert ended.seat.state == "terminated"
    assert ended.proposal is not None and "6 to 12 months" in ended.proposal
    assert client.seat().attempts == []  # the seat is free for the next candidate
    with hall.runtime.tx() as db:
        record = db.get(OutboxRecord, form.attempt_id)
    assert record is not None and '"finish_reason":"terminated"' in record.body
    again = hall.console.terminate("A01", sitting, TALKING)  # pressed twice: done once
    assert (again.by, again.proposal, again.seat.state) == ("desk", ended.proposal, "terminated")
    assert audited(hall, "seat.terminate") == 1


def test_a_move_carries_the_sitting_with_its_answers_and_its_time(hall: Hall) -> None:
    hall.seat(hall.registrations[4], "A02")  # admitted before the start: admission closes then
    client, form = started(hall)
    first = form.items[0].item_id
    client.send_answers(form.attempt_id, [change(1, first, keyed(hall, first), hall.clock.now())])
    code = hall.console.enrollment_code("A09").code  # a spare kiosk, with nobody on it
    new = HallClient(hall.server.url, enroll(hall.server.url, code, "spare").token)
    hall.kiosks["A09"] = new
    hall.clock.advance(timedelta(minutes=2))
    moved = hall.console.move("A01", hall.sitting("A01"), "A09", DEAD)
    assert moved.seat.seat == "A09" and moved.seat.answered == 1
    assert moved.resume_code is not None and moved.seat.lock_reason == "moved_here"
    assert seat_view(hall, "A01").state == "free"
    with pytest.raises(ServerRefused) as old:
        client.start_attempt(form.attempt_id, "kk")
    assert old.value.status == 403  # the dead seat's kiosk no longer holds the attempt
    hall.clock.advance(timedelta(minutes=3))
    opened = new.unlock(moved.resume_code.code)
    assert opened.attempts[0].attempt_id == form.attempt_id
    assert opened.attempts[0].deadline_at == form.deadline_at + timedelta(minutes=3)
    again = new.start_attempt(form.attempt_id, "kk")
    assert again.attempt_id == form.attempt_id
    with pytest.raises(ServerRefused) as same:
        hall.console.move("A09", hall.sitting("A09"), "A09", DEAD)
    assert same.value.code == "seat_same"
    with pytest.raises(ServerRefused) as taken:
        hall.console.move("A09", hall.sitting("A09"), "A02", DEAD)
    assert (taken.value.status, taken.value.code) == (409, "seat_changed")
    assert taken.value.params == {"seat": "A02", "full_name": hall.registrations[4].full_name}


def test_incidents_for_a_seat_and_for_the_room_are_in_the_history_with_who(
    hall: Hall, proctor: ConsoleClient
) -> None:
    started(hall)
    seat = proctor.log_incident(TALKING, seat="A01")
    room = hall.console.log_incident(NOISE, session_id=hall.session_id)
    assert (seat.seat, seat.reported_by, seat.attempt_id is not None) == ("A01", "proctor", True)
    assert room.seat is None
    history = hall.console.history(hall.session_id)
    logged = [(e.actor, e.action, e.seat) for e in history if e.action == "incident.log"]
    assert logged == [("proctor", "incident.log", "A01"), ("desk", "incident.log", None)]
    assert [e.action for e in hall.console.history(hall.session_id, action="admission.")] == [
        "admission.admit"
    ]
    assert {e.seat for e in hall.console.history(hall.session_id, seat="A01")} == {"A01"}
    with hall.runtime.tx() as db:
        assert verify_chain(db, HALL_ID) is None


def test_a_reason_outside_the_list_is_refused_and_changes_nothing(hall: Hall) -> None:
    started(hall)
    for body in (
        {"reason": {"category": "environment", "code": "illness"}},
        {"reason": {"category": "other", "code": "other", "note": "  "}},
        {"reason": {"category": "weather", "code": "noise"}},
    ):
        token = hall.console._core._client.headers["Authorization"]
        reply = httpx.post(
            f"{hall.server.url}/api/v1/seats/A01/pause", json=body, headers={"Authorization": token}
        )
        assert reply.status_code == 422, reply.text
    assert seat_view(hall, "A01").state == "in_test"


def test_roles_are_checked_by_the_server(
    hall: Hall, operator: ConsoleClient, proctor: ConsoleClient
) -> None:
    started(hall)
    # The server says which screens a role gets.
    assert proctor.screens == ["hall", "history", "review", "sync"]
    assert operator.screens == ["sessions", "desk", "hall", "history", "sync"]
    with pytest.raises(ServerRefused) as refused:
        proctor.pause_seat("A01", hall.sitting("A01"), NOISE)
    assert (refused.value.status, refused.value.code) == (403, "role_required")
    with pytest.raises(ServerRefused) as refused:
        proctor.admit(hall.session_id, hall.registrations[3].registration_id, "x")
    assert refused.value.status == 403
    with pytest.raises(ServerRefused, match="administrator") as refused:
        operator.enrollment_code("B01")
    assert refused.value.status == 403
    assert proctor.seats().seats  # a proctor may watch
    operator.pause_seat("A01", hall.sitting("A01"), NOISE)  # and an operator may act
    assert seat_view(hall, "A01").state == "locked"


def forty_at_once(action: Callable[[], object]) -> list[int]:
    """The same request 40 times at the same moment: the statuses answered, sorted."""
    go = threading.Barrier(40)

    def once() -> int:
        go.wait()
        try:
            action()
            return 200
        except ServerRefused as exc:
            return exc.status

    with ThreadPoolExecutor(40) as pool:
        return sorted(pool.map(lambda _i: once(), range(40)))


def audited(hall: Hall, action: str) -> int:
    with hall.runtime.tx() as db:
        return len(
            db.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars().all()
        )


def test_forty_room_pauses_at_once_stop_the_room_once(hall: Hall) -> None:
    client, form = started(hall)
    assert (
        forty_at_once(lambda: hall.console.pause_room(hall.session_id, FIRE)) == [200] + [409] * 39
    )
    assert audited(hall, "session.pause") == 1
    hall.clock.advance(timedelta(minutes=1))
    hall.console.resume_room(hall.session_id)
    assert client.seat().attempts[0].deadline_at == form.deadline_at + timedelta(minutes=1)


def test_forty_seat_pauses_terminations_and_moves_at_once_each_happen_once(hall: Hall) -> None:
    forty_seat_actions(hall)


@pytest.mark.postgres
def test_forty_seat_actions_at_once_on_postgresql(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
    postgres_url: str,
) -> None:
    """Row locks, not SQLite's one writer, keep each action to once."""
    for hall in open_hall(
        tmp_path, keys, driven_stub, stub_store, clock, database_url=postgres_url
    ):
        forty_seat_actions(hall)


def forty_seat_actions(hall: Hall) -> None:
    """Each press names the sitting the operator saw; one does the act, the other 39 are
    answered alike (the same code) with who did it, and the audit holds one entry."""
    _client, form = started(hall)
    sitting = hall.sitting("A01")
    console = hall.console
    assert forty_at_once(lambda: console.pause_seat("A01", sitting, NOISE)) == [200] * 40
    assert audited(hall, "seat.pause") == 1
    codes: set[str] = set()

    def resume() -> None:
        code = console.resume_seat("A01", sitting).resume_code
        assert code is not None
        codes.add(code.code)

    assert forty_at_once(resume) == [200] * 40
    assert len(codes) == 1 and audited(hall, "seat.resume_code") == 1
    for seat in ("A08", "A09"):
        code = console.enrollment_code(seat).code
        hall.kiosks[seat] = HallClient(hall.server.url, enroll(hall.server.url, code, seat).token)
    moved: set[str] = set()

    def move() -> None:
        done = console.move("A01", sitting, "A09", DEAD)
        assert done.resume_code is not None and done.seat.admission_id == sitting
        moved.add(done.resume_code.code)

    assert forty_at_once(move) == [200] * 40
    assert len(moved) == 1 and audited(hall, "seat.move") == 1
    ends = forty_at_once(lambda: console.terminate("A09", sitting, TALKING))
    assert ends == [200] * 40 and audited(hall, "seat.terminate") == 1
    with hall.runtime.tx() as db:
        assert db.get(OutboxRecord, form.attempt_id) is not None  # one result, sent once


def test_the_desk_sees_the_rule_s_verdict_before_deciding(hall: Hall) -> None:
    reg = hall.registrations[1]
    check = hall.console.check_admission(hall.session_id, reg.registration_id, "123")
    assert (check.admissible, check.reason_code) == (False, "invalid_iin")
    check = hall.console.check_admission(hall.session_id, reg.registration_id, reg.iin)
    assert check.admissible and check.reason_code is None
    hall.desk.admit(reg)
    check = hall.console.check_admission(hall.session_id, reg.registration_id, reg.iin)
    assert (check.admissible, check.reason_code) == (False, "already_admitted")
    other = hall.registrations[2]
    refused = hall.console.refuse(
        hall.session_id, other.registration_id, Reason(category="examinee", code="identity",
                                                       note="not the person in the photo"),
    )  # fmt: skip
    assert (refused.status, refused.reason_code) == ("refused", "identity")
    listed = {r.registration_id: r for r in hall.console.registrations(hall.session_id)}
    assert listed[reg.registration_id].admission == "admitted"
    assert listed[other.registration_id].admission == "refused"
    history = hall.console.history(hall.session_id, action="admission.refuse")
    assert history[0].detail["code"] == "identity"


def _after_resume(
    client: HallClient, attempt_id: str, item: str, stamps: list[datetime]
) -> dict[int, str]:
    """Answers stamped at `stamps`, sent once the seat runs again (the kiosk's credential used
    from a script): what the server refused, by sequence number."""
    changes = [change(n + 1, item, [], at) for n, at in enumerate(stamps)]
    return client.send_answers(attempt_id, changes).refused


def test_an_answer_stamped_inside_a_past_lock_is_refused_after_the_resume(hall: Hall) -> None:
    client, form = started(hall)
    item = form.items[0].item_id
    hall.clock.advance(timedelta(minutes=2))
    locked_at = hall.clock.now()
    hall.console.pause_seat("A01", hall.sitting("A01"), NOISE)
    hall.clock.advance(timedelta(seconds=12, milliseconds=100))
    code = hall.console.resume_seat("A01", hall.sitting("A01")).resume_code
    assert code is not None
    client.unlock(code.code)
    hall.clock.advance(timedelta(seconds=3))
    refused = _after_resume(
        client,
        form.attempt_id,
        item,
        [
            locked_at - timedelta(seconds=30),  # before the lock: the candidate's time
            locked_at + timedelta(seconds=7),  # 7 s into the lock: time they never had
            hall.clock.now(),  # after the resume
        ],
    )
    assert refused == {2: "stamped while the seat was locked"}


def test_answers_stamped_inside_a_room_pause_or_a_lock_overlapping_it_are_refused(
    hall: Hall,
) -> None:
    a1, form1 = started(hall)
    a2 = hall.seat(hall.registrations[4], "A02")
    form2 = hall.start("A02")
    hall.clock.advance(timedelta(minutes=1))
    own_lock = hall.clock.now()  # A02 locks on its own, then the room pauses over it
    a2.lock(LockReport(at=own_lock, reason="focus_lost", note=""))
    hall.clock.advance(timedelta(seconds=40))
    paused = hall.clock.now()
    hall.console.pause_room(hall.session_id, FIRE)
    hall.clock.advance(timedelta(minutes=2))
    hall.console.resume_room(hall.session_id)
    resumed = hall.clock.now()
    hall.clock.advance(timedelta(seconds=30))
    code = hall.console.resume_seat("A02", hall.sitting("A02")).resume_code
    assert code is not None
    a2.unlock(code.code)
    opened = hall.clock.now()
    hall.clock.advance(timedelta(seconds=10))
    inside_pause = paused + timedelta(minutes=1)
    between = resumed + timedelta(seconds=15)  # A01 ran again; A02 stood still on its own
    first = form1.items[0].item_id
    refused = _after_resume(a1, form1.attempt_id, first, [inside_pause, between])
    assert refused == {1: "stamped while the seat was locked"}
    refused = _after_resume(
        a2,
        form2.attempt_id,
        form2.items[0].item_id,
        [own_lock + timedelta(seconds=20), inside_pause, between, opened + timedelta(seconds=5)],
    )
    assert sorted(refused) == [1, 2, 3]
    with hall.runtime.tx() as db:
        stood = db.get(Attempt, form2.attempt_id).stood  # type: ignore[union-attr]
    assert stood == [[rfc3339(own_lock), rfc3339(opened)]]  # one span: the lock held through
