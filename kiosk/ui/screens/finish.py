"""The end of a program: the next one to come (state language, then legislation), or the end."""

from __future__ import annotations

from kiosk.ui import texts
from kiosk.ui.model import KioskModel, Stage
from kiosk.ui.screens.base import Screen, button, centered_card, label, row


class FinishScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.title = label("title", center=True)
        self.scores = [label("subtitle", center=True) for _ in range(3)]
        self.note = label("muted", center=True)
        self.next = button("primary", name="next_program")
        self.next.clicked.connect(model.continue_to_next)
        inner = centered_card(self, side=160, top=24, padding=(40, 36), spacing=18)
        inner.addWidget(self.title)
        for score in self.scores:
            inner.addWidget(score)
        inner.addWidget(self.note)
        inner.addLayout(row(self.next))

    def outcome(self, code: str) -> str:
        words = {
            "pass": self.tr("passed"),
            "fail": self.tr("not passed"),
            "reported": self.tr("score reported"),
            "annulled": self.tr("annulled"),
        }
        return words.get(code, code)

    def refresh(self) -> None:
        between = self.model.stage is Stage.BETWEEN
        following = self.model.next_attempt()
        if between and following:
            self.title.setText(
                self.tr("This part is over. Next: %1").replace(
                    "%1", texts.program_name(following.program)
                )
            )
        elif self.model.ended_by_operator:
            self.title.setText(self.tr("The operator has ended your test."))
        else:
            self.title.setText(self.tr("The test is over. Thank you."))
        programs = {
            a.attempt_id: a.program for a in (self.model.seat.attempts if self.model.seat else [])
        }
        shown = [r for r in self.model.results if r.show_score]
        for n, line in enumerate(self.scores):
            if n < len(shown):
                r = shown[n]
                name = texts.program_name(programs.get(r.attempt_id, ""))
                line.setText(
                    self.tr("%1: %2 points, %3")
                    .replace("%1", name)
                    .replace("%2", f"{r.total:g}")
                    .replace("%3", self.outcome(r.outcome))
                )
            line.setVisible(n < len(shown))
        self.note.setText(
            self.tr("The next part has its own time. Press the button when you are ready.")
            if between
            else self.tr(
                "The result is final after the proctor reviews the recording. "
                "Please leave your seat quietly."
            )
        )
        self.next.setText(self.tr("Continue"))
        self.next.setVisible(between)
        if between:
            self.next.setFocus()
