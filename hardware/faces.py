"""Face analysis for the proctor: how many faces the camera sees, smoothed, about twice a second.

A change to no face or to two or more faces raises a flag carrying the recording time and a small
thumbnail. Detection runs on its own thread on the newest frame, so capture never waits for it.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import cv2

from hardware.camera import Frame, Image


class FaceDetector(Protocol):
    def count(self, image: Image) -> int: ...


class HaarFaceDetector:
    """OpenCV's frontal-face Haar cascade (shipped with opencv-python-headless below 5)."""

    def __init__(self, width: int = 480) -> None:
        path = cv2.data.haarcascades + "haarcascade_frontalface_default.xml"  # type: ignore[attr-defined]
        self._cascade = cv2.CascadeClassifier(path)
        if self._cascade.empty():
            raise RuntimeError(f"face model not found at {path}")
        self._width = width

    def count(self, image: Image) -> int:
        scale = self._width / image.shape[1]
        small = cv2.resize(image, (self._width, int(image.shape[0] * scale)))
        # No histogram equalisation: on real photographs it turns shadows into extra "faces".
        gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
        faces = self._cascade.detectMultiScale(
            gray, scaleFactor=1.1, minNeighbors=6, minSize=(24, 24)
        )
        return len(faces)


@dataclass(frozen=True)
class FaceFlag:
    faces: int
    """0, 1 or 2 (meaning two or more)."""
    at: float
    """Recording time: the frame's monotonic capture time."""
    thumbnail_jpeg: bytes


class FaceMonitor:
    def __init__(
        self,
        detector: FaceDetector,
        on_flag: Callable[[FaceFlag], None],
        *,
        rate_hz: float = 2.0,
        window: int = 5,
        thumb_width: int = 120,
    ) -> None:
        self._detector, self._on_flag = detector, on_flag
        self._period, self._thumb_width = 1.0 / rate_hz, thumb_width
        self._recent: deque[int] = deque(maxlen=window)
        self.state = 1
        self.samples = 0
        self._due = 0.0
        self._latest: Frame | None = None
        self._wake = threading.Condition()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="faces", daemon=True)

    def start(self) -> FaceMonitor:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()
        self._thread.join(timeout=10)

    def __call__(self, frame: Frame) -> None:
        """From the capture thread: keeps the newest due frame, never blocks."""
        if frame.captured_at < self._due:
            return
        self._due = frame.captured_at + self._period
        with self._wake:
            self._latest = frame
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._latest is None and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                frame, self._latest = self._latest, None
            assert frame is not None
            self.observe(frame)

    def observe(self, frame: Frame) -> FaceFlag | None:
        """One sample: detect, smooth over the window, flag a change away from one face."""
        self.samples += 1
        self._recent.append(min(self._detector.count(frame.image), 2))
        smoothed, _n = Counter(self._recent).most_common(1)[0]
        if smoothed == self.state:
            return None
        self.state = smoothed
        if smoothed == 1:
            return None
        height = int(frame.image.shape[0] * self._thumb_width / frame.image.shape[1])
        ok, jpeg = cv2.imencode(".jpg", cv2.resize(frame.image, (self._thumb_width, height)))
        flag = FaceFlag(smoothed, frame.captured_at, bytes(jpeg) if ok else b"")
        self._on_flag(flag)
        return flag
