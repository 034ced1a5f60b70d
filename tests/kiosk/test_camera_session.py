"""The seat's camera session: a lost recording segment is said at once and recording goes on."""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from hardware.camera import SyntheticCamera
from hardware.recording.recorder import SCRATCH_PREFIX, _scratch_dir, read_journal
from kiosk.camera_session import CameraSession
from kiosk.hall_client import HallClient
from tests.hall import wait_until
from tests.tcp_gate import HeldPort


def test_a_lost_segment_is_reported_and_the_mark_follows_the_sealing(
    tmp_path: Path, held_port: HeldPort
) -> None:
    said: list[tuple[str, str | None]] = []
    lock = threading.Lock()

    def on_recording(attempt: str, error: str | None) -> None:
        with lock:
            said.append((attempt, error))

    # No room server: uploads wait on disk, as during a LAN outage.
    client = HallClient(held_port.url, "token", timeout=1)
    session = CameraSession(
        SyntheticCamera(320, 240),
        tmp_path / "recordings",
        X25519PrivateKey.generate().public_key(),
        client,
        on_recording=on_recording,
        segment_seconds=0.5,
        upload_seconds=600,
        size=(320, 240),
    ).start()
    folder = tmp_path / "recordings" / "attempt-1"
    try:
        session.record("attempt-1")
        wait_until(lambda: len(read_journal(folder)) >= 1, what="a first sealed segment")
        assert session.recording_ok
        # Another process takes this recorder's scratch file from under it.
        scratch = Path(_scratch_dir() or tempfile.gettempdir())
        mine = f"{SCRATCH_PREFIX}{os.getpid()}-"
        wait_until(lambda: any(scratch.glob(f"{mine}*")), what="a segment in progress")
        for path in scratch.glob(f"{mine}*"):
            path.unlink(missing_ok=True)
        wait_until(lambda: bool(said), what="the lost segment said")
        assert said[0][0] == "attempt-1" and "lost" in (said[0][1] or "")
        sealed = len(read_journal(folder))
        wait_until(lambda: len(said) >= 2, what="recording said to be back")
        assert said[1] == ("attempt-1", None) and session.recording_ok
        wait_until(lambda: len(read_journal(folder)) > sealed, what="segments sealed again")
    finally:
        session.close()
        client.close()
    assert not session.recording_ok  # not recording at all: no red mark
