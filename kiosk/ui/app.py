"""`kiosk`: the candidate app on a seat, put together and run."""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from hardware.clock import Clock, SystemClock
from kiosk.camera_session import CameraSession, open_source
from kiosk.config import KioskConfig
from kiosk.credential import read_credential
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.lockdown.environment import virtual_machine
from kiosk.lockdown.exit_marker import ExitMarker
from kiosk.lockdown.processes import ProcessWatch
from kiosk.ui.collector import ScreenThreadCollector
from kiosk.ui.i18n import Translations
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.model import KioskModel
from kiosk.ui.style import family
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setFont(QFont(family(), 12))
    if app.findChild(ScreenThreadCollector) is None:
        ScreenThreadCollector(app)
    return app


@dataclass
class Kiosk:
    """One seat's app: its model, window, lockdown and translations."""

    model: KioskModel
    window: KioskWindow
    lockdown: Lockdown
    translations: Translations
    client: HallClient | None
    journal: Journal

    def start(self) -> None:
        self.translations.use(self.model.candidate.ui_language)
        self.lockdown.engage()
        self.model.start()

    def close(self) -> None:
        """A clean exit: everything stops, the exit marker goes."""
        self.lockdown.release()
        self.model.shutdown()
        self.window.closable = True
        self.window.close()
        self.window.deleteLater()
        self.translations.use("en")  # its translator leaves the application with it
        if self.client:
            self.client.close()
        self.journal.close()


def build(
    config: KioskConfig,
    *,
    client: HallClient | None = None,
    clock: Clock | None = None,
    camera: bool = True,
    watch: ProcessWatch | None = None,
    vm_check: Callable[[], str | None] = virtual_machine,
    tick_ms: int = 200,
    poll_ms: int | None = None,
) -> Kiosk:
    """Builds the seat's app from kiosk.toml (and the credential `kiosk enroll` left)."""
    app = application()
    data = config.data_dir
    if client is None:
        credential = read_credential(data)
        client = credential.client() if credential else None
    journal = Journal(data / "journal.db")
    holder: list[KioskModel] = []

    def open_camera(hall: HallClient) -> CameraSession | None:
        key = load_pem_public_key(hall.recording_key())
        if not isinstance(key, X25519PublicKey):
            raise ValueError("the hall's recording key is not an X25519 key")
        c = config.camera
        session = CameraSession(
            open_source(c.source, c.width, c.height, c.fps),
            data / "recordings",
            key,
            hall,
            on_health=holder[0].camera.on_health,
            on_flag=holder[0].camera.on_face_flag,
            on_recording=holder[0].camera.on_recording,
            segment_seconds=c.segment_seconds,
            upload_seconds=c.upload_seconds,
            size=(c.width, c.height),
        )
        return session.start()

    model = KioskModel(
        client,
        journal,
        clock or SystemClock(),
        marker=ExitMarker(data / "running.json"),
        camera_factory=open_camera if camera else (lambda _c: None),
        ui_language=config.kiosk.ui_language,
        poll_ms=poll_ms or int(config.kiosk.poll_seconds * 1000),
        tick_ms=tick_ms,
    )
    holder.append(model)
    window = KioskWindow(model, closable=not config.lockdown.enabled)
    lockdown = Lockdown(window, model, config.lockdown, watch=watch, vm_check=vm_check)
    translations = Translations(app)
    model.language_chosen.connect(translations.use)
    return Kiosk(model, window, lockdown, translations, client, journal)


def run(config: KioskConfig) -> int:
    app = application()
    kiosk = build(config)
    if kiosk.client is None:
        log.warning("no credential in %s: run `kiosk enroll` first", config.data_dir)
    # SIGTERM from the session manager is the operator's clean stop. exit(), not quit(): quit()
    # asks the windows first, and the kiosk window refuses to close.
    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))
    signal.signal(signal.SIGINT, lambda *_: app.exit(0))
    wake = QTimer(interval=300)
    wake.timeout.connect(lambda: None)  # lets Python run its signal handlers
    wake.start()
    kiosk.start()
    code = app.exec()
    kiosk.close()
    return int(code)
