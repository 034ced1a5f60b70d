"""Camera sources, the sealed segment recorder and face analysis, on real video and photographs."""

from __future__ import annotations

import hashlib
import itertools
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np
import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from skimage import data

from hardware.camera import CameraHealth, Capture, Frame, SyntheticCamera, VideoFileCamera
from hardware.faces import FaceFlag, FaceMonitor, HaarFaceDetector
from hardware.recording.recorder import JOURNAL, SegmentRecorder, read_journal
from hardware.recording.seal import CHUNK, SegmentDamaged, open_segment, seal_segment
from tests.hall import wait_until
from tests.hardware.video import astronaut, decoded_frames, frames, write_video

HALL = X25519PrivateKey.generate()


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_video(tmp_path_factory.mktemp("video") / "candidate.mkv", seconds=3)


def opened_video(segment_path: Path, tmp: Path) -> int:
    plain = tmp / (segment_path.stem + ".mkv")
    plain.write_bytes(open_segment(segment_path.read_bytes(), HALL))
    return decoded_frames(plain)


def test_recorder_writes_sealed_segments_that_decode(tmp_path: Path) -> None:
    recorder = SegmentRecorder(tmp_path / "rec", HALL.public_key(), segment_seconds=1.0)
    for frame in frames(astronaut(640), 38):  # 2.5 s at 15 fps
        recorder(frame)
    recorder.stop()
    segments = read_journal(tmp_path / "rec")
    assert [s.seq for s in segments] == [1, 2, 3]
    assert [s.frames for s in segments] == [15, 15, 8]
    for s in segments:
        sealed = (tmp_path / "rec" / s.file).read_bytes()
        assert hashlib.sha256(sealed).hexdigest() == s.sha256 and len(sealed) == s.bytes
        assert opened_video(tmp_path / "rec" / s.file, tmp_path) == s.frames


def test_two_recorders_on_one_machine_keep_every_segment(tmp_path: Path) -> None:
    """A second kiosk starting beside a recording one must not take its scratch file; a scratch
    file of a process that is gone is still cleaned up."""
    from hardware.recording.recorder import SCRATCH_PREFIX, _scratch_dir

    scratch = Path(_scratch_dir() or tempfile.gettempdir())
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    left = scratch / f"{SCRATCH_PREFIX}{gone.stdout.strip()}-deadbeef-x.mkv"
    left.write_bytes(b"plaintext of a crashed recorder")
    first = SegmentRecorder(tmp_path / "one", HALL.public_key(), segment_seconds=1.0)
    assert not left.exists()
    shots = list(frames(astronaut(640), 38))
    for frame in shots[:20]:  # the first is mid-segment when the second starts
        first(frame)
    # The second records segments of another length, so their boundaries fall elsewhere.
    second = SegmentRecorder(tmp_path / "two", HALL.public_key(), segment_seconds=0.5)
    for frame in shots[20:]:
        first(frame)
        second(frame)
    first.stop()
    second.stop()
    assert [s.frames for s in read_journal(tmp_path / "one")] == [15, 15, 8]
    assert [s.frames for s in read_journal(tmp_path / "two")] == [8, 8, 2]
    for folder in ("one", "two"):
        for s in read_journal(tmp_path / folder):
            assert opened_video(tmp_path / folder / s.file, tmp_path) == s.frames


def test_a_lost_segment_is_said_and_the_next_one_is_recorded(tmp_path: Path) -> None:
    """The scratch file taken from under a recorder (as a second kiosk once did) loses that
    segment only: the recorder says so, and the next segment is recorded and sealed."""
    from hardware.recording.recorder import RecordingFailed

    recorder = SegmentRecorder(tmp_path / "rec", HALL.public_key(), segment_seconds=1.0)
    shots = frames(astronaut(640), 60)
    for frame in shots[:20]:
        recorder(frame)
    assert recorder.healthy
    scratch = recorder._scratch
    assert scratch is not None
    scratch.unlink()  # what the old start-up clean-up of another recorder did
    failures = 0
    for frame in shots[20:]:
        try:
            recorder(frame)
        except RecordingFailed as exc:
            failures += 1
            assert "recording segment 2 lost" in str(exc)
            assert not recorder.healthy
    recorder.stop()
    assert failures == 1 and recorder.healthy
    segments = read_journal(tmp_path / "rec")
    # 0-14 sealed; 15-29 lost with their file; frame 30 found the loss; 31-45 and 46-59 sealed.
    assert [s.seq for s in segments] == [1, 2, 3]
    assert [s.frames for s in segments] == [15, 15, 14]
    for s in segments:
        assert opened_video(tmp_path / "rec" / s.file, tmp_path) == s.frames


def test_a_failing_consumer_never_stops_the_capture() -> None:
    camera, seen = StillCamera(), list[Frame]()

    def broken(_frame: Frame) -> None:
        raise RuntimeError("a segment that will not seal")

    capture = Capture(camera, lost_after=0.2, frozen_after=60)
    capture.subscribe(broken)
    capture.subscribe(seen.append)
    capture.start()
    try:
        wait_until(lambda: len(seen) >= 10, what="frames past the failing consumer")
        camera.unplugged = True
        wait_until(lambda: capture.health is CameraHealth.LOST, what="the lost camera noticed")
    finally:
        capture.stop()


def test_the_kiosk_cannot_open_what_it_recorded(tmp_path: Path) -> None:
    sealed = seal_segment(b"video bytes" * 1000, HALL.public_key())
    with pytest.raises(SegmentDamaged):
        open_segment(sealed, X25519PrivateKey.generate())


@pytest.mark.parametrize("where", [0, 10, 60, -1, -17])
def test_one_flipped_byte_is_detected(where: int) -> None:
    sealed = bytearray(seal_segment(bytes(3 * CHUNK + 100), HALL.public_key()))
    sealed[where] ^= 0x40
    with pytest.raises(SegmentDamaged):
        open_segment(bytes(sealed), HALL)


def test_a_segment_cut_at_a_chunk_boundary_is_detected() -> None:
    sealed = seal_segment(bytes(2 * CHUNK + 5), HALL.public_key())
    first_chunk_end = 47 + 4 + CHUNK + 16
    with pytest.raises(SegmentDamaged):
        open_segment(sealed[:first_chunk_end], HALL)


RECORD = """
import sys
import tempfile
from pathlib import Path
from cryptography.hazmat.primitives import serialization
from hardware.camera import Capture, VideoFileCamera
from hardware.recording.recorder import SegmentRecorder
hall = serialization.load_pem_public_key(Path(sys.argv[2]).read_bytes())
recorder = SegmentRecorder(Path(sys.argv[3]), hall, segment_seconds=0.5)
capture = Capture(VideoFileCamera(Path(sys.argv[1]))).start()
capture.subscribe(recorder)
capture._thread.join()
"""


def test_kill_minus_nine_mid_segment_keeps_every_earlier_segment(
    clip: Path, tmp_path: Path
) -> None:
    from question_banks.keys import public_pem

    pub = tmp_path / "hall-box.pub"
    pub.write_bytes(public_pem(HALL.public_key()))
    out = tmp_path / "rec"
    proc = subprocess.Popen([sys.executable, "-c", RECORD, str(clip), str(pub), str(out)])
    try:
        wait_until(lambda: len(read_journal(out)) >= 3, timeout=60, what="three segments")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    segments = read_journal(out)
    assert len(segments) >= 3
    for s in segments:
        assert opened_video(out / s.file, tmp_path) == s.frames > 0
    leftovers = [
        p.name for p in out.iterdir() if p.name not in {JOURNAL, *(s.file for s in segments)}
    ]
    assert all(name.startswith(".") for name in leftovers)  # at most one unfinished temp file
    resumed = SegmentRecorder(out, HALL.public_key(), segment_seconds=0.1)
    for frame in frames(astronaut(640), 3):
        resumed(frame)
    assert resumed.stop() is not None
    assert [s.seq for s in read_journal(out)][len(segments) :] == [
        segments[-1].seq + 1,
        segments[-1].seq + 2,
    ]  # numbering goes on after the crash


def test_video_file_camera_and_capture_stamp_every_frame(clip: Path) -> None:
    seen: list[Frame] = []
    capture = Capture(VideoFileCamera(clip, loop=False, paced=False))
    capture.subscribe(seen.append)
    capture.start()
    wait_until(lambda: len(seen) == 45, what="all 45 frames of the clip")
    capture.stop()
    assert [f.index for f in seen] == list(range(45))
    assert all(b.captured_at >= a.captured_at for a, b in itertools.pairwise(seen))
    assert seen[0].image.shape == (480, 640, 3)


class StillCamera:
    """The same picture for ever, then nothing at all: a frozen, then a lost, camera."""

    fps = 15.0

    def __init__(self) -> None:
        self.image = astronaut(640)
        self.unplugged = False

    def read(self) -> np.ndarray | None:
        return None if self.unplugged else self.image

    def close(self) -> None:
        return None


def test_frozen_and_lost_cameras_are_noticed() -> None:
    camera, health = StillCamera(), list[CameraHealth]()
    capture = Capture(camera, lost_after=0.2, frozen_after=0.3, on_health=health.append).start()
    try:
        wait_until(lambda: capture.health is CameraHealth.FROZEN, what="a frozen picture")
        camera.unplugged = True
        wait_until(lambda: capture.health is CameraHealth.LOST, what="a lost camera")
    finally:
        capture.stop()
    assert health == [CameraHealth.FROZEN, CameraHealth.LOST]


def test_synthetic_camera_moves() -> None:
    camera = SyntheticCamera()
    first, second = camera.read(), camera.read()
    assert first is not None and second is not None and not np.array_equal(first, second)


def photo(name: str) -> np.ndarray:
    return cv2.cvtColor(getattr(data, name)(), cv2.COLOR_RGB2BGR)


def test_faces_counted_on_real_photographs() -> None:
    detector = HaarFaceDetector()
    one = photo("astronaut")
    assert detector.count(one) == 1
    assert detector.count(np.hstack([one, one])) == 2
    assert detector.count(photo("coffee")) == 0


def test_monitor_smooths_and_flags_with_a_thumbnail() -> None:
    flags: list[FaceFlag] = []
    monitor = FaceMonitor(HaarFaceDetector(), flags.append, window=3)
    one, nobody = photo("astronaut"), photo("coffee")
    two = np.hstack([one, one])
    pictures = [one, one, nobody, one, one, nobody, nobody, nobody, two, two, two]
    for n, image in enumerate(pictures):
        monitor.observe(Frame(n, n * 0.5, image))
    # The lone "nobody" at 1.0 s is smoothed away; the lasting ones are flagged.
    assert [(f.faces, f.at) for f in flags] == [(0, 3.0), (2, 4.5)]
    thumb = cv2.imdecode(np.frombuffer(flags[0].thumbnail_jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert thumb is not None and thumb.shape[1] == 120


def test_monitor_samples_about_twice_a_second_off_the_capture_thread() -> None:
    monitor = FaceMonitor(HaarFaceDetector(), lambda _f: None).start()
    try:
        for frame in frames(astronaut(640), 45):  # 3 s of frames, delivered at once
            monitor(frame)
        wait_until(lambda: monitor.samples >= 1, what="a sample")
    finally:
        monitor.stop()
    assert 1 <= monitor.samples <= 6
