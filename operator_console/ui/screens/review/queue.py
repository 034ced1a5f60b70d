"""The review's queue: the finished attempts waiting for a verdict, oldest first, and the sample of
unflagged ones the proctor watched before clearing them all at once.

Its words are the review screen's (translation context `ReviewScreen`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from operator_console.protocol.console_api.review import ReviewItem
from operator_console.ui import hall_time, texts
from operator_console.ui.dialogs import ConfirmDialog
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import data_table, named


class ReviewQueue(QGroupBox):
    opened = Signal(str)
    """An attempt to open in the player (its id): its row double-clicked, or *Open*."""

    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.items: list[ReviewItem] = []
        self.watched: set[str] = set()
        """Attempts whose recording the proctor played or sought in, this sitting at the console."""
        self.queue = data_table("review_queue", 4, single=False)
        self.queue.itemSelectionChanged.connect(self._selection)
        self.queue.cellDoubleClicked.connect(lambda row, _c: self.open_row(row))
        self.open_button = named(QPushButton(), "review_open")
        self.open_button.clicked.connect(lambda: self.open_row(self.queue.currentRow()))
        self.clear_bulk = named(QPushButton(), "review_clear_bulk")
        self.clear_bulk.clicked.connect(self._clear_bulk)
        self.sample = named(QLabel(), "review_sample")
        self.sample.setWordWrap(True)
        self.reload = named(QPushButton(), "review_reload")
        self.reload.clicked.connect(self.refresh)
        left = QVBoxLayout(self)
        left.addWidget(self.queue, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.reload)
        left.addLayout(row)
        left.addWidget(self.sample)
        left.addWidget(self.clear_bulk)
        model.news.connect(self.on_news)

    def retranslate(self) -> None:
        self.setTitle(
            QCoreApplication.translate("ReviewScreen", "Waiting for a verdict (oldest first)")
        )
        self.queue.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ReviewScreen", "Candidate"),
                QCoreApplication.translate("ReviewScreen", "Test"),
                QCoreApplication.translate("ReviewScreen", "Ended"),
                QCoreApplication.translate("ReviewScreen", "Flags"),
            ]
        )
        self.open_button.setText(QCoreApplication.translate("ReviewScreen", "Open"))
        self.reload.setText(QCoreApplication.translate("ReviewScreen", "Refresh"))
        self._sample_words()
        self._show_queue()

    def on_news(self, kinds: set[str]) -> None:
        if kinds & {"review"}:
            self._show_queue()

    def refresh(self) -> None:
        def got(items: list[ReviewItem]) -> None:
            self.items = items
            self._show_queue()
            self.model.news.emit({"review"})

        self.model.call(self.model.client.reviews, got)

    def open_row(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        self.opened.emit(self.items[row].attempt_id)

    def watch(self, attempt_id: str) -> None:
        """The proctor played or sought in the attempt's recording."""
        self.watched.add(attempt_id)
        self._sample_words()

    def _show_queue(self) -> None:
        self.queue.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            flags = ", ".join(
                f"{texts.reason(code)} ×{n}" if n > 1 else texts.reason(code)
                for code, n in sorted(item.flags.items())
            )
            cells = [
                f"{item.full_name} · {item.seat or '—'}",
                texts.program(item.program),
                f"{hall_time.hall(item.finished_at):%H:%M}" if item.finished_at else "",
                flags or QCoreApplication.translate("ReviewScreen", "no flag"),
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.attempt_id)
                self.queue.setItem(row, col, cell)
        self._sample_words()
        self._selection()

    def _unflagged(self) -> list[ReviewItem]:
        return [i for i in self.items if not i.flags]

    def _sample_words(self) -> None:
        unflagged = {i.attempt_id for i in self._unflagged()}
        seen = len(self.watched & unflagged)
        self.sample.setText(
            QCoreApplication.translate(
                "ReviewScreen", "Attempts with no flag: %1. You watched %2 of them here."
            )
            .replace("%1", str(len(unflagged)))
            .replace("%2", str(seen))
        )
        many = len(unflagged)  # a name, not a call: lupdate takes no call for the count
        self.clear_bulk.setText(
            self.tr("Clear the %n unflagged attempt(s) after the sample", "", many)
        )
        self.clear_bulk.setEnabled(bool(unflagged) and seen > 0)

    def _selection(self) -> None:
        self.open_button.setEnabled(self.queue.currentRow() >= 0 and bool(self.items))

    def _clear_bulk(self) -> None:
        batch = [i.attempt_id for i in self._unflagged()]
        watched = [a for a in batch if a in self.watched]
        if not batch or not watched:
            return
        many = len(batch)
        if not ConfirmDialog.ask(
            self,
            self.tr("Clear them all?"),
            self.tr(
                "%n attempt(s) with no flag get the verdict “no violation” and their results go "
                "to the central system as confirmed; you watched %1 of them. This cannot be "
                "undone here.",
                "",
                many,
            ).replace("%1", str(len(watched))),
        ):
            return
        self.clear_bulk.setEnabled(False)
        self.model.call(
            lambda: self.model.client.clear_unflagged(batch, watched),
            lambda _done: self.refresh(),
            done=self.tr("%n attempt(s) cleared (%1 watched)", "", many).replace(
                "%1", str(len(watched))
            ),
        )
