"""`operator-console` with a display: sign in to the room server, then the console window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from operator_console.core.client import ConsoleClient
from operator_console.core.settings import ConsoleConfig
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.ui import hall_time
from operator_console.ui.dialogs import SignInDialog
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.style import SHEET
from operator_console.ui.window import ConsoleWindow

log = logging.getLogger(__name__)
DIRECTORY = Path(__file__).parent / "i18n"
LANGUAGES = ("kk", "ru", "en")


class Language:
    """The console's language: English in the source, Kazakh and Russian from compiled .qm."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.code = "en"

    def use(self, code: str) -> None:
        if code == self.code:
            return
        for old in self._translators:
            self._app.removeTranslator(old)
        self._translators = []
        self.code = code
        QLocale.setDefault(QLocale({"kk": "kk_KZ", "ru": "ru_RU"}.get(code, "en_US")))
        if code == "en":
            return
        ours = QTranslator(self._app)
        path = DIRECTORY / f"console_{code}.qm"
        if not ours.load(str(path)):
            raise FileNotFoundError(f"no compiled translation at {path}")
        # Qt's own words (OK, Cancel, Close) come from the translations Qt ships, when present.
        qt = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for translator in ([qt] if qt.load(f"qtbase_{code}", qt_dir) else []) + [ours]:
            self._app.installTranslator(translator)
            self._translators.append(translator)


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    return app


def open_console(
    client: ConsoleClient, username: str, *, hall_name: str = "", wait: float = 25.0
) -> ConsoleWindow:
    """The window for a client already signed in; its model starts following the hall."""
    hall_time.use(client.time_zone)
    model = ConsoleModel(client, username=username, wait=wait)
    window = ConsoleWindow(model, hall_name=hall_name)
    window.setStyleSheet(SHEET)
    fit(window)
    model.start()
    return window


PREFERRED = (1366, 768)
FRAME = 40
"""What a title bar and frame take beside the window's own size, about."""


def fit(window: QWidget, preferred: tuple[int, int] = PREFERRED) -> None:
    """The window at its preferred size, centred in the screen's free area; on a screen where
    that would not fit beside the taskbar (a 1366×768 laptop), maximized to the free area."""
    screen = window.screen() or QApplication.primaryScreen()
    free = screen.availableGeometry()
    width, height = preferred
    if width > free.width() or height + FRAME > free.height():
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(width, height)
    window.move(free.center() - window.rect().center())


def sign_in(config: ConsoleConfig, language: Language) -> tuple[ConsoleClient, str] | None:
    """Asks until the server accepts, or the operator cancels (None)."""
    server, username, problem = config.console.server, config.console.username, ""
    while True:
        answer = SignInDialog.ask(None, server, username, language.code, problem)
        if answer is None:
            return None
        language.use(answer.language)
        server, username = answer.server, answer.username
        if not answer.username or not answer.password:
            # Nothing to ask the server: say what is missing, and ask again.
            problem = QCoreApplication.translate(
                "SignIn", "Fill in the user name and the password."
            )
            continue
        client = ConsoleClient(server)
        try:
            client.login(answer.username, answer.password)
            return client, answer.username
        except ServerRefused as exc:
            problem = exc.detail  # the server's English words until the codes are translated
        except ServerUnreachable as exc:
            problem = QCoreApplication.translate(
                "SignIn", "The room server does not answer: %1"
            ).replace("%1", str(exc))
        except ValidationError as exc:  # a name or password longer than the server takes
            problem = QCoreApplication.translate("SignIn", "The sign-in was not sent: %1").replace(
                "%1", "; ".join(str(e["msg"]) for e in exc.errors())
            )
        client.close()


def run_console(config: ConsoleConfig) -> int:
    app = application()
    app.setStyleSheet(SHEET)
    language = Language(app)
    language.use(config.console.language)
    while True:
        signed = sign_in(config, language)
        if signed is None:
            return 0
        client, username = signed
        window = open_console(client, username)
        window.show()
        app.exec()
        client.close()
        if not window.signed_out:
            return 0
