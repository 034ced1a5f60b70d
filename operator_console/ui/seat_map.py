"""The seat map, laid out as the room: one widget paints every tile, and repaints only the tiles
that changed (a hall of 200 seats stays light at 200 changes a second)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from operator_console.core.hall_watch import HallPicture, silence_level
from operator_console.protocol.console_api.hall import SeatView
from operator_console.ui import texts

FILL = {
    "free": "#eef1f4",
    "seated": "#dceafe",
    "in_test": "#ffffff",
    "between": "#e6f0ff",
    "locked": "#ffe3b3",
    "finished": "#dff3e4",
    "terminated": "#f4dada",
}
SILENCE = {1: "#f2b600", 2: "#f07800", 3: "#d7263d"}
ALERT = QColor("#d7263d")
INK = QColor("#1d2733")
MUTED = QColor("#5b6776")
STATE_INK = {
    "locked": QColor("#8a4b00"),
    "terminated": QColor("#8a1c1c"),
    "finished": QColor("#11632f"),
    "in_test": QColor("#1f4f9a"),
}
"""A state word's colour on its tile (each ≥ 4.5 : 1 against the tile's fill)."""
TILE = QSize(176, 104)
COMPACT = QSize(64, 68)
"""A tile of a large hall: seat and state, name, answers and time (no program line)."""
COMPACT_AFTER = 48
GAP = 10


def clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class SeatMap(QWidget):
    picked = Signal(str)
    """The operator clicked a seat."""

    def __init__(self, picture: HallPicture, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seat_map")
        self.picture = picture
        self.selected: str | None = None
        self.order: list[str] = []
        self.compact = False
        self.painted = 0
        """Tiles painted so far: the benchmark counts them."""
        self._now: datetime | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(3 * (TILE.width() + GAP), 2 * (TILE.height() + GAP))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._title = QFont(self.font())
        self._title.setBold(True)
        self._title.setPointSizeF(self.font().pointSizeF() * 1.15)

    def tile_size(self) -> QSize:
        columns = max(1, self.picture.columns)
        width = (self.width() - GAP) // columns - GAP
        least = COMPACT if self.compact else TILE
        w = max(least.width() if self.compact else 140, min(TILE.width() + 40, width))
        return QSize(w, least.height())

    def relayout(self) -> None:
        self.order = sorted(self.picture.seats)
        self.compact = len(self.order) > COMPACT_AFTER
        columns = max(1, self.picture.columns)
        rows = (len(self.order) + columns - 1) // columns
        self.setMinimumHeight(max(2, rows) * (self.tile_size().height() + GAP) + GAP)
        if self.compact:
            self.setMinimumWidth(columns * (COMPACT.width() + GAP) + GAP)
        self.update()

    def tile_rect(self, seat: str) -> QRect:
        n = self.order.index(seat)
        columns = max(1, self.picture.columns)
        size = self.tile_size()
        row, col = divmod(n, columns)
        return QRect(
            GAP + col * (size.width() + GAP),
            GAP + row * (size.height() + GAP),
            size.width(),
            size.height(),
        )

    def refresh(self, seats: set[str] | None = None, now: datetime | None = None) -> None:
        """Repaints the given seats (all when None); a new seat or a new layout repaints all."""
        self._now = now
        if seats is None or set(self.picture.seats) != set(self.order):
            self.relayout()
            return
        for seat in seats:
            if seat in self.order:
                self.update(self.tile_rect(seat))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for seat in self.order:
            if self.tile_rect(seat).contains(event.position().toPoint()):
                self.select(seat)
                return

    def select(self, seat: str | None) -> None:
        before = self.selected
        self.selected = seat
        for s in (before, seat):
            if s in self.order:
                self.update(self.tile_rect(s))
        if seat:
            self.picked.emit(seat)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = event.rect()
        if not self.order:
            painter.setPen(MUTED)
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No seats yet: enroll kiosks first"),
            )
            return
        now = self._now or self.picture.server_now()
        for seat in self.order:
            rect = self.tile_rect(seat)
            if rect.intersects(area):
                self._tile(painter, rect, self.picture.seats[seat], now)
                self.painted += 1
        if self.picture.stale:
            painter.fillRect(self.rect(), QColor(255, 255, 255, 110))

    def _tile(self, p: QPainter, rect: QRect, seat: SeatView, now: datetime) -> None:
        box = QRectF(rect).adjusted(1, 1, -1, -1)
        level = silence_level(self.picture.silence(seat, now))
        border = QColor(SILENCE[level]) if level else QColor("#b8c2cc")
        if seat.alerts:
            border = ALERT
        width = 3.0 if (level or seat.alerts or seat.seat == self.selected) else 1.0
        if seat.seat == self.selected:
            border = QColor("#1f6feb") if not (level or seat.alerts) else border
        p.setPen(QPen(border, width))
        p.setBrush(QColor(FILL.get(seat.state, "#ffffff")))
        p.drawRoundedRect(box, 8, 8)
        inner = rect.adjusted(10, 6, -10, -6)
        p.setFont(self._title)
        p.setPen(INK)
        p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, seat.seat)
        line = p.fontMetrics().height() + 2
        # Top right, the running clock: what an operator scans the room for.
        left = self.picture.time_left(seat, now)
        if seat.total and left is not None and seat.state in ("in_test", "locked"):
            p.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, clock(left))
        p.setFont(self.font())
        state = texts.seat_state(seat.state)
        if seat.state == "locked" and seat.lock_reason:
            state = texts.reason(seat.lock_reason)
        if level:
            state = self.tr("silent %1 s").replace(
                "%1", str(int(self.picture.silence(seat, now) or 0))
            )
        y = inner.top() + line
        if not self.compact:
            # The state on a line of its own, the tile's whole width: never cut beside the
            # seat's number and its alert badge.
            p.setPen(QColor(SILENCE[level]) if level else STATE_INK.get(seat.state, MUTED))
            p.drawText(
                inner.left(),
                y + p.fontMetrics().ascent(),
                p.fontMetrics().elidedText(state, Qt.TextElideMode.ElideRight, inner.width()),
            )
            y += p.fontMetrics().height() + 2
        p.setPen(INK)
        if seat.full_name:
            name = p.fontMetrics().elidedText(
                seat.full_name, Qt.TextElideMode.ElideRight, inner.width()
            )
            p.drawText(inner.left(), y + p.fontMetrics().ascent(), name)
        y += p.fontMetrics().height() + 2
        p.setPen(MUTED)
        if seat.program and not self.compact:
            what = texts.program(seat.program) + (f" · {seat.language}" if seat.language else "")
            answered = f"{seat.answered}/{seat.total}" if seat.total else ""
            room = inner.width() - (
                p.fontMetrics().horizontalAdvance(answered) + 6 if answered else 0
            )
            p.drawText(
                inner.left(),
                y + p.fontMetrics().ascent(),
                p.fontMetrics().elidedText(what, Qt.TextElideMode.ElideRight, room),
            )
            if answered:  # the answers' count is never the part cut off
                p.setPen(INK)
                p.drawText(
                    QRect(inner.left(), y, inner.width(), line),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    answered,
                )
        elif seat.total:
            p.setPen(INK)
            p.drawText(inner.left(), y + p.fontMetrics().ascent(), f"{seat.answered}/{seat.total}")
        if seat.alerts:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(ALERT)
            p.setFont(self._title)
            r = QRectF(
                inner.left() + p.fontMetrics().horizontalAdvance(seat.seat) + 8,
                inner.top() + 1,
                20,
                20,
            )
            p.setFont(self.font())
            p.drawEllipse(r)
            p.setPen(QColor("white"))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(len(seat.alerts)))
