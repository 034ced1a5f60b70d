"""The administration's item statistics: how hard each question was and how well it told strong
candidates from weak ones, after the sessions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.protocol.console_api.administration import ItemStatsView
from operator_console.protocol.console_api.sessions import BanksView
from operator_console.ui import texts
from operator_console.ui.charts import ItemChart
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import data_table, fill_table, named
from question_banks.package import write_package


class ItemsTab(QWidget):
    """Item statistics after sessions: a chart and a table, the items needing attention
    highlighted, exportable as CSV."""

    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.stats: ItemStatsView | None = None
        self.program = named(QComboBox(), "items_program")
        self.program.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.program.activated.connect(lambda _i: self.refresh())
        self.reload = named(QPushButton(), "items_reload")
        self.reload.clicked.connect(self.refresh)
        self.export = named(QPushButton(), "items_export")
        self.export.clicked.connect(lambda: self.export_csv())
        self.only = named(QCheckBox(), "items_only_attention")
        self.only.toggled.connect(lambda _on: self.show_stats())
        self.said = named(QLabel(), "items_said")
        self.table = data_table("items", 7)
        self.chart = ItemChart()
        top = QHBoxLayout()
        top.addWidget(self.program)
        top.addWidget(self.reload)
        top.addWidget(self.only)
        top.addStretch(1)
        top.addWidget(self.export)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(self.chart, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.said)
        layout.addLayout(body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.reload.setText(self.tr("Refresh"))
        self.export.setText(self.tr("Export CSV…"))
        self.only.setText(self.tr("Only items needing attention"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Language"), self.tr("Section"), self.tr("Sittings"),
             self.tr("Difficulty"), self.tr("Discrimination"), self.tr("Needs attention")]
        )  # fmt: skip
        self.chart.axis_text = (
            self.tr("difficulty: share correct (shaded: too hard, too easy)"),
            self.tr("discrimination (shaded: below zero)"),
        )
        self.show_stats()

    def programs(self, banks: BanksView | None) -> None:
        chosen = self.program.currentData()
        self.program.clear()
        for b in banks.loaded if banks else []:
            self.program.addItem(f"{texts.program(b.program)} · {b.bank_id} {b.version}", b.program)
        if chosen is not None:
            self.program.setCurrentIndex(max(0, self.program.findData(chosen)))

    def refresh(self) -> None:
        program = self.program.currentData()
        if program is None:
            return

        def got(stats: ItemStatsView) -> None:
            self.stats = stats
            self.show_stats()
            self.model.news.emit({"admin"})

        self.model.call(lambda: self.model.client.item_stats(program), got)

    def attention(self, codes: list[str]) -> str:
        words = {
            "too_easy": self.tr("too easy"),
            "too_hard": self.tr("too hard"),
            "negative_discrimination": self.tr("strong candidates miss it"),
            "low_discrimination": self.tr("does not tell strong from weak"),
        }
        return ", ".join(words.get(c, c) for c in codes)

    def show_stats(self) -> None:
        s = self.stats
        items = [i for i in (s.items if s else []) if i.attention or not self.only.isChecked()]

        def number(v: float | None) -> str:
            return "—" if v is None else f"{v:.2f}"

        fill_table(
            self.table,
            [[i.item_id, i.language, i.section, str(i.exposure), number(i.difficulty),
              number(i.discrimination), self.attention(list(i.attention))] for i in items],
        )  # fmt: skip
        for row, i in enumerate(items):
            if i.attention:
                for col in range(self.table.columnCount()):
                    cell = self.table.item(row, col)
                    if cell is not None:
                        cell.setBackground(QColor("#fbe0e0"))
        self.chart.set_points(
            [(i.difficulty, i.discrimination, bool(i.attention))
             for i in (s.items if s else [])
             if i.difficulty is not None and i.discrimination is not None]
        )  # fmt: skip
        flagged = sum(bool(i.attention) for i in (s.items if s else []))
        self.said.setText(
            self.tr("%1 results, %2 items need attention")
            .replace("%1", str(s.results))
            .replace("%2", str(flagged))
            if s
            else ""
        )
        self.export.setEnabled(s is not None)

    def export_csv(self, path: str | None = None) -> None:
        program = self.program.currentData()
        if program is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save item statistics"), f"items-{program}.csv",
                self.tr("CSV (*.csv)"),
            )  # fmt: skip
        if not path:
            return
        target = Path(path)

        def work() -> Path:
            write_package(self.model.client.item_stats_csv(program), target)  # whole or not
            return target

        self.model.call(work, done=self.tr("Item statistics saved: %1").replace("%1", str(target)))
