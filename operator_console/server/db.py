"""Engine and sessions: SQLite in WAL with synchronous=FULL by default, PostgreSQL by URL."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from operator_console.server.config import StartupError


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling is off; BEGIN IMMEDIATE below takes the write lock
    # up front, so two writers never deadlock upgrading a read lock.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # A reader takes no lock (WAL: it reads its snapshot beside the one writer); a writer takes
    # the write lock up front.
    reading = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


READ_ONLY = "hall_read_only"
"""Execution option of the engine that `reader()` binds: its transactions only read."""

_WRITERS: weakref.WeakKeyDictionary[Engine, threading.RLock] = weakref.WeakKeyDictionary()
"""Per SQLite engine: the writers of this process queue here, in order, and wake the moment the
one before them commits (SQLite's own busy wait sleeps in steps of up to 100 ms)."""


def make_engine(url: str, schema: str | None = None) -> Engine:
    """`schema` (PostgreSQL): every connection works in it, and it is made if missing."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StartupError(f"database.url: {url!r} is not a database URL") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            # As many as the threads that may hold one (anyio's 40): none is closed and opened
            # again with its pragmas under load.
            pool_size=40,
            max_overflow=24,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        _WRITERS[engine] = threading.RLock()
    else:
        options = {"options": f"-c search_path={schema}"} if schema else {}
        # Kept open: the request threads (16) and the long polls' reads, the answer writer and
        # the workers, with room to spare; a connection opened and closed per request cost
        # PostgreSQL a process start each time (bench/load.py saw some fifty a second at the
        # old 10). Two halls on one server stay well under PostgreSQL's 100 connections.
        engine = create_engine(
            url, pool_pre_ping=True, pool_size=24, max_overflow=16, connect_args=options
        )
        if schema:
            _ensure_schema(engine, schema)
    return engine


def _ensure_schema(engine: Engine, schema: str) -> None:
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    except OperationalError:
        pass  # no database to reach yet: check_connection says so in its own words


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        shown = engine.url.render_as_string(hide_password=True)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "no answer"
        raise StartupError(f"database.url: cannot connect to {shown}: {reason}") from exc


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(files("operator_console.server") / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


@dataclass
class TxRecord:
    """What one transaction did, as the server's live state (`live_state.LiveState`) needs to
    know once it has committed: filled while it runs, taken whole by the one after-commit hook,
    dropped on rollback."""

    wrote: bool = False
    """It flushed something to the database."""
    keeps_seats: bool = False
    """It said it changes nothing a seat poll or a kiosk credential shows (`keeps_seats`)."""
    changes: list[tuple[str, str]] = field(default_factory=list)
    """(kind, subject) of each change for the consoles' stream (`changes.touch`), once each."""
    answered: list[tuple[str, str, int, bool]] = field(default_factory=list)
    """(attempt, question, number, holds an answer) of each accepted answer change."""


class TxSession(Session):
    """A session of the room server: it carries the record of what its transaction did."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.record = TxRecord()

    def take_record(self) -> TxRecord:
        """The record so far, and a fresh one for what follows."""
        taken, self.record = self.record, TxRecord()
        return taken


def record(db: Session) -> TxRecord:
    """The record of `db`'s transaction; `db` is one of `session_factory`'s."""
    if not isinstance(db, TxSession):
        raise TypeError(f"{type(db).__name__} is not a room server session (session_factory)")
    return db.record


def keeps_seats(db: Session) -> None:
    """This transaction changes nothing a seat poll or a kiosk credential shows."""
    record(db).keeps_seats = True


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, class_=TxSession, expire_on_commit=False)


def reader(engine: Engine) -> sessionmaker[Session]:
    """Sessions that only read: on SQLite they wait for no writer."""
    return sessionmaker(
        engine.execution_options(**{READ_ONLY: True}), class_=TxSession, expire_on_commit=False
    )


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back on any error."""
    bind = factory.kw.get("bind")
    writers = _WRITERS.get(bind) if isinstance(bind, Engine) else None
    with writers or nullcontext(), factory() as db, db.begin():
        yield db
