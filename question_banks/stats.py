"""Item statistics from finished attempts: difficulty, discrimination, choices, exposure.

Each attempt's form is rebuilt from its recorded seed, so unanswered questions count too.
"""

from __future__ import annotations

import csv
import json
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from question_banks.bank import Bank, Item
from question_banks.forms import assemble_form
from question_banks.programs import program
from question_banks.scoring import item_correct, item_points
from question_banks.spreadsheet import safe_cell

NONE = "-"


@dataclass
class ItemStats:
    item_id: str
    language: str
    section: str
    exposure: int = 0
    answered: int = 0
    scores: list[float] = field(default_factory=list)
    rest: list[float] = field(default_factory=list)
    choices: dict[str, int] = field(default_factory=dict)

    @property
    def difficulty(self) -> float | None:
        """Proportion correct (keyed items) or mean option score (situational items)."""
        return statistics.fmean(self.scores) if self.scores else None

    @property
    def discrimination(self) -> float | None:
        """Point-biserial: item score against the rest of the form's score."""
        if len(self.scores) < 3:
            return None
        try:
            return statistics.correlation(self.scores, self.rest)
        except statistics.StatisticsError:
            return None  # everyone scored the same on the item or on the rest


def _points(item: Item, choices: list[str]) -> float:
    if item.correct:
        return 1.0 if item_correct(item, choices) else 0.0
    return float(item_points(item, choices) or Decimal(0))


def item_statistics(bank: Bank, results: Iterable[Mapping[str, Any]]) -> list[ItemStats]:
    table: dict[tuple[str, str], ItemStats] = {}
    prog = program(bank.program)
    for record in results:
        if (record.get("bank_id"), record.get("bank_version")) != (bank.bank_id, bank.version):
            continue
        lang = str(record["language"])
        form = assemble_form(bank, prog, lang, str(record["form_seed"]))
        given = {a["item_id"]: list(a["choices"]) for a in record.get("answers", [])}
        scored = [
            (f.item_id, _points(bank.item(f.item_id), given.get(f.item_id, []))) for f in form.items
        ]
        total = sum(p for _, p in scored)
        for item_id, points in scored:
            row = table.setdefault(
                (item_id, lang), ItemStats(item_id, lang, bank.item(item_id).section)
            )
            chosen = given.get(item_id, [])
            row.exposure += 1
            row.answered += bool(chosen)
            row.scores.append(points)
            row.rest.append(total - points)
            for choice in chosen or [NONE]:
                row.choices[choice] = row.choices.get(choice, 0) + 1
    return sorted(table.values(), key=lambda r: (r.section, r.item_id, r.language))


def write_csv(rows: list[ItemStats], bank: Bank, out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(
        [
            "item_id",
            "language",
            "section",
            "exposure",
            "answered",
            "difficulty",
            "discrimination",
            "choices",
        ]
    )
    for r in rows:
        order = [*bank.item(r.item_id).choice_ids, NONE]
        dist = " ".join(f"{c}={r.choices.get(c, 0)}" for c in order)
        writer.writerow(
            [
                safe_cell(r.item_id),
                safe_cell(r.language),
                safe_cell(r.section),
                r.exposure,
                r.answered,
                "" if r.difficulty is None else f"{r.difficulty:.3f}",
                "" if r.discrimination is None else f"{r.discrimination:.3f}",
                safe_cell(dist),
            ]
        )


def load_results(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Result records from JSON files (one record or a list) and JSON-lines files."""
    records: list[dict[str, Any]] = []
    for path in paths:
        text = path.read_text("utf-8")
        try:
            data = json.loads(text)
            records.extend(data if isinstance(data, list) else [data])
        except json.JSONDecodeError:
            records.extend(json.loads(line) for line in text.splitlines() if line.strip())
    return records
