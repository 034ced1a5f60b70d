"""The kiosk says, in the candidate's language, every refusal a candidate may meet.

Each of its words is a literal translation of the kiosk's (`texts.refusal`), so
`test_translations` finds any without Kazakh or Russian; the Russian is seen on the screen in
`test_kiosk_operator_actions`."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.ui import texts
from operator_console.protocol.refusals import REFUSALS, SHOWN_TO_CANDIDATES


def test_every_refusal_shown_to_candidates_is_a_code_with_words_of_its_own(
    qapp: QApplication,
) -> None:
    assert sorted(SHOWN_TO_CANDIDATES - set(REFUSALS)) == []
    assert sorted(c for c in SHOWN_TO_CANDIDATES if texts.refusal(c) is None) == []


def test_a_refusal_without_words_of_its_own_says_the_operator_is_needed(
    qapp: QApplication,
) -> None:
    assert texts.message("refused:segment_changed") == texts.message("refused")
    assert texts.message("refused:room_paused") == texts.refusal("room_paused")
