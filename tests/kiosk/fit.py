"""Does every text fit its widget, and can every control be touched? Checked on real layouts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QWidget

from kiosk.ui.style import TOUCH

BUTTON_PADDING = 2 * 18
"""Left and right padding of a push button in the stylesheet, plus its border."""


def problems(
    window: QWidget, *, touch: int | None = TOUCH, padding: int = BUTTON_PADDING
) -> list[str]:
    """Every visible label or button whose text is cut, or that lies outside the window; with
    `touch`, every control lower than a finger (the kiosk's screens; the console has a mouse)."""
    found = []
    bounds = QRect(QPoint(0, 0), window.size())
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        name = widget.objectName() or type(widget).__name__
        where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        text = ""
        if isinstance(widget, QLabel):
            text = widget.text()
            if text:
                room = widget.contentsRect()
                metrics = widget.fontMetrics()
                if widget.wordWrap():
                    need = widget.heightForWidth(widget.width())
                    if need > widget.height() + 1:
                        found.append(f"{name} {text[:40]!r}: needs {need}px, has {widget.height()}")
                else:
                    width = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
                    if width > room.width() + 1:
                        found.append(f"{name} {text[:40]!r}: needs {width}px, has {room.width()}")
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
            need = widget.fontMetrics().horizontalAdvance(text)
            if text and need + padding > widget.width() and widget.property("role") != "cell":
                found.append(f"{name} {text[:40]!r}: needs {need}px, has {widget.width()}")
            if touch is not None and widget.height() < touch:
                found.append(f"{name} {text[:40]!r}: {widget.height()}px high, under {touch}")
        elif (
            touch is not None
            and isinstance(widget, QFrame)
            and widget.property("role") == "option"
            and widget.height() < touch
        ):
            found.append(f"{name}: {widget.height()}px high, under {touch}")
        # Inside a scroll area a widget may sit below the fold, but never stick out sideways.
        sideways = where.left() < 0 or where.right() > bounds.right()
        if (text or isinstance(widget, QAbstractButton)) and sideways:
            found.append(f"{name}: outside the window at {where}")
    return found
