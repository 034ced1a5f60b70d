"""Today's sessions from the roster, their counts, and starting the chosen one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operator_console.protocol.console_api.sessions import SessionView
from operator_console.protocol.values import DESK
from operator_console.ui import hall_time, texts
from operator_console.ui.dialogs import ConfirmDialog
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import named


class SessionsScreen(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.table = named(QTableWidget(0, 9), "sessions")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._picked)
        self.start = named(QPushButton(), "start_session")
        self.start.setProperty("role", "primary")
        self.start.clicked.connect(self._start)
        self.note = named(QLabel(), "session_note")
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        model.news.connect(self.on_news)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Session"),
                self.tr("Starts"),
                self.tr("Programs"),
                self.tr("Expected"),
                self.tr("Admitted"),
                self.tr("Refused"),
                self.tr("Seated"),
                self.tr("Finished"),
                self.tr("Status"),
            ]
        )
        self.start.setText(self.tr("Start the session"))
        self._show()

    def on_news(self, kinds: set[str]) -> None:
        if kinds & {"session", "admission", "link"}:
            self._show()

    def _status(self, status: str, paused: bool) -> str:
        if paused:
            return self.tr("room paused")
        return {
            "scheduled": self.tr("scheduled: admission open"),
            "running": self.tr("running: admission closed"),
            "closed": self.tr("closed"),
        }.get(status, status)

    def _show(self) -> None:
        sessions = self.model.sessions
        self.table.blockSignals(True)
        self.table.setRowCount(len(sessions))
        for row, s in enumerate(sessions):
            cells = [
                s.session_id,
                f"{hall_time.hall(s.starts_at):%H:%M}",
                ", ".join(texts.program(p) for p in s.programs),
                str(s.candidates),
                str(s.admitted),
                str(s.refused),
                str(s.seated),
                str(s.finished),
                self._status(s.status, s.paused_at is not None),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
            if s.session_id == self.model.session_id:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        session = self.model.session
        desk = self.model.role in DESK
        self.start.setEnabled(desk and session is not None and session.status == "scheduled")
        if session is None:
            self.note.setText(self.tr("No session today: fetch the roster (administrator)."))
        elif session.status == "scheduled":
            self.note.setText(self.tr("Starting closes admission: late arrivals are refused."))
        else:
            self.note.setText("")

    def _start(self) -> None:
        """Starting closes admission: asked first, on the session as the server holds it now
        (another console may have admitted someone since this one last read it), saying who has
        not come and whether it is before the scheduled time."""
        sid = self.model.session_id
        if sid is None:
            return
        self.start.setEnabled(False)  # one question at a time, whatever is pressed meanwhile

        def fresh(sessions: list[SessionView]) -> None:
            session = next((s for s in sessions if s.session_id == sid), None)
            if session is None or session.status != "scheduled":
                self.model.refresh_sessions()
                return
            self._ask_start(session)

        self.model.call(
            self.model.client.sessions,
            fresh,
            settled=self._show,  # the button as the rule says
        )

    def _ask_start(self, session: SessionView) -> None:
        lines = [self.tr("Admission closes: no one else can be admitted to this session.")]
        missing = session.candidates - session.admitted - session.refused
        if missing > 0:
            lines.append(
                self.tr("%1 of %2 candidates have not arrived.")
                .replace("%1", str(missing))
                .replace("%2", str(session.candidates))
            )
        if self.model.picture.server_now() < session.starts_at:  # the hall's clock
            lines.append(
                self.tr("It is before the scheduled start (%1).").replace(
                    "%1", f"{hall_time.hall(session.starts_at):%H:%M}"
                )
            )
        if ConfirmDialog.ask(self, self.tr("Start the session now?"), "\n".join(lines)):
            self.model.start_session()

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            sid = self.model.sessions[rows[0].row()].session_id
            if sid != self.model.session_id:
                self.model.choose_session(sid)
