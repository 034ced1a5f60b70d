"""The bank model: items with per-language texts, correct keys and option scores; its file form."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from question_banks.programs import program

BANK_FILE = "bank.json"
MEDIA_DIR = "media"


class BankError(ValueError):
    """A bank that cannot be read; the message names the file and item."""


@dataclass(frozen=True)
class Choice:
    id: str
    text: str


@dataclass(frozen=True)
class ItemText:
    prompt: str
    choices: tuple[Choice, ...]
    images: tuple[str, ...] = ()
    """Media file names (in the bank's media folder) shown with the prompt, in order."""
    source: str = ""
    """Where this language version came from (package and file), for messages."""


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    texts: dict[str, ItemText]
    correct: frozenset[str] = frozenset()
    option_scores: dict[str, Decimal] = field(default_factory=dict)
    multiple: bool = False
    fixed_order: bool = False

    @property
    def choice_ids(self) -> tuple[str, ...]:
        first = next(iter(self.texts.values()))
        return tuple(c.id for c in first.choices)


PACKAGE_SUFFIX = ".hallbank"
"""A sealed bank package's file name ends so."""
BANK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
"""A bank's id: it names files (`<id>-<version>.hallbank`), so letters, digits, `.`, `_`, `-`."""
BANK_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")


@dataclass(frozen=True)
class Bank:
    bank_id: str
    version: str
    program: str
    items: tuple[Item, ...]
    sample: bool = False

    def __post_init__(self) -> None:
        # Checked before any path is built from them (a signed package is still input).
        if not BANK_ID.fullmatch(self.bank_id) or ".." in self.bank_id:
            raise BankError(
                f"bank id {self.bank_id!r}: letters, digits, '.', '_' and '-' only (at most 128)"
            )
        if not BANK_VERSION.fullmatch(self.version) or ".." in self.version:
            raise BankError(
                f"bank version {self.version!r}: letters, digits, '.', '_', '+' and '-' only"
            )

    def kept_at(self, folder: Path) -> Path:
        """Where its package is kept in a hall's banks folder: `<id>-<version>.hallbank`, and
        never outside the folder (refused with BankError otherwise)."""
        root = folder.resolve()
        path = (root / f"{self.bank_id}-{self.version}{PACKAGE_SUFFIX}").resolve()
        if path.parent != root:
            raise BankError(f"bank {self.bank_id!r} {self.version!r} would be kept outside {root}")
        return path

    def item(self, item_id: str) -> Item:
        return self._index[item_id]

    @cached_property
    def _index(self) -> dict[str, Item]:
        return {i.id: i for i in self.items}

    @cached_property
    def _pools(self) -> dict[tuple[str, str], tuple[Item, ...]]:
        pools: dict[tuple[str, str], list[Item]] = {}
        for item in sorted(self.items, key=lambda i: i.id):
            for lang in item.texts:
                pools.setdefault((item.section, lang), []).append(item)
        return {key: tuple(items) for key, items in pools.items()}

    def pool(self, section: str, language: str) -> tuple[Item, ...]:
        """The section's items in that language, ordered by id (a stable draw order)."""
        return self._pools.get((section, language), ())

    def languages(self) -> set[str]:
        return {lang for i in self.items for lang in i.texts}


def bank_to_dict(bank: Bank) -> dict[str, Any]:
    return {
        "schema": "hall-bank/1",
        "bank_id": bank.bank_id,
        "version": bank.version,
        "program": bank.program,
        "sample": bank.sample,
        "items": [
            {
                "id": i.id,
                "section": i.section,
                "multiple": i.multiple,
                "fixed_order": i.fixed_order,
                "correct": sorted(i.correct),
                "option_scores": {k: str(v) for k, v in i.option_scores.items()},
                "texts": {
                    lang: {
                        "prompt": t.prompt,
                        "choices": [{"id": c.id, "text": c.text} for c in t.choices],
                        "images": list(t.images),
                        "source": t.source,
                    }
                    for lang, t in sorted(i.texts.items())
                },
            }
            for i in bank.items
        ],
    }


def bank_from_dict(data: dict[str, Any], source: str = BANK_FILE) -> Bank:
    try:
        program(data["program"])
        items = tuple(_item_from_dict(raw) for raw in data["items"])
        return Bank(
            bank_id=str(data["bank_id"]),
            version=str(data["version"]),
            program=data["program"],
            items=items,
            sample=bool(data.get("sample", False)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BankError(f"{source}: not a valid bank: {exc}") from exc


def _item_from_dict(raw: dict[str, Any]) -> Item:
    texts = {
        lang: ItemText(
            t["prompt"],
            tuple(Choice(c["id"], c["text"]) for c in t["choices"]),
            tuple(t.get("images", ())),
            str(t.get("source", "")),
        )
        for lang, t in raw["texts"].items()
    }
    return Item(
        id=raw["id"],
        section=raw["section"],
        texts=texts,
        correct=frozenset(raw.get("correct", ())),
        option_scores={k: Decimal(str(v)) for k, v in raw.get("option_scores", {}).items()},
        multiple=bool(raw.get("multiple", False)),
        fixed_order=bool(raw.get("fixed_order", False)),
    )


def write_bank(bank: Bank, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / BANK_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(bank_to_dict(bank), ensure_ascii=False, indent=1), "utf-8")
    tmp.replace(path)
    return path


def read_bank(directory: Path) -> Bank:
    path = directory / BANK_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise BankError(f"{path}: cannot read: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise BankError(f"{path}: not JSON: {exc}") from exc
    return bank_from_dict(data, str(path))


def read_media(directory: Path) -> dict[str, bytes]:
    folder = directory / MEDIA_DIR
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
