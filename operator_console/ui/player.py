"""The review player's widgets: the video, and one timeline of the whole sitting.

The timeline draws the recording's segments, its gaps (hatched: there is no picture there), and a
marker for every flag, incident, seat action and pause at its time, coloured by severity. A click
seeks; a click near a marker seeks to the marker.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from operator_console.protocol.console_api.review import ReviewTimeline, TimelineMark
from operator_console.ui import hall_time

SEVERITY = {"alarm": QColor("#d7263d"), "warning": QColor("#f0a000"), "info": QColor("#1f6feb")}
ROWS = {"face": 0, "lockdown": 0, "camera": 1, "incident": 1, "seat_action": 2, "pause": 2}
"""Three marker rows: the kiosk's flags, incidents and the camera, the operator's seat actions."""


class VideoView(QWidget):
    """Paints the latest decoded frame, scaled to fit; says so when there is no picture."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("video")
        self.image: QImage | None = None
        self.words = ""
        self.frames_painted = 0
        self.setMinimumSize(QSize(360, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_frame(self, frame: np.ndarray | None, words: str = "") -> None:
        if frame is None:
            self.image = None
        else:
            rgb = np.ascontiguousarray(frame[:, :, ::-1])
            h, w, _ = rgb.shape
            self.image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        self.words = words
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#11161c"))
        if self.image is not None:
            scaled = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - scaled.width()) / 2
            y = (self.height() - scaled.height()) / 2
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(QRectF(x, y, scaled.width(), scaled.height()), self.image)
            self.frames_painted += 1
        if self.words:
            p.setPen(QColor("#f6f7f9"))
            corner = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            p.drawText(self.rect().adjusted(12, 12, -12, -12), corner, self.words)
        p.end()


class TimelineBar(QWidget):
    seek = Signal(object)
    """A time (datetime) the proctor clicked."""
    picked = Signal(object)
    """The marker (TimelineMark) the proctor clicked."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("timeline")
        self.line: ReviewTimeline | None = None
        self.position: datetime | None = None
        self.setMinimumSize(QSize(360, 86))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_line(self, line: ReviewTimeline | None) -> None:
        self.line = line
        self.position = line.starts_at if line else None
        self.update()

    def set_position(self, at: datetime) -> None:
        self.position = at
        self.update()

    def _span(self) -> float:
        assert self.line is not None
        return max(1.0, (self.line.ends_at - self.line.starts_at).total_seconds())

    def x_of(self, at: datetime) -> float:
        assert self.line is not None
        share = (at - self.line.starts_at).total_seconds() / self._span()
        return 8 + (self.width() - 16) * min(1.0, max(0.0, share))

    def time_at(self, x: float) -> datetime:
        assert self.line is not None
        share = min(1.0, max(0.0, (x - 8) / max(1, self.width() - 16)))
        return self.line.starts_at + timedelta(seconds=share * self._span())

    def mark_near(self, x: float, y: float) -> TimelineMark | None:
        if self.line is None:
            return None
        close = [
            (abs(self.x_of(m.at) - x), m)
            for m in self.line.marks
            if abs(self.x_of(m.at) - x) <= 6 and abs(self._row_y(m) - y) <= 10
        ]
        return min(close, key=lambda c: c[0])[1] if close else None

    def _row_y(self, mark: TimelineMark) -> float:
        return 44 + 13 * ROWS.get(mark.kind, 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.line is None:
            return
        where = event.position()
        mark = self.mark_near(where.x(), where.y())
        if mark is not None:
            self.picked.emit(mark)
        else:
            self.seek.emit(self.time_at(where.x()))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if self.line is None:
            p.end()
            return
        band = QRectF(8, 14, self.width() - 16, 18)
        p.fillRect(band, QColor("#eef1f4"))
        for s in self.line.segments:
            if s.available:
                x0, x1 = self.x_of(s.starts_at), self.x_of(s.ends_at)
                p.fillRect(QRectF(x0, band.top(), max(1.0, x1 - x0), band.height()),
                           QColor("#8fb3e8"))  # fmt: skip
        hatch = QBrush(QColor("#5b6776"), Qt.BrushStyle.BDiagPattern)
        for g in self.line.gaps:
            x0, x1 = self.x_of(g.starts_at), self.x_of(g.ends_at)
            gap = QRectF(x0, band.top(), max(2.0, x1 - x0), band.height())
            p.fillRect(gap, QColor("#fbe0e0") if g.why == "camera_lost" else QColor("#f1f3f5"))
            p.fillRect(gap, hatch)
        p.setPen(QPen(QColor("#b8c2cc"), 1))
        p.drawRect(band)
        for m in self.line.marks:
            color = SEVERITY[m.severity]
            centre = QPointF(self.x_of(m.at), self._row_y(m))
            p.setPen(QPen(color.darker(130), 1))
            p.setBrush(color if m.finding != "dismissed" else QColor("#ffffff"))
            if m.kind in ("face", "lockdown"):
                p.drawPolygon([centre + QPointF(0, -6), centre + QPointF(6, 0),
                               centre + QPointF(0, 6), centre + QPointF(-6, 0)])  # fmt: skip
            else:
                p.drawEllipse(centre, 4.5, 4.5)
        if self.position is not None:
            x = self.x_of(self.position)
            p.setPen(QPen(QColor("#1d2733"), 2))
            p.drawLine(QPointF(x, 8), QPointF(x, self.height() - 4))
        p.setPen(QColor("#5b6776"))
        p.drawText(QRectF(8, 0, 120, 14), Qt.AlignmentFlag.AlignLeft,
                   f"{hall_time.hall(self.line.starts_at):%H:%M:%S}")  # fmt: skip
        p.drawText(QRectF(self.width() - 128, 0, 120, 14), Qt.AlignmentFlag.AlignRight,
                   f"{hall_time.hall(self.line.ends_at):%H:%M:%S}")  # fmt: skip
        p.end()
