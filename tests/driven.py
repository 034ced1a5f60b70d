"""Fixtures for a hall whose room server and upstream both follow the test's clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.clock import FakeClock
from operator_console.central.store import StubStore
from operator_console.central.stub import FaultPlan, create_stub_app
from operator_console.server.serve import ServerThread
from tests.hall import Hall, open_hall


@pytest.fixture
def driven_stub(
    stub_store: StubStore, faults: FaultPlan, clock: FakeClock
) -> Iterator[ServerThread]:
    with ServerThread(create_stub_app(stub_store, faults, now=clock.now)) as server:
        yield server


@pytest.fixture
def driven_hall(
    tmp_path: Path, keys: Path, driven_stub: ServerThread, stub_store: StubStore, clock: FakeClock
) -> Iterator[Hall]:
    yield from open_hall(tmp_path, keys, driven_stub, stub_store, clock)
