"""The room server's live state: what it knows of the hall between writes, kept in one place.

Four things are kept in memory because asking the database for them on every request would
cost the hall its speed, and each is moved on by what the transactions commit:

- the kept answers (`snapshots.Snapshots`): kiosks' seats and credentials, consoles' seat views;
- the change stream the consoles follow (`changes.ChangeFeed`);
- the questions answered per attempt (`hall_map.Progress`);
- when each seat's kiosk was last heard, and its latest silence (kept only here, never written).

A transaction fills its typed record (`db.TxRecord`: wrote, keeps seats, changes, answers) while
it runs. One after-commit hook takes the record and moves the four on in a fixed order: the kept
answers are made stale first, the answered counts moved on next, and only then are the changes
published, so a console woken by a change never reads a view kept from before it. A rollback
drops the record; a savepoint's release or rollback leaves it to the transaction around it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from operator_console.protocol.console_api.hall import SeatView
from operator_console.server.changes import ChangeFeed
from operator_console.server.db import TxSession
from operator_console.server.live.snapshots import Snapshots
from operator_console.server.seating.hall_map import Progress

SILENCE_SECONDS = 5
"""A gap this long between two requests of a kiosk is a silence (the lock's `down_since`)."""
HEARD_EVERY = 2.0
"""How often, while kiosks are heard, the change stream carries their last-heard times."""
SILENCE_REMEMBERED = timedelta(minutes=1)
"""How long after a kiosk comes back its silence is still told (to the lock it reports)."""


class LiveState:
    def __init__(self, now: Callable[[], datetime], reading: sessionmaker[Session]) -> None:
        self.snapshots = Snapshots()
        self.feed = ChangeFeed(now)
        self.progress = Progress(reading)
        self._hearing = threading.Lock()
        self._heard: dict[str, datetime] = {}
        self._silences: dict[str, tuple[datetime, datetime]] = {}
        """Each seat's latest silence: last heard before it, first heard after it."""
        self._pulsed: datetime | None = None
        """When the consoles were last told that kiosks were heard."""
        self._batch_lock = threading.Lock()
        self._batch_key: tuple[str, tuple[str, ...]] | None = None
        self._batch_views: list[SeatView] = []

    # ----- what the transactions did ----------------------------------------------------------

    def follow(self, factory: sessionmaker[Session]) -> None:
        """Moves the live state on after each commit of `factory`'s sessions (`TxSession`s)."""

        def flushed(db: Session, _context: object) -> None:
            if isinstance(db, TxSession):
                db.record.wrote = True

        def committed(db: Session) -> None:
            if db.in_nested_transaction() or not isinstance(db, TxSession):
                return  # a savepoint released: the transaction around it goes on
            done = db.take_record()
            if done.wrote and not done.keeps_seats:
                # Seats only said, and only those are read again; anything else, or nothing
                # said, and every seat is.
                only_seats = bool(done.changes) and all(k == "seat" for k, _s in done.changes)
                seats = {subject for _kind, subject in done.changes}
                self.snapshots.changed(seats if only_seats else None)
            if done.answered:
                self.progress.apply(done.answered)
            if done.changes:
                self.feed.publish(done.changes)

        def rolled_back(db: Session, rolled: SessionTransaction) -> None:
            if not rolled.nested and isinstance(db, TxSession):
                db.take_record()  # a savepoint's rollback keeps what the rest did

        event.listen(factory, "after_flush", flushed)
        event.listen(factory, "after_commit", committed)
        event.listen(factory, "after_soft_rollback", rolled_back)

    # ----- the kiosks heard -------------------------------------------------------------------

    def hear(self, seat: str, now: datetime) -> None:
        """A kiosk spoke. The consoles judge silence from the last-heard times each change batch
        carries (`ChangeBatch.heard`); while kiosks are heard, a `heard` change wakes them every
        `HEARD_EVERY` seconds (once for the whole hall, not once per kiosk request)."""
        with self._hearing:
            before = self._heard.get(seat)
            self._heard[seat] = now
            if before is not None and (now - before).total_seconds() >= SILENCE_SECONDS:
                self._silences[seat] = (before, now)
            pulsed = self._pulsed
            pulse = pulsed is None or (now - pulsed).total_seconds() >= HEARD_EVERY
            if pulse:
                self._pulsed = now
        if before is None:
            self.feed.publish([("seat", seat)])  # first heard in this run: the seat's whole view
        if pulse:
            self.feed.publish([("heard", "")])

    def heard(self) -> dict[str, datetime]:
        """When each seat's kiosk was last heard from in this run."""
        with self._hearing:
            return dict(self._heard)

    def silent_since(self, seat: str, now: datetime) -> datetime | None:
        """When the seat's kiosk fell silent, if it has just come back (within a minute)."""
        with self._hearing:
            silence = self._silences.get(seat)
        if silence is None or now - silence[1] > SILENCE_REMEMBERED:
            return None
        return silence[0]

    # ----- the consoles' batches --------------------------------------------------------------

    def batch_views(
        self, cursor: str, seats: tuple[str, ...], read: Callable[[], list[SeatView]]
    ) -> list[SeatView]:
        """The seat views of the batch that ends at `cursor` and touched `seats`: consoles that
        follow from the same cursor get the same views, read once (`read`) for all of them."""
        with self._batch_lock:
            if self._batch_key != (cursor, seats):
                self._batch_views = read()
                self._batch_key = (cursor, seats)
            return self._batch_views

    def close(self) -> None:
        """Wakes every console waiting on the change stream: the server is stopping."""
        self.feed.close()
