"""`kiosk` as a command: bad settings in one line, a clean stop on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.hall import wait_until

ROOT = Path(__file__).resolve().parents[2]


def kiosk(tmp_path: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk.cli", *args],
        cwd=ROOT,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "KIOSK_KIOSK_DATA_DIR": str(tmp_path / "kiosk"),
            "KIOSK_CAMERA_SOURCE": "synthetic",
            **env,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_bad_settings_are_one_line_and_nothing_starts(tmp_path: Path) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_text('[camera]\nfps = "fast"\n')
    for args, env, problem in (
        (["--config", str(bad)], {}, "camera.fps"),
        ([], {"KIOSK_CAMERA_SOURCE": "webcam"}, "camera.source"),
        (["--config", str(tmp_path / "missing.toml")], {}, "configuration file not found"),
        ([], {"KIOSK_LOCKDOWN_SCAN_SECONDS": "-1"}, "lockdown.scan_seconds"),
    ):
        done = kiosk(tmp_path, *args, **env)
        try:
            _out, err = done.communicate(timeout=60)
        finally:
            done.kill()
            done.communicate()
        assert done.returncode == 2 and err.count("\n") == 1 and problem in err, err
    assert not (tmp_path / "kiosk").exists()


def test_sigterm_is_a_clean_stop(tmp_path: Path) -> None:
    running = kiosk(tmp_path)
    marker = tmp_path / "kiosk" / "running.json"
    wait_until(marker.exists, timeout=60, what="the kiosk to start")
    running.send_signal(signal.SIGTERM)
    try:
        running.communicate(timeout=60)
    finally:
        running.kill()
        running.communicate()
    assert running.returncode == 0
    assert not marker.exists()  # a clean exit: the next start is not locked
