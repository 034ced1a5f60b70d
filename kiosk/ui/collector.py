"""Python's cycle collector, run on the screen's thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed. If that is
a worker thread (a network job, the replicator, the camera) and the garbage holds a Qt object, Qt
destroys a widget off its own thread and the process dies. So the kiosk turns automatic collection
off and collects from a timer on the screen's thread, with the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class ScreenThreadCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = 500) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """Collects the generations whose counts passed their thresholds; answers how many."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = -1
        for n in range(3):
            if counts[n] > thresholds[n]:
                generation = n
        return gc.collect(generation) if generation >= 0 else 0
