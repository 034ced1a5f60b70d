"""The segment recorder: frames in, sealed fixed-length segments out, listed in a journal.

A segment is encoded (MPEG-4 in Matroska) into a temporary file in memory-backed storage, then
sealed to the hall's key, hashed, and written with fsync under its final name; only then is it
added to `segments.jsonl`. A crash loses at most the segment being recorded; every segment
already listed is whole and can be opened by the hall.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import cv2
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from hardware.camera import Frame
from hardware.recording.seal import seal_segment

log = logging.getLogger(__name__)
JOURNAL = "segments.jsonl"
SUFFIX = ".hseg"
CODEC = "mp4v"
SCRATCH_PREFIX = "hall-seg-"


class RecordingFailed(Exception):
    """A segment could not be recorded or sealed; it is dropped and the next one begins."""


@dataclass(frozen=True)
class Segment:
    seq: int
    file: str
    sha256: str
    bytes: int
    frames: int
    starts_at: str
    ends_at: str


def _scratch_dir() -> str | None:
    """Memory-backed scratch space, so plaintext video does not outlive a crash on disk."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    return True


def _remove_stale_scratch() -> None:
    """A recorder killed mid-segment leaves its plaintext scratch file behind: remove it.

    Each scratch file names the process that writes it (`hall-seg-<pid>-...`); only those of
    processes that are gone are removed, so a second kiosk (or a second recorder in the same
    process) starting on the machine never takes the file another is writing.
    """
    for stale in Path(_scratch_dir() or tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*"):
        owner = stale.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if owner.isdigit() and _alive(int(owner)):
            continue
        stale.unlink(missing_ok=True)


def _write_durably(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_journal(folder: Path) -> list[Segment]:
    path = folder / JOURNAL
    if not path.exists():
        return []
    segments = []
    for line in path.read_text("utf-8").splitlines():
        try:
            segments.append(Segment(**json.loads(line)))
        except (json.JSONDecodeError, TypeError):
            break  # a line torn by a crash: everything before it is whole
    return segments


class SegmentRecorder:
    def __init__(
        self,
        folder: Path,
        hall: X25519PublicKey,
        *,
        segment_seconds: float = 60.0,
        fps: float = 15.0,
        size: tuple[int, int] = (640, 480),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.folder, self._hall = folder, hall
        self._clock = clock
        """Wall time, for when each segment starts (the kiosk's clock; a test's clock)."""
        self._seconds, self._fps, self._size = segment_seconds, fps, size
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale_scratch()
        done = read_journal(folder)
        self._seq = done[-1].seq if done else 0
        self._writer: Any = None
        self._scratch: Path | None = None
        self._first_mono = 0.0
        self._started: datetime | None = None
        self._frames = 0
        self._lock = threading.Lock()
        self.healthy = True
        """False from a failed segment until the next one is sealed: what the red mark shows."""

    def __call__(self, frame: Frame) -> None:
        """Adds a frame; raises RecordingFailed when its segment is lost (the next frame starts
        a new one, so one bad segment never ends the recording)."""
        with self._lock:
            try:
                self._add(frame)
            except Exception as exc:
                lost = self._seq + 1
                self._abandon()
                self.healthy = False
                raise RecordingFailed(f"recording segment {lost} lost: {exc}") from exc

    def _add(self, frame: Frame) -> None:
        # A segment holds the frames of [start, start + length): the first frame past the
        # boundary closes it and opens the next.
        if self._writer is not None and frame.captured_at - self._first_mono >= self._seconds:
            self._close()
        if self._writer is None:
            self._open(frame)
        image = frame.image
        if (image.shape[1], image.shape[0]) != self._size:
            image = cv2.resize(image, self._size)
        # Sensor noise is most of what MPEG-4 spends bits on, and this encoder has no
        # bitrate setting: a 3x3 blur cuts the size by about a fifth, faces stay sharp.
        self._writer.write(cv2.GaussianBlur(image, (3, 3), 0))
        self._frames += 1

    def _abandon(self) -> None:
        """Drops the segment in progress: its encoder and its plaintext scratch file."""
        if self._writer is not None:
            try:
                self._writer.release()
            except Exception:
                log.exception("releasing a failed segment's encoder")
        if self._scratch is not None:
            self._scratch.unlink(missing_ok=True)
        self._writer, self._scratch, self._started = None, None, None

    def _open(self, frame: Frame) -> None:
        fd, name = tempfile.mkstemp(
            prefix=f"{SCRATCH_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}-",
            suffix=".mkv",
            dir=_scratch_dir(),
        )
        os.close(fd)
        self._scratch = Path(name)
        self._writer = cv2.VideoWriter(
            name, cv2.CAP_FFMPEG, cv2.VideoWriter.fourcc(*CODEC), self._fps, self._size
        )
        if not self._writer.isOpened():
            raise RecordingFailed(f"cannot encode {CODEC} video into {name}")
        self._first_mono, self._started, self._frames = frame.captured_at, self._clock(), 0

    def _close(self) -> Segment | None:
        if self._writer is None or self._scratch is None or self._started is None:
            return None
        self._writer.release()
        self._writer = None
        plain = self._scratch.read_bytes()
        self._scratch.unlink(missing_ok=True)
        sealed = seal_segment(plain, self._hall)
        seq = self._seq + 1
        name = f"segment-{seq:05d}{SUFFIX}"
        _write_durably(self.folder / name, sealed)
        ends = self._started + timedelta(seconds=self._frames / self._fps)
        segment = Segment(
            seq,
            name,
            hashlib.sha256(sealed).hexdigest(),
            len(sealed),
            self._frames,
            self._started.isoformat(timespec="milliseconds"),
            ends.isoformat(timespec="milliseconds"),
        )
        with open(self.folder / JOURNAL, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(segment)) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self._seq, self._scratch, self._started = seq, None, None
        self.healthy = True
        log.info(
            "recording segment %d sealed (%d bytes, %d frames)",
            segment.seq,
            len(sealed),
            segment.frames,
        )
        return segment

    def stop(self) -> Segment | None:
        """Seals the segment in progress (at the end of an attempt)."""
        with self._lock:
            try:
                return self._close()
            except Exception as exc:
                self._abandon()
                self.healthy = False
                raise RecordingFailed(f"the last recording segment was lost: {exc}") from exc
