"""Alembic migrations up and down on SQLite and on a real PostgreSQL; models match them."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from operator_console.server.db import downgrade, make_engine, migrate
from operator_console.server.models import Base

TABLES = {
    "hall",
    "test_session",
    "registration",
    "seat",
    "kiosk",
    "enrollment_code",
    "admission",
    "attempt",
    "attempt_section",
    "answer_event",
    "incident",
    "detector_event",
    "outbox",
    "audit_entry",
    "audit_head",
    "throttle",
    "user_account",
    "user_token",
    "recording_segment",
}


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def round_trip(engine: Engine) -> None:
    migrate(engine)
    assert tables(engine) == TABLES
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == [], f"models and migrations differ: {diff}"
    downgrade(engine, "base")
    assert tables(engine) == set()
    migrate(engine)
    assert tables(engine) == TABLES


def test_sqlite_upgrade_downgrade(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'hall.db'}")
    try:
        round_trip(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgresql_upgrade_downgrade(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    try:
        round_trip(engine)
    finally:
        engine.dispose()
