"""The console says every refusal the server can send in kk, ru and en, with hall times."""

from __future__ import annotations

import string
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.refusals import NOT_FOUND_KINDS, REFUSALS
from operator_console.ui import refusal_texts
from tests.test_translations import messages, ts_file


def _names(text: str) -> set[str]:
    return {f for _t, f, _s, _c in string.Formatter().parse(text) if f}


def test_every_code_of_the_protocol_has_a_sentence_with_its_parameters(
    qapp: QApplication,
) -> None:
    sentences = refusal_texts.sentences()
    assert sorted(set(REFUSALS) - set(sentences)) == []
    assert sorted(set(sentences) - set(REFUSALS)) == []
    wrong = [c for c, s in sentences.items() if _names(s) != _names(REFUSALS[c])]
    assert wrong == []


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_sentence_has_kazakh_and_russian_words_with_the_same_names(language: str) -> None:
    found = {
        source: forms
        for (context, source), forms in messages(ts_file("console", language)).items()
        if context == "Refusals"
    }
    english = {c: s for c, s in refusal_texts.sentences().items()}
    missing = [c for c, s in english.items() if not found.get(s)]
    assert missing == []
    for source, forms in found.items():
        for text in forms or []:
            assert _names(text) == _names(source), (language, source, text)


def test_what_a_refusal_names_is_said_in_words(qapp: QApplication) -> None:
    said = refusal_texts.said("not_found", {"what": "seat", "id": "Z9"})
    assert said == "Not found: seat Z9"
    assert sorted(NOT_FOUND_KINDS - set(refusal_texts.kinds())) == []
    assert refusal_texts.said("role_required", {"roles": "operator,administrator"}) == (
        "This needs the role: operator, administrator"
    )


def test_times_are_the_halls(qapp: QApplication) -> None:
    until = datetime.now(UTC) + timedelta(minutes=15)
    zone = ZoneInfo("Asia/Almaty")
    said = refusal_texts.said("too_many_tries", {"until": until.isoformat()}, zone=zone)
    assert said.endswith(f"{until.astimezone(zone):%H:%M}")
    assert f"{until:%H:%M}" not in said and "UTC" not in said


def test_a_code_the_console_does_not_know_is_said_in_the_servers_words(
    qapp: QApplication,
) -> None:
    error = ServerRefused(409, "something newer happened", "from_a_newer_server", {"x": "1"})
    assert refusal_texts.refused(error) == "something newer happened"
    known = ServerRefused(401, "wrong user name or password", "wrong_credentials", {})
    assert refusal_texts.refused(known) == "Wrong user name or password"
