"""The kiosk's camera under Qt: opened off the screen's thread when a candidate appears, told
which attempt to record, and its capture thread's news (health, lost segments, face flags) brought
to the screen's thread as incidents for the operator and one `changed` signal for the screens."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from hardware.camera import CameraHealth
from hardware.faces import FaceFlag
from kiosk.camera_session import CameraSession
from kiosk.courier import Courier
from kiosk.hall_client import HallClient
from kiosk.parts import Parts
from kiosk.proctoring import face_incident
from kiosk.ui.jobs import Jobs

log = logging.getLogger(__name__)

CameraFactory = Callable[[HallClient], CameraSession | None]
Report = Callable[[str, str, str], None]


class CameraFeed(QObject):
    changed = Signal()
    """The camera opened, started or stopped recording, or its health changed."""
    _health_from_thread = Signal(object)
    _recording_from_thread = Signal(object)

    def __init__(
        self,
        parent: QObject,
        client: HallClient | None,
        jobs: Jobs,
        factory: CameraFactory,
        parts: Parts,
        report: Report,
        courier: Courier | None,
    ) -> None:
        super().__init__(parent)
        self._client, self._jobs, self._factory = client, jobs, factory
        self._parts, self._report, self._courier = parts, report, courier
        self.session: CameraSession | None = None
        self.health = CameraHealth.OK
        self._starting = False
        self._health_from_thread.connect(self._on_health)
        self._recording_from_thread.connect(self._on_recording)

    def start(self, attempt_id: str | None = None) -> None:
        """Recording starts at admission (the candidate appears at the seat)."""
        parts = self._parts
        target = attempt_id or (a.attempt_id if (a := parts.next_attempt()) else None)
        if self.session is not None:
            if target:
                self.session.record(target)
            return
        if self._client is None or self._starting:
            return
        self._starting = True
        client, factory = self._client, self._factory

        def opened(camera: CameraSession | None) -> None:
            self._starting = False
            self.session = camera
            if camera is None:
                return
            # An attempt opened meanwhile wins over the one the camera was asked for.
            recording = parts.sitting.attempt_id if parts.sitting else target
            if recording:
                camera.record(recording)
            self.changed.emit()

        def failed(error: BaseException) -> None:
            self._starting = False
            log.error("camera could not start: %s", error)
            self._report("camera", "camera_unavailable", str(error)[:500])

        self._jobs.run(lambda: factory(client), opened, failed)

    def record(self, attempt_id: str | None) -> None:
        """The camera records this attempt from now on; None stops the recording."""
        camera = self.session
        if camera is None:
            return
        if attempt_id is None:
            camera.stop_recording()
        else:
            camera.record(attempt_id)
        self.changed.emit()

    def close(self) -> None:
        if self.session:
            self.session.close()

    # ----- from the capture thread ------------------------------------------------------------

    def on_health(self, health: CameraHealth) -> None:
        """From the capture thread."""
        self._health_from_thread.emit(health)

    def _on_health(self, health: CameraHealth) -> None:
        self.health = health
        if health is not CameraHealth.OK:
            self._report("camera", f"camera_{health.value}", "reported by the kiosk's capture")
        self.changed.emit()

    def on_recording(self, attempt_id: str, error: str | None) -> None:
        """From the capture thread: a segment was lost (error), or segments seal again (None)."""
        self._recording_from_thread.emit(error)

    def _on_recording(self, error: str | None) -> None:
        if error is not None:
            self._report("camera", "recording_failed", error)
        else:
            self._report("camera", "recording_resumed", "segments are sealed again")
        self.changed.emit()

    def on_face_flag(self, attempt_id: str, flag: FaceFlag) -> None:
        """From the face thread: queued for the room server like any incident."""
        camera = self.session
        if self._courier and camera and camera.started_at:
            report = face_incident(flag, camera.started_at, camera.started_mono)
            self._courier.incident(report, attempt_id)
