"""Camera sources (a webcam, a video file, a synthetic pattern) and the capture thread.

The capture thread stamps every frame with the monotonic clock, notices a lost camera (no frames)
and a frozen one (the same picture for too long), and hands frames to its consumers.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

log = logging.getLogger(__name__)
Image = Any
"""A BGR image as OpenCV hands it over (a numpy array of shape (height, width, 3))."""


@dataclass(frozen=True)
class Frame:
    index: int
    captured_at: float
    """Monotonic seconds at capture."""
    image: Image


class CameraSource(Protocol):
    fps: float

    def read(self) -> Image | None:
        """The next picture, or None when the camera gave nothing."""
        ...

    def close(self) -> None: ...


class DeviceCamera:
    """A webcam by device index (/dev/videoN)."""

    def __init__(self, index: int, width: int = 640, height: int = 480, fps: float = 15) -> None:
        self._cap = cv2.VideoCapture(index)
        self._cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        self._cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        self._cap.set(cv2.CAP_PROP_FPS, fps)
        self.fps = fps

    def read(self) -> Image | None:
        ok, image = self._cap.read()
        return image if ok else None

    def close(self) -> None:
        self._cap.release()


class VideoFileCamera:
    """A video file played as a camera at its own frame rate, looping if asked (demo, tests)."""

    def __init__(self, path: Path, *, loop: bool = True, paced: bool = True) -> None:
        self._path, self._loop, self._paced = path, loop, paced
        self._cap = cv2.VideoCapture(str(path))
        if not self._cap.isOpened():
            raise ValueError(f"{path}: not a readable video file")
        self.fps = float(self._cap.get(cv2.CAP_PROP_FPS) or 15.0)
        self._next = time.monotonic()

    def read(self) -> Image | None:
        if self._paced:
            self._next += 1.0 / self.fps
            delay = self._next - time.monotonic()
            if delay > 0:
                time.sleep(delay)  # a camera delivers frames at its own pace
        ok, image = self._cap.read()
        if not ok and self._loop:
            self._cap.release()
            self._cap = cv2.VideoCapture(str(self._path))
            ok, image = self._cap.read()
        return image if ok else None

    def close(self) -> None:
        self._cap.release()


class SyntheticCamera:
    """A moving test pattern with the frame number on it: no hardware needed."""

    def __init__(self, width: int = 640, height: int = 480, fps: float = 15) -> None:
        self.width, self.height, self.fps = width, height, fps
        self._n = 0

    def read(self) -> Image | None:
        self._n += 1
        image = np.zeros((self.height, self.width, 3), np.uint8)
        x = (self._n * 7) % self.width
        cv2.rectangle(image, (x, 100), (x + 80, 200), (0, 200, 255), -1)
        cv2.putText(
            image, str(self._n), (20, 60), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (255, 255, 255), 2
        )
        return image

    def close(self) -> None:
        return None


class CameraHealth(StrEnum):
    OK = "ok"
    LOST = "lost"
    FROZEN = "frozen"


class Capture:
    """Owns the source on its own thread; every consumer gets each stamped frame."""

    def __init__(
        self,
        source: CameraSource,
        *,
        lost_after: float = 3.0,
        frozen_after: float = 10.0,
        on_health: Callable[[CameraHealth], None] = lambda _h: None,
    ) -> None:
        self._source = source
        self._consumers: list[Callable[[Frame], None]] = []
        self._lost_after, self._frozen_after = lost_after, frozen_after
        self._on_health = on_health
        self.health = CameraHealth.OK
        self.frames = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="camera", daemon=True)

    def subscribe(self, consumer: Callable[[Frame], None]) -> None:
        self._consumers.append(consumer)

    def start(self) -> Capture:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self._source.close()

    def _set_health(self, health: CameraHealth) -> None:
        if health is not self.health:
            log.warning("camera %s", health.value)
            self.health = health
            self._on_health(health)

    def _run(self) -> None:
        last_frame = time.monotonic()
        last_digest, same_since = b"", time.monotonic()
        while not self._stop.is_set():
            try:
                image = self._source.read()
            except Exception:
                log.exception("camera read failed")
                image = None
            now = time.monotonic()
            if image is None:
                if now - last_frame >= self._lost_after:
                    self._set_health(CameraHealth.LOST)
                self._stop.wait(0.05)
                continue
            last_frame = now
            digest = hashlib.blake2b(image[::8, ::8].tobytes(), digest_size=16).digest()
            if digest != last_digest:
                last_digest, same_since = digest, now
            frozen = now - same_since >= self._frozen_after
            self._set_health(CameraHealth.FROZEN if frozen else CameraHealth.OK)
            frame = Frame(self.frames, now, image)
            self.frames += 1
            for consumer in self._consumers:
                try:
                    consumer(frame)
                except Exception:
                    # One consumer's trouble (a segment that will not seal) never stops the
                    # capture, the other consumers or the lost-camera check.
                    log.exception("a consumer of camera frames failed")
