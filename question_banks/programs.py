"""The test programs as data: sections, question counts, time limits, scoring and thresholds.

Every number here is from testing-rules.md §1; change them only through a signed program package.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Scoring(StrEnum):
    CORRECT_COUNT = "correct_count"
    """One point per item answered exactly right (multi-answer items all-or-nothing)."""
    OPTION_MEAN = "option_mean"
    """Mean of the chosen options' scores (0-5) over the section's items, two decimals."""


MAX_OPTION_SCORE = Decimal(5)
"""The highest score an option of a personal-qualities item may carry."""


@dataclass(frozen=True)
class SectionSpec:
    code: str
    questions: int
    scoring: Scoring
    threshold: Decimal | None = None
    minutes: int | None = None
    """A time limit of the section's own inside the program's (Program III logical thinking)."""

    @property
    def maximum(self) -> Decimal:
        """The most the section can score: a point a question, or the top option score."""
        if self.scoring is Scoring.CORRECT_COUNT:
            return Decimal(self.questions)
        return MAX_OPTION_SCORE


@dataclass(frozen=True)
class Program:
    code: str
    minutes: int
    sections: tuple[SectionSpec, ...]
    total_threshold: Decimal | None = None

    @property
    def questions(self) -> int:
        return sum(s.questions for s in self.sections)

    @property
    def maximum(self) -> Decimal:
        return sum((s.maximum for s in self.sections), Decimal(0))

    @property
    def has_threshold(self) -> bool:
        return self.total_threshold is not None or any(
            s.threshold is not None for s in self.sections
        )

    def section(self, code: str) -> SectionSpec:
        for spec in self.sections:
            if spec.code == code:
                return spec
        raise KeyError(f"program {self.code} has no section {code!r}")


def _counted(
    code: str, n: int, threshold: int | None = None, minutes: int | None = None
) -> SectionSpec:
    limit = None if threshold is None else Decimal(threshold)
    return SectionSpec(code, n, Scoring.CORRECT_COUNT, limit, minutes)


def _competencies(*codes: str) -> tuple[SectionSpec, ...]:
    return tuple(SectionSpec(c, 12, Scoring.OPTION_MEAN, Decimal("2.5")) for c in codes)


LEGISLATION = Program(
    "legislation",
    minutes=55,
    sections=(
        _counted("constitution", 15, 5),
        _counted("civil_service_law", 15, 5),
        _counted("anti_corruption_law", 15, 5),
        _counted("ethics_code", 10, 5),
    ),
    total_threshold=Decimal(30),
)

STATE_LANGUAGE = Program("state_language", minutes=20, sections=(_counted("state_language", 20),))

PQ_PROGRAM_1 = Program(
    "pq_program_1",
    minutes=90,
    sections=_competencies(
        "proactivity",
        "communication",
        "analytical_thinking",
        "strategic_thinking",
        "leadership",
        "ethics",
        "results_orientation",
        "anti_corruption",
        "responsibility",
        "performance_management",
    ),
    total_threshold=Decimal(30),
)

PQ_PROGRAM_2 = Program(
    "pq_program_2",
    minutes=90,
    sections=_competencies(
        "proactivity",
        "communication",
        "analytical_thinking",
        "ethics",
        "results_orientation",
        "anti_corruption",
        "responsibility",
    ),
    total_threshold=Decimal(20),
)

PQ_PROGRAM_3 = Program(
    "pq_program_3",
    minutes=120,
    sections=(
        _counted("logical_thinking", 30, 10, minutes=30),
        SectionSpec("value_orientations", 30, Scoring.OPTION_MEAN),
        SectionSpec("emotional_intelligence", 72, Scoring.OPTION_MEAN),
    ),
)

PROGRAMS: dict[str, Program] = {
    p.code: p for p in (LEGISLATION, STATE_LANGUAGE, PQ_PROGRAM_1, PQ_PROGRAM_2, PQ_PROGRAM_3)
}

SITTING_ORDER: tuple[str, ...] = (
    "state_language",
    "legislation",
    "pq_program_1",
    "pq_program_2",
    "pq_program_3",
)
"""When one sitting chains programs, they run in this order (state language first)."""

PERSONAL_QUALITIES: frozenset[str] = frozenset({"pq_program_1", "pq_program_2", "pq_program_3"})

LANGUAGES: tuple[str, ...] = ("kk", "ru")


def program(code: str) -> Program:
    try:
        return PROGRAMS[code]
    except KeyError:
        raise KeyError(f"unknown program {code!r}; known: {', '.join(PROGRAMS)}") from None
