"""Guess throttling for passwords and enrollment codes, kept in the database.

A try is counted *before* its secret is checked, in one transaction that holds the key's row: of
forty guesses sent at the same moment, only the first few are ever checked, and the count survives
a restart of the room server.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from operator_console.protocol.values import rfc3339
from operator_console.server.db import transaction
from operator_console.server.models import Throttle
from operator_console.server.snapshots import keeps_seats

TRIES = 5
WINDOW = timedelta(minutes=15)


def _times(row: Throttle, now: datetime, window: timedelta) -> list[datetime]:
    kept = [datetime.fromisoformat(str(t).replace("Z", "+00:00")) for t in row.tries]
    return [t for t in kept if now - t < window]


class GuessThrottle:
    def __init__(
        self,
        factory: sessionmaker[Session],
        hall_id: str,
        kind: str = "login",
        *,
        tries: int = TRIES,
        window: timedelta = WINDOW,
    ) -> None:
        self._factory, self._hall_id, self._kind = factory, hall_id, kind
        self._limit, self._window = tries, window

    def _key(self, key: str) -> str:
        return f"{self._kind}:{key.lower()}"[:200]

    def _row(self, db: Session, key: str) -> Throttle:
        row = db.execute(
            select(Throttle)
            .where(Throttle.hall_id == self._hall_id, Throttle.key == key)
            .with_for_update()
        ).scalar_one_or_none()
        if row is None:
            row = Throttle(hall_id=self._hall_id, key=key, tries=[])
            db.add(row)
            db.flush()
        return row

    def take(self, key: str, now: datetime) -> datetime | None:
        """Counts one try of `key`; answers None to go ahead, or until when the key must rest."""
        for _ in range(3):  # two first tries of a new key may race to create its row
            try:
                with transaction(self._factory) as db:
                    keeps_seats(db)
                    row = self._row(db, self._key(key))
                    recent = _times(row, now, self._window)
                    if len(recent) >= self._limit:
                        row.tries = [rfc3339(t) for t in recent]
                        return recent[0] + self._window
                    row.tries = [rfc3339(t) for t in [*recent, now]]
                    return None
            except IntegrityError:
                continue
        raise RuntimeError(f"throttle row for {key!r} could not be taken")

    def blocked_until(self, key: str, now: datetime) -> datetime | None:
        with self._factory() as db:
            row = db.execute(
                select(Throttle).where(
                    Throttle.hall_id == self._hall_id, Throttle.key == self._key(key)
                )
            ).scalar_one_or_none()
        if row is None:
            return None
        recent = _times(row, now, self._window)
        return recent[0] + self._window if len(recent) >= self._limit else None

    def succeeded(self, key: str) -> None:
        """The secret was right: the key's earlier tries no longer count."""
        with transaction(self._factory) as db:
            keeps_seats(db)
            row = db.get(Throttle, (self._hall_id, self._key(key)))
            if row is not None:
                row.tries = []
