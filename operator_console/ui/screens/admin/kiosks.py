"""The administration's kiosks: the enrolled seats, an enrollment code for a new one, a kiosk
revoked."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from operator_console.protocol.console_api.administration import KioskView
from operator_console.ui import hall_time
from operator_console.ui.dialogs import CodeDialog, ConfirmDialog
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import data_table, fill_table, named


class KiosksTab(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.kiosks: list[KioskView] = []
        self.table = data_table("kiosks", 6)
        self.table.itemSelectionChanged.connect(self._enable)
        self.seat = named(QLineEdit(), "enroll_seat")
        self.issue = named(QPushButton(), "enroll_issue")
        self.issue.clicked.connect(self._issue)
        self.revoke = named(QPushButton(), "kiosk_revoke")
        self.revoke.clicked.connect(self._revoke)
        row = QHBoxLayout()
        row.addWidget(self.revoke)
        row.addStretch(1)
        row.addWidget(self.seat)
        row.addWidget(self.issue)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Seat"),
                self.tr("Machine"),
                self.tr("Enrolled"),
                self.tr("Credential age"),
                self.tr("Last heard"),
                self.tr("State"),
            ]
        )
        self.seat.setPlaceholderText(self.tr("Seat, e.g. A07"))
        self.issue.setText(self.tr("Issue an enrollment code"))
        self.revoke.setText(self.tr("Revoke the kiosk"))
        self.show_kiosks()

    def refresh(self) -> None:
        def got(kiosks: list[KioskView]) -> None:
            self.kiosks = kiosks
            self.show_kiosks()
            self.model.news.emit({"admin"})

        self.model.call(self.model.client.kiosks, got)

    def show_kiosks(self) -> None:
        def state(k: KioskView) -> str:
            if k.revoked:
                return self.tr("revoked")
            return self.tr("locked") if k.locked else self.tr("enrolled")

        fill_table(
            self.table,
            [[k.seat, k.machine, f"{hall_time.hall(k.enrolled_at):%Y-%m-%d %H:%M}",
              self.tr("%1 days").replace("%1", f"{k.credential_age_days:.1f}"),
              f"{hall_time.hall(k.last_heard_at):%H:%M:%S}" if k.last_heard_at else "—", state(k)]
             for k in self.kiosks],
        )  # fmt: skip
        self._enable()

    def _enable(self) -> None:
        row = self.table.currentRow()
        chosen = 0 <= row < len(self.kiosks) and bool(self.table.selectedItems())
        self.revoke.setEnabled(chosen and not self.kiosks[row].revoked)

    def _issue(self) -> None:
        seat = self.seat.text().strip().upper()
        if not seat:
            self.model.say(self.tr("Type the seat the kiosk stands at."), error=True)
            return
        self.model.call(
            lambda: self.model.client.enrollment_code(seat),
            lambda code: CodeDialog.ask(self, code),
        )

    def _revoke(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.kiosks):
            kiosk = self.kiosks[row]
            if not ConfirmDialog.ask(
                self,
                self.tr("Revoke the kiosk at %1?").replace("%1", kiosk.seat),
                self.tr(
                    "The kiosk at %1 can no longer reach the hall until it is enrolled again. "
                    "A candidate testing there stops at once."
                ).replace("%1", kiosk.seat),
            ):
                return
            self.model.call(
                lambda: self.model.client.revoke_kiosk(kiosk.kiosk_id),
                lambda _k: self.refresh(),
                done=self.tr("The kiosk at %1 is revoked").replace("%1", kiosk.seat),
            )
