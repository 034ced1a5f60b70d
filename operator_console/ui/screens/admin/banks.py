"""The administration's bank packages and rosters: the loaded banks and the refused packages, a
package loaded, the day's roster fetched or a signed one imported."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.protocol.console_api.sessions import BanksView, BankView, RosterImported
from operator_console.protocol.roster import SignedRoster
from operator_console.ui import hall_time, texts
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import data_table, fill_table, named


class BanksTab(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.banks: BanksView | None = None
        self.loaded = data_table("banks_loaded", 5)
        self.refused = data_table("banks_refused", 2)
        self.load = named(QPushButton(), "bank_load")
        self.load.clicked.connect(lambda: self.load_file())
        self.progress = named(QProgressBar(), "bank_progress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.fetch = named(QPushButton(), "roster_fetch")
        self.fetch.clicked.connect(self._fetch)
        self.import_ = named(QPushButton(), "roster_import")
        self.import_.clicked.connect(lambda: self.import_roster())
        self.loaded_box, self.refused_box = QGroupBox(), QGroupBox()
        QVBoxLayout(self.loaded_box).addWidget(self.loaded)
        QVBoxLayout(self.refused_box).addWidget(self.refused)
        row = QHBoxLayout()
        row.addWidget(self.load)
        row.addWidget(self.progress, 1)
        row.addStretch(1)
        row.addWidget(self.fetch)
        row.addWidget(self.import_)
        layout = QVBoxLayout(self)
        layout.addWidget(self.loaded_box, 2)
        layout.addWidget(self.refused_box, 1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.loaded_box.setTitle(self.tr("Loaded banks"))
        self.refused_box.setTitle(self.tr("Refused packages"))
        self.loaded.setHorizontalHeaderLabels(
            [
                self.tr("Program"),
                self.tr("Bank"),
                self.tr("Version"),
                self.tr("Questions"),
                self.tr("Languages"),
            ]
        )
        self.refused.setHorizontalHeaderLabels([self.tr("File"), self.tr("Why")])
        self.load.setText(self.tr("Load a bank package…"))
        self.fetch.setText(self.tr("Fetch today's roster"))
        self.import_.setText(self.tr("Import a signed roster…"))
        self.show_banks()

    def refresh(self) -> None:
        def got(banks: BanksView) -> None:
            self.banks = banks
            self.show_banks()
            self.model.news.emit({"admin"})

        self.model.call(self.model.client.banks, got)

    def show_banks(self) -> None:
        b = self.banks
        fill_table(
            self.loaded,
            [[texts.program(x.program), x.bank_id, x.version, str(x.questions),
              ", ".join(x.languages)] for x in (b.loaded if b else [])],
        )  # fmt: skip
        fill_table(self.refused, [[name, why] for name, why in (b.refused.items() if b else [])])

    def load_file(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Load a bank package"), "", self.tr("Bank packages (*.hallbank)")
            )
        if not path:
            return
        file = Path(path)
        self.load.setEnabled(False)
        self.progress.setVisible(True)

        def done(bank: BankView) -> None:
            self.load.setEnabled(True)
            self.progress.setVisible(False)
            self.model.say(
                self.tr("Loaded %1 %2: %3, %4 questions")
                .replace("%1", bank.bank_id)
                .replace("%2", bank.version)
                .replace("%3", texts.program(bank.program))
                .replace("%4", str(bank.questions))
            )
            self.refresh()

        def failed(error: BaseException) -> None:
            self.load.setEnabled(True)
            self.progress.setVisible(False)
            self.model._failed(error)
            self.refresh()

        self.model.background.call(
            lambda: self.model.client.load_bank(file.read_bytes(), file.name), done, failed
        )

    def _roster_taken(self, done: RosterImported) -> None:
        self.model.refresh_sessions()
        self.model.say(
            self.tr("Roster taken: %1 sessions, %2 candidates")
            .replace("%1", str(done.sessions))
            .replace("%2", str(done.candidates))
        )

    def _fetch(self) -> None:
        day = hall_time.today(datetime.now(UTC))
        self.model.call(lambda: self.model.client.fetch_roster(day), self._roster_taken)

    def import_roster(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import a signed roster"), "", self.tr("Rosters (*.json)")
            )
        if not path:
            return
        try:
            signed = SignedRoster.model_validate(json.loads(Path(path).read_text("utf-8")))
        except (OSError, ValueError):
            self.model.say(
                self.tr("%1 is not a signed roster file").replace("%1", path), error=True
            )
            return
        self.model.call(lambda: self.model.client.import_roster(signed), self._roster_taken)
