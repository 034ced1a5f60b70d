"""What a real QTI item holds beside the question: the candidate sees only the question.

Feedback ("Correct", "That's right, ...") gives the answer away, and a scorer's rubric is not
for the candidate: none of it may reach a prompt or an option. A template item cannot be sealed,
and a hostile one (a score that is not a number, thousands of nested blocks) is refused by name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from question_banks.archive import SafeArchive
from question_banks.qti import ParsedItem, read_package
from tests.question_banks.qti_files import item, package


def _read(tmp_path: Path, xml: str) -> tuple[list[ParsedItem], list[tuple[str, str, str]]]:
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": xml})
    with SafeArchive(pkg) as archive:
        parsed = read_package(archive, None, "constitution")
    return parsed.items, parsed.problems


def _with_choices(options: str, body: str = "") -> str:
    plain = item(body_extra=body)
    start = plain.index("<simpleChoice")
    end = plain.index("</choiceInteraction>")
    return plain[:start] + options + plain[end:]


def test_inline_feedback_in_an_option_is_not_part_of_the_option(tmp_path: Path) -> None:
    options = (
        '<simpleChoice identifier="A">Behaviorism'
        '<feedbackInline outcomeIdentifier="FEEDBACK" identifier="A" showHide="show">'
        "Correct</feedbackInline></simpleChoice>"
        '<simpleChoice identifier="B">False <feedbackInline outcomeIdentifier="FEEDBACK" '
        'identifier="B" showHide="show">That\'s right, an octahedron has 8 faces.'
        "</feedbackInline> indeed</simpleChoice>"
        '<simpleChoice identifier="C">Ninety</simpleChoice>'
    )
    (got,), problems = _read(tmp_path, _with_choices(options))
    assert problems == []
    assert got.choices == [("A", "Behaviorism"), ("B", "False indeed"), ("C", "Ninety")]


def test_feedback_templates_and_rubrics_not_for_the_candidate_stay_out_of_the_prompt(
    tmp_path: Path,
) -> None:
    body = (
        '<feedbackBlock outcomeIdentifier="FEEDBACK" identifier="B" showHide="show">'
        "<p>The answer is B.</p></feedbackBlock>"
        '<rubricBlock view="scorer"><p>An actual scoring rubric could go here</p></rubricBlock>'
        '<rubricBlock view="tutor proctor"><p>Tell them it is B</p></rubricBlock>'
        '<rubricBlock view="candidate"><p>Read the article first.</p></rubricBlock>'
        "<div><p>Which article?</p>"
        '<templateBlock templateIdentifier="T" identifier="x" showHide="show">'
        "<p>B, of course</p></templateBlock></div>"
    )
    (got,), problems = _read(tmp_path, item(body_extra=body))
    assert problems == []
    assert got.prompt.split("\n") == ["Question q1?", "Read the article first.", "Which article?"]


def test_a_template_item_is_refused_with_its_reason(tmp_path: Path) -> None:
    templated = item().replace(
        "<itemBody>",
        '<templateDeclaration identifier="a" cardinality="single" baseType="integer"/><itemBody>',
    )
    items, problems = _read(tmp_path, templated)
    assert items == []
    assert [(file.endswith("items/q1.xml"), name) for file, name, _why in problems] == [
        (True, "q1")
    ]
    assert "template item (templateDeclaration)" in problems[0][2]


@pytest.mark.parametrize("value", ["NaN", "sNaN", "Infinity", "-inf", "x"])
def test_an_option_score_that_is_not_a_number_is_refused_by_name(
    tmp_path: Path, value: str
) -> None:
    scored = item(correct=None, mapping={"A": "1", "B": value, "C": "0", "D": "2"})
    items, problems = _read(tmp_path, scored)
    assert items == [] and len(problems) == 1
    assert problems[0][1] == "q1" and "is not a number" in problems[0][2], problems


def test_an_interaction_under_thousands_of_blocks_is_read_without_recursing(
    tmp_path: Path,
) -> None:
    plain = item()
    start = plain.index("<choiceInteraction")
    end = plain.index("</itemBody>")
    deep = "<div>" * 3000 + plain[start:end] + "</div>" * 3000
    (got,), problems = _read(tmp_path, plain[:start] + deep + plain[end:])
    assert problems == [] and got.prompt == "Question q1?" and len(got.choices) == 4


def test_an_option_that_is_only_a_picture_is_refused_not_imported_empty(tmp_path: Path) -> None:
    from question_banks.importer import ImportFailed, import_qti
    from tests.question_banks.qti_files import PNG

    options = (
        '<simpleChoice identifier="A"><img src="../media/a.png" alt=""/></simpleChoice>'
        '<simpleChoice identifier="B">Option B</simpleChoice>'
    )
    pkg = package(
        tmp_path / "p.zip",
        {"items/q1.xml": _with_choices(options), "media/a.png": PNG},
    )
    with pytest.raises(ImportFailed) as failed:
        import_qti([pkg], program_code="state_language", out=tmp_path / "bank",
                   section="state_language")  # fmt: skip
    said = [str(p) for p in failed.value.problems]
    assert any("choices A have no text (kk)" in line and "q1" in line for line in said), said
