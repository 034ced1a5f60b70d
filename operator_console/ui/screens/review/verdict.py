"""The review's verdict: clear, or a violation (its reason, and a ban of 6 to 12 months), and the
confirmation asked before a violation.

The panel's words are the review screen's (translation context `ReviewScreen`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from operator_console.protocol.console_api.review import ReviewItem
from operator_console.ui import texts
from operator_console.ui.dialogs import ReasonPicker
from operator_console.ui.widgets import named


class VerdictConfirmation(QMessageBox):
    """Asked before a violation, which cannot be undone here: it names the candidate, the reason
    and the ban, and the flags still without a finding. Enter and Escape go back."""

    def __init__(
        self, parent: QWidget | None, attempt: ReviewItem, reason: str, months: int, open_flags: int
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verdict_confirmation")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Annul the result and ban the candidate?"))
        words = (
            self.tr("%1 (%2): the result is annulled and the candidate is banned from testing "
                    "for %3 months. Reason: %4. This cannot be undone here.")
            .replace("%1", attempt.full_name)
            .replace("%2", texts.program(attempt.program))
            .replace("%3", str(months))
            .replace("%4", reason)
        )  # fmt: skip
        if open_flags:
            words += "\n\n" + self.tr(
                "%1 flags have no finding: the violation is given regardless of them."
            ).replace("%1", str(open_flags))
        self.setText(words)
        self.go = self.addButton(self.tr("Annul and ban"), QMessageBox.ButtonRole.AcceptRole)
        self.go.setObjectName("verdict_confirm")
        self.back = self.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        self.back.setObjectName("verdict_go_back")
        self.setDefaultButton(self.back)
        self.setEscapeButton(self.back)

    @classmethod
    def ask(
        cls, parent: QWidget | None, attempt: ReviewItem, reason: str, months: int, open_flags: int
    ) -> bool:
        dialog = cls(parent, attempt, reason, months, open_flags)
        dialog.exec()
        return dialog.clickedButton() is dialog.go


class VerdictPanel(QGroupBox):
    given = Signal(str)
    """The proctor's verdict, asked for: "clear" or "violation"."""

    def __init__(self) -> None:
        super().__init__()
        self.reason = ReasonPicker(only=("examinee", "other"))
        # No reason is chosen for the proctor: the rule proposes one, or the proctor picks it.
        self.reason.category.currentIndexChanged.connect(self._no_reason)
        self._no_reason()
        self.ban = named(QSpinBox(), "ban_months")
        self.ban.setRange(6, 12)
        self.ban.setValue(6)
        self.clear = named(QPushButton(), "verdict_clear")
        self.clear.setProperty("role", "primary")
        self.clear.clicked.connect(lambda: self.given.emit("clear"))
        self.violation = named(QPushButton(), "verdict_violation")
        self.violation.clicked.connect(lambda: self.given.emit("violation"))
        self.proposal = named(QLabel(), "verdict_proposal")
        self.proposal.setWordWrap(True)
        self.proposal.setProperty("verdict", "refuse")
        self.proposal.hide()
        verdict = QVBoxLayout(self)
        verdict.addWidget(self.proposal)
        verdict.addWidget(self.clear)
        verdict.addWidget(self.reason)
        ban = QHBoxLayout()
        self.ban_label = QLabel()
        ban.addWidget(self.ban_label)
        ban.addWidget(self.ban)
        verdict.addLayout(ban)
        verdict.addWidget(self.violation)
        verdict.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ReviewScreen", "Verdict"))
        self.clear.setText(QCoreApplication.translate("ReviewScreen", "Clear: no violation"))
        self.violation.setText(
            QCoreApplication.translate("ReviewScreen", "Violation: annul and ban")
        )
        self.ban_label.setText(QCoreApplication.translate("ReviewScreen", "Ban (months, 6 to 12)"))

    def enable(self, on: bool) -> None:
        for w in (self.clear, self.violation, self.reason, self.ban):
            w.setEnabled(on)

    def _no_reason(self) -> None:
        self.reason.code.setCurrentIndex(-1)

    def propose(self, attempt: ReviewItem) -> None:
        """The reason the server's rule proposes (a termination for a violation), or none."""
        if attempt.proposed is not None:
            p = attempt.proposed
            self.reason.choose(p.category, p.code, p.note)
            words = texts.reason(p.code) + (f" — {p.note}" if p.note else "")
            self.proposal.setText(
                QCoreApplication.translate(
                    "ReviewScreen",
                    "The operator terminated this test for: %1. Annulment and a ban of 6 to 12 "
                    "months are proposed; the verdict is yours.",
                ).replace("%1", words)
            )
        else:
            self._no_reason()
            self.reason.note.clear()
        self.proposal.setVisible(attempt.proposed is not None)

    def forget(self) -> None:
        """No attempt open (after its verdict): nothing of the last one stays."""
        self._no_reason()
        self.reason.note.clear()
        self.proposal.hide()
