"""The overview beside the question: every question as a cell, grouped by section with each
section's progress, following the current question."""

from __future__ import annotations

from itertools import groupby

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui import texts
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import label, restyle

COLUMNS = 5
CELL = 48
SPACING = 6
ROW = CELL + SPACING
"""Every line of the overview, a section's header included, is one row this high: the view
shows whole rows only, and scrolls a row at a time."""


class WholeRows(QWidget):
    """Holds a scroll area at the top of the room it is given, a whole number of rows high:
    no row is ever cut in half at the edge of the view."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__()
        self.area = area
        area.setParent(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        frame = 2 * self.area.frameWidth()
        rows = max(1, (self.height() - frame) // ROW)
        self.area.setGeometry(0, 0, self.width(), rows * ROW + frame)


class Overview(QWidget):
    def __init__(self, model: KioskModel) -> None:
        super().__init__()
        self.model = model
        self._form_id: str | None = None
        self.cells: list[QPushButton] = []
        self._shown: dict[int, tuple[bool, bool, bool]] = {}
        """What each cell shows now (answered, flagged, current)."""
        self.headers: list[tuple[QLabel, str, list[int]]] = []
        """Each section's header, its code and the indexes of its questions."""
        self.title = label(wrap=False)
        self.host = QWidget()
        self.column = QVBoxLayout(self.host)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.area = QScrollArea()
        self.area.setObjectName("overview_scroll")
        self.area.setWidgetResizable(True)
        self.area.setWidget(self.host)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A finger's height per wheel step or arrow: one row of cells at a time.
        bar = self.area.verticalScrollBar()
        bar.setSingleStep(ROW)
        bar.setPageStep(ROW)
        bar.sliderReleased.connect(self._snap)
        self.counts = label("muted")
        self.legend = label("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(WholeRows(self.area), 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.legend)

    @staticmethod
    def width_needed() -> int:
        """Five cells, their spacing and a finger-wide scroll bar."""
        return COLUMNS * (CELL + SPACING) + 40

    def build(self) -> None:
        """New cells for the form now on the screen (a new part, or the first)."""
        while self.column.count():
            taken = self.column.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()  # type: ignore[union-attr]
        self.cells, self.headers = [], []
        self._shown = {}
        items = list(enumerate(self.model.parts.items))
        for section, members in groupby(items, key=lambda pair: pair[1].section):
            group = list(members)
            header = label("muted", wrap=True)
            header.setObjectName(f"section_{section}")
            header.setFixedHeight(ROW)
            header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.column.addWidget(header)
            grid_host = QWidget()
            grid = QGridLayout(grid_host)
            grid.setHorizontalSpacing(SPACING)
            grid.setVerticalSpacing(0)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid_host.setFixedHeight(-(-len(group) // COLUMNS) * ROW)
            for k, (n, _item) in enumerate(group):
                cell = QPushButton(str(n + 1))
                cell.setObjectName(f"cell_{n + 1}")
                cell.setProperty("role", "cell")
                cell.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                cell.clicked.connect(lambda _c=False, n=n: self.model.parts.go_to(n))
                grid.addWidget(cell, k // COLUMNS, k % COLUMNS, Qt.AlignmentFlag.AlignTop)
                grid.setRowMinimumHeight(k // COLUMNS, ROW)
                self.cells.append(cell)
            self.column.addWidget(grid_host)
            self.headers.append((header, section, [n for n, _ in group]))
        self.column.addStretch(1)
        # Said outright, so the scroll area knows the whole height at once, not at the layout's
        # next turn (a question opened before then would be scrolled to in a squeezed list).
        rows = sum(1 + -(-len(members) // COLUMNS) for _h, _s, members in self.headers)
        self.host.setMinimumHeight(rows * ROW)

    def refresh(self) -> None:
        parts = self.model.parts
        sitting = parts.sitting
        if sitting is not None and self._form_id != sitting.attempt_id:
            self._form_id = sitting.attempt_id
            self.build()
        elif len(self.cells) != len(parts.items):
            self.build()  # the test closed under it (its questions gone): nothing stale shown
        answered = flagged = 0
        for n, (cell, item) in enumerate(zip(self.cells, parts.items, strict=False)):
            is_answered = item.item_id in parts.answers
            is_flagged = item.item_id in parts.flags
            answered += is_answered
            flagged += is_flagged
            state = (is_answered, is_flagged, n == parts.index)
            if self._shown.get(n) == state:
                continue  # a question switch touches two cells, not all of them
            self._shown[n] = state
            restyle(
                cell,
                answered="true" if is_answered else "false",
                flagged="true" if is_flagged else "false",
                current="true" if n == parts.index else "false",
            )
            cell.setText(f"{n + 1}⚑" if is_flagged else str(n + 1))
        for header, section, members in self.headers:
            done = sum(1 for n in members if parts.items[n].item_id in parts.answers)
            header.setText(
                self.tr("%1 · %2 of %3 answered")
                .replace("%1", texts.section_name(section))
                .replace("%2", str(done))
                .replace("%3", str(len(members)))
            )
        self.title.setText(self.tr("All questions"))
        self.counts.setText(
            self.tr("Answered: %1 of %2. Flagged: %3.")
            .replace("%1", str(answered))
            .replace("%2", str(len(parts.items)))
            .replace("%3", str(flagged))
        )
        self.legend.setText(
            self.tr("Filled: answered. Outlined: not answered. ⚑ orange: flagged for review.")
        )
        self.follow()

    def follow(self) -> None:
        """The current question's cell stays in view, with the row above it when there is one."""
        if 0 <= self.model.parts.index < len(self.cells):
            cell = self.cells[self.model.parts.index]
            self.area.ensureWidgetVisible(cell, 0, ROW)
            self._snap(cell)

    def _snap(self, keep: QWidget | None = None) -> None:
        """The view starts at a row's top (the nearest that keeps `keep` wholly in view)."""
        bar = self.area.verticalScrollBar()
        value, height = bar.value(), self.area.viewport().height()
        down = value // ROW * ROW
        choices = sorted({down, down + ROW}, key=lambda v: abs(v - value))
        if keep is not None:
            top = keep.mapTo(self.host, keep.rect().topLeft()).y()
            whole = [v for v in choices if v <= top and top + keep.height() <= v + height]
            choices = whole or choices
        bar.setValue(choices[0])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.cells:
            self.refresh()
        super().changeEvent(event)
