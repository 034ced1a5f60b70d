"""The console's main window: a bar with the session and the link, and one tab per screen the
signed-in role gets (operators: sessions, desk, hall, history; proctors: hall and history)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_console.ui import hall_time
from operator_console.ui.dialogs import CodeDialog, ConfirmDialog
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.screens.admin.screen import AdminScreen
from operator_console.ui.screens.desk import DeskScreen
from operator_console.ui.screens.hall import HallScreen
from operator_console.ui.screens.history import HistoryScreen
from operator_console.ui.screens.review.screen import ReviewScreen
from operator_console.ui.screens.sessions import SessionsScreen
from operator_console.ui.screens.sync import SyncScreen
from operator_console.ui.widgets import named
from question_banks.package import write_package


class ConsoleWindow(QMainWindow):
    closed = Signal()
    """The operator closed the window (or signed out)."""

    def __init__(self, model: ConsoleModel, *, hall_name: str = "") -> None:
        super().__init__()
        self.model = model
        self.hall_name = hall_name
        self.signed_out = False
        self.session = named(QComboBox(), "session_choice")
        self.session.activated.connect(self._session_picked)
        self.who = named(QLabel(), "who")
        self.sign_out = named(QPushButton(), "sign_out")
        self.sign_out.clicked.connect(self._sign_out)
        self.report = named(QPushButton(), "print_report")
        self.report.clicked.connect(lambda: self.save_report())
        self.sync_state = named(QLabel(), "status_sync")
        self.ticker = QTimer(self)
        self.ticker.setInterval(5000)
        self.ticker.timeout.connect(self._sync_words)
        self.ticker.start()
        self.banner = named(QLabel(), "banner")
        self.banner.setWordWrap(True)
        self.message = named(QLabel(), "message")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.message.fontMetrics().height() + 6)
        # The status bar carries what the server said last (left) and the sync level (right).
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.sync_state)
        self.statusBar().setSizeGripEnabled(False)
        # Room for one line of message from the start: a message arriving does not move the
        # screen above it.
        self.statusBar().setMinimumHeight(self.message.minimumHeight() + 8)
        bar = QHBoxLayout()
        bar.setContentsMargins(10, 6, 10, 0)
        self.hall = named(QLabel(), "hall_name")
        self.hall.setProperty("role", "title")
        bar.addWidget(self.hall)
        bar.addWidget(self.session, 1)
        bar.addWidget(self.report)
        bar.addStretch(1)
        bar.addWidget(self.who)
        bar.addWidget(self.sign_out)
        self.tabs = named(QTabWidget(), "tabs")
        self.screens: dict[str, QWidget] = {}
        makers = {
            "sessions": SessionsScreen,
            "desk": DeskScreen,
            "hall": HallScreen,
            "history": HistoryScreen,
            "review": ReviewScreen,
            "sync": SyncScreen,
            "admin": AdminScreen,
        }
        for name in [s for s in model.client.screens if s in makers] or ["hall"]:
            screen = makers[name](model)
            screen.setObjectName(f"screen_{name}")
            self.screens[name] = screen
            self.tabs.addTab(screen, "")
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(bar)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(body)
        model.news.connect(self.on_news)
        model.code_issued.connect(lambda code: CodeDialog.ask(self, code))
        self.retranslate()
        self.on_news({"session", "link", "message"})

    def retranslate(self) -> None:
        titles = {
            "sessions": self.tr("Sessions"),
            "desk": self.tr("Admission desk"),
            "hall": self.tr("Live hall"),
            "history": self.tr("History"),
            "review": self.tr("Review"),
            "sync": self.tr("Sync"),
            "admin": self.tr("Administration"),
        }
        for n, name in enumerate(self.screens):
            self.tabs.setTabText(n, titles[name])
        self.setWindowTitle(
            self.tr("Testing hall console") + (f" — {self.hall_name}" if self.hall_name else "")
        )
        self.hall.setText(self.hall_name or self.tr("Testing hall"))
        roles = {
            "operator": self.tr("operator"),
            "proctor": self.tr("proctor"),
            "administrator": self.tr("administrator"),
        }
        self.who.setText(f"{self.model.username} · {roles.get(self.model.role or '', '')}")
        self.sign_out.setText(self.tr("Sign out"))
        self.report.setText(self.tr("Session report…"))
        self._banner()
        self._sync_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for screen in self.screens.values():
                getattr(screen, "retranslate", lambda: None)()
        super().changeEvent(event)

    def show_screen(self, name: str) -> QWidget:
        screen = self.screens[name]
        self.tabs.setCurrentWidget(screen)
        return screen

    def on_news(self, kinds: set[str]) -> None:
        if "session" in kinds:
            self.session.clear()
            for s in self.model.sessions:
                self.session.addItem(
                    f"{s.session_id} · {hall_time.hall(s.starts_at):%H:%M}", s.session_id
                )
            self.session.setCurrentIndex(max(0, self.session.findData(self.model.session_id)))
        if kinds & {"link", "expired", "seat"}:
            self._banner()
        if kinds & {"outbox", "link"}:
            self._sync_words()
        if "message" in kinds:
            self.message.setText(self.model.message or "")
            self.message.setProperty("error", "true" if self.model.message_is_error else "false")
            self.message.style().polish(self.message)

    def _banner(self) -> None:
        if self.model.expired:
            words, level = (
                self.tr(
                    "Signed out by the server: sign in again. "
                    "The picture below is the last one seen."
                ),
                "alarm",
            )
        elif self.model.picture.stale and self.model.picture.cursor is not None:
            words, level = (
                self.tr(
                    "No answer from the room server: the picture below is the last one seen "
                    "(stale). Retrying…"
                ),
                "alarm",
            )
        elif self.model.picture.stale:
            words, level = self.tr("Connecting to the room server…"), "warning"
        else:
            words, level = "", ""
        self.banner.setText(words)
        self.banner.setProperty("level", level)
        self.banner.style().polish(self.banner)
        self.banner.setVisible(bool(words))

    def _sync_words(self) -> None:
        """Every screen's status bar: whether results are reaching the central system."""
        status = self.model.sync
        if status is None:
            self.sync_state.setText("")
            return
        if self.model.picture.stale:
            # What the server said last is not known to hold: no colour that says all is well.
            self.sync_state.setText(self.tr("Sync: not known (no answer from the room server)"))
            self.sync_state.setProperty("level", "unknown")
            self.sync_state.style().polish(self.sync_state)
            return
        age = self.model.oldest_pending_seconds()
        words = {
            "ok": self.tr("Sync: on time"),
            "warning": self.tr("Sync: slow"),
            "alarm": self.tr("Sync: ALARM"),
        }[status.level]
        if status.pending:
            words += " · " + self.tr("%1 waiting, oldest %2 min").replace(
                "%1", str(status.pending)
            ).replace("%2", f"{(age or 0) / 60:.0f}")
        if status.parked:
            words += " · " + self.tr("%1 parked").replace("%1", str(status.parked))
        self.sync_state.setText(words)
        self.sync_state.setProperty("level", status.level)
        self.sync_state.style().polish(self.sync_state)

    def save_report(self, path: str | None = None) -> None:
        """The chosen session's report as PDF, in the console's language, and its CSV beside."""
        sid = self.model.session_id
        if sid is None:
            self.model.say(self.tr("Choose a session first."), error=True)
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the session report"), f"report-{sid}.pdf",
                self.tr("PDF (*.pdf)"),
            )  # fmt: skip
        if not path:
            return
        target, language, client = Path(path), self.model.language, self.model.client

        def work() -> Path:
            pdf = client.report_pdf(sid, language)
            table = client.results_csv(sid)
            write_package(pdf, target)  # each whole or not at all
            write_package(table, target.with_suffix(".csv"))
            return target

        self.model.call(
            work,
            lambda written: self.model.say(
                self.tr("Report saved: %1 (and its results as CSV beside it)").replace(
                    "%1", str(written)
                )
            ),
        )

    def _session_picked(self, index: int) -> None:
        sid = self.session.itemData(index)
        if sid and sid != self.model.session_id:
            self.model.choose_session(sid)

    def _sign_out(self) -> None:
        """Asked first: a test keeps running without the console, but nobody watches it here
        until someone signs in again."""
        if ConfirmDialog.ask(
            self,
            self.tr("Sign out?"),
            self.tr(
                "%1 signs out of this console. The tests go on; this console shows nothing "
                "until someone signs in again."
            ).replace("%1", self.model.username or ""),
        ):
            self.signed_out = True
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ticker.stop()
        for screen in self.screens.values():
            getattr(screen, "shut", lambda: None)()
        self.model.close()
        try:
            if not self.model.expired:
                self.model.client.logout()
        except Exception:
            pass
        super().closeEvent(event)
        self.closed.emit()
