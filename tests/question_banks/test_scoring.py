"""Scoring exactly as testing-rules §1 says, at every boundary; forms rebuilt from their seed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from question_banks.bank import Bank, Choice, Item, ItemText
from question_banks.forms import Form, assemble_form
from question_banks.programs import LEGISLATION, PQ_PROGRAM_2, PROGRAMS, STATE_LANGUAGE, Scoring
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


# --- personal qualities --------------------------------------------------------------------


def scored_bank(code: str, option_values: tuple[str, ...] = ("0", "2.49", "2.5", "5")) -> Bank:
    """A Program bank whose options A..D carry the given scores (decimals allowed, 0-5)."""
    prog = PROGRAMS[code]
    items = []
    for spec in prog.sections:
        for n in range(spec.questions):
            text = ItemText("?", tuple(Choice(c, c) for c in "ABCD"))
            texts = {"kk": text, "ru": text}
            if spec.scoring is Scoring.CORRECT_COUNT:
                items.append(Item(f"{spec.code}-{n}", spec.code, texts, frozenset({"A"})))
            else:
                items.append(
                    Item(
                        f"{spec.code}-{n}",
                        spec.code,
                        texts,
                        option_scores={
                            c: Decimal(v) for c, v in zip("ABCD", option_values, strict=True)
                        },
                    )
                )
    return Bank(code, "1", code, tuple(items))


def competency_answers(form: Form, means: dict[str, str]) -> dict[str, list[str]]:
    """Answers giving each competency exactly the mean asked for (A=0, B=2.49, C=2.5, D=5)."""
    pick = {"2.49": "B", "2.5": "C", "5": "D", "0": "A"}
    return {f.item_id: [pick[means[f.section]]] for f in form.items if f.section in means}


def test_one_competency_at_2_49_fails_at_2_50_passes() -> None:
    bank = scored_bank("pq_program_1")
    form = assemble_form(bank, PROGRAMS["pq_program_1"], "kk", "s")
    codes = [s.code for s in PROGRAMS["pq_program_1"].sections]
    high = {c: "5" for c in codes}
    below = score_form(
        PROGRAMS["pq_program_1"], bank, form, competency_answers(form, high | {"ethics": "2.49"})
    )
    at = score_form(
        PROGRAMS["pq_program_1"], bank, form, competency_answers(form, high | {"ethics": "2.5"})
    )
    ethics = next(s for s in below.sections if s.code == "ethics")
    assert (ethics.score, ethics.passed, below.outcome.value) == (Decimal("2.49"), False, "fail")
    assert below.total == Decimal("47.49")
    assert at.outcome.value == "pass"


def test_program_two_total_19_99_fails_and_20_passes() -> None:
    # Six competencies at 2.86 and one at 2.83 make 19.99; at 2.84 they make 20.00.
    prog = PQ_PROGRAM_2

    def bank_with(last: str) -> tuple[Bank, Form]:
        items = []
        for spec in prog.sections:
            value = Decimal(last if spec.code == prog.sections[-1].code else "2.86")
            for n in range(12):
                text = ItemText("?", (Choice("A", "a"), Choice("B", "b")))
                items.append(
                    Item(
                        f"{spec.code}-{n}",
                        spec.code,
                        {"kk": text},
                        option_scores={"A": value, "B": Decimal(0)},
                    )
                )
        bank = Bank("b", "1", prog.code, tuple(items))
        return bank, assemble_form(bank, prog, "kk", "s")

    for last, total, outcome in (("2.83", "19.99", "fail"), ("2.84", "20.00", "pass")):
        bank, form = bank_with(last)
        score = score_form(prog, bank, form, {f.item_id: ["A"] for f in form.items})
        assert (score.total, score.outcome.value) == (Decimal(total), outcome)
        assert all(s.passed for s in score.sections)


def test_logical_thinking_9_fails_10_passes() -> None:
    prog = PROGRAMS["pq_program_3"]
    bank = scored_bank("pq_program_3")
    form = assemble_form(bank, prog, "ru", "s")
    logical = [f.item_id for f in form.items if f.section == "logical_thinking"]
    for right, outcome in ((9, "fail"), (10, "pass")):
        answers = {i: ["A"] for i in logical[:right]} | {i: ["B"] for i in logical[right:]}
        score = score_form(prog, bank, form, answers)
        assert score.outcome.value == outcome
        profile = [s for s in score.sections if s.code != "logical_thinking"]
        assert all(s.passed is None and s.threshold is None for s in profile)


def test_a_competency_mean_rounds_half_up_to_two_places() -> None:
    # Twelve items: 29 points would be 2.4166..., 30 points exactly 2.50.
    bank = scored_bank("pq_program_2", ("0", "2", "3", "5"))
    prog = PQ_PROGRAM_2
    form = assemble_form(bank, prog, "kk", "s")
    ethics = [f.item_id for f in form.items if f.section == "ethics"]
    answers = {i: ["C"] for i in ethics[:5]} | {i: ["B"] for i in ethics[5:]}  # 15 + 14 = 29
    section = next(s for s in score_form(prog, bank, form, answers).sections if s.code == "ethics")
    assert section.score == Decimal("2.42") and section.passed is False


@given(
    st.lists(st.sampled_from("ABCD"), min_size=12, max_size=12),
    st.integers(min_value=0, max_value=11),
)
def test_option_means_stay_in_bounds_and_never_drop_for_a_better_option(
    picks: list[str], which: int
) -> None:
    bank = scored_bank("pq_program_2")
    prog = PQ_PROGRAM_2
    form = assemble_form(bank, prog, "kk", "s")
    ethics = [f.item_id for f in form.items if f.section == "ethics"]
    answers = {i: [c] for i, c in zip(ethics, picks, strict=True)}
    before = next(s for s in score_form(prog, bank, form, answers).sections if s.code == "ethics")
    better = dict(answers, **{ethics[which]: ["D"]})
    after = next(s for s in score_form(prog, bank, form, better).sections if s.code == "ethics")
    assert Decimal(0) <= before.score <= after.score <= Decimal(5)
