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
        self.yes.clicked.connect(lambda: model.candidate.confirm(True))
        self.no.clicked.connect(self._ask)
        # "This is not me" locks the seat and calls the operator: asked once more first, with
        # the keyboard on "go back" (one Enter too many must not lock a candidate's own seat).
        self.back = button("primary", name="not_me_back")
        self.really = button(name="not_me_really")
        self.back.clicked.connect(self._unask)
        self.really.clicked.connect(lambda: model.candidate.confirm(False))
        self.asking = False
        inner = centered_card(self, side=160, top=24, padding=(40, 32), spacing=18)
        inner.addWidget(self.title)
        inner.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.name)
        inner.addWidget(self.hint)
        inner.addLayout(row(self.no, self.yes, gap=24))
        inner.addLayout(row(self.really, self.back, gap=24))

    def _ask(self) -> None:
        self.asking = True
        self.refresh()
        self.back.setFocus()

    def _unask(self) -> None:
        self.asking = False
        self.refresh()
        self.yes.setFocus()

    def showEvent(self, event: object) -> None:
        self.asking = False  # each time the screen opens, it opens on the question itself
        super().showEvent(event)

    def refresh(self) -> None:
        seat = self.model.watch.seat
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
        self.back.setText(bilingual(QT_TRANSLATE_NOOP("Bilingual", "Go back")))
        self.really.setText(bilingual(QT_TRANSLATE_NOOP("Bilingual", "Not me: call the operator")))
        for shown in (self.yes, self.no):
            shown.setVisible(not self.asking)
        for shown in (self.back, self.really):
            shown.setVisible(self.asking)
        if self.asking:
            self.hint.setText(
                bilingual(
                    QT_TRANSLATE_NOOP(
                        "Bilingual",
                        "Only if the name or the photo is not yours: the seat pauses and the "
                        "operator comes.",
                    ),
                    "\n",
                )
            )
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
        self.settle_focus(self.back if self.asking else self.yes)
