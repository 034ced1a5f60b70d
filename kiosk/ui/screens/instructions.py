"""Instructions for the program about to start, and the button that starts it."""

from __future__ import annotations

from kiosk.ui import texts
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import Screen, button, centered_card, label, row


class InstructionsScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
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

    def refresh(self) -> None:
        summary = self.model.next_attempt()
        code = summary.program if summary else ""
        self.title.setText(texts.program_name(code) if code else "")
        rules = texts.instructions(code) if code else []
        for n, line in enumerate(self.lines):
            line.setText(f"•  {rules[n]}" if n < len(rules) else "")
            line.setVisible(n < len(rules))
        running = self.model.session_running()
        self.begin.setText(self.tr("Begin the test"))
        self.begin.setEnabled(running and self.model.message != "starting")
        message = self.model.message or ("" if running else "wait_session")
        self.status.setText(texts.message(message) if message else "")
        self.begin.setFocus()
