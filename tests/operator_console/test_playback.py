"""The review player's engine without a window: time to frame, gaps, steps, flags, the end."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest

from operator_console.core.playback import Playback, Reel, Shown
from operator_console.protocol.console_api.review import TimelineSegment

FPS = 15
START = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)


def _segment(tmp_path: Path, seq: int, seconds: int) -> bytes:
    """Frames whose brightness says which segment and frame they are (seq*40 + frame)."""
    path = tmp_path / f"s{seq}.mp4"
    writer = cv2.VideoWriter(
        str(path), cv2.CAP_FFMPEG, cv2.VideoWriter.fourcc(*"mp4v"), FPS, (160, 120)
    )
    for n in range(seconds * FPS):
        frame = np.full((120, 160, 3), 0, np.uint8)
        cv2.putText(frame, f"{seq}-{n}", (5, 70), 0, 1.2, (255, 255, 255), 2)
        writer.write(frame)
    writer.release()
    return path.read_bytes()


@pytest.fixture
def reel(tmp_path: Path) -> Iterator[Reel]:
    """Two 2-second segments with 3 seconds of nothing between them (a camera lost)."""
    data = {1: _segment(tmp_path, 1, 2), 2: _segment(tmp_path, 2, 2)}
    segments = [
        TimelineSegment(seq=1, starts_at=START, ends_at=START + timedelta(seconds=2),
                        frames=2 * FPS, available=True),
        TimelineSegment(seq=2, starts_at=START + timedelta(seconds=5),
                        ends_at=START + timedelta(seconds=7), frames=2 * FPS, available=True),
    ]  # fmt: skip
    fetched: list[int] = []

    def fetch(seq: int) -> bytes:
        fetched.append(seq)
        return data[seq]

    made = Reel(segments, fetch)
    made.fetched = fetched  # type: ignore[attr-defined]
    yield made
    made.close()


def test_a_time_maps_to_its_segment_and_frame_and_a_gap_to_nothing(reel: Reel) -> None:
    shown = reel.frame_at(START + timedelta(seconds=1))
    assert shown is not None and (shown.seq, shown.index) == (1, 15)
    assert shown.image.shape == (120, 160, 3)
    assert reel.frame_at(START + timedelta(seconds=3)) is None  # the gap
    later = reel.frame_at(START + timedelta(seconds=6.5))
    assert later is not None and (later.seq, later.index) == (2, 22)
    assert reel.after(START + timedelta(seconds=3)) == reel.segments[1]
    # A frame step crosses from the last frame of one segment to the first of the next, and back.
    last = reel.frame_at(START + timedelta(seconds=1.99))
    assert last is not None and last.index == 2 * FPS - 1
    nxt = reel.step(last, 1)
    assert nxt is not None and (nxt.seq, nxt.index) == (2, 0)
    back = reel.step(nxt, -1)
    assert back is not None and (back.seq, back.index) == (1, 2 * FPS - 1)
    assert reel.fetched == [1, 2]  # type: ignore[attr-defined]  # each opened once, kept


class Screen:
    """What the console's video view does with the player's frames: keeps the latest."""

    def __init__(self) -> None:
        self.frames: list[tuple[Shown | None, datetime]] = []
        self.stops: list[str] = []
        self.changed = threading.Condition()

    def show(self, shown: Shown | None, at: datetime) -> None:
        with self.changed:
            self.frames.append((shown, at))
            self.changed.notify_all()

    def stopped(self, why: str) -> None:
        with self.changed:
            self.stops.append(why)
            self.changed.notify_all()

    def wait(self, what: str, test: object) -> None:
        with self.changed:
            assert self.changed.wait_for(test, timeout=20), what  # type: ignore[arg-type]


def test_playback_stops_at_a_flag_steps_over_a_gap_and_stops_at_the_end(reel: Reel) -> None:
    screen = Screen()
    end = START + timedelta(seconds=7)
    player = Playback(reel, START, end, screen.show, screen.stopped)
    try:
        screen.wait("the first frame", lambda: screen.frames)
        flag = START + timedelta(seconds=1.5)
        player.stops = [flag]
        player.set_speed(8.0)
        player.play()
        screen.wait("a stop at the flag", lambda: screen.stops)
        assert screen.stops == ["flag"] and player.position == flag and not player.playing
        shown = screen.frames[-1][0]
        assert shown is not None and (shown.seq, shown.index) == (1, 22)
        player.play()
        screen.wait("the end", lambda: len(screen.stops) == 2)
        assert screen.stops[-1] == "end" and player.position == end
        # Playback went from segment 1 to segment 2 without showing the gap's three seconds.
        gap = [at for _s, at in screen.frames if START + timedelta(seconds=2.2) < at
               < START + timedelta(seconds=4.9)]  # fmt: skip
        assert gap == []
        assert {s.seq for s, _at in screen.frames if s is not None} == {1, 2}
        # "Next flag" seeks there and stays; a seek into the gap shows nothing.
        player.stops = [START + timedelta(seconds=6)]
        player.seek(START)
        screen.wait("the seek", lambda: screen.frames[-1][1] == START)
        assert player.next_stop() == START + timedelta(seconds=6)
        screen.wait(
            "the flag's frame", lambda: screen.frames[-1][1] == START + timedelta(seconds=6)
        )
        assert screen.frames[-1][0] is not None and not player.playing
        player.seek(START + timedelta(seconds=3))
        screen.wait("the gap", lambda: screen.frames[-1][1] == START + timedelta(seconds=3))
        assert screen.frames[-1][0] is None
    finally:
        player.close()
