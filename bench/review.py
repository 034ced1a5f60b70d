"""The review player: how long a seek to a flag takes to show its frame, and whether playback at
4x of a 640x480 recording keeps up and on how much CPU — beside plain decoding of the same video.

The recording is made here the way a kiosk makes it (OpenCV, mp4v, 15 fps, one-minute segments)
and played by the console's own engine (`operator_console.core.playback`), from memory.

    .venv/bin/python bench/review.py [--minutes 5] [--seeks 40]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hardware.recording.seal import open_segment, seal_segment
from operator_console.core.playback import Playback, Reel, Shown
from operator_console.protocol.console_api.review import TimelineSegment

FPS = 15
SIZE = (640, 480)


def make_segment(seconds: int, seed: int) -> bytes:
    """A minute of a moving scene, encoded as the kiosk's recorder does, returned as bytes."""
    path = Path("/dev/shm") / f"bench-review-{seed}.mp4"
    writer = cv2.VideoWriter(str(path), cv2.CAP_FFMPEG, cv2.VideoWriter.fourcc(*"mp4v"), FPS, SIZE)
    rng = np.random.default_rng(seed)
    # A room as a webcam sees it: smooth shapes, a person who moves a little, sensor noise.
    room = cv2.GaussianBlur(rng.integers(0, 255, (SIZE[1], SIZE[0], 3), dtype=np.uint8), (0, 0), 25)
    room = cv2.normalize(room, room.copy(), 0, 255, cv2.NORM_MINMAX)
    for n in range(seconds * FPS):
        frame = room.copy()
        x = 260 + int(30 * np.sin(n / 20))
        cv2.ellipse(frame, (x, 200), (60, 80), 0, 0, 360, (150, 170, 210), -1)
        cv2.rectangle(frame, (x - 90, 280), (x + 90, 480), (60, 60, 90), -1)
        noise = rng.integers(-4, 5, frame.shape, dtype=np.int16)
        frame = np.clip(frame.astype(np.int16) + noise, 0, 255).astype(np.uint8)
        writer.write(frame)
    writer.release()
    data = path.read_bytes()
    path.unlink()
    return data


def seeks_through_server(
    sealed: dict[int, bytes],
    hall_key: X25519PrivateKey,
    segments: list[TimelineSegment],
    start: datetime,
    count: int,
) -> list[float]:
    """Cold seeks (no segment kept) with the segments served by a room server over HTTP."""
    from cryptography.hazmat.primitives import serialization

    from operator_console.core.client import ConsoleClient
    from operator_console.server import auth
    from operator_console.server.app import create_app
    from operator_console.server.config import HallConfig
    from operator_console.server.models import (
        Admission,
        Attempt,
        HallSession,
        RecordingSegment,
        Registration,
    )
    from operator_console.server.runtime import HallRuntime
    from operator_console.server.serve import ServerThread
    from operator_console.server.sitting import recordings
    from question_banks.keys import generate_authority_key, generate_hall_keys

    with tempfile.TemporaryDirectory(prefix="bench-review-") as work:
        root = Path(work)
        generate_hall_keys(root / "keys")
        generate_authority_key(root / "keys")
        # The segments were sealed to `hall_key`: it becomes this room server's box key.
        (root / "keys" / "hall-box.key").write_bytes(
            hall_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        (root / "banks").mkdir()
        config = HallConfig.model_validate({
            "server": {"listen": "127.0.0.1:0", "data_dir": str(root / "hall")},
            "upstream": {"url": "http://127.0.0.1:9", "hall_id": "bench-hall"},
            "keys": {"dir": str(root / "keys")}, "banks": {"dir": str(root / "banks")},
        })  # fmt: skip
        rt = HallRuntime(config)
        attempt = str(uuid.uuid4())
        now = rt.clock.now()
        with rt.tx() as db:
            rows = [
                HallSession(id="s", hall_id=rt.hall_id, day=now.date(), starts_at=start,
                            programs=["legislation"], status="started"),
                Registration(id="r", session_id="s", iin="900101300000", full_name="Bench",
                             programs=["legislation"], languages=["kk"], last_attempts=[]),
                Admission(id="a", session_id="s", registration_id="r", status="admitted",
                          decided_at=now, decided_by="bench"),
                Attempt(id=attempt, admission_id="a", registration_id="r", session_id="s",
                        program="legislation", position=0, status="finished"),
            ]  # fmt: skip
            for row in rows:  # one by one: the rows have foreign keys, not relationships
                db.add(row)
                db.flush()
            for s in segments:
                blob = sealed[s.seq]
                path = recordings._final(config.recordings_dir, attempt, s.seq)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(blob)
                db.add(RecordingSegment(
                    attempt_id=attempt, seq=s.seq, sha256=hashlib.sha256(blob).hexdigest(),
                    size=len(blob), received=len(blob), frames=s.frames, starts_at=s.starts_at,
                    ends_at=s.ends_at, completed_at=now,
                ))  # fmt: skip
            auth.create_user(db, username="proctor", password="bench-password", role="proctor",
                             now=now)  # fmt: skip
        took: list[float] = []
        with ServerThread(create_app(rt, run_workers=False)) as server:
            client = ConsoleClient(server.url)
            client.login("proctor", "bench-password")
            rng = random.Random(11)
            for _ in range(count):
                reel = Reel(segments, lambda seq: client.segment(attempt, seq), keep=1)
                at = start + timedelta(seconds=rng.uniform(0, len(segments) * 60 - 1))
                t = time.perf_counter()
                shown = reel.frame_at(at)
                took.append(time.perf_counter() - t)
                assert shown is not None
                reel.close()
            client.close()
        rt.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=5)
    parser.add_argument("--seeks", type=int, default=40)
    parser.add_argument("--play-seconds", type=float, default=10.0, help="wall time played at 4x")
    args = parser.parse_args()

    start = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    data = {seq: make_segment(60, seq) for seq in range(1, args.minutes + 1)}
    segments = [
        TimelineSegment(
            seq=seq,
            starts_at=start + timedelta(minutes=seq - 1),
            ends_at=start + timedelta(minutes=seq),
            frames=60 * FPS,
            available=True,
        )
        for seq in data
    ]
    end = segments[-1].ends_at

    # Plain decoding of the same video: every frame of every segment, one after another.
    t0, c0 = time.perf_counter(), time.process_time()
    frames = 0
    for blob in data.values():
        stream = io.BytesIO(blob)
        capture = cv2.VideoCapture(stream, cv2.CAP_FFMPEG, [])  # type: ignore[call-overload]
        while capture.read()[0]:
            frames += 1
        capture.release()
    plain_wall, plain_cpu = time.perf_counter() - t0, time.process_time() - c0
    plain_fps = frames / plain_wall

    shown = threading.Condition()
    last: list[tuple[Shown | None, datetime]] = []

    def show(frame: Shown | None, at: datetime) -> None:
        with shown:
            last.append((frame, at))
            shown.notify_all()

    def wait_for(count: int) -> None:
        with shown:
            if not shown.wait_for(lambda: len(last) >= count, timeout=30):
                raise SystemExit("the player showed nothing within 30 s")

    # Seeks to flags at random moments: cold (segment not yet opened) and warm. The segments are
    # sealed to the hall's key as the kiosk uploads them, and each fetch opens one as the room
    # server does for a proctor (decryption included; the loopback HTTP hop is not).
    hall = X25519PrivateKey.generate()
    sealed = {seq: seal_segment(blob, hall.public_key()) for seq, blob in data.items()}
    reel = Reel(segments, fetch=lambda seq: open_segment(sealed[seq], hall), keep=2)
    player = Playback(reel, start, end, show)
    wait_for(1)
    rng = random.Random(7)
    seeks: list[float] = []
    cold: list[float] = []
    for _ in range(args.seeks):
        flag = start + timedelta(seconds=rng.uniform(0, args.minutes * 60 - 1))
        opened = set(reel._open)
        before = len(last)
        t = time.perf_counter()
        player.seek(flag, play=False)
        wait_for(before + 1)
        took = time.perf_counter() - t
        shown_frame = last[-1][0]
        assert shown_frame is not None
        (cold if shown_frame.seq not in opened else seeks).append(took)

    # The same seeks through a real room server on loopback: the segment fetched over HTTP by a
    # proctor's client, decrypted by the server (and audited), decoded by the console's engine.
    served = seeks_through_server(sealed, hall, segments, start, args.seeks)

    # Playback at 4x for a while: how far the video advanced, and the CPU it took.
    player.seek(start, play=False)
    wait_for(len(last) + 1)
    player.set_speed(4.0)
    before = len(last)
    t0, c0 = time.perf_counter(), time.process_time()
    player.play()
    with shown:
        shown.wait_for(lambda: False, timeout=args.play_seconds)
    player.pause()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    advanced = (player.position - start).total_seconds()
    painted = len(last) - before
    player.close()

    seeks.sort()
    cold.sort()
    mb = statistics.mean(len(b) for b in sealed.values()) / 1e6
    figures = {
        "seek_to_flag_p50_ms": round(statistics.median(seeks) * 1000, 1) if seeks else None,
        "seek_to_flag_max_ms": round(seeks[-1] * 1000, 1) if seeks else None,
        "cold_seek_p50_ms": round(statistics.median(cold) * 1000, 1) if cold else None,
        "cold_seek_max_ms": round(cold[-1] * 1000, 1) if cold else None,
        "segment_mb": round(mb, 1),
        "server_seek_p50_ms": round(statistics.median(served) * 1000, 1),
        "server_seek_max_ms": round(max(served) * 1000, 1),
        "play_4x_video_seconds_per_second": round(advanced / wall, 2),
        "play_4x_cpu_cores": round(cpu / wall, 2),
        "play_4x_frames_shown_per_second": round(painted / wall, 1),
        "plain_decode_fps": round(plain_fps, 0),
        "plain_decode_cpu_cores": round(plain_cpu / plain_wall, 2),
        "needed_fps_at_4x": FPS * 4,
    }
    print(
        f"seek to a flag in an opened segment: p50 {figures['seek_to_flag_p50_ms']} ms, max "
        f"{figures['seek_to_flag_max_ms']} ms ({len(seeks)} seeks over {args.minutes} min)"
    )
    print(
        f"seek into a segment not yet opened (decrypt {mb:.1f} MB + open + seek): p50 "
        f"{figures['cold_seek_p50_ms']} ms, max {figures['cold_seek_max_ms']} ms ({len(cold)})"
    )
    print(
        f"seek to a flag through a real room server (a new segment each time: HTTP, decrypt, "
        f"open, seek): p50 {figures['server_seek_p50_ms']} ms, max "
        f"{figures['server_seek_max_ms']} ms ({len(served)})"
    )
    print(
        f"play at 4x: {figures['play_4x_video_seconds_per_second']} video s per s (4.0 = keeps "
        f"up), {figures['play_4x_cpu_cores']} cores, "
        f"{figures['play_4x_frames_shown_per_second']} frames shown per s"
    )
    print(
        f"plain decoding of the same video: {figures['plain_decode_fps']:.0f} frames/s on "
        f"{figures['plain_decode_cpu_cores']} cores (4x needs {FPS * 4} frames/s)"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
