"""The camera seam: where kiosk frames come from (a webcam, a video file, a synthetic pattern)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Frame:
    captured_at: float
    """Monotonic seconds at capture."""
    image: Any
    """A BGR image as OpenCV returns it (numpy array)."""


class CameraSource(Protocol):
    def read(self) -> Frame | None:
        """The next frame, or None when the camera is lost."""
        ...

    def close(self) -> None: ...
