"""Building sample items in Kazakh and Russian from plain tuples."""

from __future__ import annotations

from decimal import Decimal

from question_banks.bank import Choice, Item, ItemText

LETTERS = ("A", "B", "C", "D")
Version = tuple[str, tuple[str, ...]]
"""A prompt and its choices, in order A, B, C, D."""


def texts(kk: Version, ru: Version) -> dict[str, ItemText]:
    return {
        lang: ItemText(prompt, tuple(Choice(LETTERS[i], c) for i, c in enumerate(choices)))
        for lang, (prompt, choices) in (("kk", kk), ("ru", ru))
    }


def keyed(item_id: str, section: str, key: int, kk: Version, ru: Version) -> Item:
    return Item(item_id, section, texts(kk, ru), frozenset({LETTERS[key]}))


def scored(item_id: str, section: str, scores: tuple[int, ...], kk: Version, ru: Version) -> Item:
    return Item(
        item_id,
        section,
        texts(kk, ru),
        option_scores={LETTERS[i]: Decimal(s) for i, s in enumerate(scores)},
    )
