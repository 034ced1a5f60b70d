"""Lint, format and strict typing are part of the suite, so CI holds the code to them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PACKAGES = ("question_banks", "hardware", "operator_console", "kiosk", "installer")
MYPY = (sys.executable, "-m", "mypy", "--strict", *PACKAGES, "tests")
"""One mypy run for the packages (`--strict`) and the tests (pyproject.toml turns the strict
checks off for `tests.*`): the packages are analysed once, not once more as the tests' imports.
scripts/check runs the same command."""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)


def test_ruff_lint() -> None:
    done = run(str(BIN / "ruff"), "check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format() -> None:
    done = run(str(BIN / "ruff"), "format", "--check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_on_the_packages_and_mypy_on_the_tests() -> None:
    done = run(*MYPY)
    assert done.returncode == 0, done.stdout + done.stderr
