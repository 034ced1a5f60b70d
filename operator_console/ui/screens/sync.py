"""The 20-minute watch: how many results wait, the oldest one's age on a gauge against the limit,
the last delivery and the upstream's last error, parked records with what a person may do about
them, today's delivery times, and the signed offline bundle for a courier."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operator_console.protocol.console_api.sync import OfflineExportView, OutboxView
from operator_console.ui import hall_time
from operator_console.ui.charts import Delivery, DeliveryChart, SyncGauge
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import data_table, named

CHUNK = 64 * 1024


def write_in_chunks(data: bytes, path: Path, progress: object) -> None:
    """Writes the file whole or not at all, saying how far it got (a USB stick is slow)."""
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "wb") as fh:
        for at in range(0, len(data), CHUNK):
            fh.write(data[at : at + CHUNK])
            progress(min(len(data), at + CHUNK), len(data))  # type: ignore[operator]
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class SyncScreen(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.level = named(QLabel(), "sync_level")
        self.level.setProperty("role", "title")
        self.numbers = {
            key: named(QLabel(), f"sync_{key}")
            for key in ("pending", "parked", "delivered", "last_success", "last_error")
        }
        self.numbers["last_error"].setWordWrap(True)
        self.gauge = SyncGauge()
        self.chart = DeliveryChart()
        self.parked = data_table("parked", 5)
        self.parked.itemSelectionChanged.connect(self._enable)
        self.retry = named(QPushButton(), "retry")
        self.retry.clicked.connect(self._retry)
        self.export = named(QPushButton(), "export_offline")
        self.export.clicked.connect(self._export)
        self.progress = named(QProgressBar(), "export_progress")
        self.progress.setVisible(False)
        self.export_said = named(QLabel(), "export_said")
        self.export_said.setWordWrap(True)

        self.state_box = QGroupBox()
        grid = QGridLayout(self.state_box)
        grid.addWidget(self.level, 0, 0, 1, 2)
        self.captions = {key: QLabel() for key in self.numbers}
        for row, key in enumerate(self.numbers, start=1):
            grid.addWidget(self.captions[key], row, 0)
            grid.addWidget(self.numbers[key], row, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.gauge, len(self.numbers) + 1, 0, 1, 2)
        self.parked_box = QGroupBox()
        parked = QVBoxLayout(self.parked_box)
        parked.addWidget(self.parked, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.retry)
        actions.addStretch(1)
        actions.addWidget(self.export)
        parked.addLayout(actions)
        parked.addWidget(self.progress)
        parked.addWidget(self.export_said)
        self.chart_box = QGroupBox()
        QVBoxLayout(self.chart_box).addWidget(self.chart)
        left = QVBoxLayout()
        left.addWidget(self.state_box)
        left.addWidget(self.parked_box, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(left, 1)
        layout.addWidget(self.chart_box, 1)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        model.news.connect(self.on_news)
        self.retranslate()

    def retranslate(self) -> None:
        self.state_box.setTitle(self.tr("Delivery to the central system"))
        self.parked_box.setTitle(self.tr("Parked records: these need a person"))
        self.chart_box.setTitle(self.tr("Today: test end to acknowledgement"))
        words = {
            "pending": self.tr("Results waiting"),
            "parked": self.tr("Parked"),
            "delivered": self.tr("Delivered"),
            "last_success": self.tr("Last delivery"),
            "last_error": self.tr("Upstream's last error"),
        }
        for key, text in words.items():
            self.captions[key].setText(text)
        self.parked.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Kind"),
                self.tr("Answer"),
                self.tr("Tries"),
                self.tr("What the central system said"),
            ]
        )
        self.retry.setText(self.tr("Retry (the cause is fixed)"))
        self.export.setText(self.tr("Export for a courier…"))
        self.chart.empty_text = self.tr("No result has ended today.")
        self.chart.axis_text = (
            self.tr("when the test ended"),
            self.tr("minutes to acknowledgement (red line: 20)"),
        )
        self._show()

    def on_news(self, kinds: set[str]) -> None:
        if "outbox" in kinds:
            self._show()

    def showEvent(self, event: object) -> None:
        self.model.refresh_sync()
        self.ticker.start()

    def hideEvent(self, event: object) -> None:
        self.ticker.stop()

    def _tick(self) -> None:
        self._gauge()

    def _gauge(self) -> None:
        age = self.model.oldest_pending_seconds()
        caption = (
            self.tr("Oldest waiting result: none")
            if age is None
            else self.tr("Oldest waiting result: %1 min of 20").replace("%1", f"{age / 60:.1f}")
        )
        self.gauge.set_age(age, caption)

    def _show(self) -> None:
        status = self.model.sync
        levels = {
            "ok": self.tr("Results are reaching the central system"),
            "warning": self.tr("Results are slow to reach the central system"),
            "alarm": self.tr("Results are not reaching the central system: act now"),
        }
        self.level.setText(levels[status.level] if status else self.tr("Reading…"))
        self.level.setProperty("level", status.level if status else "")
        self.level.style().polish(self.level)
        records = self.model.outbox
        if status is not None:
            self.numbers["pending"].setText(str(status.pending))
            self.numbers["parked"].setText(str(status.parked))
            self.numbers["delivered"].setText(str(status.delivered))
            self.numbers["last_success"].setText(
                f"{hall_time.hall(status.last_success_at):%H:%M:%S}"
                if status.last_success_at
                else self.tr("none yet")
            )
        failing = [r for r in records if r.status == "pending" and r.last_error]
        self.numbers["last_error"].setText(
            self.failure(failing[-1]) if failing else self.tr("none")
        )
        self._gauge()
        parked = [r for r in records if r.status == "parked"]
        self.parked.setRowCount(len(parked))
        for row, r in enumerate(parked):
            cells = [r.record_id, self.kind(r), str(r.http_status or ""), str(r.tries),
                     self.why(r)]  # fmt: skip
            for col, text in enumerate(cells):
                self.parked.setItem(row, col, QTableWidgetItem(text))
        self._enable()
        self.chart.set_deliveries(self.deliveries(records))

    def failure(self, r: OutboxView) -> str:
        """The upstream's last error in words, then what it said exactly."""
        if r.http_status is None:
            words = self.tr("no answer from the central system (network or its server is down)")
        elif r.http_status == 429 or r.http_status >= 500:
            words = self.tr("the central system answered %1: busy or failing; retrying").replace(
                "%1", str(r.http_status)
            )
        else:
            words = self.tr("the central system answered %1").replace("%1", str(r.http_status))
        return f"{words} — {r.last_error}"

    def kind(self, r: OutboxView) -> str:
        return {
            "result": self.tr("result"),
            "verification": self.tr("verdict"),
            "audit_head": self.tr("audit head"),
        }.get(r.kind, r.kind)

    def why(self, r: OutboxView) -> str:
        said = {
            400: self.tr("the record was refused as invalid"),
            401: self.tr("the hall's signature was not accepted: check the hall's keys"),
            409: self.tr("the central system holds other content under this id"),
            422: self.tr("the record was refused as invalid"),
        }.get(r.http_status or 0, "")
        return " — ".join(x for x in (said, r.last_error or "") if x)

    def deliveries(self, records: list[OutboxView]) -> list[Delivery]:
        now = self.model.picture.server_now()  # the server's clock: the 20 minutes are its
        today = hall_time.today(now)
        found = []
        for r in records:
            if r.kind != "result" or r.reference_at is None:
                continue
            if hall_time.today(r.reference_at) != today:
                continue
            end = r.delivered_at if r.delivered_at else now
            found.append(
                Delivery(r.reference_at, (end - r.reference_at).total_seconds() / 60,
                         r.delivered_at is None)
            )  # fmt: skip
        return found

    def _enable(self) -> None:
        self.retry.setEnabled(bool(self.parked.selectedItems()))

    def _retry(self) -> None:
        rows = {i.row() for i in self.parked.selectedItems()}
        if rows:
            item = self.parked.item(min(rows), 0)
            if item is not None:
                self.model.retry(item.text())

    def _export(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the offline bundle"),
                f"hall-offline-{datetime.now():%Y%m%d-%H%M}.json",
                self.tr("Offline bundle (*.json)"),
            )
        if not path:
            return
        target = Path(path)
        self.export.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setValue(0)

        def progress(done: int, total: int) -> None:
            value = int(100 * done / max(1, total))
            self.model.background.on_gui(lambda: self.progress.setValue(value))

        def work() -> OfflineExportView:
            made = self.model.client.export_offline()
            data = json.dumps(made.bundle, ensure_ascii=False, indent=1).encode("utf-8")
            write_in_chunks(data, target, progress)
            return made

        def done(made: OfflineExportView) -> None:
            self.export.setEnabled(True)
            self.progress.setValue(100)
            self.export_said.setText(
                self.tr("%1: %2 records, signed by this hall. Carry it to the central system.")
                .replace("%1", str(target))
                .replace("%2", str(made.records))
            )

        def failed(error: BaseException) -> None:
            self.export.setEnabled(True)
            self.progress.setVisible(False)
            self.model._failed(error)

        self.model.background.call(work, done, failed)
