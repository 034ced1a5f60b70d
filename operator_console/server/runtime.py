"""One running room server: its database, keys, banks, upstream link and background workers."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hardware.clock import Clock, SystemClock
from operator_console.protocol.kiosk_api import AnswerAck
from operator_console.server import auth
from operator_console.server.admission import devices
from operator_console.server.admission.detector import DetectorService
from operator_console.server.banks import BankShelf
from operator_console.server.config import HallConfig, StartupError
from operator_console.server.db import (
    check_connection,
    keeps_seats,
    make_engine,
    migrate,
    reader,
    session_factory,
    transaction,
)
from operator_console.server.group_commit import GroupCommit
from operator_console.server.live.live_state import LiveState
from operator_console.server.models import AuditHead, Hall
from operator_console.server.sitting import recordings
from operator_console.server.sitting.answers import AnswerPost, store_answer_posts
from operator_console.server.sitting.attempts import expire_overdue
from operator_console.server.throttle import GuessThrottle, SignInThrottle
from operator_console.server.upstream.audit import GENESIS
from operator_console.server.upstream.sync import SyncWorker
from operator_console.server.upstream.upstream_link import HttpUpstream, UpstreamLink
from question_banks.keys import HallKeys, KeyFileError

log = logging.getLogger(__name__)


class HallRuntime:
    def __init__(
        self,
        config: HallConfig,
        *,
        clock: Clock | None = None,
        link: UpstreamLink | None = None,
        banks: BankShelf | None = None,
    ) -> None:
        self.config = config
        self.hall_id = config.upstream.hall_id
        self.clock = clock or SystemClock()
        auth.use_cost(config.passwords.memory_kib, config.passwords.iterations)
        try:
            self.keys = HallKeys.load(config.keys.dir)
        except KeyFileError as exc:
            raise StartupError(f"keys.dir: {exc}") from exc
        self.engine = make_engine(config.database_url, config.database.schema_name)
        check_connection(self.engine)
        migrate(self.engine)
        self.factory = session_factory(self.engine)
        self.reading = reader(self.engine)
        self.live = LiveState(self.clock.now, self.reading)
        """Everything the server knows of the hall between writes (kept answers, the change
        stream, answered counts, last-heard times), moved on by each commit."""
        self.live.follow(self.factory)
        self.banks = (
            banks
            if banks is not None
            else BankShelf.load(
                config.banks_dir, authority=self.keys.authority, hall_key=self.keys.box
            )
        )
        self.link = link or HttpUpstream(
            config.upstream.url,
            self.hall_id,
            self.keys.sign,
            self.clock,
            config.upstream.timeout_seconds,
        )
        self.sync = SyncWorker(self.factory, self.link, self.clock, self.hall_id)
        self.detector = DetectorService(self.factory, self.clock.now)
        self.devices = devices.from_settings(config, self.clock, self.detector)
        self.answers: GroupCommit[AnswerPost, AnswerAck] = GroupCommit(
            self.tx,
            lambda db, posts: list(store_answer_posts(db, posts, banks=self.banks)),
            prepare=keeps_seats,
            name="answer-writer",
        )
        """Kiosks' answer batches: those that arrive together share one commit."""
        self.logins = SignInThrottle(self.factory, self.hall_id)
        self.enrollments = GuessThrottle(self.factory, self.hall_id, "enroll")
        self._stop = threading.Event()
        self._sweeper: threading.Thread | None = None
        with self.tx() as db:
            other = db.execute(select(Hall.id).where(Hall.id != self.hall_id)).scalar()
        if other is not None:
            self.engine.dispose()
            where = config.database.schema_name or "its default schema"
            raise StartupError(
                f"database: {where} already holds hall {other}; give hall {self.hall_id} "
                "its own database, or on PostgreSQL its own database.schema"
            )
        with self.tx() as db:
            if db.get(Hall, self.hall_id) is None:
                db.add(Hall(id=self.hall_id, name=config.hall.name))
            # The audit chain's head exists before any request, so concurrent first entries
            # queue on its row lock instead of racing to create it.
            if db.get(AuditHead, self.hall_id) is None:
                db.add(AuditHead(hall_id=self.hall_id, seq=0, hash=GENESIS, sent_seq=0))

    @contextmanager
    def tx(self) -> Iterator[Session]:
        with transaction(self.factory) as db:
            yield db

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A transaction that only reads (a seat poll, a credential): it waits for no writer."""
        with transaction(self.reading) as db:
            yield db

    @property
    def late_grace(self) -> timedelta:
        return timedelta(minutes=self.config.session.late_grace_minutes)

    def start_devices(self) -> None:
        for device in self.devices:
            device.start()

    def stop_devices(self) -> None:
        for device in self.devices:
            device.stop()

    def start(self) -> None:
        self.sync.start()
        self.start_devices()
        self._sweeper = threading.Thread(target=self._sweep, name="deadline-sweeper", daemon=True)
        self._sweeper.start()

    def stop(self) -> None:
        self.live.close()
        self._stop.set()
        self.sync.stop()
        self.stop_devices()
        if self._sweeper is not None:
            self._sweeper.join(timeout=30)
        self.close()

    def close(self) -> None:
        """Releases the answer writer, the sync worker's senders, the upstream link and the
        database connections."""
        self.answers.close()
        self.sync.stop()
        self.link.close()
        self.engine.dispose()

    def sweep_once(self) -> list[str]:
        grace = timedelta(seconds=self.config.session.deadline_grace_seconds)
        with self.tx() as db:
            closed = expire_overdue(
                db, now=self.clock.now(), grace=grace, banks=self.banks, hall_id=self.hall_id
            )
        if closed:
            log.info("closed %d attempts at their deadline", len(closed))
            self.sync.poke()
        return closed

    def purge_once(self) -> int:
        """Deletes recordings kept longer than `recordings.retention_days`."""
        with self.tx() as db:
            purged = recordings.purge(
                db,
                root=self.config.recordings_dir,
                now=self.clock.now(),
                retention_days=self.config.recordings.retention_days,
            )
        if purged:
            log.info("purged %d recording segments past their retention", purged)
        return purged

    def _sweep(self) -> None:
        ticks = 0
        while not self._stop.wait(1.0):
            try:
                self.sweep_once()
                if ticks % 3600 == 0:
                    self.purge_once()
            except Exception:
                log.exception("background sweep failed")
            ticks += 1
