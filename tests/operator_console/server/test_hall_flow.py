"""A hall session over real HTTP: admission, seats, kiosk rights, answers, deadlines, results."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from hardware.clock import FakeClock
from kiosk.hall_client import HallClient
from operator_console.central.store import StubStore
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import AnswerChange, FormView
from operator_console.server.models import Admission, AuditEntry, OutboxRecord
from operator_console.server.serve import ServerThread
from operator_console.server.upstream.audit import verify_chain
from tests.conftest import HALL_ID
from tests.hall import PASSWORD, Hall, open_hall


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


def keyed(hall: Hall, item_id: str) -> list[str]:
    bank = hall.runtime.banks.for_program("legislation")
    assert bank is not None
    return sorted(bank.item(item_id).correct)


def wrong(hall: Hall, form: FormView, item_id: str) -> list[str]:
    item = next(i for i in form.items if i.item_id == item_id)
    return [next(c.id for c in item.choices if c.id not in keyed(hall, item_id))]


def change(seq: int, item_id: str, choices: list[str], at: datetime) -> AnswerChange:
    return AnswerChange(seq=seq, item_id=item_id, choices=choices, answered_at=at)


def started(hall: Hall, seat: str = "A01", n: int = 1) -> tuple[HallClient, FormView]:
    """Candidate n seated and started on legislation (the roster's second sits legislation only)."""
    client = hall.seat(hall.registrations[n], seat)
    hall.console.start_session(hall.session_id)
    return client, hall.start(seat)


def test_whole_attempt_reaches_upstream_with_its_score(hall: Hall, stub_store: StubStore) -> None:
    client, form = started(hall)
    assert len(form.items) == 55
    now = hall.clock.now()
    # Right in every act except the last five questions of the constitution: 50 correct.
    constitution = [i.item_id for i in form.items if i.section == "constitution"]
    changes, seq = [], 0
    for item in form.items:
        seq += 1
        answer = (
            wrong(hall, form, item.item_id)
            if item.item_id in constitution[10:]
            else keyed(hall, item.item_id)
        )
        changes.append(change(seq, item.item_id, answer, now))
    # A change of mind: first item answered wrong, then right again.
    first = form.items[0].item_id
    changes.append(change(seq + 1, first, wrong(hall, form, first), now))
    changes.append(change(seq + 2, first, keyed(hall, first), now))
    ack = client.send_answers(form.attempt_id, changes)
    assert ack.stored_through == seq + 2 and ack.refused == {}
    done = client.finish(form.attempt_id, "submitted", seq + 2)
    assert (done.outcome, done.total) == ("pass", 50.0)

    hall.runtime.sync.run_once()
    stored = stub_store.records("results")[form.attempt_id]
    assert stored["outcome"] == "pass" and stored["total"] == {"score": 50.0, "threshold": 30.0}
    sections = {s["code"]: (s["correct"], s["passed"]) for s in stored["sections"]}
    assert sections == {
        "constitution": (10, True),
        "civil_service_law": (15, True),
        "anti_corruption_law": (15, True),
        "ethics_code": (10, True),
    }
    assert len(stored["answers"]) == 55 and stored["seat"] == "A01"
    with hall.runtime.tx() as db:
        assert verify_chain(db, HALL_ID) is None
    hall.runtime.sync.run_once()
    assert stub_store.records("audit-heads")


def test_four_correct_in_one_act_fails_despite_a_high_total(hall: Hall) -> None:
    client, form = started(hall)
    now = hall.clock.now()
    ethics = [i.item_id for i in form.items if i.section == "ethics_code"]
    changes = [
        change(
            n,
            i.item_id,
            wrong(hall, form, i.item_id) if i.item_id in ethics[4:] else keyed(hall, i.item_id),
            now,
        )
        for n, i in enumerate(form.items, start=1)
    ]
    client.send_answers(form.attempt_id, changes)
    done = client.finish(form.attempt_id, "submitted", len(changes))
    assert (done.total, done.outcome) == (49.0, "fail")


def test_a_kiosk_cannot_touch_another_seats_attempt(hall: Hall) -> None:
    mine = hall.seat(hall.registrations[0], "A01")
    other = hall.seat(hall.registrations[1], "A02")
    hall.console.start_session(hall.session_id)
    theirs = other.seat().attempts[0].attempt_id
    now = hall.clock.now()
    for call in (
        lambda: mine.start_attempt(theirs, "kk"),
        lambda: mine.form(theirs),
        lambda: mine.send_answers(theirs, [change(1, "x", [], now)]),
        lambda: mine.finish(theirs, "submitted", 0),
    ):
        with pytest.raises(ServerRefused) as refused:
            call()
        assert refused.value.status == 403
    assert mine.seat().attempts[0].attempt_id != theirs


def test_requests_without_a_valid_credential_are_refused(hall: Hall) -> None:
    hall.seat(hall.registrations[0], "A01")
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic x"}):
        reply = httpx.get(f"{hall.server.url}/kiosk/v1/seat", headers=headers)
        assert reply.status_code == 401
    assert httpx.get(f"{hall.server.url}/api/v1/sessions").status_code == 401


def test_enrollment_code_works_once_and_reenrollment_revokes_the_old_kiosk(hall: Hall) -> None:
    code = hall.console.enrollment_code("B01").code
    first = HallClient.enroll(hall.server.url, code, "machine-1")
    with pytest.raises(ServerRefused) as again:
        HallClient.enroll(hall.server.url, code, "machine-2")
    assert again.value.status == 401
    second = HallClient.enroll(hall.server.url, hall.console.enrollment_code("B01").code, "m3")
    old, new = HallClient(hall.server.url, first.token), HallClient(hall.server.url, second.token)
    with pytest.raises(ServerRefused):
        old.seat()
    assert new.seat().seat == "B01"
    old.close()
    new.close()


def test_enrollment_code_expires(hall: Hall) -> None:
    code = hall.console.enrollment_code("B02").code
    hall.clock.advance(timedelta(hours=25))
    with pytest.raises(ServerRefused):
        HallClient.enroll(hall.server.url, code, "late machine")


def test_attempt_waits_for_the_session_to_start(hall: Hall) -> None:
    client = hall.seat(hall.registrations[0], "A01")
    attempt = client.seat().attempts[0].attempt_id
    with pytest.raises(ServerRefused, match="not started"):
        client.start_attempt(attempt, "kk")


def test_language_must_be_the_candidates(hall: Hall) -> None:
    client = hall.seat(hall.registrations[0], "A01")
    hall.console.start_session(hall.session_id)
    attempt = client.seat().attempts[0].attempt_id
    reply = httpx.post(
        f"{hall.server.url}/kiosk/v1/attempts/{attempt}/start",
        json={"language": "en"},
        headers=client.authorization,
    )
    assert reply.status_code == 422 and "language" in reply.json()["detail"]
    assert client.seat().attempts[0].status == "pending"


def test_bad_changes_are_refused_one_by_one_and_never_counted(hall: Hall) -> None:
    client, form = started(hall)
    item = form.items[0]
    single = item.choices[0].id
    now = hall.clock.now()
    ack = client.send_answers(
        form.attempt_id,
        [
            change(1, item.item_id, [single], now),
            change(2, "not-on-the-form", [single], now),
            change(3, item.item_id, ["Z"], now),
            change(4, item.item_id, [c.id for c in item.choices[:2]], now),
            change(5, item.item_id, [single], now + timedelta(minutes=1)),
            change(6, item.item_id, [single], form.deadline_at + timedelta(seconds=30)),
        ],
    )
    assert ack.stored_through == 6
    assert set(ack.refused) == {2, 3, 4, 5, 6}
    assert "deadline" in ack.refused[6] and "ahead" in ack.refused[5]


def test_the_same_change_twice_is_stored_once_and_other_content_conflicts(hall: Hall) -> None:
    client, form = started(hall)
    item = form.items[0]
    now = hall.clock.now()
    first = change(1, item.item_id, [item.choices[0].id], now)
    assert client.send_answers(form.attempt_id, [first]).stored_through == 1
    assert client.send_answers(form.attempt_id, [first]).stored_through == 1
    with pytest.raises(ServerRefused) as refused:
        client.send_answers(form.attempt_id, [change(1, item.item_id, [item.choices[1].id], now)])
    assert refused.value.status == 409


def test_finish_waits_for_every_journalled_change(hall: Hall) -> None:
    client, form = started(hall)
    now = hall.clock.now()
    client.send_answers(
        form.attempt_id,
        [change(1, form.items[0].item_id, [], now), change(3, form.items[1].item_id, [], now)],
    )
    with pytest.raises(ServerRefused, match=r"2\.\.3"):
        client.finish(form.attempt_id, "submitted", 3)
    client.send_answers(form.attempt_id, [change(2, form.items[2].item_id, [], now)])
    assert client.finish(form.attempt_id, "submitted", 3).finish_reason == "submitted"
    assert client.finish(form.attempt_id, "submitted", 3).finish_reason == "submitted"


def test_deadline_closes_an_abandoned_attempt_with_what_was_saved(
    hall: Hall, stub_store: StubStore
) -> None:
    client, form = started(hall)
    changes = [
        change(n, i.item_id, keyed(hall, i.item_id), hall.clock.now())
        for n, i in enumerate(form.items[:31], start=1)
    ]
    client.send_answers(form.attempt_id, changes)
    hall.clock.set(form.deadline_at + timedelta(seconds=29))
    assert hall.runtime.sweep_once() == []
    hall.clock.advance(timedelta(seconds=2))
    assert hall.runtime.sweep_once() == [form.attempt_id]
    hall.runtime.sync.run_once()
    stored = stub_store.records("results")[form.attempt_id]
    assert stored["finish_reason"] == "time_expired"
    assert datetime.fromisoformat(stored["finished_at"]) == form.deadline_at
    assert stored["total"]["score"] == 31.0
    with pytest.raises(ServerRefused, match="finished"):
        client.start_attempt(form.attempt_id, "kk")


def test_late_candidate_is_refused_and_the_reason_kept(hall: Hall) -> None:
    hall.clock.advance(timedelta(minutes=11))
    reg = hall.registrations[0]
    decision = hall.console.admit(hall.session_id, reg.registration_id, reg.iin)
    assert decision.status == "refused" and decision.reason and decision.reason.startswith("late")
    with hall.runtime.tx() as db:
        row = db.execute(
            select(Admission).where(Admission.registration_id == reg.registration_id)
        ).scalar_one()
        assert row.reason == decision.reason
        actions = db.execute(select(AuditEntry.action)).scalars().all()
    assert "admission.refuse" in actions


def test_hostile_requests_change_nothing(hall: Hall) -> None:
    client, form = started(hall)
    url = f"{hall.server.url}/kiosk/v1/attempts/{form.attempt_id}/answers"
    token = client.authorization
    bodies = [
        b"{",
        b'{"changes": []}',
        b'{"changes": [{"seq": 0}]}',
        b'{"changes": '
        + b"["
        + b",".join(
            b'{"seq": %d, "item_id": "x", "choices": [], "answered_at": "2026-03-10T04:00:00Z"}' % n
            for n in range(1, 502)
        )
        + b"]}",
    ]
    for body in bodies:
        reply = httpx.post(url, content=body, headers=token | {"Content-Type": "application/json"})
        assert reply.status_code == 422, body[:40]
        assert reply.json()["detail"]
    with hall.runtime.tx() as db:
        assert db.execute(select(OutboxRecord)).first() is None


@pytest.mark.postgres
def test_whole_attempt_on_postgresql(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
    postgres_url: str,
) -> None:
    for hall in open_hall(
        tmp_path, keys, driven_stub, stub_store, clock, database_url=postgres_url
    ):
        client, form = started(hall)
        now = hall.clock.now()
        changes = [
            change(n, i.item_id, keyed(hall, i.item_id), now)
            for n, i in enumerate(form.items, start=1)
        ]
        client.send_answers(form.attempt_id, changes[:30])
        client.send_answers(form.attempt_id, changes)
        assert client.finish(form.attempt_id, "submitted", 55).total == 55.0
        second, form2 = hall.seat(hall.registrations[4], "A02"), hall.start("A02")
        hall.clock.set(form2.deadline_at + timedelta(minutes=1))
        assert hall.runtime.sweep_once() == [form2.attempt_id]
        hall.runtime.sync.run_once()
        assert {form.attempt_id, form2.attempt_id} <= set(stub_store.records("results"))
        with hall.runtime.tx() as db:
            assert verify_chain(db, HALL_ID) is None
        assert second.seat().attempts == []


def test_a_sitting_chains_state_language_then_legislation(hall: Hall) -> None:
    both = hall.registrations[0]  # the sample roster's first candidate sits both
    assert both.programs == ["state_language", "legislation"]
    client = hall.seat(both, "A01")
    hall.console.start_session(hall.session_id)
    first, second = client.seat().attempts
    assert (first.program, second.program) == ("state_language", "legislation")
    with pytest.raises(ServerRefused, match="earlier part"):
        client.start_attempt(second.attempt_id, "ru")
    language_form = client.start_attempt(first.attempt_id, "ru")
    assert len(language_form.items) == 20
    assert language_form.deadline_at - language_form.started_at == timedelta(minutes=20)
    done = client.finish(first.attempt_id, "submitted", 0)
    assert (done.outcome, done.total) == ("reported", 0.0)
    legislation = client.start_attempt(second.attempt_id, "ru")
    assert legislation.deadline_at - legislation.started_at == timedelta(minutes=55)


def test_admission_is_linked_to_the_detector_check(hall: Hall) -> None:
    reg = hall.registrations[1]
    wand = hall.console.wand("pass", reg.registration_id, note="cleared by the wand")
    assert (wand.source, wand.device, wand.registration_id) == (
        "manual",
        "wand",
        reg.registration_id,
    )
    with pytest.raises(ServerRefused) as missing:
        hall.console.admit(hall.session_id, reg.registration_id, reg.iin, detector_event_id=999)
    assert missing.value.status == 422 and "detector event 999" in missing.value.detail
    decision = hall.console.admit(
        hall.session_id, reg.registration_id, reg.iin, detector_event_id=wand.id
    )
    with hall.runtime.tx() as db:
        row = db.get(Admission, decision.admission_id)
        assert row is not None and row.detector_event_id == wand.id


def test_repeated_wrong_passwords_make_the_user_name_rest(hall: Hall) -> None:
    url = f"{hall.server.url}/api/v1/auth/login"
    for _ in range(5):
        assert httpx.post(url, json={"username": "desk", "password": "guess"}).status_code == 401
    right = {"username": "desk", "password": PASSWORD}
    throttled = httpx.post(url, json=right)
    assert throttled.status_code == 429 and throttled.json()["code"] == "too_many_tries"
    assert httpx.post(url, json={"username": "other", "password": "x"}).status_code == 401
    hall.clock.advance(timedelta(minutes=16))
    assert httpx.post(url, json=right).status_code == 200
    with hall.runtime.tx() as db:
        actions = db.execute(select(AuditEntry.action)).scalars().all()
    assert actions.count("user.login_failed") == 6 and "user.login_throttled" in actions
