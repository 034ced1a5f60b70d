"""The session's history: every admission, refusal, detector check, seat action and incident,
with who and when, filterable."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operator_console.protocol.console_api.hall import HistoryEntry
from operator_console.ui import hall_time, texts
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import named

KINDS = ("", "people", "admission.", "detector.", "seat.", "incident.", "session.", "attempt.")
"""Action prefixes to show; `people`: what the staff did (no machine's entries: no walk-through,
no kiosk's own lock, nothing the server did by itself)."""
MACHINES = ("detector", "server")


class HistoryScreen(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.kind = named(QComboBox(), "history_kind")
        self.kind.currentIndexChanged.connect(self._show)
        self.seat = named(QLineEdit(), "history_seat")
        self.seat.textChanged.connect(self._show)
        self.reload = named(QPushButton(), "history_reload")
        self.reload.clicked.connect(model.refresh_history)
        self.table = named(QTableWidget(0, 6), "history")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.seat)
        top.addStretch(1)
        top.addWidget(self.reload)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        model.news.connect(self.on_news)
        self.retranslate()

    def retranslate(self) -> None:
        names = [
            self.tr("Everything"),
            self.tr("What the staff did"),
            self.tr("Admissions and refusals"),
            self.tr("Detector checks"),
            self.tr("Seat actions"),
            self.tr("Incidents"),
            self.tr("The session"),
            self.tr("Tests begun and finished"),
        ]
        current = max(0, self.kind.currentIndex())
        self.kind.blockSignals(True)
        self.kind.clear()
        for prefix, name in zip(KINDS, names, strict=True):
            self.kind.addItem(name, prefix)
        self.kind.setCurrentIndex(current)
        self.kind.blockSignals(False)
        self.seat.setPlaceholderText(self.tr("Seat"))
        self.reload.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Who"),
                self.tr("What"),
                self.tr("Seat"),
                self.tr("Candidate"),
                self.tr("Detail"),
            ]
        )
        self._show()

    def on_news(self, kinds: set[str]) -> None:
        if "history" in kinds:
            self._show()

    def showEvent(self, event: object) -> None:
        self.model.refresh_history()

    def shown(self) -> list[HistoryEntry]:
        prefix = self.kind.currentData() or ""
        seat = self.seat.text().strip().upper()
        return [
            e
            for e in self.model.history
            if (self.by_staff(e) if prefix == "people" else e.action.startswith(prefix))
            and (not seat or (e.seat or "").upper() == seat)
        ]

    @staticmethod
    def by_staff(entry: HistoryEntry) -> bool:
        return entry.actor not in MACHINES and not entry.actor.startswith("kiosk:")

    def candidate(self, entry: HistoryEntry) -> str:
        """Whose the entry is, by name, where it names a registration."""
        names = {r.registration_id: r.full_name for r in self.model.registrations}
        for key in (entry.detail.get("registration"), entry.detail.get("registration_id")):
            if isinstance(key, str) and key in names:
                return names[key]
        return names.get(entry.subject, "")

    def detail(self, entry: HistoryEntry) -> str:
        d = entry.detail
        parts = []
        if entry.action.startswith("admission.") or entry.action == "seat.bind":
            parts.append(entry.subject)
        rule, category, code = d.get("rule"), d.get("category"), d.get("code")
        if isinstance(rule, str) and rule:
            parts.append(self.rule(rule))  # the rule's words, not the server's English
        if isinstance(code, str) and code:
            kind = texts.category(category) if isinstance(category, str) and category else ""
            parts.append(f"{kind}: {texts.reason(code)}" if kind else texts.reason(code))
        value = d.get("reason")
        if isinstance(value, str) and value and not rule:
            parts.append(texts.reason(value) if value.isidentifier() else value)
        minutes = d.get("minutes")
        if isinstance(minutes, int):
            parts.append(self.tr("%1 min").replace("%1", f"{minutes:+d}"))
        if d.get("to_seat"):
            parts.append(f"→ {d['to_seat']}")
        if isinstance(d.get("note"), str) and d["note"]:
            parts.append(str(d["note"]))
        zones = d.get("zones")
        if isinstance(zones, list) and zones:
            parts.append(self.tr("zones %1").replace("%1", ",".join(map(str, zones))))
        return " · ".join(parts)

    def who(self, actor: str) -> str:
        """The detector, the desk, the server or the kiosk at a seat in words; user names stay."""
        if actor.startswith("kiosk:"):
            return self.tr("Kiosk at seat %1").replace("%1", actor.removeprefix("kiosk:"))
        return {
            "detector": self.tr("Metal detector (walk-through)"),
            "wand": self.tr("Hand-held metal detector"),
            "desk": self.tr("Admission desk"),
            "server": self.tr("Room server"),
        }.get(actor, actor)

    def rule(self, code: str) -> str:
        """An admission rule the desk refused by."""
        return {
            "banned": self.tr("Banned from testing"),
            "late": self.tr("Late"),
            "retake_too_soon": self.tr("Retake too soon"),
            "attempts_this_month": self.tr("No attempts left this month"),
            "invalid_iin": self.tr("Invalid IIN"),
            "iin_mismatch": self.tr("The IIN does not match the roster"),
            "not_on_roster": self.tr("Not on the roster"),
            "session_closed": self.tr("Admission closed"),
        }.get(code) or texts.reason(code)

    def _show(self) -> None:
        entries = self.shown()
        self.table.setRowCount(len(entries))
        for row, e in enumerate(reversed(entries)):
            cells = [
                f"{hall_time.hall(e.at):%H:%M:%S}",
                self.who(e.actor),
                texts.history_action(e.action),
                e.seat or "",
                self.candidate(e),
                self.detail(e),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
