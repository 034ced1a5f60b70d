"""Answering the console's modal dialogs in tests: each runs its own event loop (`exec`), so the
answer comes from a timer that waits for the dialog to be shown, then acts on the real widgets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

D = TypeVar("D", bound=QDialog)


class Answers(Generic[D]):
    """Acts on the next shown modal dialogs of `kind`, one action each, in order; `seen` keeps
    what each dialog looked like (the action's answer)."""

    def __init__(self, kind: type[D], actions: Sequence[Callable[[D], object]]) -> None:
        self.kind: type[D] = kind
        self.actions: list[Callable[[D], object]] = list(actions)
        self.seen: list[object] = []
        self._last: D | None = None
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        shown = QApplication.activeModalWidget()
        if not isinstance(shown, self.kind) or not shown.isVisible() or shown is self._last:
            return
        self._last = shown
        self.seen.append(self.actions.pop(0)(shown))
        if not self.actions:
            self._timer.stop()

    @property
    def done(self) -> bool:
        return not self.actions

    def stop(self) -> None:
        self._timer.stop()
