"""Sign-in tries are rested per user name *and* client address: a stranger's wrong passwords
never lock a staff member out of another machine, a machine cycling names is still stopped, and an
administrator can unlock a name at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from hardware.clock import FakeClock
from operator_console.central.store import StubStore
from operator_console.server.models import AuditEntry
from operator_console.server.serve import ServerThread
from operator_console.server.throttle import SOURCE_TRIES, TRIES
from tests.hall import PASSWORD, Hall, open_hall
from tests.operator_console.server.test_recordings_api import person

MACHINE_A, MACHINE_B = "127.0.0.2", "127.0.0.1"


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


def machine(hall: Hall, address: str) -> httpx.Client:
    """A client whose connections leave from `address` on loopback, as another machine's would."""
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=hall.server.url, transport=transport, timeout=60)


def sign_in(client: httpx.Client, username: str, password: str) -> httpx.Response:
    return client.post("/api/v1/auth/login", json={"username": username, "password": password})


def test_wrong_passwords_from_one_machine_do_not_stop_the_user_at_another(hall: Hall) -> None:
    with machine(hall, MACHINE_A) as stranger, machine(hall, MACHINE_B) as desk:
        statuses = [sign_in(stranger, "desk", f"wrong-{n}").status_code for n in range(TRIES + 3)]
        assert statuses == [401] * TRIES + [429] * 3
        refused = sign_in(stranger, "desk", PASSWORD)
        assert refused.status_code == 429  # the right password, but from the resting machine
        assert refused.json()["code"] == "too_many_tries"
        assert set(refused.json()["params"]) == {"until"}
        assert sign_in(desk, "desk", PASSWORD).status_code == 200
    with hall.runtime.read() as db:
        sources = [
            e.detail["from"]
            for e in db.execute(
                select(AuditEntry).where(AuditEntry.action == "user.login_throttled")
            ).scalars()
        ]
    assert sources == [MACHINE_A] * 4


def test_a_wrong_password_is_refused_with_a_code(hall: Hall) -> None:
    with machine(hall, MACHINE_A) as client:
        answer = sign_in(client, "desk", "not it")
    assert answer.status_code == 401
    assert answer.json()["code"] == "wrong_credentials" and answer.json()["params"] == {}


def test_one_machine_cycling_names_is_stopped(hall: Hall) -> None:
    with machine(hall, MACHINE_A) as guesser, machine(hall, MACHINE_B) as desk:
        statuses = [sign_in(guesser, f"name-{n}", "guess").status_code for n in range(40)]
        assert statuses == [401] * SOURCE_TRIES + [429] * (40 - SOURCE_TRIES)
        assert sign_in(guesser, "desk", PASSWORD).status_code == 429
        assert sign_in(desk, "desk", PASSWORD).status_code == 200
        hall.clock.advance(timedelta(minutes=16))
        assert sign_in(guesser, "desk", PASSWORD).status_code == 200


def test_right_passwords_do_not_count_against_the_machine(hall: Hall) -> None:
    with machine(hall, MACHINE_A) as console:
        for _ in range(SOURCE_TRIES + 5):
            assert sign_in(console, "desk", PASSWORD).status_code == 200


def test_forty_wrong_guesses_at_once_from_one_machine_are_still_counted(hall: Hall) -> None:
    forty_wrong_guesses_and_the_user_elsewhere(hall)


@pytest.mark.postgres
def test_forty_wrong_guesses_at_once_on_postgresql(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
    postgres_url: str,
) -> None:
    """Row locks, not SQLite's one writer, keep the count."""
    for hall in open_hall(
        tmp_path, keys, driven_stub, stub_store, clock, database_url=postgres_url
    ):
        forty_wrong_guesses_and_the_user_elsewhere(hall)


def forty_wrong_guesses_and_the_user_elsewhere(hall: Hall) -> None:
    with machine(hall, MACHINE_A) as stranger, machine(hall, MACHINE_B) as desk:
        with ThreadPoolExecutor(max_workers=40) as pool:
            replies = list(pool.map(lambda n: sign_in(stranger, "desk", f"wrong-{n}"), range(40)))
        assert sorted(r.status_code for r in replies) == [401] * TRIES + [429] * (40 - TRIES)
        assert sign_in(stranger, "desk", PASSWORD).status_code == 429
        assert sign_in(desk, "desk", PASSWORD).status_code == 200


def test_an_administrator_unlocks_a_name_at_every_machine(hall: Hall) -> None:
    someone = person(hall, "aigerim", "operator")
    someone.close()
    with machine(hall, MACHINE_A) as a, machine(hall, MACHINE_B) as b:
        for client in (a, b):
            for n in range(TRIES):
                assert sign_in(client, "aigerim", f"wrong-{n}").status_code == 401
            assert sign_in(client, "aigerim", "password-123").status_code == 429
        token = hall.console.login("desk", PASSWORD).token
        unlocked = b.post(
            "/api/v1/users/aigerim/unlock", headers={"Authorization": f"Bearer {token}"}
        )
        assert unlocked.status_code == 200, unlocked.text
        assert unlocked.json()["username"] == "aigerim"
        assert sign_in(a, "aigerim", "password-123").status_code == 200
        assert sign_in(b, "aigerim", "password-123").status_code == 200
        missing = b.post(
            "/api/v1/users/nobody/unlock", headers={"Authorization": f"Bearer {token}"}
        )
        assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    with hall.runtime.read() as db:
        entry = db.execute(
            select(AuditEntry).where(AuditEntry.action == "user.unlock")
        ).scalar_one()
    assert (entry.actor, entry.subject, entry.detail) == ("desk", "aigerim", {"addresses": 2})


@pytest.mark.parametrize("role", ["operator", "proctor"])
def test_only_an_administrator_unlocks(hall: Hall, role: str) -> None:
    with machine(hall, MACHINE_A) as stranger:
        for n in range(TRIES):
            sign_in(stranger, "desk", f"wrong-{n}")
    someone = person(hall, f"{role}9", role)
    answer = someone.post("/api/v1/users/desk/unlock")
    someone.close()
    assert answer.status_code == 403 and answer.json()["code"] == "role_required"
    with machine(hall, MACHINE_A) as stranger:
        assert sign_in(stranger, "desk", PASSWORD).status_code == 429
