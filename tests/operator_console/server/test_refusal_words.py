"""The `admin` command says the server's refusals in the administrator's language, with the
console's words and the hall's times; the words it reads are the console's, kept current."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from operator_console.cli import main as console_main
from operator_console.protocol.refusals import (
    CATALOGUE_LANGUAGES,
    REFUSALS,
    Catalogue,
    locale_language,
    say,
)
from operator_console.server.errors import Refusal
from operator_console.server.reports.refusal_words import refusal_said
from tests.commands import run_main, user_env
from tests.hall import hall_toml

ALMATY = ZoneInfo("Asia/Almaty")


def test_the_catalogues_are_the_console_s_current_words() -> None:
    from operator_console.ui.refusal_catalogues import DIRECTORY, catalogues

    for name, text in catalogues().items():
        assert (DIRECTORY / name).read_text("utf-8") == text, "run scripts/translations"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_catalogue_says_what_the_console_says(qapp: QApplication, language: str) -> None:
    """The words read from the sources are the words the console's compiled file gives."""
    from operator_console.ui.refusal_catalogues import UI, english

    translator = QTranslator()
    assert translator.load(str(UI / "i18n" / f"console_{language}.qm"))
    said = Catalogue.of(language)
    for table, words in english().items():
        for code, source in words.items():
            assert translator.translate("Refusals", source) == getattr(said, table)[code]


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_every_code_has_a_sentence_in_every_catalogue(language: str) -> None:
    said = Catalogue.of(language)
    assert sorted(set(REFUSALS) - set(said.sentences)) == []
    if language != "en":
        english = Catalogue.of("en").sentences
        same = [c for c, s in said.sentences.items() if s == english[c] and "{" not in s[:2]]
        assert same == []


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "kk_KZ.UTF-8"}, "kk"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "kk_KZ.UTF-8"}, "ru"),
        ({"LC_MESSAGES": "kk_KZ", "LANG": "C.UTF-8"}, "kk"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_is_the_locale_s(environ: dict[str, str], language: str) -> None:
    assert locale_language(environ) == language


def test_times_are_the_hall_s_and_today_s_have_no_date() -> None:
    until = datetime(2026, 3, 10, 2, 52, tzinfo=UTC)
    refusal = Refusal(429, "too_many_tries", until=until)
    today = datetime(2026, 3, 10, 9, 0, tzinfo=ALMATY)
    said = say(refusal.code, refusal.params, Catalogue.of("ru"), zone=ALMATY, today=today)
    assert said.endswith("07:52") and "UTC" not in said and "02:52" not in said
    later = say(
        refusal.code,
        refusal.params,
        Catalogue.of("kk"),
        zone=ALMATY,
        today=today + timedelta(days=1),
    )
    assert later.endswith("2026-03-10 07:52")


def test_what_a_refusal_names_is_said_in_the_language() -> None:
    refusal = Refusal(409, "detector_not_a_check", event=7, kind="alarm")
    said = refusal_said(refusal, zone=ALMATY, language="ru")
    assert "7" in said and "alarm" not in said
    roles = refusal_said(Refusal(403, "role_required", roles="administrator"), zone=ALMATY,
                         language="kk")  # fmt: skip
    assert "administrator" not in roles and Catalogue.of("kk").kinds["administrator"] in roles


@pytest.mark.parametrize(("lang", "language"), [("kk_KZ.UTF-8", "kk"), ("ru_RU.UTF-8", "ru")])
def test_the_admin_command_refuses_in_the_administrator_s_language(
    tmp_path: Path, keys: Path, lang: str, language: str
) -> None:
    config = hall_toml(tmp_path, keys, "http://127.0.0.1:9")
    argv = ["admin", "--config", str(config), "create-user", "--username", "op"]
    argv += ["--role", "operator", "--password-stdin"]
    env = user_env(tmp_path) | {"LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""}
    first = run_main(console_main, argv, stdin="a long enough password\n", env=env)
    assert first.returncode == 0, first.stderr
    again = run_main(console_main, argv, stdin="a long enough password\n", env=env)
    expected = Catalogue.of(language).sentences["user_exists"].format(username="op")
    assert again.returncode != 0 and expected in again.stderr, again.stderr
    assert "already exists" not in again.stderr


def test_the_catalogue_files_are_json_of_plain_words() -> None:
    from operator_console.ui.refusal_catalogues import DIRECTORY

    for language in CATALOGUE_LANGUAGES:
        data = json.loads((DIRECTORY / f"refusals.{language}.json").read_text("utf-8"))
        assert set(data) == {"sentences", "kinds"}
