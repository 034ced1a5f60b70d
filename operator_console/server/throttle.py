"""Guess throttling for passwords and enrollment codes, kept in the database.

A try is counted *before* its secret is checked, in one transaction that holds the key's row: of
forty guesses sent at the same moment, only the first few are ever checked, and the count survives
a restart of the room server.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from operator_console.protocol.values import rfc3339
from operator_console.server.db import keeps_seats, transaction
from operator_console.server.models import Throttle

TRIES = 5
WINDOW = timedelta(minutes=15)
SOURCE_TRIES = 20
"""Wrong sign-ins one client address may make in a window, whatever names it tries."""


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

    def forgive(self, key: str, at: datetime) -> None:
        """The try taken at `at` turned out right: it no longer counts against `key` (the key's
        other tries, wrong ones, still do)."""
        with transaction(self._factory) as db:
            keeps_seats(db)
            row = db.get(Throttle, (self._hall_id, self._key(key)), with_for_update=True)
            if row is not None:
                tries = list(row.tries)
                if rfc3339(at) in tries:
                    tries.remove(rfc3339(at))
                    row.tries = tries

    def release(self, prefix: str) -> int:
        """Every key that starts with `prefix` starts afresh; answers how many were resting."""
        with transaction(self._factory) as db:
            keeps_seats(db)
            gone = db.execute(
                delete(Throttle).where(
                    Throttle.hall_id == self._hall_id,
                    Throttle.key.startswith(self._key(prefix), autoescape=True),
                )
            )
            return int(getattr(gone, "rowcount", 0) or 0)


class SignInThrottle:
    """Sign-in tries, counted twice before the password is checked: per user name and client
    address (`TRIES` in the window), and per client address whatever the name (`SOURCE_TRIES`).

    A stranger's wrong passwords for a name rest that name at the stranger's machine only; the
    same user signs in from another machine as before. A guesser cycling names from one machine
    is stopped by the address's own bound. A right password clears its name's tries at that
    address and does not count against the address."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        hall_id: str,
        *,
        tries: int = TRIES,
        source_tries: int = SOURCE_TRIES,
        window: timedelta = WINDOW,
    ) -> None:
        self.names = GuessThrottle(factory, hall_id, "login", tries=tries, window=window)
        self.sources = GuessThrottle(
            factory, hall_id, "login-from", tries=source_tries, window=window
        )

    def take(self, username: str, source: str, now: datetime) -> datetime | None:
        """Counts one try; None to go ahead, or until when this name at this address rests."""
        until = self.names.take(_pair(username, source), now)
        if until is not None:
            return until
        return self.sources.take(source, now)

    def blocked_until(self, username: str, source: str, now: datetime) -> datetime | None:
        return self.names.blocked_until(_pair(username, source), now) or self.sources.blocked_until(
            source, now
        )

    def succeeded(self, username: str, source: str, at: datetime) -> None:
        self.names.succeeded(_pair(username, source))
        self.sources.forgive(source, at)

    def unlock(self, username: str) -> int:
        """An administrator lets `username` try again from every address at once; answers at
        how many addresses the name had tries on record."""
        return self.names.release(f"{username.casefold()}\n")


def _pair(username: str, source: str) -> str:
    """One count for a name however it is written (`ADMIN`, `admin`) from one address."""
    return f"{username.casefold()}\n{source}"
