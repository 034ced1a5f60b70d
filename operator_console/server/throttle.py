"""Sign-in throttling: after repeated wrong passwords a user name rests before the next try."""

from __future__ import annotations

import threading
from collections import deque
from datetime import datetime, timedelta

FAILURES = 5
WINDOW = timedelta(minutes=15)


class LoginThrottle:
    def __init__(self, failures: int = FAILURES, window: timedelta = WINDOW) -> None:
        self._limit, self._window = failures, window
        self._failed: dict[str, deque[datetime]] = {}
        self._lock = threading.Lock()

    def _recent(self, username: str, now: datetime) -> deque[datetime]:
        times = self._failed.setdefault(username.lower(), deque())
        while times and now - times[0] > self._window:
            times.popleft()
        return times

    def blocked_until(self, username: str, now: datetime) -> datetime | None:
        with self._lock:
            times = self._recent(username, now)
            return times[0] + self._window if len(times) >= self._limit else None

    def failed(self, username: str, now: datetime) -> None:
        with self._lock:
            self._recent(username, now).append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failed.pop(username.lower(), None)
