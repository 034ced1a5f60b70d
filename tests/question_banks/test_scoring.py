"""Scoring exactly as testing-rules §1 says, at every boundary; forms rebuilt from their seed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from question_banks.bank import Bank, Choice, Item, ItemText
from question_banks.forms import Form, assemble_form
from question_banks.programs import LEGISLATION, PQ_PROGRAM_2, PROGRAMS, STATE_LANGUAGE
from question_banks.samples.legislation import sample_legislation_bank
from question_banks.scoring import item_correct, score_form

BANK = sample_legislation_bank()
FORM = assemble_form(BANK, LEGISLATION, "kk", "seed-1")


def answers_with(correct_per_act: dict[str, int]) -> dict[str, list[str]]:
    """Right on the first n questions of each act, wrong on the rest."""
    answers: dict[str, list[str]] = {}
    for act, n in correct_per_act.items():
        items = [f.item_id for f in FORM.items if f.section == act]
        for k, item_id in enumerate(items):
            keyed = BANK.item(item_id).correct
            wrong = next(c for c in BANK.item(item_id).choice_ids if c not in keyed)
            answers[item_id] = sorted(keyed) if k < n else [wrong]
    return answers


def test_programs_carry_the_numbers_of_the_rules() -> None:
    assert (LEGISLATION.minutes, LEGISLATION.questions, LEGISLATION.total_threshold) == (
        55,
        55,
        Decimal(30),
    )
    assert [s.questions for s in LEGISLATION.sections] == [15, 15, 15, 10]
    assert all(s.threshold == 5 for s in LEGISLATION.sections)
    assert (STATE_LANGUAGE.minutes, STATE_LANGUAGE.questions) == (20, 20)
    assert not STATE_LANGUAGE.has_threshold
    assert PROGRAMS["pq_program_1"].questions == 120 and PQ_PROGRAM_2.questions == 84
    pq3 = PROGRAMS["pq_program_3"]
    assert (pq3.minutes, pq3.section("logical_thinking").minutes) == (120, 30)
    assert [s.questions for s in pq3.sections] == [30, 30, 72]


@pytest.mark.parametrize(
    "per_act, total, outcome",
    [
        (
            {"constitution": 8, "civil_service_law": 8, "anti_corruption_law": 8, "ethics_code": 5},
            29,
            "fail",
        ),
        (
            {"constitution": 9, "civil_service_law": 8, "anti_corruption_law": 8, "ethics_code": 5},
            30,
            "pass",
        ),
        (
            {
                "constitution": 15,
                "civil_service_law": 15,
                "anti_corruption_law": 15,
                "ethics_code": 4,
            },
            49,
            "fail",
        ),
        (
            {
                "constitution": 15,
                "civil_service_law": 15,
                "anti_corruption_law": 5,
                "ethics_code": 5,
            },
            40,
            "pass",
        ),
        (
            {
                "constitution": 4,
                "civil_service_law": 11,
                "anti_corruption_law": 10,
                "ethics_code": 10,
            },
            35,
            "fail",
        ),
    ],
)
def test_legislation_thresholds_at_their_boundaries(
    per_act: dict[str, int], total: int, outcome: str
) -> None:
    score = score_form(LEGISLATION, BANK, FORM, answers_with(per_act))
    assert (score.total, score.outcome.value) == (Decimal(total), outcome)


def test_unanswered_counts_as_wrong() -> None:
    score = score_form(LEGISLATION, BANK, FORM, {})
    assert score.total == 0 and score.outcome.value == "fail"
    assert all(s.answered == 0 and s.passed is False for s in score.sections)


def two_language_item(multiple: bool) -> Item:
    text = ItemText("?", tuple(Choice(c, c) for c in "ABCD"))
    return Item(
        "m1",
        "state_language",
        {"kk": text, "ru": text},
        frozenset({"A", "C"}) if multiple else frozenset({"B"}),
        multiple=multiple,
    )


def test_multiple_answer_items_are_all_or_nothing() -> None:
    item = two_language_item(multiple=True)
    assert item_correct(item, ["A", "C"]) and item_correct(item, ["C", "A"])
    assert not item_correct(item, ["A"]) and not item_correct(item, ["A", "B", "C"])
    assert not item_correct(item, [])


def test_state_language_is_reported_without_threshold() -> None:
    items = tuple(
        Item(
            f"s{n}",
            "state_language",
            {lang: ItemText("?", tuple(Choice(c, c) for c in "ABCD")) for lang in ("kk", "ru")},
            frozenset({"A"}),
        )
        for n in range(40)
    )
    bank = Bank("sl", "1", "state_language", items)
    form = assemble_form(bank, STATE_LANGUAGE, "ru", "x")
    score = score_form(STATE_LANGUAGE, bank, form, {f.item_id: ["A"] for f in form.items[:7]})
    assert (score.total, score.outcome.value) == (Decimal(7), "reported")


def test_the_same_seed_rebuilds_the_same_form() -> None:
    assert assemble_form(BANK, LEGISLATION, "kk", "seed-1") == FORM


def test_neighbouring_seats_get_different_forms() -> None:
    forms = [assemble_form(BANK, LEGISLATION, "kk", f"attempt-{n}") for n in range(10)]
    orders = {tuple(f.items) for f in forms}
    assert len(orders) == 10


def test_a_form_draws_without_replacement_in_the_candidates_language() -> None:
    ids = [f.item_id for f in FORM.items]
    assert len(ids) == len(set(ids)) == 55
    assert all("kk" in BANK.item(i).texts for i in ids)
    counts = {s.code: sum(f.section == s.code for f in FORM.items) for s in LEGISLATION.sections}
    assert counts == {
        "constitution": 15,
        "civil_service_law": 15,
        "anti_corruption_law": 15,
        "ethics_code": 10,
    }


@given(st.sets(st.integers(min_value=0, max_value=54)), st.integers(min_value=0, max_value=54))
def test_one_more_correct_answer_never_lowers_the_score(right: set[int], extra: int) -> None:
    def answers(indices: set[int]) -> dict[str, list[str]]:
        chosen: dict[str, list[str]] = {}
        for n, f in enumerate(FORM.items):
            item = BANK.item(f.item_id)
            wrong = next(c for c in item.choice_ids if c not in item.correct)
            chosen[f.item_id] = sorted(item.correct) if n in indices else [wrong]
        return chosen

    before = score_form(LEGISLATION, BANK, FORM, answers(right))
    after = score_form(LEGISLATION, BANK, FORM, answers(right | {extra}))
    assert 0 <= before.total <= after.total <= 55
    assert before.total == len(right)
    if before.outcome.value == "pass":
        assert after.outcome.value == "pass"


def test_form_type_is_plain_data() -> None:
    assert isinstance(FORM, Form) and FORM.seed == "seed-1"
