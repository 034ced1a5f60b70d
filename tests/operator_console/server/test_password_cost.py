"""Password hashes cost what hall.toml's `passwords` says: by default the production parameters
(OWASP's 19 MiB, 2 passes, one lane); the tests' halls set the lowest (tests/conftest.py), and
this file keeps one hall at the production cost end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from hardware.clock import FakeClock
from operator_console.central.store import StubStore
from operator_console.protocol.calls import ServerRefused
from operator_console.server.config import HallConfig
from operator_console.server.models import User
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
from tests.hall import PASSWORD, Hall, open_hall


def stored_hash(runtime: HallRuntime, username: str) -> str:
    with runtime.tx() as db:
        found = db.execute(select(User.password_hash).where(User.username == username))
        return str(found.scalar_one())


def test_a_hall_hashes_at_the_production_cost_unless_told_otherwise(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
) -> None:
    defaults = HallConfig.model_validate(
        {"upstream": {"url": "http://127.0.0.1:9", "hall_id": "h"}, "keys": {"dir": str(keys)}}
    ).passwords
    assert (defaults.memory_kib, defaults.iterations) == (19 * 1024, 2)
    # An empty section: what a hall.toml without one gets.
    for hall in open_hall(tmp_path, keys, driven_stub, stub_store, clock, passwords={}):
        encoded = stored_hash(hall.runtime, "desk")
        assert encoded.startswith("$argon2id$v=19$m=19456,t=2,p=1$"), encoded
        assert hall.console.login("desk", PASSWORD).role == "administrator"  # it verifies
        with pytest.raises(ServerRefused) as refused:
            hall.console.login("desk", "not the password")
        assert refused.value.status == 401


def test_the_test_halls_hash_at_the_lowest_cost(driven_hall: Hall) -> None:
    encoded = stored_hash(driven_hall.runtime, "desk")
    assert encoded.startswith("$argon2id$v=19$m=8,t=1,p=1$"), encoded
