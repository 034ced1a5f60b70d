"""Recording at the kiosk: 640x480 at 15 fps from a video file, with face analysis on.

Prints, for the same duration: capture alone, then capture + sealed segment recording + face
analysis at 2 Hz: CPU as a share of one core, frames dropped (delivered against due), and the
recording's size per hour. Then the detector `line` parser's throughput.

    .venv/bin/python bench/recording.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from hardware.camera import Capture, VideoFileCamera
from hardware.detector.line import LineProtocol, frame
from hardware.faces import FaceMonitor, HaarFaceDetector
from hardware.recording.recorder import SegmentRecorder, read_journal
from tests.hardware.video import write_video

FPS = 15


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(clip: Path, seconds: float, work: Path | None) -> dict[str, float]:
    capture = Capture(VideoFileCamera(clip, loop=True, paced=True))
    recorder = monitor = None
    if work is not None:
        recorder = SegmentRecorder(
            work, X25519PrivateKey.generate().public_key(), segment_seconds=10.0, fps=FPS
        )
        monitor = FaceMonitor(HaarFaceDetector(), lambda _flag: None).start()
        capture.subscribe(recorder)
        capture.subscribe(monitor)
    cpu0, wall0 = cpu_seconds(), time.monotonic()
    capture.start()
    time.sleep(seconds)  # the benchmark's measured interval
    capture.stop()
    wall, cpu = time.monotonic() - wall0, cpu_seconds() - cpu0
    result = {
        "cpu_pct": 100 * cpu / wall,
        "delivered": capture.frames,
        "dropped": max(0, round(wall * FPS) - capture.frames),
        "wall": wall,
    }
    if recorder is not None and monitor is not None and work is not None:
        recorder.stop()
        monitor.stop()
        size = sum(s.bytes for s in read_journal(work))
        result |= {
            "mb_per_hour": size / 1e6 * 3600 / wall,
            "segments": len(read_journal(work)),
            "face_samples": monitor.samples,
        }
    return result


def parser_throughput(frames: int = 200_000) -> float:
    kinds = ["PASS", "ALARM", "STATUS"]
    stream = b"".join(
        frame(
            n % 65535 + 1,
            kinds[n % 3],
            {"zones": "2,3", "level": "72"} if n % 3 == 1 else None,
            with_checksum=n % 2 == 0,
        )
        for n in range(frames)
    )
    parser = LineProtocol("bench")
    started = time.perf_counter()
    parsed = 0
    for at in range(0, len(stream), 4096):
        parsed += len(parser.feed(stream[at : at + 4096]))
    assert parsed >= frames
    return frames / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-rec-") as tmp:
        clip = write_video(Path(tmp) / "candidate.mkv", seconds=20, fps=FPS)
        bare = run(clip, args.seconds, None)
        full = run(clip, args.seconds, Path(tmp) / "rec")
    print(f"640x480 at {FPS} fps from a video file, {args.seconds:g} s each:")
    print(
        f"  capture only:                       {bare['cpu_pct']:.1f} % of one core, "
        f"{bare['delivered']:.0f} frames, {bare['dropped']:.0f} dropped"
    )
    print(
        f"  capture + recording + faces at 2 Hz: {full['cpu_pct']:.1f} % of one core, "
        f"{full['delivered']:.0f} frames, {full['dropped']:.0f} dropped, "
        f"{full['face_samples']:.0f} face samples"
    )
    print(
        f"  recording: {full['mb_per_hour']:.0f} MB per hour ({full['segments']:.0f} sealed "
        "segments of 10 s)"
    )
    print(f"detector line parser: {parser_throughput():,.0f} frames/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
