"""What kiosks ask most, kept in memory between the writes that could change it.

Every kiosk polls its seat each second or two and sends its credential with every request. Both
answers change only when something is written: a seat bound, a session started, a lock, a part
started or finished, a credential revoked. So each is kept with the write version it was read
at, and any committed write transaction that wrote anything moves the version on, making every
kept answer stale at once. Transactions that change nothing a seat poll or a credential shows
(answer changes, recording chunks, flags) say so (`db.keeps_seats`) and leave them kept.

A transaction whose staged changes (`changes.touch`) are all seats makes only those seats (and
their kiosks' credentials) stale: one operator's action does not send 200 kiosks to the database
at once. Safe by default: a write path that says nothing invalidates everything. The version is read
before the database is, so an answer read across a commit is already stale when it is kept.
The consoles' seat views are kept the same way (`hall_map.LiveView`): what moves between writes
that keep the seats (answered questions, time left, last heard) is laid over them when read.
One room server process holds these; several workers on one database would each need the
others' writes, and do not share this (the room server runs one process).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from operator_console.protocol.kiosk_api import SeatAssignment
from operator_console.server.models import Kiosk

T = TypeVar("T")


@dataclass(frozen=True)
class _Kept(Generic[T]):
    value: T
    version: int


class Snapshots:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = 0
        self._kiosks: dict[str, _Kept[Kiosk]] = {}
        self._seats: dict[str, _Kept[SeatAssignment]] = {}
        self._views: dict[str, _Kept[Any]] = {}
        """The consoles' seat views (`hall_map.LiveView`), kept on the same terms."""

    @property
    def version(self) -> int:
        return self._version

    def changed(self, seats: set[str] | None = None) -> None:
        """Everything kept is stale (None), or what is kept for these seats."""
        with self._lock:
            self._version += 1
            if seats is None:
                self._kiosks.clear()
                self._seats.clear()
                self._views.clear()
                return
            # The rest was read at an older version and is still true: carried to this one.
            self._seats = {
                code: _Kept(kept.value, self._version)
                for code, kept in self._seats.items()
                if code not in seats and kept.version == self._version - 1
            }
            self._kiosks = {
                token: _Kept(kept.value, self._version)
                for token, kept in self._kiosks.items()
                if kept.value.seat_code not in seats and kept.version == self._version - 1
            }
            self._views = {
                code: _Kept(kept.value, self._version)
                for code, kept in self._views.items()
                if code not in seats and kept.version == self._version - 1
            }

    def kiosk(self, token_hash: str) -> Kiosk | None:
        kept = self._kiosks.get(token_hash)
        return kept.value if kept is not None and kept.version == self._version else None

    def keep_kiosk(self, token_hash: str, kiosk: Kiosk, version: int) -> None:
        with self._lock:
            if version == self._version:
                self._kiosks[token_hash] = _Kept(kiosk, version)

    def seat(self, code: str) -> SeatAssignment | None:
        kept = self._seats.get(code)
        return kept.value if kept is not None and kept.version == self._version else None

    def keep_seat(self, code: str, seat: SeatAssignment, version: int) -> None:
        with self._lock:
            if version == self._version:
                self._seats[code] = _Kept(seat, version)

    def view(self, code: str) -> Any | None:
        kept = self._views.get(code)
        return kept.value if kept is not None and kept.version == self._version else None

    def keep_view(self, code: str, view: Any, version: int) -> None:
        with self._lock:
            if version == self._version:
                self._views[code] = _Kept(view, version)
