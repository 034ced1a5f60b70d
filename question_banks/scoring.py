"""Scoring of a finished form: sections, totals, thresholds and the outcome (testing-rules §1)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from question_banks.bank import Bank, Item
from question_banks.forms import Form
from question_banks.programs import Program, Scoring, SectionSpec


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    REPORTED = "reported"
    ANNULLED = "annulled"


@dataclass(frozen=True)
class SectionScore:
    code: str
    questions: int
    answered: int
    correct: int
    score: Decimal
    threshold: Decimal | None
    passed: bool | None


@dataclass(frozen=True)
class Score:
    sections: tuple[SectionScore, ...]
    total: Decimal
    total_threshold: Decimal | None
    outcome: Outcome


TWO_PLACES = Decimal("0.01")


def item_correct(item: Item, choices: Sequence[str]) -> bool:
    """All-or-nothing: exactly the keyed choices, no more, no fewer."""
    return bool(choices) and frozenset(choices) == item.correct


def item_points(item: Item, choices: Sequence[str]) -> Decimal:
    """Option score of a single-choice situational item; 0 when unanswered."""
    return item.option_scores.get(choices[0], Decimal(0)) if len(choices) == 1 else Decimal(0)


def score_form(
    prog: Program, bank: Bank, form: Form, answers: Mapping[str, Sequence[str]]
) -> Score:
    sections = tuple(
        _score_section(
            spec, bank, [f.item_id for f in form.items if f.section == spec.code], answers
        )
        for spec in prog.sections
    )
    total = sum((s.score for s in sections), Decimal(0))
    passed = all(s.passed is not False for s in sections)
    if prog.total_threshold is not None:
        passed = passed and total >= prog.total_threshold
    outcome = (Outcome.PASS if passed else Outcome.FAIL) if prog.has_threshold else Outcome.REPORTED
    return Score(sections, total, prog.total_threshold, outcome)


def _score_section(
    spec: SectionSpec, bank: Bank, item_ids: list[str], answers: Mapping[str, Sequence[str]]
) -> SectionScore:
    chosen = [(bank.item(i), list(answers.get(i, ()))) for i in item_ids]
    answered = sum(1 for _, c in chosen if c)
    correct = sum(1 for item, c in chosen if item_correct(item, c))
    if spec.scoring is Scoring.CORRECT_COUNT:
        score = Decimal(correct)
    else:
        points = sum((item_points(item, c) for item, c in chosen), Decimal(0))
        score = (points / Decimal(max(len(chosen), 1))).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    passed = None if spec.threshold is None else score >= spec.threshold
    return SectionScore(spec.code, len(item_ids), answered, correct, score, spec.threshold, passed)
