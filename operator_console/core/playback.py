"""The review player's engine, without Qt: an attempt's recording as one reel on the sitting's
clock, decoded with OpenCV on a worker thread.

Segments come from the room server decrypted for this proctor (each opening is audited there) and
stay in memory: OpenCV reads them from a `BytesIO`, so no clear video ever touches a disk. A time
on the sitting's clock maps to a segment and a frame; a time with no segment is a gap, and
playback steps over it to the next recorded moment.
"""

from __future__ import annotations

import io
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import cv2
import numpy as np

from operator_console.protocol.console_api.review import TimelineSegment

log = logging.getLogger(__name__)

SPEEDS = (1.0, 2.0, 4.0, 8.0)
KEPT_SEGMENTS = 6
"""Decrypted segments kept in memory (one minute each by default): the ones around the playhead."""


FRAME_RATE = 15.0
"""The kiosk's recording rate: playback shows a frame per recorded frame at 1x."""
GRAB_AHEAD = 30
"""Frames worth decoding through rather than seeking over."""


class Unavailable(Exception):
    """The segment cannot be shown (purged, never uploaded whole, or not decodable)."""


@dataclass(frozen=True)
class Shown:
    """A decoded frame and where it sits on the sitting's clock."""

    image: np.ndarray
    at: datetime
    seq: int
    index: int


class _Open:
    """One decoded segment: its capture, and the index of the next frame it will give."""

    def __init__(self, segment: TimelineSegment, data: bytes) -> None:
        self.segment = segment
        # OpenCV reads a Python stream (BytesIO) since 4.10; its stubs know only IStreamReader.
        # The capture does not own the stream: it is kept here for as long as the capture lives.
        self.stream = io.BytesIO(data)
        self.capture = cv2.VideoCapture(self.stream, cv2.CAP_FFMPEG, [])  # type: ignore[call-overload]
        if not self.capture.isOpened():
            raise Unavailable(f"segment {segment.seq} does not decode")
        # The recorder's own count: the container's estimate can be a frame short.
        counted = segment.frames or int(self.capture.get(cv2.CAP_PROP_FRAME_COUNT))
        self.frames = max(1, counted)
        span = (segment.ends_at - segment.starts_at).total_seconds()
        self.fps = self.frames / span if span > 0 else 15.0
        self.next = 0

    def at(self, index: int) -> datetime:
        return self.segment.starts_at + timedelta(seconds=index / self.fps)

    def read(self, index: int) -> np.ndarray | None:
        if self.next < index <= self.next + GRAB_AHEAD:
            # A little ahead (playing at 2x-8x): decode through, as a player does; a seek would
            # go back to the key frame and decode the same frames anyway.
            while self.next < index:
                self.capture.grab()
                self.next += 1
        elif index != self.next:
            self.capture.set(cv2.CAP_PROP_POS_FRAMES, index)
        ok, image = self.capture.read()
        self.next = index + 1
        return image if ok else None

    def close(self) -> None:
        self.capture.release()


class Reel:
    """The attempt's segments on one clock; frames found by time. Not thread-safe: one user."""

    def __init__(
        self, segments: list[TimelineSegment], fetch: Callable[[int], bytes], keep: int = 6
    ) -> None:
        self.segments = sorted(
            (s for s in segments if s.available), key=lambda s: (s.starts_at, s.seq)
        )
        self._fetch = fetch
        self._keep = keep
        self._open: OrderedDict[int, _Open] = OrderedDict()

    def segment_at(self, t: datetime) -> TimelineSegment | None:
        for s in self.segments:
            if s.starts_at <= t < s.ends_at:
                return s
        return None

    def after(self, t: datetime) -> TimelineSegment | None:
        """The first segment that starts after `t` (where playback resumes after a gap)."""
        return next((s for s in self.segments if s.starts_at > t), None)

    def _opened(self, segment: TimelineSegment) -> _Open:
        opened = self._open.get(segment.seq)
        if opened is None:
            opened = _Open(segment, self._fetch(segment.seq))
            self._open[segment.seq] = opened
            while len(self._open) > self._keep:
                _seq, old = self._open.popitem(last=False)
                old.close()
        self._open.move_to_end(segment.seq)
        return opened

    def frame_at(self, t: datetime) -> Shown | None:
        """The frame on screen at `t`, or None in a gap."""
        segment = self.segment_at(t)
        if segment is None:
            return None
        opened = self._opened(segment)
        offset = (t - segment.starts_at).total_seconds() * opened.fps
        # A frame's own time (kept to the microsecond) is that frame, not the one before it.
        index = min(opened.frames - 1, int(offset + 1e-3))
        image = opened.read(index)
        return None if image is None else Shown(image, opened.at(index), segment.seq, index)

    def step(self, shown: Shown, frames: int) -> Shown | None:
        """The frame `frames` away from `shown` (negative: back), across segments."""
        opened = self._opened(next(s for s in self.segments if s.seq == shown.seq))
        index = shown.index + frames
        if 0 <= index < opened.frames:
            image = opened.read(index)
            return None if image is None else Shown(image, opened.at(index), shown.seq, index)
        if frames > 0:
            nxt = self.after(opened.segment.starts_at)
            return self.frame_at(nxt.starts_at) if nxt else None
        before = [s for s in self.segments if s.ends_at <= opened.segment.starts_at]
        if not before:
            return None
        last = self._opened(before[-1])
        return self.frame_at(last.at(last.frames - 1))

    def close(self) -> None:
        for opened in self._open.values():
            opened.close()
        self._open.clear()


class Playback:
    """Plays a reel in real time times `speed` on its own thread; the frame goes to `show`.

    Stops at the end, and at each of `stops` (the flags' times) it passes, so that a proctor
    sees every flag. Every method may be called from any thread."""

    def __init__(
        self,
        reel: Reel,
        start: datetime,
        end: datetime,
        show: Callable[[Shown | None, datetime], None],
        stopped: Callable[[str], None] = lambda _why: None,
    ) -> None:
        self.reel, self.start, self.end = reel, start, end
        self._show, self._stopped = show, stopped
        self.position = start
        self.speed = 1.0
        self.stops: list[datetime] = []
        self.playing = False
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._seek_to: datetime | None = start
        self._step = 0
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="review-player", daemon=True)
        self._thread.start()

    # ----- commands -------------------------------------------------------------------------------

    def play(self) -> None:
        with self._lock:
            if self.position >= self.end:
                self._seek_to = self.start
            self.playing = True
            self._wake.notify()

    def pause(self) -> None:
        with self._lock:
            self.playing = False
            self._wake.notify()

    def seek(self, t: datetime, *, play: bool | None = None) -> None:
        with self._lock:
            self._seek_to = min(max(t, self.start), self.end)
            if play is not None:
                self.playing = play
            self._wake.notify()

    def step(self, frames: int) -> None:
        with self._lock:
            self.playing = False
            self._step += frames
            self._wake.notify()

    def set_speed(self, speed: float) -> None:
        with self._lock:
            self.speed = speed

    def next_stop(self) -> datetime | None:
        """The first flag after the playhead: the player seeks there and stays."""
        with self._lock:
            later = [s for s in sorted(self.stops) if s > self.position + timedelta(seconds=0.5)]
        if not later:
            return None
        self.seek(later[0], play=False)
        return later[0]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._wake.notify()
        self._thread.join(timeout=10)
        self.reel.close()

    # ----- the worker -----------------------------------------------------------------------------

    def _run(self) -> None:
        shown: Shown | None = None
        anchor: tuple[float, datetime, float] | None = None
        """(wall clock, position, speed) when playing last (re)started: positions are reckoned
        from it, so the time spent decoding is never lost from the pace."""
        while True:
            with self._lock:
                while (
                    not self._closed
                    and not self.playing
                    and self._seek_to is None
                    and self._step == 0
                ):
                    anchor = None
                    self._wake.wait()
                if self._closed:
                    return
                seek, self._seek_to = self._seek_to, None
                step, self._step = self._step, 0
                playing, speed, stops = self.playing, self.speed, sorted(self.stops)
                position = self.position
            try:
                if seek is not None:
                    shown = self.reel.frame_at(seek)
                    self._publish(shown, seek)
                    anchor = None
                    continue
                if step:
                    here = shown or self.reel.frame_at(position)
                    moved = self.reel.step(here, step) if here else None
                    if moved is not None:
                        shown = moved
                        self._publish(shown, shown.at)
                    anchor = None
                    continue
                if not playing:
                    continue
                if anchor is None or anchor[2] != speed:
                    anchor = (time.monotonic(), position, speed)
                shown, anchor = self._advance(position, stops, anchor, shown)
            except Exception as exc:  # a segment that will not open: say so, stop playing
                log.warning("review playback stopped: %s", exc)
                with self._lock:
                    self.playing = False
                self._stopped(f"error: {exc}")

    def _advance(
        self,
        position: datetime,
        stops: list[datetime],
        anchor: tuple[float, datetime, float],
        shown: Shown | None,
    ) -> tuple[Shown | None, tuple[float, datetime, float] | None]:
        wall, origin, speed = anchor
        # The next frame is due one recording frame (at this speed) after the one on screen.
        due = (position - origin).total_seconds() / speed + 1.0 / (FRAME_RATE * speed)
        left = wall + due - time.monotonic()
        if left > 0:
            with self._lock:
                self._wake.wait(timeout=left)
                if self._seek_to is not None or not self.playing or self._closed:
                    return shown, anchor
        target = origin + timedelta(seconds=(time.monotonic() - wall) * speed)
        passed = [s for s in stops if position < s <= target]
        if passed:
            target = passed[0]
        if self.reel.segment_at(target) is None and target < self.end:
            resume = self.reel.after(target)
            target = resume.starts_at if resume else self.end
            anchor = (time.monotonic(), target, speed)  # a gap is stepped over, not waited out
        if target >= self.end:
            self._publish(shown, self.end)
            with self._lock:
                self.playing = False
            self._stopped("end")
            return shown, None
        shown = self.reel.frame_at(target)
        self._publish(shown, target)
        if passed:
            with self._lock:
                self.playing = False
            self._stopped("flag")
            return shown, None
        return shown, anchor

    def _publish(self, shown: Shown | None, at: datetime) -> None:
        with self._lock:
            self.position = at
        self._show(shown, at)
