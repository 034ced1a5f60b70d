"""Instructions for the program about to start, and the button that starts it."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from kiosk.ui import texts
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import Screen, button, centered_card, label, row
from question_banks.programs import program

SETTLE_MS = 800
"""The Begin button opens this long after the screen appears: an Enter pressed twice on the
screen before, or a key held down, never starts a timed part unread."""


class InstructionsScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.settled = False
        self.settling = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.settling.timeout.connect(self._settle)
        self.title = label("title")
        self.lines = [label() for _ in range(5)]
        self.status = label("muted")
        self.begin = button("primary", name="begin")
        self.begin.clicked.connect(model.begin)
        inner = centered_card(self, side=120, top=16, padding=(40, 28), spacing=14)
        inner.addWidget(self.title)
        for line in self.lines:
            inner.addWidget(line)
        inner.addWidget(self.status)
        inner.addLayout(row(self.begin, center=False))

    def size_line(self, code: str) -> str:
        spec = program(code)
        return self.tr("Questions: %1. Time: %n minute(s).", "", spec.minutes).replace(
            "%1", str(spec.questions)
        )

    def refresh(self) -> None:
        summary = self.model.parts.next_attempt()
        code = summary.program if summary else ""
        self.title.setText(texts.program_name(code) if code else "")
        rules = [self.size_line(code), *texts.instructions(code)] if code else []
        for n, line in enumerate(self.lines):
            line.setText(f"•  {rules[n]}" if n < len(rules) else "")
            line.setVisible(n < len(rules))
        running = self.model.watch.session_running()
        self.begin.setText(self.tr("Begin the test"))
        message = self.model.progress.message
        self.begin.setEnabled(self.settled and running and message != "starting")
        message = message or ("" if running else "wait_session")
        self.status.setText(texts.message(message) if message else "")
        self.settle_focus(self.begin)

    def showEvent(self, event: object) -> None:
        self.settled = False
        self.settling.start()
        super().showEvent(event)

    def _settle(self) -> None:
        self.settled = True
        if self.isVisible():
            self.refresh()
