"""The 20-minute watch drawn with QPainter: the oldest result's age on a gauge, and today's
delivery times against the limit (no plotting library: two small, fixed pictures)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from operator_console.ui import hall_time

LIMIT_MINUTES = 20.0
WARN_MINUTES = 10.0
ALARM_MINUTES = 15.0
OK, WARN, ALARM = QColor("#2f9e57"), QColor("#f0a000"), QColor("#d7263d")
INK, MUTED, GRID = QColor("#1d2733"), QColor("#5b6776"), QColor("#dde2e6")


def level_color(minutes: float | None) -> QColor:
    if minutes is None or minutes < WARN_MINUTES:
        return OK
    return WARN if minutes < ALARM_MINUTES else ALARM


class SyncGauge(QWidget):
    """A bar from 0 to 20 minutes: green to 10, amber to 15, red to 20, and the needle at the
    oldest pending result's age (beyond 20 the needle stays at the end, in red)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sync_gauge")
        self.minutes: float | None = None
        self.caption = ""
        self.setMinimumSize(QSize(420, 74))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_age(self, seconds: float | None, caption: str) -> None:
        self.minutes = None if seconds is None else seconds / 60
        self.caption = caption
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(10, 26, self.width() - 20, 18)

        def x(minutes: float) -> float:
            return bar.left() + bar.width() * min(minutes, LIMIT_MINUTES) / LIMIT_MINUTES

        for start, end, color in (
            (0.0, WARN_MINUTES, OK),
            (WARN_MINUTES, ALARM_MINUTES, WARN),
            (ALARM_MINUTES, LIMIT_MINUTES, ALARM),
        ):
            faded = QColor(color)
            faded.setAlpha(70)
            p.fillRect(QRectF(x(start), bar.top(), x(end) - x(start), bar.height()), faded)
        p.setPen(QPen(MUTED, 1))
        p.drawRect(bar)
        for minutes in (0, 5, 10, 15, 20):
            p.drawLine(QPointF(x(minutes), bar.bottom()), QPointF(x(minutes), bar.bottom() + 4))
            label = f"{minutes}"
            p.drawText(QRectF(x(minutes) - 20, bar.bottom() + 4, 40, 16),
                       Qt.AlignmentFlag.AlignHCenter, label)  # fmt: skip
        if self.minutes is not None:
            color = level_color(self.minutes)
            p.setPen(QPen(color, 4))
            p.drawLine(
                QPointF(x(self.minutes), bar.top() - 6), QPointF(x(self.minutes), bar.bottom() + 2)
            )
        p.setPen(INK)
        p.drawText(QRectF(10, 2, self.width() - 20, 20), Qt.AlignmentFlag.AlignLeft, self.caption)
        p.end()


@dataclass(frozen=True)
class Delivery:
    ended_at: datetime
    """When the test ended: the 20-minute clock starts."""
    minutes: float
    """Test end to acknowledgement; for one still pending, its age so far."""
    pending: bool


class DeliveryChart(QWidget):
    """Today's results: when each test ended (across) against the minutes it took to reach the
    central system (up), with the 20-minute line. Pending results are hollow, at their age."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("delivery_chart")
        self.deliveries: list[Delivery] = []
        self.empty_text = ""
        self.axis_text = ("", "")
        self.setMinimumSize(QSize(420, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_deliveries(self, deliveries: list[Delivery]) -> None:
        self.deliveries = sorted(deliveries, key=lambda d: d.ended_at)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(44, 30, self.width() - 58, self.height() - 62)
        p.fillRect(self.rect(), QColor("white"))
        top = max([LIMIT_MINUTES * 1.2] + [d.minutes * 1.1 for d in self.deliveries])

        def y(minutes: float) -> float:
            return area.bottom() - area.height() * min(minutes, top) / top

        p.setPen(QPen(GRID, 1))
        step = 5 if top <= 40 else 10
        for m in range(0, int(top) + 1, step):
            p.drawLine(QPointF(area.left(), y(m)), QPointF(area.right(), y(m)))
            p.setPen(MUTED)
            p.drawText(QRectF(0, y(m) - 8, 38, 16), Qt.AlignmentFlag.AlignRight, f"{m}")
            p.setPen(QPen(GRID, 1))
        p.setPen(QPen(ALARM, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(area.left(), y(LIMIT_MINUTES)), QPointF(area.right(), y(LIMIT_MINUTES)))
        p.setPen(MUTED)
        p.drawText(QRectF(area.left(), self.height() - 20, area.width(), 18),
                   Qt.AlignmentFlag.AlignHCenter, self.axis_text[0])  # fmt: skip
        p.drawText(QRectF(area.left() - 36, 4, area.width(), 18), Qt.AlignmentFlag.AlignLeft,
                   self.axis_text[1])  # fmt: skip
        if not self.deliveries:
            p.setPen(MUTED)
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            p.end()
            return
        first = self.deliveries[0].ended_at
        span = max(60.0, (self.deliveries[-1].ended_at - first).total_seconds())

        def x(at: datetime) -> float:
            return area.left() + 8 + (area.width() - 16) * (at - first).total_seconds() / span

        for d in self.deliveries:
            color = level_color(d.minutes)
            centre = QPointF(x(d.ended_at), y(d.minutes))
            p.setPen(QPen(color, 2))
            p.setBrush(Qt.BrushStyle.NoBrush if d.pending else color)
            p.drawEllipse(centre, 4.5, 4.5)
        p.setPen(MUTED)
        p.drawText(QRectF(area.left(), area.bottom() + 2, 80, 16), Qt.AlignmentFlag.AlignLeft,
                   f"{hall_time.hall(first):%H:%M}")  # fmt: skip
        last = self.deliveries[-1].ended_at
        p.drawText(QRectF(area.right() - 80, area.bottom() + 2, 80, 16),
                   Qt.AlignmentFlag.AlignRight, f"{hall_time.hall(last):%H:%M}")  # fmt: skip
        p.end()


class ItemChart(QWidget):
    """Each item as a point: difficulty across (0 hard .. 1 easy), discrimination up (-1 .. 1).
    The shaded bands are where items need attention: too hard, too easy, below zero."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("item_chart")
        self.points: list[tuple[float, float, bool]] = []
        """(difficulty, discrimination, needs attention)."""
        self.axis_text = ("", "")
        self.setMinimumSize(QSize(320, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_points(self, points: list[tuple[float, float, bool]]) -> None:
        self.points = points
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        area = QRectF(40, 24, self.width() - 52, self.height() - 66)

        def x(difficulty: float) -> float:
            return area.left() + area.width() * min(1.0, max(0.0, difficulty))

        def y(discrimination: float) -> float:
            return area.bottom() - area.height() * (min(1.0, max(-1.0, discrimination)) + 1) / 2

        shade = QColor(ALARM)
        shade.setAlpha(28)
        p.fillRect(QRectF(area.left(), area.top(), x(0.2) - area.left(), area.height()), shade)
        p.fillRect(QRectF(x(0.9), area.top(), area.right() - x(0.9), area.height()), shade)
        p.fillRect(QRectF(area.left(), y(0), area.width(), area.bottom() - y(0)), shade)
        p.setPen(QPen(GRID, 1))
        for v in (-1.0, -0.5, 0.0, 0.5, 1.0):
            p.drawLine(QPointF(area.left(), y(v)), QPointF(area.right(), y(v)))
            p.setPen(MUTED)
            p.drawText(QRectF(0, y(v) - 8, 34, 16), Qt.AlignmentFlag.AlignRight, f"{v:g}")
            p.setPen(QPen(GRID, 1))
        p.setPen(MUTED)
        for v in (0.0, 0.5, 1.0):
            p.drawText(QRectF(x(v) - 20, area.bottom() + 2, 40, 16),
                       Qt.AlignmentFlag.AlignHCenter, f"{v:g}")  # fmt: skip
        p.drawText(QRectF(area.left(), self.height() - 18, area.width(), 16),
                   Qt.AlignmentFlag.AlignHCenter, self.axis_text[0])  # fmt: skip
        p.drawText(QRectF(area.left(), 4, area.width(), 16), Qt.AlignmentFlag.AlignLeft,
                   self.axis_text[1])  # fmt: skip
        for difficulty, discrimination, attention in self.points:
            color = ALARM if attention else QColor("#1f6feb")
            p.setPen(QPen(color.darker(120), 1))
            p.setBrush(color)
            p.drawEllipse(QPointF(x(difficulty), y(discrimination)), 3.5, 3.5)
        p.end()
