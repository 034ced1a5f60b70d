"""Work off the screen's thread: network calls run in a pool, their answers come back as signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")


class Jobs(QObject):
    _done = Signal(object)
    idle = Signal()
    """No job is running or waiting to deliver: tests wait on this instead of sleeping."""

    def __init__(self, workers: int = 3) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kiosk-job")
        self._done.connect(self._deliver)
        self.running = 0
        self.closed = False

    def run(
        self,
        work: Callable[[], T],
        on_ok: Callable[[T], None] = lambda _r: None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Runs `work` in the pool; `on_ok` or `on_error` later runs on the screen's thread."""
        if self.closed:
            return  # the kiosk is shutting down: nothing new starts
        self.running += 1
        future = self._pool.submit(work)
        future.add_done_callback(lambda f: self._done.emit((f, on_ok, on_error)))

    def _deliver(self, packet: tuple[Future[Any], Callable[[Any], None], Any]) -> None:
        future, on_ok, on_error = packet
        if self.closed:
            return
        try:
            error = future.exception()
            if error is None:
                on_ok(future.result())
            elif on_error is not None:
                on_error(error)
            else:
                log.error("background job failed", exc_info=error)
        finally:
            self.running -= 1
            if self.running == 0:
                self.idle.emit()

    def shutdown(self) -> None:
        self.closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
