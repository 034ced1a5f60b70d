"""Does every text fit its widget, and can every control be touched? Checked on real layouts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QFrame, QLabel, QWidget

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
            # A check box's room is its indicator and spacing, not a push button's padding.
            extra = widget.sizeHint().width() - need if isinstance(widget, QCheckBox) else padding
            if text and need + extra > widget.width() and widget.property("role") != "cell":
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


AA = 4.5
"""WCAG 2 AA: the least contrast ratio of text against its background."""


def _luminance(rgb: int) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: int, b: int) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def low_contrast(window: QWidget, least: float = AA) -> list[str]:
    """Every visible label or button, disabled ones included, whose text stands out from its
    background by less than `least`, measured on the rendered pixels: the background is the
    commonest colour inside the widget (borders left out), the text its strokes' colour."""
    import numpy as np

    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    # The whole picture as one array of 0xAARRGGBB words, rows `bytesPerLine` apart.
    words = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.sizeInBytes() // 4)
    rgb = words.reshape(image.height(), image.bytesPerLine() // 4)[:, : image.width()] & 0xFFFFFF
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.text().strip():
            continue
        shown = widget.visibleRegion().boundingRect()  # inside a scroll area, the part in view
        if shown.isEmpty():
            continue
        where = QRect(widget.mapTo(window, shown.topLeft()), shown.size()).adjusted(4, 4, -4, -4)
        where = where.intersected(QRect(QPoint(0, 0), image.size()))
        if where.width() < 4 or where.height() < 4:
            continue
        colours, counts = np.unique(
            rgb[where.top() : where.bottom() + 1, where.left() : where.right() + 1],
            return_counts=True,
        )
        pixels = dict(zip(colours.tolist(), counts.tolist(), strict=True))
        background = max(pixels, key=lambda c: pixels[c])
        ratios = sorted(
            ((contrast(background, c), n) for c, n in pixels.items() if c != background),
            reverse=True,
        )
        # The glyphs' own colour: the strongest contrast that a few pixels share (one stray
        # pixel of anti-aliasing or a caret is not the text).
        strokes, text_ratio = 0, 0.0
        for ratio, n in ratios:
            strokes, text_ratio = strokes + n, ratio
            if strokes >= 6:
                break
        else:
            continue
        if text_ratio < least:
            name = widget.objectName() or type(widget).__name__
            state = "" if widget.isEnabled() else " (disabled)"
            found.append(f"{name}{state} {widget.text()[:30]!r}: contrast {text_ratio:.2f}:1")
    return found
