"""Shared fixtures: real keys, a real upstream stub and room server on loopback, a driven clock."""

from __future__ import annotations

import gc
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from hardware.clock import FakeClock
from hardware.detector.simulator import LineSimulator
from installer.provision.tls import self_signed
from operator_console.central.store import StubStore
from operator_console.central.stub import FaultPlan, create_stub_app
from operator_console.server.config import HallConfig
from operator_console.server.db import make_engine, migrate
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
from question_banks.keys import (
    generate_authority_key,
    generate_hall_keys,
    load_box_public,
    load_signing_key,
)
from question_banks.samples import write_sample_packages
from tests.tcp_gate import HeldPort

pytest_plugins = ["tests.driven"]
THREAD_GRACE = 10.0
"""How long a thread a test started may take to end after the test's own teardown."""


@pytest.fixture(autouse=True)
def _no_threads_left_and_cycles_collected_here() -> Iterator[None]:
    """Fails a test that leaves a thread (or a QThread) running.

    Automatic cycle collection is off during a test and runs here, on the main thread: a Qt object
    caught in a cycle must never be freed by a server or worker thread (architecture: Qt objects
    live on the screen's thread; the kiosk does the same, see kiosk/ui/collector.py).
    """
    before = set(threading.enumerate())
    started: list[object] = []
    restore = _record_qthreads(started)
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.freeze()  # what survived stays put: the next test's collection scans only its own
        gc.enable()
        restore()
    left = [t for t in threading.enumerate() if t not in before]
    for thread in left:
        thread.join(timeout=THREAD_GRACE)
    running = [t.name for t in left if t.is_alive()]
    running += [repr(q) for q in started if q.isRunning()]  # type: ignore[attr-defined]
    assert not running, f"the test left threads running: {running}"


def _record_qthreads(started: list[object]) -> Callable[[], None]:
    if "PySide6.QtCore" not in sys.modules:
        return lambda: None
    from PySide6.QtCore import QThread

    original = QThread.start

    def start(self: QThread, *args: object) -> None:
        started.append(self)
        original(self, *args)  # type: ignore[arg-type]

    QThread.start = start  # type: ignore[method-assign, assignment]

    def restore() -> None:
        QThread.start = original  # type: ignore[method-assign]

    return restore


HALL_ID = "test-hall"
POSTGRES_URL = os.environ.get(
    "HALL_TEST_POSTGRES_URL", "postgresql+psycopg://hall:hall@127.0.0.1:5432/hall_test"
)
SAMPLE_PROGRAMS = ("state_language", "legislation", "pq_program_3")
CHEAP_PASSWORDS: dict[str, object] = {"memory_kib": 8, "iterations": 1}
"""Argon2id at its lowest cost: a hall's tests sign in often; one test keeps the production cost
(test_auth_cost.py)."""


class _Template:
    """What every hall of a test session starts from, made once: keys, the sample banks sealed
    for them, and an SQLite database migrated to head (a test gets copies, never these)."""

    root: Path | None = None

    @classmethod
    def made(cls, root: Path) -> Path:
        keys = root / "keys"
        generate_hall_keys(keys)
        generate_authority_key(keys)
        write_sample_packages(
            root / "banks",
            authority=load_signing_key(keys / "authority.key"),
            hall=load_box_public(keys / "hall-box.pub"),
            programs=SAMPLE_PROGRAMS,
        )
        engine = make_engine(f"sqlite:///{root / 'hall.db'}")
        try:
            migrate(engine)
        finally:
            engine.dispose()  # the last connection's close folds the WAL into the file
        cls.root = root
        return root

    @classmethod
    def keys_match(cls, keys: Path) -> bool:
        if cls.root is None:
            return False
        return all(
            (keys / name).is_file()
            and (keys / name).read_bytes() == (cls.root / "keys" / name).read_bytes()
            for name in ("authority.pub", "hall-box.pub")
        )


@pytest.fixture(scope="session", autouse=True)
def hall_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = _Template.made(tmp_path_factory.mktemp("hall-template"))
    # Every httpx client reads its trusted authorities when made, certifi's ~150 of them by
    # default (0.1 s a client, several clients a hall); no test trusts one of them: https:// in
    # the tests is pinned to the hall's own certificate. So the session trusts one of its own.
    authority = root / "trusted.pem"
    authority.write_bytes(self_signed(["trusted.test.invalid"])[0])
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SSL_CERT_FILE", str(authority))
        yield root


def sample_banks(banks: Path, keys: Path, programs: tuple[str, ...] = SAMPLE_PROGRAMS) -> None:
    """The sample banks of `programs` in `banks`, sealed for the hall of `keys` (copied from the
    session's when the keys are the session's)."""
    if _Template.keys_match(keys) and _Template.root is not None:
        banks.mkdir(parents=True, exist_ok=True)
        for program in programs:
            name = f"sample-{program.replace('_', '-')}.hallbank"
            shutil.copyfile(_Template.root / "banks" / name, banks / name)
        return
    write_sample_packages(
        banks,
        authority=load_signing_key(keys / "authority.key"),
        hall=load_box_public(keys / "hall-box.pub"),
        programs=programs,
    )


def migrated_sqlite(path: Path) -> None:
    """An SQLite database at `path` already migrated to head (a copy of the session's), unless
    one is there."""
    if _Template.root is None or path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_Template.root / "hall.db", path)


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    """A hall keys directory whose authority.pub belongs to the stub's authority key."""
    directory = tmp_path / "keys"
    if _Template.root is None:
        generate_hall_keys(directory)
        generate_authority_key(directory)
    else:
        shutil.copytree(_Template.root / "keys", directory)
    return directory


@pytest.fixture
def held_port() -> Iterator[HeldPort]:
    """A loopback port of the test's own where nothing listens (a connection is refused) until
    the test starts a server on it."""
    port = HeldPort()
    yield port
    port.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 10, 4, 0, tzinfo=UTC))


@pytest.fixture
def sim() -> Iterator[LineSimulator]:
    """A simulated walk-through detector on a real pseudo-terminal."""
    simulator = LineSimulator()
    yield simulator
    simulator.unplug()


@pytest.fixture
def stub_store(tmp_path: Path, keys: Path) -> StubStore:
    root = tmp_path / "upstream"
    root.mkdir()
    for name in ("authority.key", "authority.pub"):
        (root / name).write_bytes((keys / name).read_bytes())
    store = StubStore(root)
    store.register_hall(HALL_ID, (keys / "hall-sign.pub").read_bytes())
    return store


@pytest.fixture
def faults() -> FaultPlan:
    return FaultPlan()


@pytest.fixture
def stub_now() -> Callable[[], datetime]:
    """The upstream's own clock (real time unless a test module drives it)."""
    return lambda: datetime.now(UTC)


@pytest.fixture
def stub(
    stub_store: StubStore, faults: FaultPlan, stub_now: Callable[[], datetime]
) -> Iterator[ServerThread]:
    with ServerThread(create_stub_app(stub_store, faults, now=stub_now)) as server:
        yield server


def hall_config(
    tmp_path: Path,
    keys: Path,
    upstream_url: str,
    database_url: str | None = None,
    **sections: dict[str, object],
) -> HallConfig:
    banks = tmp_path / "banks"
    if not banks.exists():
        sample_banks(banks, keys)
    raw: dict[str, object] = {
        "server": {"listen": "127.0.0.1:0", "data_dir": str(tmp_path / "hall")},
        "database": {"url": database_url},
        "upstream": {"url": upstream_url, "hall_id": HALL_ID, "timeout_seconds": 2},
        "keys": {"dir": str(keys)},
        "banks": {"dir": str(banks)},
        "detector": {"required": False},
        "passwords": CHEAP_PASSWORDS,
    }
    raw.update(sections)
    config = HallConfig.model_validate(raw)
    if config.database.url is None:
        migrated_sqlite(config.server.data_dir / "hall.db")
    return config


@pytest.fixture
def runtime(tmp_path: Path, keys: Path, stub: ServerThread) -> Iterator[HallRuntime]:
    rt = HallRuntime(hall_config(tmp_path, keys, stub.url))
    yield rt
    rt.close()


def _worker_postgres_url() -> str:
    """POSTGRES_URL, or under pytest-xdist a database of this worker's own beside it (made from
    POSTGRES_URL's server on first use), so that workers never empty each other's."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return POSTGRES_URL
    base = make_url(POSTGRES_URL)
    name = f"{base.database}_{worker}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            known = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).first()
            if known is None:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def postgres_url() -> str:
    """A reachable PostgreSQL database, emptied; skipped only off CI when there is no server."""
    try:
        url = _worker_postgres_url()
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        finally:
            engine.dispose()
    except OperationalError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no PostgreSQL at {POSTGRES_URL}: {exc.orig}")
    return url
