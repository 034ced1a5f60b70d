"""The console's main window: a bar with the session and the link, and one tab per screen the
signed-in role gets (operators: sessions, desk, hall, history; proctors: hall and history)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_console.ui.dialogs import CodeDialog
from operator_console.ui.model import ConsoleModel
from operator_console.ui.screens.desk import DeskScreen
from operator_console.ui.screens.hall import HallScreen
from operator_console.ui.screens.history import HistoryScreen
from operator_console.ui.screens.sessions import SessionsScreen
from operator_console.ui.widgets import named


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
        self.banner = named(QLabel(), "banner")
        self.banner.setWordWrap(True)
        self.message = named(QLabel(), "message")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.message.fontMetrics().height() + 6)
        bar = QHBoxLayout()
        bar.setContentsMargins(10, 6, 10, 0)
        self.hall = named(QLabel(), "hall_name")
        self.hall.setProperty("role", "title")
        bar.addWidget(self.hall)
        bar.addWidget(self.session, 1)
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
        column.addWidget(self.message)
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
        self._banner()

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
                    f"{s.session_id} · {s.starts_at.astimezone():%H:%M}", s.session_id
                )
            self.session.setCurrentIndex(max(0, self.session.findData(self.model.session_id)))
        if kinds & {"link", "expired", "seat"}:
            self._banner()
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

    def _session_picked(self, index: int) -> None:
        sid = self.session.itemData(index)
        if sid and sid != self.model.session_id:
            self.model.choose_session(sid)

    def _sign_out(self) -> None:
        self.signed_out = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.model.close()
        try:
            if not self.model.expired:
                self.model.client.logout()
        except Exception:
            pass
        super().closeEvent(event)
        self.closed.emit()
