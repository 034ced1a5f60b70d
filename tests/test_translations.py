"""Every string of the kiosk and of the console has its Kazakh and Russian translation, compiled
and current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import defusedxml.ElementTree as ET
import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = Path(sys.executable).parent
APPS = {"kiosk": ROOT / "kiosk" / "ui", "console": ROOT / "operator_console" / "ui"}
CASES = [(app, language) for app in APPS for language in ("kk", "ru")]


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


def ts_file(app: str, language: str) -> Path:
    return APPS[app] / "i18n" / f"{app}_{language}.ts"


@pytest.mark.parametrize(("app", "language"), CASES)
def test_every_message_is_translated_with_its_placeholders(app: str, language: str) -> None:
    found = messages(ts_file(app, language))
    assert len(found) > 80
    assert [k for k, v in found.items() if v is None] == []
    for (_context, source), text in found.items():
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text or "")), source


@pytest.mark.parametrize(("app", "language"), CASES)
def test_the_sources_hold_every_string_in_the_code(app: str, language: str, tmp_path: Path) -> None:
    ts = tmp_path / ts_file(app, language).name
    shutil.copy(ts_file(app, language), ts)
    sources = sorted(str(p) for p in APPS[app].rglob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert set(messages(ts)) == set(messages(ts_file(app, language))), "run scripts/translations"


@pytest.mark.parametrize(("app", "language"), CASES)
def test_the_compiled_files_are_current(app: str, language: str, tmp_path: Path) -> None:
    source = ts_file(app, language)
    qm = tmp_path / source.with_suffix(".qm").name
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(source), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert qm.read_bytes() == source.with_suffix(".qm").read_bytes(), "run scripts/translations"
