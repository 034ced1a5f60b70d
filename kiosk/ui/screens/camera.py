"""Camera check: the live picture and whether one face is in view."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap

from hardware.faces import HaarFaceDetector
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import Screen, button, centered_card, label, restyle, row

PREVIEW = (480, 360)


class CameraScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.title = label("title", center=True)
        self.preview = label(center=True)
        self.preview.setObjectName("preview")
        self.preview.setFixedSize(*PREVIEW)
        self.status = label("subtitle", center=True)
        self.next = button("primary", name="camera_continue")
        self.faces = -1
        self.next.clicked.connect(lambda: model.candidate.camera_done(self.faces))
        self.back = button(name="camera_back")
        self.back.clicked.connect(model.candidate.back_to_language)
        self._detector: HaarFaceDetector | None = None
        self._frames = 0
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._show_frame)
        inner = centered_card(self, side=160, top=16, padding=(32, 24), spacing=14)
        inner.addWidget(self.title)
        inner.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.status)
        inner.addLayout(row(self.back, self.next, gap=16))
        model.camera.changed.connect(self._refresh_if_shown)

    def showEvent(self, event: object) -> None:
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: object) -> None:
        self._timer.stop()

    def _show_frame(self) -> None:
        camera = self.model.camera.session
        frame = camera.latest() if camera else None
        if frame is None:
            return
        image = frame.image
        height, width = image.shape[:2]
        picture = QImage(image.data, width, height, 3 * width, QImage.Format.Format_BGR888)
        self.preview.setPixmap(
            QPixmap.fromImage(picture).scaled(
                *PREVIEW,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )
        self._frames += 1
        if self._frames % 5 == 1:  # about twice a second
            self._detector = self._detector or HaarFaceDetector()
            self.faces = self._detector.count(image)
            self.refresh()

    def refresh(self) -> None:
        self.title.setText(self.tr("Camera check"))
        self.next.setText(self.tr("Continue"))
        self.back.setText(self.tr("← Language"))
        camera = self.model.camera.session
        if camera is None:
            text, level = (
                self.tr("The camera is not available. The operator has been told."),
                "danger",
            )
        elif self.faces == 1:
            text, level = self.tr("Your face is in view. You are ready."), "ok"
        elif self.faces == 0:
            text, level = self.tr("No face in view. Sit straight in front of the camera."), "danger"
        elif self.faces > 1:
            text, level = (
                self.tr("More than one face in view. Only you may be at the seat."),
                "danger",
            )
        else:
            text, level = self.tr("Looking for your face…"), ""
        self.status.setText(text)
        restyle(self.status, level=level)
        self.settle_focus(self.next)
