"""Every string of the kiosk has its Kazakh and Russian translation, compiled and current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import defusedxml.ElementTree as ET
import pytest

from kiosk.ui.i18n import DIRECTORY

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation, None when unfinished."""
    found: dict[tuple[str, str], str | None] = {}
    root = ET.parse(ts).getroot()
    assert root is not None
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None
            text = translation.text if translation is not None else None
            found[(name, message.findtext("source") or "")] = text if done and text else None
    return found


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_message_is_translated_with_its_placeholders(language: str) -> None:
    found = messages(DIRECTORY / f"kiosk_{language}.ts")
    assert len(found) > 80
    assert [k for k, v in found.items() if v is None] == []
    for (_context, source), text in found.items():
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text or "")), source


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_sources_hold_every_string_in_the_code(language: str, tmp_path: Path) -> None:
    ts = tmp_path / f"kiosk_{language}.ts"
    shutil.copy(DIRECTORY / ts.name, ts)
    sources = sorted(str(p) for p in (ROOT / "kiosk" / "ui").rglob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert set(messages(ts)) == set(messages(DIRECTORY / ts.name)), "run scripts/translations"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_compiled_files_are_current(language: str, tmp_path: Path) -> None:
    qm = tmp_path / f"kiosk_{language}.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(DIRECTORY / f"kiosk_{language}.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert qm.read_bytes() == (DIRECTORY / qm.name).read_bytes(), "run scripts/translations"
