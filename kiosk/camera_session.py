"""The seat's camera from admission to the last answer: preview, recording, faces, upload.

One capture thread feeds everything. Recording goes to one folder per attempt (segments sealed
to the hall's key before they touch the disk); an uploader thread carries finished segments to
the room server; face flags and camera trouble go to the caller (the kiosk queues them as
incidents).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from hardware.camera import (
    CameraHealth,
    CameraSource,
    Capture,
    DeviceCamera,
    Frame,
    SyntheticCamera,
    VideoFileCamera,
)
from hardware.faces import FaceFlag, FaceMonitor, HaarFaceDetector
from hardware.recording.recorder import RecordingFailed, SegmentRecorder
from kiosk.hall_client import HallClient
from kiosk.recording_upload import RecordingUploader
from operator_console.protocol.calls import ServerRefused, ServerUnreachable

log = logging.getLogger(__name__)


def open_source(spec: str, width: int, height: int, fps: float) -> CameraSource:
    """`device:N`, `file:PATH` or `synthetic` (the kiosk.toml `camera.source`)."""
    kind, _, rest = spec.partition(":")
    if kind == "device":
        return DeviceCamera(int(rest), width, height, fps)
    if kind == "file":
        return VideoFileCamera(Path(rest))
    return SyntheticCamera(width, height, fps)


class CameraSession:
    def __init__(
        self,
        source: CameraSource,
        root: Path,
        hall_key: X25519PublicKey,
        client: HallClient,
        *,
        on_health: Callable[[CameraHealth], None] = lambda _h: None,
        on_flag: Callable[[str, FaceFlag], None] = lambda _a, _f: None,
        on_recording: Callable[[str, str | None], None] = lambda _a, _e: None,
        segment_seconds: float = 60.0,
        upload_seconds: float = 10.0,
        size: tuple[int, int] = (640, 480),
    ) -> None:
        self._root, self._key, self._client = root, hall_key, client
        self._on_flag, self._segment_seconds = on_flag, segment_seconds
        self._on_recording = on_recording
        self._upload_seconds, self._size = upload_seconds, size
        self._fps = source.fps
        self._capture = Capture(source, on_health=on_health)
        self._capture.subscribe(self._frame)
        self._faces: FaceMonitor | None = None
        self._recorder: SegmentRecorder | None = None
        self._attempt: str | None = None
        self._finished: list[str] = []
        self._lock = threading.Lock()
        self._latest: Frame | None = None
        self._wake, self._stop = threading.Event(), threading.Event()
        self._uploader = threading.Thread(target=self._upload_loop, name="upload", daemon=True)
        self.started_at: datetime | None = None
        self.started_mono = 0.0

    @property
    def health(self) -> CameraHealth:
        return self._capture.health

    @property
    def recording(self) -> str | None:
        """The attempt being recorded, if any."""
        return self._attempt

    @property
    def recording_ok(self) -> bool:
        """Recording, and its segments are being sealed (not since a segment was lost)."""
        recorder = self._recorder
        return recorder is not None and recorder.healthy

    def latest(self) -> Frame | None:
        return self._latest

    def start(self) -> CameraSession:
        self._capture.start()
        self._uploader.start()
        return self

    def record(self, attempt_id: str) -> None:
        """Recording for this attempt from now on (continuing its folder after a restart)."""
        with self._lock:
            if self._attempt == attempt_id:
                return
            self._close_recording()
            self._recorder = SegmentRecorder(
                self._root / attempt_id,
                self._key,
                segment_seconds=self._segment_seconds,
                fps=self._fps,
                size=self._size,
            )
            self._attempt = attempt_id
            self.started_at, self.started_mono = datetime.now(UTC), time.monotonic()
            self._faces = FaceMonitor(
                HaarFaceDetector(), partial(self._on_flag, attempt_id)
            ).start()

    def stop_recording(self) -> None:
        with self._lock:
            self._close_recording()
        self._wake.set()

    def _close_recording(self) -> None:
        if self._faces is not None:
            self._faces.stop()
            self._faces = None
        if self._recorder is not None and self._attempt is not None:
            try:
                self._recorder.stop()
            except RecordingFailed as exc:
                log.error("%s", exc)
                self._on_recording(self._attempt, str(exc))
            self._finished.append(self._attempt)
        self._recorder, self._attempt = None, None

    def _frame(self, frame: Frame) -> None:
        self._latest = frame
        with self._lock:
            recorder, faces = self._recorder, self._faces
        if recorder is not None:
            was = recorder.healthy
            try:
                recorder(frame)
            except RecordingFailed as exc:
                log.error("%s", exc)
                if was and self._attempt is not None:
                    self._on_recording(self._attempt, str(exc))
            else:
                if not was and recorder.healthy and self._attempt is not None:
                    self._on_recording(self._attempt, None)
        if faces is not None:
            faces(frame)

    def upload_once(self) -> None:
        """Sends every sealed segment the room server lacks, for current and finished attempts."""
        attempts = list(self._finished) + ([self._attempt] if self._attempt else [])
        for attempt_id in attempts:
            RecordingUploader(self._client, self._root / attempt_id, attempt_id).upload_pending()
            if attempt_id in self._finished and attempt_id != self._attempt:
                self._finished.remove(attempt_id)

    def _upload_loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self._upload_seconds)
            self._wake.clear()
            try:
                self.upload_once()
            except ServerUnreachable:
                pass  # the segments wait on disk
            except ServerRefused as exc:
                log.error("room server refused a recording segment: %s", exc)
            except Exception:
                log.exception("recording upload failed")

    def close(self) -> None:
        self.stop_recording()
        self._stop.set()
        self._wake.set()
        self._capture.stop()
        if self._uploader.is_alive():
            self._uploader.join(timeout=30)
