"""Before the test is handed in: what is still unanswered or flagged, each one press away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import button, label, settle_focus

COLUMNS = 12


class Review(QFrame):
    def __init__(self, model: KioskModel) -> None:
        super().__init__()
        self.model = model
        self.setObjectName("card")
        self.text = label("subtitle")
        self.text.setObjectName("confirm_text")
        self.list_title = label("muted")
        self.host = QWidget()
        self.grid = QGridLayout(self.host)
        self.grid.setSpacing(6)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setWidget(self.host)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cells: list[QPushButton] = []
        self._waiting: list[tuple[int, bool]] | None = None
        self.back = button(name="back_to_test")
        self.really = button("primary", name="confirm_submit")
        self.back.clicked.connect(model.parts.cancel_submit)
        self.really.clicked.connect(model.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.really)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 14)
        layout.setSpacing(12)
        layout.addWidget(self.text)
        layout.addWidget(self.list_title)
        layout.addWidget(self.area, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        parts = self.model.parts
        left = parts.unanswered()
        text = self.tr("Finish the test now? You cannot return to it.")
        if left:
            text = self.tr("%n question(s) not answered.", "", left) + " " + text
        self.text.setText(text)
        self.back.setText(self.tr("Back to the test"))
        self.really.setText(self.tr("Finish"))
        waiting = [
            (n, item.item_id in parts.flags)
            for n, item in enumerate(parts.items)
            if item.item_id not in parts.answers or item.item_id in parts.flags
        ]
        if waiting != self._waiting:  # the numbers stay while they hold: a poll moves no focus
            self._rebuild(waiting)
        self.list_title.setText(
            self.tr("Not answered or flagged (⚑): press a number to go back to it.")
        )
        self.list_title.setVisible(bool(waiting))
        self.area.setVisible(bool(waiting))
        settle_focus(self.back, opening=False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        settle_focus(self.back, opening=True)  # the card opens: "back to the test" first

    def _rebuild(self, waiting: list[tuple[int, bool]]) -> None:
        parts = self.model.parts
        self._waiting = waiting
        for cell in self.cells:
            self.grid.removeWidget(cell)
            cell.deleteLater()
        self.cells = []
        for k, (n, flagged) in enumerate(waiting):
            cell = QPushButton(f"{n + 1}⚑" if flagged else str(n + 1))
            cell.setObjectName(f"review_{n + 1}")
            cell.setProperty("role", "cell")
            cell.setProperty("flagged", "true" if flagged else "false")
            cell.clicked.connect(lambda _c=False, n=n: parts.go_to(n))
            self.grid.addWidget(cell, k // COLUMNS, k % COLUMNS)
            cell.show()
            self.cells.append(cell)
