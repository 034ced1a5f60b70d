"""Item statistics over result records, with each form rebuilt from its seed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from operator_console.central.store import StubStore
from operator_console.demo.hall import DemoSettings
from operator_console.demo.headless import run_headless
from question_banks.bank import write_bank
from question_banks.cli import main as qbank
from question_banks.forms import assemble_form
from question_banks.programs import STATE_LANGUAGE
from question_banks.samples import sample_bank
from question_banks.stats import item_statistics, write_csv

BANK = sample_bank("state_language")


def record(seed: str, strong: bool) -> dict[str, Any]:
    """A strong candidate answers everything right; a weak one answers only the first 5, wrong."""
    form = assemble_form(BANK, STATE_LANGUAGE, "kk", seed)
    answers = []
    for n, f in enumerate(form.items):
        item = BANK.item(f.item_id)
        if strong:
            answers.append({"item_id": f.item_id, "choices": sorted(item.correct)})
        elif n < 5:
            wrong = next(c for c in item.choice_ids if c not in item.correct)
            answers.append({"item_id": f.item_id, "choices": [wrong]})
    return {
        "bank_id": BANK.bank_id,
        "bank_version": BANK.version,
        "language": "kk",
        "form_seed": seed,
        "program": "state_language",
        "answers": answers,
    }


def test_exposure_difficulty_discrimination_and_choices() -> None:
    records = [record(f"a{n}", strong=n % 2 == 0) for n in range(40)]
    records.append(dict(record("x", True), bank_version="other"))  # another version: left out
    rows = item_statistics(BANK, records)
    assert sum(r.exposure for r in rows) == 40 * 20
    for r in rows:
        assert sum(r.choices.values()) == r.exposure
        assert r.difficulty is not None and 0 <= r.difficulty <= 1
        assert r.answered <= r.exposure
    informative = [d for r in rows if (d := r.discrimination) is not None]
    assert informative and all(d > 0.5 for d in informative)


def test_csv_has_one_row_per_item_and_language() -> None:
    rows = item_statistics(BANK, [record("a", True), record("b", False), record("c", True)])
    out = io.StringIO()
    write_csv(rows, BANK, out)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(table) == len(rows)
    assert set(table[0]) == {
        "item_id",
        "language",
        "section",
        "exposure",
        "answered",
        "difficulty",
        "discrimination",
        "choices",
    }
    assert table[0]["choices"].endswith(tuple(f"-={n}" for n in range(4)))


def test_statistics_of_a_real_session(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run_headless(DemoSettings(workdir=tmp_path / "demo"), 6, timeout=60, out=io.StringIO()) == 0
    )
    results = StubStore(tmp_path / "demo" / "upstream").records("results")
    legislation = [r for r in results.values() if r["program"] == "legislation"]
    bank = sample_bank("legislation")
    rows = item_statistics(bank, legislation)
    assert legislation and sum(r.exposure for r in rows) == 55 * len(legislation)
    answered = sum(len(r["answers"]) for r in legislation)
    assert sum(r.answered for r in rows) == answered
    files = []
    for n, r in enumerate(legislation):
        path = tmp_path / f"r{n}.json"
        path.write_text(json.dumps(r), "utf-8")
        files.append(str(path))
    write_bank(bank, tmp_path / "bank")
    capsys.readouterr()
    assert qbank(["stats", str(tmp_path / "bank"), *files, "--out", str(tmp_path / "s.csv")]) == 0
    assert len((tmp_path / "s.csv").read_text("utf-8").splitlines()) == len(rows) + 1
