"""The console's dialogs. Each has an `ask()` classmethod that answers the operator's choice (or
None when cancelled); tests replace `ask` and never see a modal window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from operator_console.protocol.console_api.hall import EnrollmentCodeView, ResumeCodeView
from operator_console.protocol.reasons import REASONS, Reason
from operator_console.ui import hall_time, texts
from operator_console.ui.style import SHEET
from operator_console.ui.widgets import named


class ReasonPicker(QWidget):
    """The two-level reason list of contracts §6, and a note (required for `other`).

    `blank`: nothing is chosen until the operator chooses (where no rule picks a reason, a
    preselected one would be recorded by a press of Enter)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        only: tuple[str, ...] | None = None,
        blank: bool = False,
    ) -> None:
        super().__init__(parent)
        self.category = named(QComboBox(), "reason_category")
        self.code = named(QComboBox(), "reason_code")
        self.note = named(QPlainTextEdit(), "reason_note")
        self.note.setFixedHeight(64)
        for cat in only or tuple(REASONS):
            self.category.addItem(texts.category(cat), cat)
        self.category.currentIndexChanged.connect(self._codes)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Reason"), self.code)
        form.addRow(self.tr("Note"), self.note)
        if blank:
            self.category.setPlaceholderText(self.tr("Choose a reason"))
            self.code.setPlaceholderText(self.tr("Choose a reason"))
            self.category.setCurrentIndex(-1)
        self._codes()

    def _codes(self) -> None:
        self.code.clear()
        category = self.category.currentData()
        for code in REASONS.get(category, ()) if category else ():
            self.code.addItem(texts.reason(code), code)
        if self.code.count() > 1 and self.code.placeholderText():
            self.code.setCurrentIndex(-1)

    def chosen(self) -> bool:
        """A category and a reason are chosen (a note may still be missing)."""
        return self.category.currentData() is not None and self.code.currentData() is not None

    def choose(self, category: str, code: str, note: str = "") -> None:
        self.category.setCurrentIndex(self.category.findData(category))
        self.code.setCurrentIndex(self.code.findData(code))
        self.note.setPlainText(note)

    def reason(self) -> Reason | None:
        if not self.chosen():
            return None
        try:
            return Reason(
                category=self.category.currentData(),
                code=self.code.currentData(),
                note=self.note.toPlainText().strip(),
            )
        except ValueError:
            return None


class _Asking(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setStyleSheet(SHEET)  # the console's look also where no window lends it
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.problem = named(QLabel(), "problem")
        self.problem.setProperty("role", "error")

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(self.buttons)


class ReasonDialog(_Asking):
    """A reason for an act; none is chosen when it opens: Enter alone asks for one."""

    def __init__(self, parent: QWidget | None, title: str, only: tuple[str, ...] | None) -> None:
        super().__init__(parent, title)
        self.picker = ReasonPicker(self, only=only, blank=True)
        self.layout_.addWidget(self.picker)
        self.finish_layout()

    def accept(self) -> None:
        if not self.picker.chosen():
            self.problem.setText(self.tr("Choose a reason."))
            return
        if self.picker.reason() is None:
            self.problem.setText(self.tr("Write a note that says what happened."))
            return
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, only: tuple[str, ...] | None = None
    ) -> Reason | None:
        dialog = cls(parent, title, only)
        return dialog.picker.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ConfirmDialog:
    """A yes-or-no question (No is the default: Enter does nothing that was not asked for)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(parent)
        box.setStyleSheet(SHEET)
        box.setWindowTitle(title)
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class RefusalAnswer:
    rule: str | None
    """The rule the server's check named, which the refusal is by; or None, and `reason`."""
    reason: Reason | None


class RefusalDialog(_Asking):
    """The desk's refusal: by a rule the server's check named (the first one preselected), or
    for a reason of the list, which the operator must choose: where no rule applies nothing is
    preselected, and OK (or Enter) with nothing chosen only says so."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        rules: list[tuple[str, str]],
        only: tuple[str, ...] = ("examinee", "staff", "other"),
    ) -> None:
        super().__init__(parent, title)
        self.ground = named(QComboBox(), "refusal_ground")
        self.ground.addItem(self.tr("(choose the reason)"), "")
        for code, words in rules:
            self.ground.addItem(self.tr("By the rule: %1").replace("%1", words), f"rule:{code}")
        for category in only:
            for code in REASONS[category]:
                shown = f"{texts.category(category)}: {texts.reason(code)}"
                self.ground.addItem(shown, f"{category}:{code}")
        self.ground.setCurrentIndex(1 if rules else 0)
        self.note = named(QPlainTextEdit(), "reason_note")
        self.note.setFixedHeight(64)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.ground)
        form.addRow(self.tr("Note"), self.note)
        self.layout_.addLayout(form)
        self.finish_layout()

    def answer(self) -> RefusalAnswer | None:
        chosen = str(self.ground.currentData() or "")
        kind, _sep, code = chosen.partition(":")
        if not code:
            return None
        if kind == "rule":
            return RefusalAnswer(code, None)
        try:
            reason = Reason.model_validate(
                {"category": kind, "code": code, "note": self.note.toPlainText().strip()}
            )
        except ValueError:
            return None
        return RefusalAnswer(None, reason)

    def accept(self) -> None:
        if not self.ground.currentData():
            self.problem.setText(self.tr("Choose a reason: none is chosen yet."))
            return
        if self.answer() is None:
            self.problem.setText(self.tr("Write a note that says what happened."))
            return
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, rules: list[tuple[str, str]]
    ) -> RefusalAnswer | None:
        dialog = cls(parent, title, rules)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class TimeAnswer:
    minutes: int
    reason: Reason


class TimeDialog(_Asking):
    def __init__(self, parent: QWidget | None, seat: str) -> None:
        super().__init__(parent, self.tr("Change the time of seat %1").replace("%1", seat))
        self.minutes = named(QSpinBox(), "minutes")
        self.minutes.setRange(-120, 120)
        self.minutes.setValue(5)
        self.minutes.setSuffix(self.tr(" min"))
        form = QFormLayout()
        form.addRow(self.tr("Add (or, below zero, remove)"), self.minutes)
        self.layout_.addLayout(form)
        self.picker = ReasonPicker(self)
        self.picker.choose("staff", "error")
        self.layout_.addWidget(self.picker)
        self.finish_layout()

    def accept(self) -> None:
        if self.minutes.value() == 0:
            self.problem.setText(self.tr("Give a change of at least one minute."))
            return
        if self.picker.reason() is None:
            self.problem.setText(self.tr("Write a note that says what happened."))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, seat: str) -> TimeAnswer | None:
        dialog = cls(parent, seat)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        reason = dialog.picker.reason()
        assert reason is not None
        return TimeAnswer(dialog.minutes.value(), reason)


@dataclass(frozen=True)
class MoveAnswer:
    to_seat: str
    reason: Reason


class MoveDialog(_Asking):
    def __init__(self, parent: QWidget | None, seat: str, free: list[str]) -> None:
        super().__init__(parent, self.tr("Move seat %1 to a spare seat").replace("%1", seat))
        self.to_seat = named(QComboBox(), "to_seat")
        for code in free:
            self.to_seat.addItem(code, code)
        form = QFormLayout()
        form.addRow(self.tr("New seat"), self.to_seat)
        self.layout_.addLayout(form)
        self.picker = ReasonPicker(self)
        self.picker.choose("technical", "kiosk_dead")
        self.layout_.addWidget(self.picker)
        self.finish_layout()

    def accept(self) -> None:
        if self.to_seat.count() == 0:
            self.problem.setText(self.tr("No free seat with a kiosk: enroll a spare kiosk first."))
            return
        if self.picker.reason() is None:
            self.problem.setText(self.tr("Write a note that says what happened."))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, seat: str, free: list[str]) -> MoveAnswer | None:
        dialog = cls(parent, seat, free)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        reason = dialog.picker.reason()
        assert reason is not None
        return MoveAnswer(dialog.to_seat.currentData(), reason)


class CodeDialog(QDialog):
    """A one-time code in large characters: the resume code to read out or type at a seat, or
    (`EnrollmentCodeView`) the code a technician types at a new kiosk."""

    def __init__(self, parent: QWidget | None, code: ResumeCodeView | EnrollmentCodeView) -> None:
        super().__init__(parent)
        self.setStyleSheet(SHEET)
        enrolling = isinstance(code, EnrollmentCodeView)
        title = (
            self.tr("Enrollment code for seat %1")
            if enrolling
            else self.tr("Resume code for seat %1")
        )
        self.setWindowTitle(title.replace("%1", code.seat))
        layout = QVBoxLayout(self)
        seat = QLabel(self.tr("Seat %1").replace("%1", code.seat))
        seat.setProperty("role", "title")
        shown = code.code if enrolling else f"{code.code[:3]} {code.code[3:]}"
        digits = named(QLabel(shown), "code_digits")
        digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        digits.setProperty("role", "code")
        expires = hall_time.hall(code.expires_at).strftime(
            "%Y-%m-%d %H:%M" if enrolling else "%H:%M"
        )
        until = QLabel(
            (
                self.tr("Type it at the new kiosk (hall-provision kiosk --code). Valid until %1, "
                        "for one kiosk.")
                if enrolling
                else self.tr("Type it at the seat. Valid until %1, for one use.")
            ).replace("%1", expires)
        )  # fmt: skip
        until.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for widget in (seat, digits, until):
            layout.addWidget(widget)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, code: ResumeCodeView | EnrollmentCodeView) -> None:
        cls(parent, code).exec()


@dataclass(frozen=True)
class SignIn:
    server: str
    username: str
    password: str
    language: str


class SignInDialog(_Asking):
    LANGUAGES = (("kk", "Қазақша"), ("ru", "Русский"), ("en", "English"))

    def __init__(self, parent: QWidget | None, server: str, username: str, language: str) -> None:
        super().__init__(parent, self.tr("Sign in to the testing hall"))
        self.server = named(QLineEdit(server), "server")
        self.username = named(QLineEdit(username), "username")
        self.password = named(QLineEdit(), "password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = named(QComboBox(), "language")
        for code, name in self.LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(language))
        form = QFormLayout()
        form.addRow(self.tr("Room server"), self.server)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Language"), self.language)
        self.layout_.addLayout(form)
        self.finish_layout()
        (self.password if username else self.username).setFocus()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    @classmethod
    def ask(
        cls, parent: QWidget | None, server: str, username: str, language: str, problem: str = ""
    ) -> SignIn | None:
        dialog = cls(parent, server, username, language)
        dialog.show_problem(problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return SignIn(
            dialog.server.text().strip(),
            dialog.username.text().strip(),
            dialog.password.text(),
            dialog.language.currentData(),
        )
