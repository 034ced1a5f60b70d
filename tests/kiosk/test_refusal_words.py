"""The kiosk says, in the candidate's language, every refusal a candidate may meet."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ui import texts
from operator_console.protocol.refusals import REFUSALS, SHOWN_TO_CANDIDATES
from tests.test_translations import messages, ts_file


def test_every_refusal_shown_to_candidates_is_a_code_with_words_of_its_own(
    qapp: QApplication,
) -> None:
    assert sorted(SHOWN_TO_CANDIDATES - set(REFUSALS)) == []
    assert sorted(c for c in SHOWN_TO_CANDIDATES if texts.refusal(c) is None) == []


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_kiosk_s_refusal_words_are_in_kazakh_and_russian(
    qapp: QApplication, language: str
) -> None:
    found = messages(ts_file("kiosk", language))
    missing = [
        code
        for code in sorted(SHOWN_TO_CANDIDATES)
        if not found.get(("Texts", texts.refusal(code) or ""))
    ]
    assert missing == []


def test_a_refusal_without_words_of_its_own_says_the_operator_is_needed(
    qapp: QApplication,
) -> None:
    assert texts.message("refused:segment_changed") == texts.message("refused")
    assert texts.message("refused:room_paused") == texts.refusal("room_paused")
