"""What every screen shares: refresh on model change and on language change, and small builders."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QWidget

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

    def showEvent(self, event: object) -> None:
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)


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
