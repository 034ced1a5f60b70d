"""Seat idle: the hall, the seat number, the clock, and 'wait for the operator'."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.ui import texts
from kiosk.ui.i18n import bilingual
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import Screen, centered_card, label


class IdleScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.seat = label("title", center=True)
        self.clock = label("title", center=True)
        self.status = label("subtitle", center=True)
        inner = centered_card(self, side=160, top=40, padding=(48, 40), spacing=24)
        for widget in (self.seat, self.clock, self.status):
            inner.addWidget(widget)
        model.tick.connect(self._clock)

    def _clock(self) -> None:
        if self.isVisible():
            self.clock.setText(self.model.watch.hall_time())

    def refresh(self) -> None:
        now = self.model.watch.seat
        seat = now.seat if now else "—"
        self.seat.setText(bilingual(QT_TRANSLATE_NOOP("Bilingual", "Seat %1")).replace("%1", seat))
        self._clock()
        message = self.model.progress.message
        if message:
            self.status.setText(texts.message(message))
        else:
            self.status.setText(
                bilingual(QT_TRANSLATE_NOOP("Bilingual", "Please wait for the operator."), "\n")
            )
