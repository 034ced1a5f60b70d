"""The audit log is a hash chain: any edit, deletion or reordering of an entry is detected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from operator_console.server.db import make_engine, migrate, session_factory, transaction
from operator_console.server.models import AuditEntry, AuditHead
from operator_console.server.upstream import audit

T0 = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)


def chain(tmp_path: Path, n: int = 5) -> tuple[Engine, sessionmaker[Session]]:
    engine = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    migrate(engine)
    factory = session_factory(engine)
    for k in range(n):
        with transaction(factory) as db:
            audit.append(
                db,
                hall_id="h",
                at=T0 + timedelta(seconds=k),
                actor="desk",
                action="admission.admit",
                subject=f"REG-{k}",
                detail={"k": k},
            )
    return engine, factory


def test_an_intact_chain_verifies_and_its_head_is_the_last_hash(tmp_path: Path) -> None:
    engine, factory = chain(tmp_path)
    with transaction(factory) as db:
        assert audit.verify_chain(db, "h") is None
        head = db.get(AuditHead, "h")
        last = db.execute(select(AuditEntry).order_by(AuditEntry.seq.desc())).scalars().first()
        assert head and last and (head.seq, head.hash) == (5, last.hash)
    engine.dispose()


def test_an_edited_entry_breaks_the_chain_where_it_was_edited(tmp_path: Path) -> None:
    engine, factory = chain(tmp_path)
    with transaction(factory) as db:
        db.execute(update(AuditEntry).where(AuditEntry.seq == 3).values(subject="REG-X"))
    with transaction(factory) as db:
        assert audit.verify_chain(db, "h") == 3
    engine.dispose()


def test_a_deleted_entry_breaks_the_chain(tmp_path: Path) -> None:
    engine, factory = chain(tmp_path)
    with transaction(factory) as db:
        db.execute(delete(AuditEntry).where(AuditEntry.seq == 2))
    with transaction(factory) as db:
        assert audit.verify_chain(db, "h") == 3
    engine.dispose()


@pytest.mark.postgres
def test_concurrent_writers_keep_one_unbroken_chain_on_postgresql(postgres_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    engine = make_engine(postgres_url)
    migrate(engine)
    factory = session_factory(engine)
    with transaction(factory) as db:
        db.add(AuditHead(hall_id="h", seq=0, hash=audit.GENESIS, sent_seq=0))

    def write(k: int) -> None:
        with transaction(factory) as db:
            audit.append(
                db,
                hall_id="h",
                at=T0 + timedelta(seconds=k),
                actor=f"desk-{k % 4}",
                action="admission.admit",
                subject=f"REG-{k}",
            )

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(write, range(80)))
    with transaction(factory) as db:
        assert audit.verify_chain(db, "h") is None
        head = db.get(AuditHead, "h")
        assert head is not None and head.seq == 80
    engine.dispose()
