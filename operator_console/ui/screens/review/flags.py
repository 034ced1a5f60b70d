"""The review's flags: the open attempt's flags, each confirmed or dismissed with a note (its
finding), with the flag's picture where the kiosk sent one.

Its words are the review screen's (translation context `ReviewScreen`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from operator_console.protocol.console_api.review import FlagFinding, ReviewTimeline, TimelineMark
from operator_console.ui import hall_time, texts
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import data_table, named

FLAG_KINDS = ("face", "lockdown", "camera", "incident")
"""Marks that are flags: each gets a finding. Seat actions and pauses are context."""


class FlagsPanel(QGroupBox):
    def __init__(self, model: ConsoleModel, opened: Callable[[], ReviewTimeline | None]) -> None:
        """`opened` gives the attempt open in the player (None while none is)."""
        super().__init__()
        self.model = model
        self._opened = opened
        self.findings: dict[int, FlagFinding] = {}
        """The findings chosen here for the open attempt, by incident."""
        self.flags = data_table("review_flags", 4)
        self.note = named(QLineEdit(), "flag_note")
        self.confirm = named(QPushButton(), "flag_confirm")
        self.confirm.clicked.connect(lambda: self._find("confirmed"))
        self.dismiss = named(QPushButton(), "flag_dismiss")
        self.dismiss.clicked.connect(lambda: self._find("dismissed"))
        flags = QVBoxLayout(self)
        flags.addWidget(self.flags, 1)
        finding = QHBoxLayout()
        finding.addWidget(self.note, 1)
        finding.addWidget(self.confirm)
        finding.addWidget(self.dismiss)
        flags.addLayout(finding)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ReviewScreen", "Flags: confirm or dismiss each"))
        self.flags.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ReviewScreen", "Time"),
                QCoreApplication.translate("ReviewScreen", "What"),
                QCoreApplication.translate("ReviewScreen", "By"),
                QCoreApplication.translate("ReviewScreen", "Finding"),
            ]
        )
        self.note.setPlaceholderText(
            QCoreApplication.translate("ReviewScreen", "Note on the finding")
        )
        self.confirm.setText(QCoreApplication.translate("ReviewScreen", "Confirm"))
        self.dismiss.setText(QCoreApplication.translate("ReviewScreen", "Dismiss"))

    def enable(self, on: bool) -> None:
        for w in (self.confirm, self.dismiss, self.note):
            w.setEnabled(on)

    def marks(self) -> list[TimelineMark]:
        """The open attempt's flags, in the order of the table."""
        line = self._opened()
        if line is None:
            return []
        return [m for m in line.marks if m.kind in FLAG_KINDS and m.incident_id is not None]

    def show_flags(self) -> None:
        marks = self.marks()
        self.flags.setRowCount(len(marks))
        for row, m in enumerate(marks):
            finding = self.findings.get(m.incident_id or 0)
            state = finding.finding if finding else m.finding
            cells = [
                f"{hall_time.hall(m.at):%H:%M:%S}",
                f"{self.kind(m.kind)}: {texts.reason(m.code)}" + (f" — {m.note}" if m.note else ""),
                m.by,
                {
                    "confirmed": QCoreApplication.translate("ReviewScreen", "confirmed"),
                    "dismissed": QCoreApplication.translate("ReviewScreen", "dismissed"),
                }.get(state or "", QCoreApplication.translate("ReviewScreen", "not reviewed")),
            ]
            for col, text in enumerate(cells):
                self.flags.setItem(row, col, QTableWidgetItem(text))
            if m.has_thumbnail and m.incident_id is not None:
                self._thumbnail(row, m.incident_id)

    def kind(self, kind: str) -> str:
        return {
            "face": QCoreApplication.translate("ReviewScreen", "Face"),
            "lockdown": QCoreApplication.translate("ReviewScreen", "Kiosk lockdown"),
            "camera": QCoreApplication.translate("ReviewScreen", "Camera"),
            "incident": QCoreApplication.translate("ReviewScreen", "Incident"),
        }.get(kind, kind)

    def _thumbnail(self, row: int, incident_id: int) -> None:
        def got(data: bytes) -> None:
            picture = QPixmap()
            item = self.flags.item(row, 1)
            if picture.loadFromData(data, "JPG") and item is not None:
                item.setIcon(QIcon(picture))

        self.model.call(lambda: self.model.client.thumbnail(incident_id), got)

    def _find(self, finding: str) -> None:
        marks = self.marks()
        row = self.flags.currentRow()
        if not 0 <= row < len(marks):
            return
        incident = marks[row].incident_id
        assert incident is not None
        self.findings[incident] = FlagFinding(
            incident_id=incident,
            finding=finding,
            note=self.note.text().strip(),
        )
        self.note.clear()
        self.show_flags()
        if row + 1 < len(marks):
            self.flags.selectRow(row + 1)
