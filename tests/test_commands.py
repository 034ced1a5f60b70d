"""Every command answers --help, and key files are written as contracts §2 says."""

from __future__ import annotations

import io
import stat
import subprocess
import sys
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from hardware.detector.__main__ import main as detector_main
from kiosk.cli import main as kiosk_main
from operator_console.cli import main as console_main
from question_banks.cli import main as qbank_main

Main = Callable[[list[str] | None], int]


@pytest.mark.parametrize(
    "main, argv",
    [
        (console_main, []),
        (console_main, ["serve"]),
        (console_main, ["demo"]),
        (console_main, ["upstream-stub"]),
        (console_main, ["admin"]),
        (console_main, ["admin", "create-user"]),
        (console_main, ["admin", "report"]),
        (console_main, ["admin", "verify-audit"]),
        (kiosk_main, []),
        (kiosk_main, ["enroll"]),
        (qbank_main, []),
        (qbank_main, ["keygen"]),
        (detector_main, []),
        (detector_main, ["read"]),
    ],
)
def test_help_works(main: Main, argv: list[str]) -> None:
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0 and "usage:" in out.getvalue()


def test_keygen_writes_the_four_hall_files_with_private_keys_0600(tmp_path: Path) -> None:
    assert qbank_main(["keygen", "--kind", "hall", "--out", str(tmp_path)]) == 0
    assert qbank_main(["keygen", "--kind", "authority", "--out", str(tmp_path)]) == 0
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    assert modes == {
        "hall-sign.key": 0o600,
        "hall-sign.pub": 0o644,
        "hall-box.key": 0o600,
        "hall-box.pub": 0o644,
        "authority.key": 0o600,
        "authority.pub": 0o644,
    }
    assert (tmp_path / "hall-sign.key").read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert (tmp_path / "hall-box.pub").read_text().startswith("-----BEGIN PUBLIC KEY-----")


def test_keygen_never_overwrites_a_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert qbank_main(["keygen", "--kind", "authority", "--out", str(tmp_path)]) == 0
    before = (tmp_path / "authority.key").read_bytes()
    assert qbank_main(["keygen", "--kind", "authority", "--out", str(tmp_path)]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err
    assert (tmp_path / "authority.key").read_bytes() == before


def test_qbank_runs_as_its_own_program(tmp_path: Path) -> None:
    """The one test that starts `qbank` as a process (the others call its main in process)."""
    argv = ["keygen", "--kind", "hall", "--out", str(tmp_path)]
    done = subprocess.run(
        [sys.executable, "-m", "question_banks.cli", *argv],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hall-box.key", "hall-box.pub", "hall-sign.key", "hall-sign.pub",
    ]  # fmt: skip
