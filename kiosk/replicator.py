"""Background replication of the journal to the room server, with the link's state for the screen.

Answers are durable in the journal before the screen shows them saved; this thread only carries
them on. While the room LAN is down it retries with a capped backoff and says so.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from kiosk.sitting import Sitting
from operator_console.protocol.calls import ServerRefused, ServerUnreachable

log = logging.getLogger(__name__)


class Link(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True)
class LinkStatus:
    link: Link
    unsent: int
    """Journalled changes the room server has not stored yet."""
    last_success: datetime | None
    last_error: str | None


class Replicator:
    def __init__(
        self,
        sitting: Sitting,
        *,
        on_status: Callable[[LinkStatus], None] = lambda _s: None,
        interval: float = 2.0,
        backoff_max: float = 5.0,
    ) -> None:
        self._sitting, self._on_status = sitting, on_status
        self._interval, self._backoff_max = interval, backoff_max
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._run, name="replicator", daemon=True)
        self.status = LinkStatus(Link.ONLINE, 0, None, None)

    def start(self) -> Replicator:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=10)

    def poke(self) -> None:
        """An answer was journalled: carry it now rather than at the next tick."""
        self._wake.set()

    def _set(self, status: LinkStatus) -> None:
        self.status = status
        self._on_status(status)

    def replicate_once(self) -> LinkStatus:
        try:
            self._sitting.replicate()
        except ServerUnreachable as exc:
            status = LinkStatus(
                Link.OFFLINE, self._sitting.unsent(), self.status.last_success, str(exc)
            )
        except ServerRefused as exc:
            log.error("room server refused journal changes: %s", exc)
            status = LinkStatus(
                Link.ONLINE, self._sitting.unsent(), self.status.last_success, exc.code
            )
        else:
            status = LinkStatus(Link.ONLINE, self._sitting.unsent(), datetime.now(UTC), None)
        self._set(status)
        return status

    def _run(self) -> None:
        delay = self._interval
        while not self._stop.is_set():
            status = self.replicate_once()
            offline = status.link is Link.OFFLINE
            delay = min(self._backoff_max, delay * 2) if offline else self._interval
            self._wake.wait(timeout=delay)
            self._wake.clear()
