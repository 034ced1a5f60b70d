"""The test programs as data: one definition each, from which everything else follows.

A program's definition holds its sections, question counts, time limits, scoring, thresholds, retake
policy, its place in a sitting and its names in the hall's languages. The protocol's program codes,
the admission rules, the kiosk's, console's and report's names and the sample banks all read it from
here: adding a program is one `register(Program(...))`, its sample items (generated from the
definition, or written by hand and named in `samples.WRITTEN`) and the translations of any new
sentence. Every number here is from testing-rules.md §1 and §5.
"""

from __future__ import annotations

from collections.abc import Iterable
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
class Words:
    """One thing's name in the hall's languages: Kazakh and Russian, and English for development
    and for the upstream's technicians."""

    kk: str
    ru: str
    en: str

    def said(self, language: str) -> str:
        """The name in `language` ("kk", "ru"); English for any other."""
        return {"kk": self.kk, "ru": self.ru}.get(language, self.en)


@dataclass(frozen=True)
class Retakes:
    """When a candidate may sit the program again (testing-rules §5); None: no such limit."""

    after_fail_days: int | None = None
    """After a fail, the next attempt from this many calendar days after the failed one's day."""
    improve_after_months: int | None = None
    """After a pass, a retake to improve from this many calendar months after the pass."""
    attempts_per_month: int | None = None
    """Attempts without a pass allowed in one calendar month."""


@dataclass(frozen=True)
class SectionSpec:
    code: str
    questions: int
    scoring: Scoring
    threshold: Decimal | None = None
    minutes: int | None = None
    """A time limit of the section's own inside the program's (Program III logical thinking)."""
    names: Words | None = None
    """The section's name (an act, a competency); None: the section is the program itself."""

    def name(self, language: str) -> str:
        return self.names.said(language) if self.names else self.code.replace("_", " ")

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
    title: Words
    """The test's full name, as the candidate reads it."""
    name: Words
    """The short name staff read on the console and in the report."""
    sitting: int
    """Its place when one sitting chains programs: the lower first."""
    total_threshold: Decimal | None = None
    retakes: Retakes = Retakes()

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

    @property
    def option_scored(self) -> bool:
        """Some section scores every option (the personal-qualities kind): no option is wrong."""
        return any(s.scoring is Scoring.OPTION_MEAN for s in self.sections)

    @property
    def pass_marks(self) -> tuple[int, int] | None:
        """(correct in all, correct in each section) when the program is passed on counts with one
        mark for every section, as the legislation test is; None otherwise."""
        marks = {s.threshold for s in self.sections}
        counted = all(s.scoring is Scoring.CORRECT_COUNT for s in self.sections)
        if not counted or self.total_threshold is None or len(marks) != 1 or None in marks:
            return None
        return int(self.total_threshold), int(next(iter(marks)))  # type: ignore[arg-type]

    def section(self, code: str) -> SectionSpec:
        for spec in self.sections:
            if spec.code == code:
                return spec
        raise KeyError(f"program {self.code} has no section {code!r}")


def _counted(
    code: str,
    n: int,
    names: Words | None,
    threshold: int | None = None,
    minutes: int | None = None,
) -> SectionSpec:
    limit = None if threshold is None else Decimal(threshold)
    return SectionSpec(code, n, Scoring.CORRECT_COUNT, limit, minutes, names)


COMPETENCIES: dict[str, Words] = {
    "proactivity": Words("Бастамашылдық", "Инициативность", "Proactivity"),
    "communication": Words("Коммуникативтілік", "Коммуникативность", "Communication"),
    "analytical_thinking": Words(
        "Аналитикалық ойлау", "Аналитическое мышление", "Analytical thinking"
    ),
    "strategic_thinking": Words(
        "Стратегиялық ойлау", "Стратегическое мышление", "Strategic thinking"
    ),
    "leadership": Words("Көшбасшылық", "Лидерство", "Leadership"),
    "ethics": Words("Әдептілік", "Этичность", "Ethics"),
    "results_orientation": Words(
        "Нәтижеге бағдарлану", "Ориентация на результат", "Results orientation"
    ),
    "anti_corruption": Words(
        "Сыбайлас жемқорлыққа төзбеушілік", "Нетерпимость к коррупции", "Intolerance to corruption"
    ),
    "responsibility": Words("Жауапкершілік", "Ответственность", "Responsibility"),
    "performance_management": Words(
        "Қызметті басқару", "Управление деятельностью", "Performance management"
    ),
}
"""The competencies Programs I and II assess (their sections), named as the Agency names them."""


def _competencies(*codes: str) -> tuple[SectionSpec, ...]:
    return tuple(
        SectionSpec(c, 12, Scoring.OPTION_MEAN, Decimal("2.5"), names=COMPETENCIES[c])
        for c in codes
    )


PERSONAL_QUALITIES_RETAKES = Retakes(improve_after_months=3, attempts_per_month=3)
"""Programs I-III: three attempts a month until a pass; a pass improved on after three months."""

LEGISLATION = Program(
    "legislation",
    minutes=55,
    sections=(
        _counted("constitution", 15, Words("Конституция", "Конституция", "Constitution"), 5),
        _counted(
            "civil_service_law",
            15,
            Words(
                "Мемлекеттік қызмет туралы заң",
                "Закон о государственной службе",
                "Law on Civil Service",
            ),
            5,
        ),
        _counted(
            "anti_corruption_law",
            15,
            Words(
                "Сыбайлас жемқорлыққа қарсы іс-қимыл туралы заң",
                "Закон о противодействии коррупции",
                "Law on Combating Corruption",
            ),
            5,
        ),
        _counted("ethics_code", 10, Words("Әдеп кодексі", "Этический кодекс", "Ethics Code"), 5),
    ),
    title=Words(
        "Заңнаманы білуге арналған тест",
        "Тестирование на знание законодательства",
        "Legislation knowledge test",
    ),
    name=Words("Заңнама", "Законодательство", "Legislation"),
    sitting=2,
    total_threshold=Decimal(30),
    retakes=Retakes(after_fail_days=3),
)

STATE_LANGUAGE = Program(
    "state_language",
    minutes=20,
    sections=(
        _counted(
            "state_language",
            20,
            Words("Мемлекеттік тіл", "Государственный язык", "State language"),
        ),
    ),
    title=Words(
        "Мемлекеттік тілді білуге арналған тест",
        "Тестирование на знание государственного языка",
        "State language test",
    ),
    name=Words("Мемлекеттік тіл", "Государственный язык", "State language"),
    sitting=1,
)


def _personal_qualities(number: str) -> tuple[Words, Words]:
    return (
        Words(
            f"Жеке қасиеттерді бағалау, {number} бағдарлама",
            f"Оценка личных качеств, программа {number}",
            f"Personal qualities assessment, Program {number}",
        ),
        Words(
            f"Жеке қасиеттер, {number} бағдарлама",
            f"Личные качества, программа {number}",
            f"Personal qualities, Program {number}",
        ),
    )


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
    title=_personal_qualities("I")[0],
    name=_personal_qualities("I")[1],
    sitting=3,
    total_threshold=Decimal(30),
    retakes=PERSONAL_QUALITIES_RETAKES,
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
    title=_personal_qualities("II")[0],
    name=_personal_qualities("II")[1],
    sitting=4,
    total_threshold=Decimal(20),
    retakes=PERSONAL_QUALITIES_RETAKES,
)

PQ_PROGRAM_3 = Program(
    "pq_program_3",
    minutes=120,
    sections=(
        _counted(
            "logical_thinking",
            30,
            Words("Логикалық ойлау", "Логическое мышление", "Logical thinking"),
            10,
            minutes=30,
        ),
        SectionSpec(
            "value_orientations",
            30,
            Scoring.OPTION_MEAN,
            names=Words("Құндылықтық бағдарлар", "Ценностные ориентации", "Value orientations"),
        ),
        SectionSpec(
            "emotional_intelligence",
            72,
            Scoring.OPTION_MEAN,
            names=Words(
                "Эмоционалдық интеллект", "Эмоциональный интеллект", "Emotional intelligence"
            ),
        ),
    ),
    title=_personal_qualities("III")[0],
    name=_personal_qualities("III")[1],
    sitting=5,
    retakes=PERSONAL_QUALITIES_RETAKES,
)

PROGRAMS: dict[str, Program] = {}
"""Every program the hall knows, by code, in sitting order."""


def register(definition: Program) -> Program:
    """Makes a program known to every part of the hall (protocol, rules, screens, report)."""
    if definition.code in PROGRAMS:
        raise ValueError(f"program {definition.code!r} is already defined")
    ordered = sorted([*PROGRAMS.values(), definition], key=lambda p: p.sitting)
    PROGRAMS.clear()
    PROGRAMS.update((p.code, p) for p in ordered)
    return definition


def withdraw(code: str) -> None:
    """Forgets a program (a test's own, when the test is over)."""
    PROGRAMS.pop(code, None)


for _defined in (LEGISLATION, STATE_LANGUAGE, PQ_PROGRAM_1, PQ_PROGRAM_2, PQ_PROGRAM_3):
    register(_defined)


def sitting_order(codes: Iterable[str]) -> list[str]:
    """The programs of one sitting in the order they run (state language first)."""
    return sorted(codes, key=lambda c: program(c).sitting)


LANGUAGES: tuple[str, ...] = ("kk", "ru")


def program(code: str) -> Program:
    try:
        return PROGRAMS[code]
    except KeyError:
        raise KeyError(f"unknown program {code!r}; known: {', '.join(PROGRAMS)}") from None


def section_words(code: str) -> Words | None:
    """A section's names, from whichever program has it."""
    for defined in PROGRAMS.values():
        for spec in defined.sections:
            if spec.code == code and spec.names is not None:
                return spec.names
    return None
