"""The change stream: what changed in the hall, for consoles that follow it by long poll.

A change is staged in the transaction that makes it (`touch`) and published only when that
transaction commits, so a console never hears of something the database does not hold. The
stream lives in memory: its cursor names this server's run, and a console that brings a cursor
from an earlier run (or one older than the kept window) is told to fetch the whole picture again.
"""

from __future__ import annotations

import itertools
import secrets
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from operator_console.server.db import record

KEPT = 20_000
"""Changes kept for consoles that fall behind; one further back starts again from the map."""


@dataclass(frozen=True)
class Change:
    number: int
    kind: str
    subject: str
    at: datetime


def touch(db: Session, kind: str, subject: str) -> None:
    """Stages a change; it is published when `db`'s transaction commits, dropped on rollback."""
    staged = record(db).changes
    if (kind, subject) not in staged:
        staged.append((kind, subject))


class ChangeFeed:
    def __init__(self, now: Callable[[], datetime], *, kept: int = KEPT) -> None:
        self.run = secrets.token_hex(4)
        self._now = now
        self._number = 0
        self._kept: deque[tuple[int, str, str, datetime]] = deque(maxlen=kept)
        """Plain tuples of plain values: the cyclic collector stops tracking them after one
        pass, and the 20,000 kept are not walked by every full collection again (as `Change`s
        they were some 40,000 tracked objects in a busy hall)."""
        self._moved = threading.Condition()
        self._closed = False

    @property
    def cursor(self) -> str:
        with self._moved:
            return f"{self.run}-{self._number}"

    def publish(self, changes: list[tuple[str, str]]) -> None:
        at = self._now()
        with self._moved:
            for kind, subject in changes:
                self._number += 1
                self._kept.append((self._number, kind, subject, at))
            self._moved.notify_all()

    def close(self) -> None:
        """Wakes every waiting console: the server is stopping."""
        with self._moved:
            self._closed = True
            self._moved.notify_all()

    def after(self, cursor: str | None, wait: float) -> tuple[str, bool, list[Change]]:
        """(new cursor, reset, changes after `cursor`), waiting up to `wait` s for the first."""
        number = self._position(cursor)
        with self._moved:
            if number is None or number > self._number:
                return f"{self.run}-{self._number}", True, []
            oldest = self._kept[0][0] if self._kept else self._number + 1
            if number < oldest - 1:
                return f"{self.run}-{self._number}", True, []
            if wait > 0:
                self._moved.wait_for(lambda: self._number > number or self._closed, wait)
            first = self._kept[0][0] if self._kept else self._number + 1
            fresh = [
                Change(*kept)
                for kept in itertools.islice(self._kept, max(0, number + 1 - first), None)
            ]
            return f"{self.run}-{self._number}", False, fresh

    def _position(self, cursor: str | None) -> int | None:
        if not cursor:
            return None
        run, _, number = cursor.rpartition("-")
        if run != self.run or not number.isdigit():
            return None
        return int(number)
