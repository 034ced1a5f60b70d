"""The bank model: items with per-language texts, correct keys and option scores; its file form."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from question_banks.programs import program

BANK_FILE = "bank.json"


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


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    texts: dict[str, ItemText]
    correct: frozenset[str] = frozenset()
    option_scores: dict[str, int] = field(default_factory=dict)
    multiple: bool = False
    fixed_order: bool = False

    @property
    def choice_ids(self) -> tuple[str, ...]:
        first = next(iter(self.texts.values()))
        return tuple(c.id for c in first.choices)


@dataclass(frozen=True)
class Bank:
    bank_id: str
    version: str
    program: str
    items: tuple[Item, ...]
    sample: bool = False

    def item(self, item_id: str) -> Item:
        return self._index()[item_id]

    def _index(self) -> dict[str, Item]:
        index: dict[str, Item] = self.__dict__.get("_item_index", {})
        if not index:
            index = {i.id: i for i in self.items}
            object.__setattr__(self, "_item_index", index)
        return index

    def pool(self, section: str, language: str) -> list[Item]:
        return [i for i in self.items if i.section == section and language in i.texts]

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
                "option_scores": i.option_scores,
                "texts": {
                    lang: {
                        "prompt": t.prompt,
                        "choices": [{"id": c.id, "text": c.text} for c in t.choices],
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
        lang: ItemText(t["prompt"], tuple(Choice(c["id"], c["text"]) for c in t["choices"]))
        for lang, t in raw["texts"].items()
    }
    return Item(
        id=raw["id"],
        section=raw["section"],
        texts=texts,
        correct=frozenset(raw.get("correct", ())),
        option_scores={k: int(v) for k, v in raw.get("option_scores", {}).items()},
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
