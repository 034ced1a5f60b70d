"""The sync worker: sends the outbox upstream, retrying for ever with capped, jittered backoff.

200/201 deliver a record; 429, 5xx and no answer are retried; 400/401/409/422 park it for a person.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session, sessionmaker

from hardware.clock import Clock
from operator_console.protocol.values import OutboxStatus, rfc3339
from operator_console.server.changes import touch
from operator_console.server.db import keeps_seats, transaction
from operator_console.server.models import AuditHead, OutboxRecord
from operator_console.server.upstream.outbox import enqueue
from operator_console.server.upstream.upstream_link import UpstreamLink, UpstreamUnreachable

log = logging.getLogger(__name__)

BACKOFF_BASE = 0.5
BACKOFF_CAP = 60.0
BATCH = 50
PARALLEL = 8
"""Records in flight at once: the upstream is idempotent, so order between records is free."""
PARK = frozenset({400, 401, 403, 404, 409, 413, 422})


def backoff_seconds(tries: int, rng: Callable[[float, float], float] = random.uniform) -> float:
    """Full jitter: uniform in [0, min(cap, base * 2**tries)]."""
    return rng(0.0, min(BACKOFF_CAP, BACKOFF_BASE * 2 ** min(tries, 30)))


class SyncWorker:
    def __init__(
        self, factory: sessionmaker[Session], link: UpstreamLink, clock: Clock, hall_id: str
    ) -> None:
        self._factory = factory
        self._link = link
        self._clock = clock
        self._hall_id = hall_id
        self._wake = threading.Event()
        self._failing = False
        """A send failed since the last success: the next success releases every backoff."""
        self.idle_seconds = 5.0
        """The longest wait between passes when nothing pokes the worker."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pool = ThreadPoolExecutor(max_workers=PARALLEL, thread_name_prefix="sync-send")

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        self._pool.shutdown(wait=True)

    def poke(self) -> None:
        """Something new is in the outbox: send it now rather than at the next tick."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            # Cleared before the pass, never after the wait: a poke that lands while the pass
            # sends (or between the wait and the next pass) keeps the flag set for the next wait.
            self._wake.clear()
            try:
                wait = self.run_once()
            except Exception:
                log.exception("sync pass failed; trying again shortly")
                wait = 1.0
            self._wake.wait(timeout=wait)

    def run_once(self) -> float:
        """Sends what is due; returns how long to sleep before the next pass."""
        self.enqueue_audit_head()
        with self._factory() as db:
            due = db.execute(
                select(OutboxRecord.id, OutboxRecord.path, OutboxRecord.body)
                .where(
                    OutboxRecord.hall_id == self._hall_id,
                    OutboxRecord.status == OutboxStatus.PENDING,
                    OutboxRecord.next_try_at <= self._clock.now(),
                )
                .order_by(OutboxRecord.created_at)
                .limit(BATCH)
            ).all()
        sends = [
            self._pool.submit(self._deliver, rid, path, body.encode()) for rid, path, body in due
        ]
        for send in sends:
            send.result()
        return 0.0 if len(due) == BATCH else self._next_wait()

    def _deliver(self, record_id: str, path: str, body: bytes) -> None:
        try:
            reply = self._link.put(path, body)
            status, error = (
                reply.status,
                None if reply.status < 300 else reply.body[:500].decode("utf-8", "replace"),
            )
        except UpstreamUnreachable as exc:
            status, error = None, str(exc)[:500]
        now = self._clock.now()
        with transaction(self._factory) as db:
            keeps_seats(db)
            row = db.get(OutboxRecord, record_id)
            if row is None or row.status != OutboxStatus.PENDING:
                return
            row.tries += 1
            row.http_status, row.last_error = status, error
            if row.tries == 1 or status in (200, 201) or status in PARK:
                touch(db, "sync", "outbox")
            if status in (200, 201):
                row.status, row.delivered_at = OutboxStatus.DELIVERED, now
                if self._failing:
                    self._failing = False
                    self._release_backoff(db, now)
            elif status in PARK:
                row.status = OutboxStatus.PARKED
                log.error(
                    "upstream refused %s with %s: %s; parked for a person", path, status, error
                )
            else:
                self._failing = True
                row.next_try_at = now + timedelta(seconds=backoff_seconds(row.tries))
                log.warning(
                    "upstream %s for %s (try %d): %s",
                    status or "unreachable",
                    path,
                    row.tries,
                    error,
                )

    def _release_backoff(self, db: Session, now: datetime) -> None:
        """The upstream answers again after failures: everything waiting is due now.

        Each record that fails again backs off on its own, so a struggling upstream is still
        spared; one that is back gets the whole outbox at once instead of in 60-second steps.
        """
        released: CursorResult[Any] = db.execute(  # type: ignore[assignment]
            update(OutboxRecord)
            .where(
                OutboxRecord.hall_id == self._hall_id,
                OutboxRecord.status == OutboxStatus.PENDING,
                OutboxRecord.next_try_at > now,
            )
            .values(next_try_at=now)
        )
        log.info("upstream answers again: %d waiting records are due now", released.rowcount)
        self._wake.set()

    def _next_wait(self) -> float:
        with self._factory() as db:
            soonest: datetime | None = db.execute(
                select(OutboxRecord.next_try_at)
                .where(
                    OutboxRecord.hall_id == self._hall_id,
                    OutboxRecord.status == OutboxStatus.PENDING,
                )
                .order_by(OutboxRecord.next_try_at)
                .limit(1)
            ).scalar_one_or_none()
        if soonest is None:
            return self.idle_seconds
        return max(0.0, min(self.idle_seconds, (soonest - self._clock.now()).total_seconds()))

    def enqueue_audit_head(self) -> None:
        """Queues the audit chain's head once it has moved since the last one queued."""
        now = self._clock.now()
        with transaction(self._factory) as db:
            keeps_seats(db)
            head = db.execute(
                select(AuditHead).where(AuditHead.hall_id == self._hall_id).with_for_update()
            ).scalar_one_or_none()
            if head is None or head.seq <= head.sent_seq:
                return
            record = {"seq": head.seq, "head": head.hash, "at": rfc3339(now)}
            enqueue(
                db,
                record_id=f"audit-head:{self._hall_id}:{head.seq}",
                hall_id=self._hall_id,
                kind="audit_head",
                path=f"/v1/audit-heads/{self._hall_id}/{head.seq}",
                record=record,
                now=now,
            )
            head.sent_seq = head.seq
