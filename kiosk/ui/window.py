"""The kiosk window: a top bar (seat, connection, recording, clock) over the current screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from hardware.camera import CameraHealth
from kiosk.stages import Stage
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import label, restyle
from kiosk.ui.screens.camera import CameraScreen
from kiosk.ui.screens.confirm import ConfirmScreen
from kiosk.ui.screens.finish import FinishScreen
from kiosk.ui.screens.idle import IdleScreen
from kiosk.ui.screens.instructions import InstructionsScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.screens.lock import LockScreen
from kiosk.ui.screens.questions import QuestionsScreen
from kiosk.ui.screens.tutorial import TutorialScreen
from kiosk.ui.style import stylesheet

TITLE = "Testing hall kiosk"


class KioskWindow(QWidget):
    def __init__(self, model: KioskModel, *, closable: bool = False) -> None:
        super().__init__()
        self.model = model
        self.closable = closable
        self.setObjectName("kiosk")
        self.setWindowTitle(TITLE)
        self.screens = {
            Stage.IDLE: IdleScreen(model),
            Stage.CONFIRM: ConfirmScreen(model),
            Stage.LANGUAGE: LanguageScreen(model),
            Stage.CAMERA: CameraScreen(model),
            Stage.TUTORIAL: TutorialScreen(model),
            Stage.INSTRUCTIONS: InstructionsScreen(model),
            Stage.TEST: QuestionsScreen(model),
            Stage.FINISH: FinishScreen(model),
            Stage.LOCKED: LockScreen(model),
        }
        self.screens[Stage.BETWEEN] = self.screens[Stage.FINISH]
        self.stack = QStackedWidget()
        for screen in dict.fromkeys(self.screens.values()):
            self.stack.addWidget(screen)

        bar = QFrame()
        bar.setObjectName("topbar")
        self.seat = label("bar", wrap=False)
        self.seat.setObjectName("seat_name")
        self.link = label("link", wrap=False)
        self.link.setObjectName("link")
        self.rec = label("rec", wrap=False)
        self.rec.setObjectName("recording")
        self.clock = label("bar", wrap=False)
        row = QHBoxLayout(bar)
        row.setContentsMargins(20, 6, 20, 6)
        row.setSpacing(20)
        row.addWidget(self.seat, 1)
        row.addWidget(self.link)
        row.addWidget(self.rec)
        row.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.stack, 1)

        model.changed.connect(self._stage)
        model.view_changed.connect(self.apply_style)
        model.link_changed.connect(self._bar)
        model.camera.changed.connect(self._bar)
        model.tick.connect(self._clock)
        self.apply_style()
        self._stage()

    @property
    def screen_now(self) -> QWidget:
        return self.screens[self.model.progress.stage]

    def apply_style(self) -> None:
        self.setStyleSheet(stylesheet(self.model.size_step, self.model.high_contrast))

    def _stage(self) -> None:
        screen = self.screens[self.model.progress.stage]
        if self.stack.currentWidget() is not screen:
            self.stack.setCurrentWidget(screen)
        # During the test the countdown is the only time on the screen: no second clock.
        self.clock.setVisible(self.model.progress.stage is not Stage.TEST)
        self._bar()

    def _clock(self) -> None:
        self.clock.setText(self.model.watch.hall_time())

    def _bar(self) -> None:
        model = self.model
        now = model.watch.seat
        seat = now.seat if now else "—"
        seated = now.full_name if now else None
        name = (model.candidate.name or seated) if model.progress.stage is not Stage.IDLE else None
        text = self.tr("Seat %1").replace("%1", seat)
        self.seat.setText(f"{text} · {name}" if name else text)
        unsent = model.link.unsent
        if model.online:
            self.link.setText(self.tr("● Connected"))
        elif unsent:
            self.link.setText(
                self.tr("● No connection: %n answer(s) wait on this computer", "", unsent)
            )
        else:
            self.link.setText(self.tr("● No connection"))
        restyle(self.link, state="online" if model.online else "offline")
        camera = model.camera.session
        healthy = model.camera.health is CameraHealth.OK
        if camera is not None and camera.recording_ok and healthy:
            self.rec.setText(self.tr("● Recording"))
        elif camera is not None and (not healthy or (camera.recording and not camera.recording_ok)):
            self.rec.setText(self.tr("Camera problem: the operator is told"))
        else:
            self.rec.setText("")
        self._clock()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._bar()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.closable:
            event.accept()
            return
        event.ignore()
        self.model.report("lockdown", "close_attempt", "the window was asked to close")
