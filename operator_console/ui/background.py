"""Calls to the room server off the screen's thread; each answer is handed back on that thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class Background(QObject):
    """A small pool for calls; `then(result)` or `failed(error)` run later on the GUI thread."""

    _back = Signal(object, object)
    settled = Signal()
    """Every call has been answered: tests wait on this, never on time."""

    def __init__(self, workers: int = 4) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="console-call")
        self._back.connect(self._hand_back)
        self.busy = 0
        self._closed = False

    def call(
        self,
        work: Callable[[], Any],
        then: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        if self._closed:
            return
        self.busy += 1
        self._pool.submit(work).add_done_callback(lambda f: self._back.emit(f, (then, failed)))

    def on_gui(self, action: Callable[[], None]) -> None:
        """Runs `action` on the GUI thread (from any thread)."""
        if self._closed:
            return
        self.busy += 1
        done: Future[None] = Future()
        done.set_result(None)
        self._back.emit(done, (lambda _r: action(), lambda e: log.error("%s", e)))

    def _hand_back(self, future: Future[Any], handlers: tuple[Any, Any]) -> None:
        then, failed = handlers
        try:
            if self._closed:
                return
            error = future.exception()
            if error is None:
                then(future.result())
            else:
                failed(error)
        finally:
            self.busy -= 1
            if self.busy == 0:
                self.settled.emit()

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
