"""The detector service: the serial reader inside the room server, storing and streaming events."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from hardware.detector import DetectorEvent, EventKind, EventSource
from hardware.detector.reader import DetectorReader
from operator_console.protocol.console_api.desk import DetectorEventView, DetectorStateView
from operator_console.server import views
from operator_console.server.changes import touch
from operator_console.server.db import keeps_seats, transaction
from operator_console.server.models import DetectorEventRow

log = logging.getLogger(__name__)
MAX_BATCH = 200


class DetectorService:
    def __init__(self, factory: sessionmaker[Session], now: Callable[[], datetime]) -> None:
        self._factory = factory
        self._now = now
        self._new = threading.Condition()
        self._recorded = 0
        """Counts events stored since start: a long poll waits for it to move, not for a wake-up
        it could have missed between its fetch and its wait."""
        self.reader: DetectorReader | None = None
        """The device whose state the consoles are shown (`devices` plugs it in)."""

    def watch(self, reader: DetectorReader) -> None:
        self.reader = reader

    def record(self, event: DetectorEvent, registration_id: str | None = None) -> int:
        """Stores one event durably, then wakes every console waiting for news; a wand check
        names the candidate it is for. It is stamped with the hall's clock, the one every
        admission and seat action is stamped with, so the detector gate compares like with like."""
        with transaction(self._factory) as db:
            keeps_seats(db)
            row = DetectorEventRow(
                device=event.device,
                source=event.source.value,
                kind=event.kind.value,
                sequence=event.sequence,
                zones=list(event.zones),
                level=event.level,
                raw=event.raw.decode("ascii", "backslashreplace"),
                received_at=self._now(),
                registration_id=registration_id,
            )
            db.add(row)
            db.flush()
            event_id = row.id
            touch(db, "detector", str(event_id))
        with self._new:
            self._recorded += 1
            self._new.notify_all()
        return event_id

    def manual(
        self, kind: str, zones: list[int], note: str, operator: str, registration_id: str
    ) -> int:
        raw = f"wand by {operator}" + (f": {note}" if note else "")
        return self.record(
            DetectorEvent(
                "wand",
                EventKind(kind),
                self._now(),
                source=EventSource.MANUAL,
                zones=tuple(zones),
                raw=raw.encode("utf-8"),
            ),
            registration_id,
        )

    def events_after(self, after: int, wait: float) -> list[DetectorEventView]:
        """Events with a larger id; waits up to `wait` seconds for the first one to arrive."""
        with self._new:
            seen = self._recorded
        rows = self._fetch(after)
        if not rows and wait > 0:
            with self._new:
                self._new.wait_for(lambda: self._recorded != seen, timeout=wait)
            rows = self._fetch(after)
        return rows

    def _fetch(self, after: int) -> list[DetectorEventView]:
        with self._factory() as db:
            rows = db.execute(
                select(DetectorEventRow)
                .where(DetectorEventRow.id > after)
                .order_by(DetectorEventRow.id)
                .limit(MAX_BATCH)
            ).scalars()
            return [views.detector_event(r) for r in rows]

    def state(self) -> DetectorStateView:
        if self.reader is None:
            return DetectorStateView(
                configured=False,
                state="off",
                device=None,
                since=None,
                last_event_at=None,
                parse_errors=0,
                gaps=0,
                disconnects=0,
                missing_transits=0,
                last_error=None,
            )
        s = self.reader.status
        return DetectorStateView(
            configured=True,
            state=s.state.value,
            device=s.device,
            since=s.since,
            last_event_at=s.last_event_at,
            parse_errors=s.parse_errors,
            gaps=s.gaps,
            disconnects=s.disconnects,
            missing_transits=s.missing_transits,
            last_error=s.last_error,
        )
