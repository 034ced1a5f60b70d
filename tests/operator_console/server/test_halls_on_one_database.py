"""Several halls on one PostgreSQL database, each in a schema of its own: rosters, seats, audit
chains and outboxes stay apart even where the central system's numbers coincide, and both halls
sync. A hall never starts on tables that hold another hall."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from hardware.clock import FakeClock
from operator_console.central.samples import sample_roster
from operator_console.central.store import StubStore
from operator_console.protocol.kiosk_api import AnswerChange
from operator_console.server.config import StartupError
from operator_console.server.models import AuditEntry, OutboxRecord, Registration
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
from tests.conftest import HALL_ID, hall_config
from tests.hall import Hall, open_hall
from tests.operator_console.server.test_hall_flow import started

OTHER = "hall-two"
SCHEMAS = ("hall_one", "hall_two")


@pytest.fixture
def schemas(postgres_url: str) -> Iterator[str]:
    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        for schema in SCHEMAS:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    engine.dispose()
    yield postgres_url


def section(url: str, schema: str) -> dict[str, object]:
    return {"url": url, "schema": schema}


def sit_and_finish(hall: Hall) -> str:
    client, form = started(hall)
    item = form.items[0]
    change = AnswerChange(
        seq=1, item_id=item.item_id, choices=[item.choices[0].id], answered_at=hall.clock.now()
    )
    assert client.send_answers(form.attempt_id, [change]).stored_through == 1
    return client.finish(form.attempt_id, "submitted", 1).attempt_id


def test_two_halls_on_one_database_keep_apart_and_both_sync(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
    schemas: str,
) -> None:
    stub_store.register_hall(OTHER, (keys / "hall-sign.pub").read_bytes())
    now = clock.now()
    # The same registration numbers and seat codes in both halls.
    other_roster = sample_roster(
        OTHER, now.date(), 6, starts_at=now + timedelta(minutes=10), now=now
    )
    with ExitStack() as stack:
        one = stack.enter_context(
            contextmanager(open_hall)(
                tmp_path / "one",
                keys,
                driven_stub,
                stub_store,
                clock,
                database=section(schemas, SCHEMAS[0]),
            )
        )
        two = stack.enter_context(
            contextmanager(open_hall)(
                tmp_path / "two",
                keys,
                driven_stub,
                stub_store,
                clock,
                roster=other_roster,
                database=section(schemas, SCHEMAS[1]),
                upstream={"url": driven_stub.url, "hall_id": OTHER, "timeout_seconds": 2},
            )
        )
        assert one.runtime.hall_id == HALL_ID and two.runtime.hall_id == OTHER
        assert [r.registration_id for r in one.registrations] == [
            r.registration_id for r in two.registrations
        ]
        finished = {sit_and_finish(one), sit_and_finish(two)}
        for hall in (one, two):
            hall.runtime.sync.run_once()
        assert finished <= set(stub_store.records("results"))
        for hall, hall_id in ((one, HALL_ID), (two, OTHER)):
            with hall.runtime.tx() as db:
                assert db.execute(select(func.count()).select_from(Registration)).scalar() == 6
                halls_in_audit = set(db.execute(select(AuditEntry.hall_id).distinct()).scalars())
                halls_in_outbox = set(db.execute(select(OutboxRecord.hall_id).distinct()).scalars())
            assert halls_in_audit == {hall_id} and halls_in_outbox == {hall_id}


def test_a_hall_does_not_start_on_the_tables_of_another(
    tmp_path: Path, keys: Path, driven_stub: ServerThread, schemas: str
) -> None:
    first = HallRuntime(
        hall_config(tmp_path / "one", keys, driven_stub.url, database=section(schemas, "hall_one"))
    )
    first.close()
    taken = hall_config(
        tmp_path / "two",
        keys,
        driven_stub.url,
        database=section(schemas, "hall_one"),
        upstream={"url": driven_stub.url, "hall_id": OTHER, "timeout_seconds": 2},
    )
    with pytest.raises(StartupError, match=f"hall_one already holds hall {HALL_ID}"):
        HallRuntime(taken)
