"""Candidate confirmation: the name and photo from the roster, 'this is me' / 'this is not me'."""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QPixmap

from kiosk.ui.i18n import bilingual
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import Screen, button, centered_card, label, row

PHOTO = (240, 300)


class ConfirmScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.title = label("title", center=True)
        self.photo = label(center=True)
        self.photo.setFixedSize(*PHOTO)
        self.photo.setObjectName("photo")
        self.name = label("title", center=True)
        self.hint = label("muted", center=True)
        self.yes = button("primary", name="this_is_me")
        self.no = button(name="not_me")
        self.yes.clicked.connect(lambda: model.confirm(True))
        self.no.clicked.connect(lambda: model.confirm(False))
        inner = centered_card(self, side=160, top=24, padding=(40, 32), spacing=18)
        inner.addWidget(self.title)
        inner.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.name)
        inner.addWidget(self.hint)
        inner.addLayout(row(self.no, self.yes, gap=24))

    def refresh(self) -> None:
        seat = self.model.seat
        self.title.setText(bilingual(QT_TRANSLATE_NOOP("Bilingual", "Is this you?")))
        self.name.setText(seat.full_name if seat and seat.full_name else "")
        self.hint.setText(
            bilingual(
                QT_TRANSLATE_NOOP(
                    "Bilingual", "If the name or the photo is not yours, the operator will come."
                ),
                "\n",
            )
        )
        self.yes.setText(bilingual(QT_TRANSLATE_NOOP("Bilingual", "Yes, this is me")))
        self.no.setText(bilingual(QT_TRANSLATE_NOOP("Bilingual", "No, this is not me")))
        pixmap = QPixmap()
        data = seat.photo_jpeg_b64 if seat else None
        if data:
            try:
                pixmap.loadFromData(base64.b64decode(data, validate=True))
            except (binascii.Error, ValueError):
                pixmap = QPixmap()
        if pixmap.isNull():
            self.photo.setPixmap(QPixmap())
            self.photo.setText(bilingual(QT_TRANSLATE_NOOP("Bilingual", "No photo"), "\n"))
        else:
            self.photo.setPixmap(
                pixmap.scaled(
                    *PHOTO,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.yes.setFocus()
