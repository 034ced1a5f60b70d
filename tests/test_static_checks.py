"""Lint, format and strict typing are part of the suite, so CI holds the code to them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint() -> None:
    done = run(str(BIN / "ruff"), "check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format() -> None:
    done = run(str(BIN / "ruff"), "format", "--check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict() -> None:
    packages = ("question_banks", "hardware", "operator_console", "kiosk", "installer")
    done = run(sys.executable, "-m", "mypy", "--strict", *packages)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_on_the_tests() -> None:
    done = run(sys.executable, "-m", "mypy", "tests")
    assert done.returncode == 0, done.stdout + done.stderr
