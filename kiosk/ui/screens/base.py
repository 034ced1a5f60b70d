"""What every screen shares: refresh on model change and on language change, and small builders."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.model import KioskModel


class Screen(QWidget):
    def __init__(self, model: KioskModel) -> None:
        super().__init__()
        self.model = model
        model.changed.connect(self._refresh_if_shown)

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Sets every text from the model in the current language."""

    _opening = False

    def settle_focus(self, widget: QWidget) -> None:
        settle_focus(widget, opening=self._opening)

    def showEvent(self, event: object) -> None:
        self._opening = True  # the screen opens: its default takes the keyboard
        try:
            self.refresh()
        finally:
            self._opening = False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)


def settle_focus(widget: QWidget, *, opening: bool) -> None:
    """Gives `widget` the keyboard when its screen (or card) is `opening`, or when the
    candidate's focus is gone (its widget hidden, disabled or removed). A refresh, which comes
    with every word from the room server (every 2 s or so), leaves a focus the candidate moved
    where it is, on the screen or on the window's bar: Tab, Tab, Enter must press what the
    candidate reached, never the screen's default."""
    current = QApplication.focusWidget()
    if (
        opening
        or current is None
        or current.window() is not widget.window()
        or not current.isVisible()
        or not current.isEnabled()
    ):
        widget.setFocus()


def label(role: str = "", *, wrap: bool = True, center: bool = False) -> QLabel:
    widget = QLabel()
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    if center:
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def button(role: str = "", *, name: str = "") -> QPushButton:
    widget = QPushButton()
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    widget.setAutoDefault(True)
    return widget


def card() -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    return frame


def centered_card(
    screen: QWidget, *, side: int, top: int, padding: tuple[int, int], spacing: int
) -> QVBoxLayout:
    """A card in the middle of the screen; returns the card's own layout to fill."""
    box = card()
    inner = QVBoxLayout(box)
    inner.setContentsMargins(padding[0], padding[1], padding[0], padding[1])
    inner.setSpacing(spacing)
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(side, top, side, top)
    outer.addStretch(1)
    outer.addWidget(box)
    outer.addStretch(1)
    return inner


def row(*widgets: QWidget, center: bool = True, gap: int = 0) -> QHBoxLayout:
    """Widgets side by side, centered (or pushed to the right)."""
    line = QHBoxLayout()
    line.addStretch(1)
    for n, widget in enumerate(widgets):
        if n and gap:
            line.addSpacing(gap)
        line.addWidget(widget)
    if center:
        line.addStretch(1)
    return line


def restyle(widget: QWidget, **properties: object) -> None:
    """Sets dynamic properties the stylesheet matches on, and re-applies it."""
    changed = False
    for key, value in properties.items():
        if widget.property(key) != value:
            widget.setProperty(key, value)
            changed = True
    if changed:
        widget.style().unpolish(widget)
        widget.style().polish(widget)
