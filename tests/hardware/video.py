"""Real video files and photographs for the camera, recorder and face tests."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from skimage import data

from hardware.camera import Frame, Image


def astronaut(width: int | None = None) -> Image:
    image = cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)
    return image if width is None else cv2.resize(image, (width, width * 3 // 4))


def write_video(
    path: Path, seconds: float, fps: int = 15, size: tuple[int, int] = (640, 480)
) -> Path:
    """A person-like clip: a face that shifts a little, with sensor noise."""
    base = cv2.resize(astronaut(), size)
    writer = cv2.VideoWriter(str(path), cv2.CAP_FFMPEG, cv2.VideoWriter.fourcc(*"mp4v"), fps, size)
    rng = np.random.default_rng(1)
    for n in range(int(seconds * fps)):
        image = np.roll(base, int(3 * np.sin(n / 15)), axis=1)
        noise: Image = rng.integers(0, 4, image.shape, dtype=np.uint8)
        writer.write(cv2.add(image, noise))
    writer.release()
    return path


def frames(image: Image, count: int, fps: float = 15, start: float = 0.0) -> list[Frame]:
    return [Frame(n, start + n / fps, image) for n in range(count)]


def decoded_frames(path: Path) -> int:
    capture = cv2.VideoCapture(str(path))
    n = 0
    while capture.read()[0]:
        n += 1
    capture.release()
    return n
