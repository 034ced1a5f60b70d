"""Schemathesis against the room server's own OpenAPI, on loopback, with every kind of credential:
no request may get a 5xx, and every documented answer matches its schema."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import APIOperation, Case
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from hardware.clock import FakeClock
from operator_console.central.store import StubStore
from operator_console.server import auth
from operator_console.server.serve import ServerThread
from tests.hall import Hall, open_hall

EXAMPLES = 40
"""At most, per operation: about 1,300 requests in all, half a minute on this machine."""
ROLES = ("administrator", "operator", "proctor")


@dataclass
class FuzzedHall:
    hall: Hall
    tokens: dict[str, str]
    kiosk: dict[str, str]
    turn: Iterator[str] = field(default_factory=lambda: itertools.cycle(ROLES))
    requests: int = 0
    server_errors: int = 0

    def headers_for(self, case: Case) -> dict[str, str]:
        if case.path.startswith("/kiosk/"):
            return dict(self.kiosk)
        return {"Authorization": f"Bearer {self.tokens[next(self.turn)]}"}


@pytest.fixture
def fuzzed(
    tmp_path: Path, keys: Path, driven_stub: ServerThread, stub_store: StubStore, clock: FakeClock
) -> Iterator[FuzzedHall]:
    server = {"listen": "127.0.0.1:0", "data_dir": str(tmp_path / "hall"), "api_docs": True}
    for hall in open_hall(tmp_path, keys, driven_stub, stub_store, clock, server=server):
        tokens = {"administrator": hall.console.login("desk", "correct horse battery").token}
        with hall.runtime.tx() as db:
            for role in ("operator", "proctor"):
                auth.create_user(
                    db, username=role, password=f"{role}-password", role=role, now=clock.now()
                )
        for role in ("operator", "proctor"):
            tokens[role] = hall.console.login(role, f"{role}-password").token
        hall.console.login("desk", "correct horse battery")
        kiosk = hall.seat(hall.registrations[1], "A01")
        hall.desk.start()
        yield FuzzedHall(hall, tokens, kiosk.authorization)


def operations(fuzzed: FuzzedHall) -> list[APIOperation]:
    schema = schemathesis.openapi.from_url(f"{fuzzed.hall.server.url}/openapi.json")
    found = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    # Sign-out would end the very tokens the fuzzing signs its requests with.
    return [op for op in found if op.path != "/api/v1/auth/logout"]


@pytest.mark.slow
def test_no_request_gets_a_server_error(fuzzed: FuzzedHall) -> None:
    checks = [not_a_server_error, response_schema_conformance]
    ops = operations(fuzzed)
    assert len(ops) > 30  # the whole API, kiosk and operator sides

    for operation in ops:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def send(case: Case) -> None:
            if case.query and "wait" in case.query:
                case.query["wait"] = 0  # long polls are proven apart; here they must not stall
            response = case.call(headers=fuzzed.headers_for(case), timeout=30)
            fuzzed.requests += 1
            fuzzed.server_errors += response.status_code >= 500
            case.validate_response(response, checks=checks)

        send()
    print(
        f"fuzzed {fuzzed.requests} requests over {len(ops)} operations: "
        f"{fuzzed.server_errors} server errors"
    )
