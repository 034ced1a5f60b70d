"""Requests a tester sent on purpose: each gets a clear refusal and changes nothing (issue: room
server against hostile clients)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import make_url, select

from hardware.clock import FakeClock
from kiosk.hall_client import HallClient
from operator_console.central.store import StubStore
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import AnswerChange, LockReport
from operator_console.protocol.reasons import Reason
from operator_console.server import auth
from operator_console.server.deps import LONG_POLLS
from operator_console.server.models import User
from operator_console.server.serve import ServerThread
from operator_console.server.throttle import SignInThrottle
from tests.hall import PASSWORD, Hall, open_hall, wait_until
from tests.operator_console.server.test_hall_flow import started
from tests.tcp_gate import TcpGate


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


def post(hall: Hall, client: HallClient, path: str, body: object) -> httpx.Response:
    return httpx.post(f"{hall.server.url}{path}", json=body, headers=client.authorization)


def sit_out(client: HallClient) -> None:
    """Every part of the seated candidate's sitting started and handed in blank."""
    for part in client.seat().attempts:
        if part.status != "finished":
            form = client.start_attempt(part.attempt_id, "ru")
            client.finish(form.attempt_id, "submitted", 0)


def test_a_seat_serves_a_third_candidate_after_two_have_finished(hall: Hall) -> None:
    hall.desk.start()
    client = hall.seat(hall.registrations[0], "A01")
    sit_out(client)
    seated = [hall.registrations[0].registration_id]
    for reg in hall.registrations[1:]:
        if len(seated) == 3:
            break
        decision = hall.desk.admit(reg)
        if decision.status != "admitted":
            continue
        hall.console.bind_seat(decision.admission_id, "A01")
        assert client.seat().registration_id == reg.registration_id
        sit_out(client)
        seated.append(reg.registration_id)
    assert len(seated) == 3


def test_a_repeated_seq_in_one_batch_is_refused_whole(hall: Hall) -> None:
    client, form = started(hall)
    item = form.items[0]
    change = {
        "seq": 1,
        "item_id": item.item_id,
        "choices": [item.choices[0].id],
        "answered_at": hall.clock.now().isoformat(),
    }
    reply = post(
        hall, client, f"/kiosk/v1/attempts/{form.attempt_id}/answers", {"changes": [change] * 2}
    )
    assert reply.status_code == 422 and "seq 1" in reply.json()["detail"]
    assert hall.stored_changes(form.attempt_id) == 0


@pytest.mark.parametrize(
    "field, value",
    [
        ("seq", 2**63),
        ("seq", 2**31),
        ("answered_at", "9999-12-31T23:59:59-14:00"),
        ("answered_at", "0001-01-01T00:00:00+14:00"),
        ("choices", ["x" * 100_000]),
        # Of another kind: pydantic's lax mode would have converted each of these.
        ("seq", "4"),
        ("seq", 3.0),
        ("seq", True),
        ("answered_at", 0),
        ("choices", [1]),
    ],
)
def test_out_of_range_values_are_refused_with_422(hall: Hall, field: str, value: object) -> None:
    client, form = started(hall)
    item = form.items[0]
    change: dict[str, object] = {
        "seq": 1,
        "item_id": item.item_id,
        "choices": [item.choices[0].id],
        "answered_at": hall.clock.now().isoformat(),
    }
    change[field] = value
    reply = post(
        hall, client, f"/kiosk/v1/attempts/{form.attempt_id}/answers", {"changes": [change]}
    )
    assert reply.status_code == 422, reply.text
    assert hall.stored_changes(form.attempt_id) == 0


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/detector/events?after={2**63}",
        f"/api/v1/incidents/{2**63}/thumbnail",
        f"/api/v1/attempts/x/recording/{2**63}",
    ],
)
def test_huge_integers_in_paths_and_queries_are_422(hall: Hall, path: str) -> None:
    token = hall.console.login("desk", PASSWORD).token
    reply = httpx.get(f"{hall.server.url}{path}", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 422, reply.text


def test_a_huge_detector_event_id_at_admission_is_422(hall: Hall) -> None:
    token = hall.console.login("desk", PASSWORD).token
    reg = hall.registrations[0]
    reply = httpx.post(
        f"{hall.server.url}/api/v1/sessions/{hall.session_id}/admissions",
        json={
            "registration_id": reg.registration_id,
            "presented_iin": reg.iin,
            "detector_event_id": 2**63,
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 422, reply.text


def test_a_locked_seat_takes_no_answers_no_finish_and_no_new_part(hall: Hall) -> None:
    client, form = started(hall)
    item = form.items[0]
    before = AnswerChange(
        seq=1,
        item_id=item.item_id,
        choices=[item.choices[0].id],
        answered_at=hall.clock.now(),
    )
    hall.clock.advance(timedelta(seconds=30))
    client.lock(LockReport(at=hall.clock.now(), reason="prohibited_program", note="obs"))
    hall.clock.advance(timedelta(seconds=30))
    during = AnswerChange(
        seq=2,
        item_id=item.item_id,
        choices=[item.choices[1].id],
        answered_at=hall.clock.now(),
    )
    ack = client.send_answers(form.attempt_id, [before, during])
    # Journalled before the lock: kept. Stamped while locked: never an answer.
    assert ack.stored_through == 2 and set(ack.refused) == {2}
    assert "locked" in ack.refused[2]
    with pytest.raises(ServerRefused) as refused:
        client.finish(form.attempt_id, "submitted", 2)
    assert refused.value.status == 409 and "locked" in refused.value.detail
    assert client.seat().attempts[0].status == "running"


def test_concurrent_password_guesses_are_counted_before_they_are_checked(hall: Hall) -> None:
    url = f"{hall.server.url}/api/v1/auth/login"
    guesses = [{"username": "desk", "password": f"wrong-{n}"} for n in range(39)]
    with ThreadPoolExecutor(max_workers=39) as pool:
        replies = list(pool.map(lambda body: httpx.post(url, json=body, timeout=60), guesses))
    statuses = sorted(r.status_code for r in replies)
    assert statuses == [401] * 5 + [429] * 34  # five checked, the rest refused unchecked
    right = {"username": "desk", "password": PASSWORD}
    assert httpx.post(url, json=right).status_code == 429
    hall.clock.advance(timedelta(minutes=16))
    assert httpx.post(url, json=right).status_code == 200


def test_the_throttle_outlives_a_restart(hall: Hall) -> None:
    url = f"{hall.server.url}/api/v1/auth/login"
    for n in range(5):
        assert httpx.post(url, json={"username": "desk", "password": f"w{n}"}).status_code == 401
    restarted = SignInThrottle(hall.runtime.factory, hall.runtime.hall_id)
    assert restarted.blocked_until("desk", "127.0.0.1", hall.clock.now()) is not None


def test_enrollment_code_guesses_are_throttled(hall: Hall) -> None:
    url = f"{hall.server.url}/kiosk/v1/enroll"
    statuses = [
        httpx.post(url, json={"code": f"guess-{n:04d}", "machine": "m"}).status_code
        for n in range(8)
    ]
    assert statuses == [401] * 5 + [429] * 3


def test_a_forged_forwarded_for_does_not_reset_the_guess_limit(hall: Hall) -> None:
    """Each guess claims another address: the server believes no proxy header unless the hall
    names its proxy (`server.trusted_proxies`), so the limit holds."""

    def guesses(url: str, first: int) -> list[int]:
        return [
            httpx.post(
                f"{url}/kiosk/v1/enroll",
                json={"code": f"guess-{n:04d}", "machine": "m"},
                headers={"X-Forwarded-For": f"10.9.{n // 250}.{n % 250 + 1}"},
            ).status_code
            for n in range(first, first + 8)
        ]

    assert guesses(hall.server.url, 0) == [401] * 5 + [429] * 3
    # Behind a proxy the hall trusts, its header names the kiosk: each address counts alone.
    with ServerThread(hall.server.app, trusted_proxies=["127.0.0.1"]) as proxied:
        assert guesses(proxied.url, 100) == [401] * 8


def test_sign_out_ends_the_token_at_once(hall: Hall) -> None:
    token = hall.console.login("desk", PASSWORD).token
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{hall.server.url}/api/v1/sessions", headers=headers).status_code == 200
    hall.console.logout()
    assert httpx.get(f"{hall.server.url}/api/v1/sessions", headers=headers).status_code == 401


def test_a_new_password_or_disabling_ends_every_sign_in(hall: Hall) -> None:
    tokens = [hall.console.login("desk", PASSWORD).token for _ in range(2)]
    with hall.runtime.tx() as db:
        user = db.execute(select(User).where(User.username == "desk")).scalar_one()
        auth.set_password(db, user, "another good password")
    for token in tokens:
        reply = httpx.get(
            f"{hall.server.url}/api/v1/sessions", headers={"Authorization": f"Bearer {token}"}
        )
        assert reply.status_code == 401
    token = hall.console.login("desk", "another good password").token
    with hall.runtime.tx() as db:
        auth.disable(db, db.execute(select(User).where(User.username == "desk")).scalar_one())
    reply = httpx.get(
        f"{hall.server.url}/api/v1/sessions", headers={"Authorization": f"Bearer {token}"}
    )
    assert reply.status_code == 401


def test_an_idle_sign_in_expires(hall: Hall) -> None:
    token = hall.console.login("desk", PASSWORD).token
    headers = {"Authorization": f"Bearer {token}"}
    hall.clock.advance(auth.TOKEN_IDLE - timedelta(minutes=1))
    assert httpx.get(f"{hall.server.url}/api/v1/sessions", headers=headers).status_code == 200
    hall.clock.advance(auth.TOKEN_IDLE - timedelta(minutes=1))  # used a minute in: still alive
    assert httpx.get(f"{hall.server.url}/api/v1/sessions", headers=headers).status_code == 200
    hall.clock.advance(auth.TOKEN_IDLE)
    assert httpx.get(f"{hall.server.url}/api/v1/sessions", headers=headers).status_code == 401


def test_long_polls_never_hold_the_threads_that_kiosks_need(hall: Hall) -> None:
    client = hall.seat(hall.registrations[1], "A01")
    token = hall.console.login("desk", PASSWORD).token
    after = hall.desk.last_detector_event()
    url = f"{hall.server.url}/api/v1/detector/events?after={after}&wait=30"
    headers = {"Authorization": f"Bearer {token}"}
    with ThreadPoolExecutor(max_workers=40) as pool:
        polls = [pool.submit(httpx.get, url, headers=headers, timeout=60) for _ in range(40)]
        # Past the bound the polls are refused at once: then the rest are all waiting.
        wait_until(lambda: sum(p.done() for p in polls) == 40 - LONG_POLLS, what="refusals")
        refused = [p.result() for p in polls if p.done()]
        assert {r.status_code for r in refused} == {503}
        assert client.seat().seat == "A01"  # answered while every long poll is open
        waiting = [p for p in polls if not p.done()]
        assert len(waiting) == LONG_POLLS
        event = hall.console.wand("pass", hall.registrations[0].registration_id)
        answers = [p.result() for p in waiting]
    assert all(r.status_code == 200 and r.json()[0]["id"] == event.id for r in answers)


def refused_or_cut(send: Callable[[], httpx.Response]) -> httpx.Response | None:
    """The answer to a body the server will not read: 413, or (when the server's answer and
    close overtake the client still sending) a reset connection, which is None here."""
    try:
        return send()
    except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError):
        return None


def test_a_huge_body_is_refused_before_it_is_read(hall: Hall) -> None:
    url = f"{hall.server.url}/api/v1/auth/login"
    announced = refused_or_cut(lambda: httpx.post(url, content=b"x" * (3 * 1024 * 1024)))
    if announced is not None:
        assert announced.status_code == 413 and "larger than this route takes" in announced.text

    def stream() -> Iterator[bytes]:
        for _ in range(100):  # 100 MB offered, never announced
            yield b"x" * (1024 * 1024)

    streamed = refused_or_cut(
        lambda: httpx.post(url, content=stream(), headers={"Content-Type": "application/json"})
    )
    if streamed is not None:
        assert streamed.status_code == 413
    # Either way nothing of it was taken in, and the server answers the next request at once.
    assert httpx.post(url, json={"username": "desk", "password": PASSWORD}).status_code == 200


def test_the_api_documents_are_off_on_a_hall(hall: Hall) -> None:
    assert httpx.get(f"{hall.server.url}/openapi.json").status_code == 404
    assert httpx.get(f"{hall.server.url}/docs").status_code == 404


def test_an_unknown_name_costs_the_same_password_hash(hall: Hall) -> None:
    checked: list[str] = []
    original = auth.password_matches

    def counting(password: str, encoded: str) -> bool:
        checked.append(encoded)
        return original(password, encoded)

    auth.password_matches = counting  # type: ignore[assignment]
    try:
        with hall.runtime.tx() as db:
            assert auth.login(db, username="nobody", password="x", now=hall.clock.now()) is None
    finally:
        auth.password_matches = original  # type: ignore[assignment]
    assert len(checked) == 1 and checked[0].startswith("$argon2id$")


@pytest.fixture
def hall_on_gated_postgres(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
    postgres_url: str,
) -> Iterator[tuple[Hall, TcpGate]]:
    """A hall whose PostgreSQL is reached through a gate the test can close and open."""
    url = make_url(postgres_url)
    with TcpGate(url.host or "127.0.0.1", url.port or 5432) as gate:
        through = url.set(host="127.0.0.1", port=gate.port)
        database_url = through.render_as_string(hide_password=False)
        for hall in open_hall(
            tmp_path, keys, driven_stub, stub_store, clock, database_url=database_url
        ):
            yield hall, gate


def test_postgresql_going_away_answers_503_and_the_server_recovers_without_a_restart(
    hall_on_gated_postgres: tuple[Hall, TcpGate],
) -> None:
    hall, gate = hall_on_gated_postgres
    client, form = started(hall)
    first, second = (
        AnswerChange(
            seq=n, item_id=i.item_id, choices=[i.choices[0].id], answered_at=hall.clock.now()
        )
        for n, i in enumerate(form.items[:2], start=1)
    )
    assert client.send_answers(form.attempt_id, [first]).stored_through == 1
    gate.close()  # PostgreSQL stops: its connections are cut, new ones refused
    try:
        for call in (
            lambda: client.send_answers(form.attempt_id, [second]),
            lambda: client.finish(form.attempt_id, "submitted", 2),
        ):
            with pytest.raises(ServerRefused) as refused:
                call()
            assert refused.value.status == 503
            assert "database did not answer" in refused.value.detail
    finally:
        gate.open()  # and starts again
    ack = client.send_answers(form.attempt_id, [second])  # the same server, no restart
    assert ack.stored_through == 2 and hall.stored_changes(form.attempt_id) == 2
    done = client.finish(form.attempt_id, "submitted", 2)
    assert done.finish_reason == "submitted"


def test_a_database_that_goes_away_answers_503_and_loses_nothing(hall: Hall) -> None:
    client, form = started(hall)
    item = form.items[0]
    change = AnswerChange(
        seq=1, item_id=item.item_id, choices=[item.choices[0].id], answered_at=hall.clock.now()
    )
    database = Path(hall.runtime.config.database_url.removeprefix("sqlite:///"))
    aside = database.with_name("hall-aside")
    aside.mkdir()
    hall.runtime.engine.dispose()
    moved = [f for f in database.parent.glob(database.name + "*")]
    for f in moved:
        f.rename(aside / f.name)
    database.mkdir()  # where the file was, nothing a database can open
    try:
        with pytest.raises(ServerRefused) as refused:
            client.send_answers(form.attempt_id, [change])
        assert refused.value.status == 503 and "database did not answer" in refused.value.detail
    finally:
        database.rmdir()
        for f in moved:
            (aside / f.name).rename(f)
    ack = client.send_answers(form.attempt_id, [change])  # back without a restart
    assert ack.stored_through == 1 and hall.stored_changes(form.attempt_id) == 1


def test_forty_seat_polls_at_once_each_see_a_pause_and_its_resume(hall: Hall) -> None:
    """Seat polls come from memory between writes: under a burst, none may show the seat as it
    was before the operator's pause committed, or before the resume did."""
    seated, _form = started(hall)
    token = seated.authorization["Authorization"].removeprefix("Bearer ")
    # Forty connections kept alive for forty threads: with fewer, httpcore's sync pool may close
    # a surplus connection it has already handed to a waiting request (encode/httpcore#1110),
    # a client-side fault this test is not about.
    pool_of_40 = httpx.HTTPTransport(
        limits=httpx.Limits(max_connections=40, max_keepalive_connections=40)
    )
    client = HallClient(hall.server.url, token, transport=pool_of_40)
    with contextlib.closing(client), ThreadPoolExecutor(max_workers=40) as pool:

        def burst() -> set[bool]:
            return set(pool.map(lambda _n: client.seat().locked_at is not None, range(40)))

        assert burst() == {False}
        ill = Reason(category="examinee", code="illness")
        hall.console.pause_seat("A01", hall.sitting("A01"), ill)
        assert burst() == {True}
        code = hall.console.resume_seat("A01", hall.sitting("A01")).resume_code
        assert code is not None
        client.unlock(code.code)
        assert burst() == {False}


def test_a_truth_or_a_zone_of_another_kind_is_refused_and_changes_nothing(hall: Hall) -> None:
    """The fuzzer's `active: 0` once disabled the hall's administrator."""
    headers = {"Authorization": f"Bearer {hall.console.login('desk', PASSWORD).token}"}
    url = hall.server.url
    for body in ({"active": 0}, {"active": "false"}, {"active": None, "role": 1}):
        reply = httpx.patch(f"{url}/api/v1/users/desk", json=body, headers=headers)
        assert reply.status_code == 422, reply.text
    users = httpx.get(f"{url}/api/v1/users", headers=headers).json()
    assert [u["active"] for u in users if u["username"] == "desk"] == [True]
    registration = hall.registrations[0].registration_id
    for zones in ([False], ["1"], [1.0]):
        reply = httpx.post(
            f"{url}/api/v1/detector/manual",
            json={"kind": "pass", "zones": zones, "registration_id": registration},
            headers=headers,
        )
        assert reply.status_code == 422, (zones, reply.text)
