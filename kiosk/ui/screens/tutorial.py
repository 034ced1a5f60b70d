"""Before the first timed part: how the test works, with a practice question (not timed, not
scored, never sent) to try the tools on."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import QHBoxLayout

from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import Screen, button, centered_card, label, restyle, row
from kiosk.ui.screens.instructions import SETTLE_MS

TOOLS = (
    QT_TRANSLATE_NOOP(
        "TutorialScreen",
        "Choose an answer with a click or the keys 1–9; it is saved at once. "
        "Clear answer takes it back.",
    ),
    QT_TRANSLATE_NOOP(
        "TutorialScreen",
        "Rule out strikes an option through, to help you think; it is not an answer.",
    ),
    QT_TRANSLATE_NOOP(
        "TutorialScreen",
        "Flag for review marks a question to come back to. The overview on the right shows every "
        "question: filled when answered, ⚑ when flagged.",
    ),
    QT_TRANSLATE_NOOP(
        "TutorialScreen",
        "A− and A+ change the text size; Contrast switches to white on black.",
    ),
    QT_TRANSLATE_NOOP(
        "TutorialScreen",
        "← and → (or Page Up and Page Down) move between questions; F flags; Delete clears.",
    ),
    QT_TRANSLATE_NOOP(
        "TutorialScreen",
        "The timer shows the time left; you may hide it, and warnings come at 5 and 1 minutes. "
        "Call the operator if you need help.",
    ),
)
PRACTICE_CHOICES = ("4", "5", "6", "7")
PRACTICE_RIGHT = 1


class TutorialScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.title = label("title")
        self.tools = [label() for _ in TOOLS]
        self.practice_title = label("subtitle")
        self.question = label("question")
        self.options = [button(name=f"practice_{n}") for n in range(len(PRACTICE_CHOICES))]
        for n, option in enumerate(self.options):
            option.clicked.connect(lambda _c=False, n=n: self._choose(n))
        self.feedback = label("saved")
        self.feedback.setObjectName("practice_feedback")
        self.ready = button("primary", name="tutorial_done")
        self.ready.clicked.connect(model.candidate.tutorial_done)
        # As on the instructions: an Enter meant for the screen before never skips this one.
        self.settling = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.settling.timeout.connect(lambda: self.ready.setEnabled(True))
        self.chosen: int | None = None
        inner = centered_card(self, side=120, top=16, padding=(36, 22), spacing=10)
        inner.addWidget(self.title)
        for tool in self.tools:
            inner.addWidget(tool)
        inner.addSpacing(8)
        inner.addWidget(self.practice_title)
        inner.addWidget(self.question)
        choices = QHBoxLayout()
        for option in self.options:
            choices.addWidget(option)
        choices.addStretch(1)
        inner.addLayout(choices)
        inner.addWidget(self.feedback)
        inner.addLayout(row(self.ready, center=False))

    def showEvent(self, event: object) -> None:
        self.chosen = None  # each candidate's practice starts afresh
        self.ready.setEnabled(False)
        self.settling.start()
        super().showEvent(event)

    def _choose(self, n: int) -> None:
        self.chosen = n
        self.refresh()

    def refresh(self) -> None:
        self.title.setText(self.tr("How the test works"))
        for tool, text in zip(self.tools, TOOLS, strict=True):
            tool.setText("•  " + QCoreApplication.translate("TutorialScreen", str(text)))
        self.practice_title.setText(
            self.tr("A practice question: not timed, not scored, not sent anywhere.")
        )
        self.question.setText(self.tr("How much is 2 + 3?"))
        for n, option in enumerate(self.options):
            mark = "●" if n == self.chosen else "○"
            option.setText(f"{mark} {'ABCD'[n]}  {PRACTICE_CHOICES[n]}")
            restyle(option, role="primary" if n == self.chosen else "")
        if self.chosen is None:
            self.feedback.setText(self.tr("Try choosing an answer."))
        elif self.chosen == PRACTICE_RIGHT:
            self.feedback.setText(
                self.tr("✓ Right. In the test, a chosen answer is saved like this.")
            )
        else:
            self.feedback.setText(self.tr("That is not it, but now you know how choosing works."))
        self.ready.setText(self.tr("I am ready"))
        self.settle_focus(self.ready)
