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


def messages(ts: Path) -> dict[tuple[str, str], list[str] | None]:
    """(context, source) -> its translations (one, or a plural form each), None when unfinished."""
    found: dict[tuple[str, str], list[str] | None] = {}
    root = ET.parse(ts).getroot()
    assert root is not None
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None
            forms = (
                []
                if translation is None
                else [f.text or "" for f in translation.iter("numerusform")]
            )
            if translation is not None and not forms:
                forms = [translation.text or ""]
            found[(name, message.findtext("source") or "")] = (
                forms if done and forms and all(forms) else None
            )
    return found


def ts_file(app: str, language: str) -> Path:
    return APPS[app] / "i18n" / f"{app}_{language}.ts"


@pytest.mark.parametrize(("app", "language"), CASES)
def test_every_message_is_translated_with_its_placeholders(app: str, language: str) -> None:
    found = messages(ts_file(app, language))
    assert len(found) > 80
    assert [k for k, v in found.items() if v is None] == []
    for (_context, source), forms in found.items():
        for text in forms or []:
            assert sorted(re.findall(r"%[\dn]", source)) == sorted(re.findall(r"%[\dn]", text)), (
                source
            )


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


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [
        ("ru", 1, "Осталась 1 минута."),
        ("ru", 3, "Осталось 3 минуты."),
        ("ru", 5, "Осталось 5 минут."),
        ("ru", 21, "Осталась 21 минута."),
        ("kk", 1, "1 минут қалды."),
        ("kk", 5, "5 минут қалды."),
    ],
)
def test_counts_take_the_plural_form_of_their_number(language: str, n: int, expected: str) -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(APPS["kiosk"] / "i18n" / f"kiosk_{language}.qm"))
    said = translator.translate("QuestionsScreen", "%n minute(s) left.", None, n) or ""
    assert said.replace("%n", str(n)) == expected


@pytest.mark.parametrize("app", sorted(APPS))
def test_a_seat_is_named_before_its_number_in_kazakh(app: str) -> None:
    """The glossary's rule of form: "Орын A07", never "A07 орын" (a numeral before a noun reads
    as a quantity)."""
    found = messages(APPS[app] / "i18n" / f"{app}_kk.ts")
    wrong = [
        (source, text)
        for (_context, source), forms in found.items()
        for text in forms or []
        if re.search(r"(%\d|\{\w+\})\s+орын", text)
    ]
    assert wrong == []
