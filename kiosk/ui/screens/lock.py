"""Lock screen: the test is covered until the operator types the resume code."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from kiosk.ui import texts
from kiosk.ui.i18n import BILINGUAL, bilingual
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import Screen, button, centered_card, label, restyle, row
from operator_console.protocol.values import ROOM_PAUSED

CODE_DIGITS = 6
"""The operator's resume code: six digits."""


class LockScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.title = label("title", center=True)
        self.reason = label("subtitle", center=True)
        self.prompt = label(center=True)
        self.code = QLineEdit()
        self.code.setObjectName("resume_code")
        self.code.setMaxLength(CODE_DIGITS)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setValidator(
            QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{CODE_DIGITS}}}"))
        )
        self.code.setFixedWidth(300)
        self.code.returnPressed.connect(self._submit)
        self.status = label("error", center=True)
        self.status.setObjectName("lock_status")
        keypad = QGridLayout()
        keypad.setSpacing(8)
        for n, key in enumerate("123456789"):
            keypad.addWidget(self._key(key), n // 3, n % 3)
        self.erase = button(name="key_erase")
        self.erase.setText("⌫")
        self.erase.clicked.connect(self.code.backspace)
        self.ok = button("primary", name="key_ok")
        self.ok.clicked.connect(self._submit)
        for wide in (self.erase, self.ok):
            wide.setFixedSize(88, 56)
        keypad.addWidget(self.erase, 3, 0)
        keypad.addWidget(self._key("0"), 3, 1)
        keypad.addWidget(self.ok, 3, 2)
        inner = centered_card(self, side=200, top=12, padding=(40, 24), spacing=12)
        inner.addWidget(self.title)
        inner.addWidget(self.reason)
        inner.addWidget(self.prompt)
        inner.addLayout(row(self.code))
        inner.addWidget(self.status)
        self.pad = QWidget()
        pad = QHBoxLayout(self.pad)
        pad.setContentsMargins(0, 0, 0, 0)
        pad.addStretch(1)
        pad.addLayout(keypad)
        pad.addStretch(1)
        inner.addWidget(self.pad)

    def _key(self, digit: str) -> QPushButton:
        key = button(name=f"key_{digit}")
        key.setText(digit)
        key.setFixedSize(88, 56)
        key.clicked.connect(lambda: self.code.insert(digit))
        return key

    def _submit(self) -> None:
        self.model.unlock(self.code.text())
        self.code.clear()

    def refresh(self) -> None:
        state = self.model.seat_lock.state
        chosen = self.model.candidate.language is not None

        def say(source: object, context: str = BILINGUAL) -> str:
            # Before the candidate has chosen a language, every line is in both.
            if chosen:
                return QCoreApplication.translate(context, str(source))
            return bilingual(source, "\n", context)

        by_room = state is not None and state.reason == ROOM_PAUSED
        if by_room:  # the room's resume opens every seat at once: no code to type
            title = QT_TRANSLATE_NOOP("Bilingual", "The test is paused")
            prompt = QT_TRANSLATE_NOOP(
                "Bilingual",
                "Your time is stopped and your answers are saved. The test continues by itself "
                "when the operator resumes the room.",
            )
        elif self.model.parts.sitting is not None or self.model.parts.results:
            title = QT_TRANSLATE_NOOP("Bilingual", "The test is paused")
            prompt = QT_TRANSLATE_NOOP(
                "Bilingual",
                "Your time is stopped and your answers are saved. The operator will enter a code.",
            )
        else:  # nothing has begun: no time runs, no answer exists
            title = QT_TRANSLATE_NOOP("Bilingual", "This seat is locked")
            prompt = QT_TRANSLATE_NOOP(
                "Bilingual", "Please wait: the operator will enter a code to open it."
            )
        self.title.setText(say(title))
        self.reason.setText(say(texts.lock_reason_source(state.reason), "Texts") if state else "")
        self.prompt.setText(say(prompt))
        self.ok.setText(self.tr("OK"))
        message = state.message if state else None
        self.status.setText(texts.message(message) if message else "")
        restyle(self.status, role="muted" if message == "unlocking" else "error")
        self.code.setVisible(not by_room)
        self.pad.setVisible(not by_room)
        if not by_room:
            self.settle_focus(self.code)
