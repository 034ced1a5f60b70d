"""Language choice: Қазақша or Русский; it also switches the whole interface."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.ui.i18n import bilingual
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import Screen, button, centered_card, label, row

NAMES = {"kk": "Қазақша", "ru": "Русский"}


class LanguageScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.title = label("title", center=True)
        self.hint = label("muted", center=True)
        self.buttons = {}
        for code, name in NAMES.items():
            choice = button("primary", name=f"language_{code}")
            choice.setText(name)
            choice.setMinimumSize(260, 96)
            choice.clicked.connect(
                lambda _c=False, code=code: model.candidate.choose_language(code)
            )
            self.buttons[code] = choice
        inner = centered_card(self, side=160, top=24, padding=(40, 40), spacing=28)
        inner.addWidget(self.title)
        inner.addLayout(row(*self.buttons.values(), gap=32))
        inner.addWidget(self.hint)

    def refresh(self) -> None:
        # Shown before a choice: every line in both test languages.
        self.title.setText(
            bilingual(QT_TRANSLATE_NOOP("Bilingual", "Choose the language of the test"), "\n")
        )
        self.hint.setText(
            bilingual(
                QT_TRANSLATE_NOOP(
                    "Bilingual", "The test and everything on the screen will be in that language."
                ),
                "\n",
            )
        )
        seat = self.model.watch.seat
        allowed = set(seat.languages) if seat else set(NAMES)
        for code, choice in self.buttons.items():
            choice.setVisible(code in allowed or not allowed)
        first = next((b for c, b in self.buttons.items() if b.isVisibleTo(self)), None)
        if first is not None:
            self.settle_focus(first)
