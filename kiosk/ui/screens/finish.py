"""The end of a program: the next one to come (state language, then legislation), or the end."""

from __future__ import annotations

from kiosk.stages import Stage
from kiosk.ui import texts
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import Screen, button, centered_card, label, row
from operator_console.protocol.kiosk_api import FinishResponse
from question_banks.programs import PROGRAMS


class FinishScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.title = label("title", center=True)
        self.scores = label("subtitle", center=True)
        self.scores.setObjectName("finish_scores")
        self.sections = label(center=True)
        self.sections.setObjectName("finish_sections")
        self.note = label("muted", center=True)
        self.next = button("primary", name="next_program")
        self.next.clicked.connect(model.parts.continue_to_next)
        inner = centered_card(self, side=160, top=24, padding=(40, 36), spacing=18)
        inner.addWidget(self.title)
        inner.addWidget(self.scores)
        inner.addWidget(self.sections)
        inner.addWidget(self.note)
        inner.addLayout(row(self.next))

    def outcome(self, code: str) -> str:
        words = {
            "pass": self.tr("passed"),
            "fail": self.tr("not passed"),
            "reported": self.tr("result reported"),
            "annulled": self.tr("annulled"),
        }
        return words.get(code, code)

    def total_line(self, result: FinishResponse) -> str:
        name = texts.program_name(result.program or "")
        spec = PROGRAMS.get(result.program or "")
        if spec is None:
            return f"{name}: {result.total:g}, {self.outcome(result.outcome)}"
        # "of %n": the count that decides the plural form is the maximum (из 55 баллов).
        return (
            self.tr("%1: %2 of %n point(s), %3", "", int(spec.maximum))
            .replace("%1", name)
            .replace("%2", f"{result.total:g}")
            .replace("%3", self.outcome(result.outcome))
        )

    def section_lines(self, result: FinishResponse) -> list[str]:
        """Each act of the legislation test with its own threshold (at least 5 correct)."""
        counted = [s for s in result.sections if s.threshold is not None]
        if len(result.sections) < 2 or not counted:
            return []
        lines = []
        for s in counted:
            verdict = self.outcome("pass" if s.passed else "fail")
            lines.append(
                self.tr("%1 — correct answers: %2 of %3 (at least %4 needed): %5")
                .replace("%1", texts.section_name(s.code))
                .replace("%2", str(s.correct))
                .replace("%3", str(s.questions))
                .replace("%4", f"{s.threshold:g}")
                .replace("%5", verdict)
            )
        return lines

    def refresh(self) -> None:
        between = self.model.progress.stage is Stage.BETWEEN
        following = self.model.parts.next_attempt()
        if between and following:
            self.title.setText(
                self.tr("This part is over. Next: %1").replace(
                    "%1", texts.program_name(following.program)
                )
            )
        elif self.model.parts.ended_by_operator:
            self.title.setText(self.tr("The operator has ended your test."))
        else:
            self.title.setText(self.tr("The test is over. Thank you."))
        shown = [r for r in self.model.parts.results if r.show_score]
        self.scores.setText("\n".join(self.total_line(r) for r in shown))
        self.scores.setVisible(bool(shown))
        details = [line for r in shown for line in self.section_lines(r)]
        self.sections.setText("\n".join(details))
        self.sections.setVisible(bool(details))
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
            self.settle_focus(self.next)
