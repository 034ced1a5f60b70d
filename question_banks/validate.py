"""Bank validation: can this bank serve its program in every language it claims?"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from question_banks.bank import BANK_FILE, Bank, Item
from question_banks.programs import MAX_OPTION_SCORE, Program, Scoring, program


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.item}: {self.message}"


def _source(item: Item, lang: str | None = None) -> str:
    texts = item.texts
    text = texts.get(lang) if lang else None
    chosen = text or next(iter(texts.values()), None)
    return chosen.source if chosen and chosen.source else BANK_FILE


def _choice_problems(item: Item) -> list[Problem]:
    problems = []
    ids_by_lang = {}
    for lang, text in sorted(item.texts.items()):
        ids = [c.id for c in text.choices]
        if len(ids) != len(set(ids)):
            dup = sorted({i for i in ids if ids.count(i) > 1})
            problems.append(
                Problem(
                    text.source or BANK_FILE,
                    item.id,
                    f"duplicate choice ids {', '.join(dup)} ({lang})",
                )
            )
        if len(ids) < 2:
            problems.append(
                Problem(text.source or BANK_FILE, item.id, f"needs at least two choices ({lang})")
            )
        blank = [c.id for c in text.choices if not c.text.strip()]
        if blank:  # an option that was only a picture, or only feedback: nothing to read
            problems.append(
                Problem(
                    text.source or BANK_FILE,
                    item.id,
                    f"choices {', '.join(blank)} have no text ({lang}); options that are "
                    "pictures are not supported yet",
                )
            )
        ids_by_lang[lang] = sorted(ids)
    if len({tuple(v) for v in ids_by_lang.values()}) > 1:
        problems.append(
            Problem(
                _source(item),
                item.id,
                "choice ids differ between languages: "
                + "; ".join(f"{k} {','.join(v)}" for k, v in ids_by_lang.items()),
            )
        )
    return problems


def _key_problems(item: Item, scoring: Scoring) -> list[Problem]:
    where, choices = _source(item), set(item.choice_ids)
    if scoring is Scoring.CORRECT_COUNT:
        if not item.correct:
            return [Problem(where, item.id, "missing correct response")]
        problems = []
        if not item.correct <= choices:
            problems.append(
                Problem(
                    where,
                    item.id,
                    "correct response names "
                    f"{', '.join(sorted(item.correct - choices))}, not a choice",
                )
            )
        if len(item.correct) > 1 and not item.multiple:
            problems.append(
                Problem(where, item.id, f"single-choice item keys {len(item.correct)} choices")
            )
        return problems
    if not item.option_scores:
        return [Problem(where, item.id, "missing option scores (mapping)")]
    problems = [
        Problem(where, item.id, f"option score {value} for {key} outside 0-5")
        for key, value in sorted(item.option_scores.items())
        if not Decimal(0) <= value <= MAX_OPTION_SCORE
    ]
    missing = choices - set(item.option_scores)
    if missing:
        problems.append(
            Problem(where, item.id, f"no option score for {', '.join(sorted(missing))}")
        )
    return problems


def _language_problems(item: Item, languages: set[str]) -> list[Problem]:
    missing = sorted(languages - set(item.texts))
    if not missing:
        return []
    have = ", ".join(sorted(item.texts))
    return [Problem(_source(item), item.id, f"present in {have} but not in {', '.join(missing)}")]


def _pool_problems(bank: Bank, prog: Program, languages: set[str]) -> list[Problem]:
    problems = []
    for spec in prog.sections:
        for lang in sorted(languages):
            have = len(bank.pool(spec.code, lang))
            if have < spec.questions:
                problems.append(
                    Problem(
                        BANK_FILE,
                        f"section {spec.code}",
                        f"{have} items in {lang}, the program draws {spec.questions}",
                    )
                )
    return problems


def validate_bank(
    bank: Bank, media_ok: Callable[[str], bool] = lambda _name: True
) -> list[Problem]:
    """Every problem, sorted; an empty list means the bank can serve its program."""
    prog = program(bank.program)
    codes = {s.code: s for s in prog.sections}
    languages = bank.languages()
    problems: list[Problem] = []
    if not languages:
        problems.append(Problem(BANK_FILE, "bank", "no items"))
    for item in bank.items:
        spec = codes.get(item.section)
        if spec is None:
            problems.append(
                Problem(
                    _source(item),
                    item.id,
                    f"unknown section {item.section!r} for {prog.code} (known: {', '.join(codes)})",
                )
            )
            continue
        problems += _choice_problems(item)
        problems += _key_problems(item, spec.scoring)
        problems += _language_problems(item, languages)
        for _lang, text in sorted(item.texts.items()):
            problems += [
                Problem(text.source or BANK_FILE, item.id, f"unreadable media {name}")
                for name in text.images
                if not media_ok(name)
            ]
    problems += _pool_problems(bank, prog, languages)
    return sorted(set(problems))
