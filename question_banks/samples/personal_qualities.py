"""Generated sample banks (marked sample): Programs I, II and III, and any program defined without
sample items of its own.

Situational items give every option a score from 0 to 5 (an option-scored section); a counted
section (Program III's logical thinking) gets number series with one right continuation.
"""

from __future__ import annotations

from question_banks.bank import Bank, Item
from question_banks.programs import Program, Scoring, SectionSpec, program
from question_banks.samples.items import Version, keyed, scored

# (kk situation, ru situation, kk options, ru options); options score 5, 3, 1, 0 in this order.
SITUATIONS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "Әріптесіңіз маңызды тапсырманың мерзімін кешіктіріп жатыр. Сіз не істейсіз?",
        "Коллега срывает срок важного поручения. Что вы сделаете?",
        (
            "Себебін анықтап, бірге шешім ұсынамын",
            "Басшыға хабарлаймын",
            "Оның жұмысын өзім жасаймын",
            "Ештеңе істемеймін",
        ),
        (
            "Выясню причину и предложу совместное решение",
            "Сообщу руководителю",
            "Сделаю его работу сам",
            "Ничего не буду делать",
        ),
    ),
    (
        "Азамат шағыммен келді, бірақ мәселе сіздің құзыретіңізде емес. Сіз не істейсіз?",
        "Гражданин пришёл с жалобой, но вопрос не в вашей компетенции. Что вы сделаете?",
        (
            "Құзыретті органды түсіндіріп, сонда жолдаймын",
            "Шағымды қабылдап, әріптеске беремін",
            "Келесі аптада келуді сұраймын",
            "Қабылдаудан бас тартамын",
        ),
        (
            "Объясню, какой орган компетентен, и направлю туда",
            "Приму жалобу и передам коллеге",
            "Попрошу прийти на следующей неделе",
            "Откажу в приёме",
        ),
    ),
    (
        "Сізге жаңа, бейтаныс міндет жүктелді. Сіз не істейсіз?",
        "Вам поручили новую, незнакомую задачу. Что вы сделаете?",
        (
            "Жоспар құрып, қажет білімді тез меңгеремін",
            "Тәжірибелі әріптестен кеңес сұраймын",
            "Нұсқауды күтемін",
            "Тапсырмадан бас тартамын",
        ),
        (
            "Составлю план и быстро освою нужное",
            "Попрошу совета у опытного коллеги",
            "Буду ждать инструкций",
            "Откажусь от поручения",
        ),
    ),
)
SCORES = (5, 3, 1, 0)


def _lower(name: str) -> str:
    return name[:1].lower() + name[1:]


def _situational(spec: SectionSpec, n: int) -> Item:
    code = spec.code
    kk_name, ru_name = _lower(spec.name("kk")), _lower(spec.name("ru"))
    kk_text, ru_text, kk_opts, ru_opts = SITUATIONS[n % len(SITUATIONS)]
    kk: Version = (f"Жағдаят № {n} ({kk_name}). {kk_text}", kk_opts)
    ru: Version = (f"Ситуация № {n} ({ru_name}). {ru_text}", ru_opts)
    return scored(f"{code}-s{n:03d}", code, SCORES, kk, ru)


def _series(spec: SectionSpec, n: int) -> Item:
    start, step = 2 + n % 7, 2 + n % 5
    shown = ", ".join(str(start + k * step) for k in range(4))
    right = start + 4 * step
    choices = tuple(str(v) for v in (right, right + 1, right - step + 1, right + step))
    kk: Version = (f"Қатарды жалғастырыңыз: {shown}, ...", choices)
    ru: Version = (f"Продолжите ряд: {shown}, ...", choices)
    return keyed(f"{spec.code}-s{n:03d}", spec.code, 0, kk, ru)


def _bank(prog: Program, pool_factor: int) -> Bank:
    items: list[Item] = []
    for spec in prog.sections:
        for n in range(1, spec.questions * pool_factor + 1):
            counted = spec.scoring is Scoring.CORRECT_COUNT
            items.append(_series(spec, n) if counted else _situational(spec, n))
    return Bank(
        f"sample-{prog.code.replace('_', '-')}", "2026.1", prog.code, tuple(items), sample=True
    )


def sample_generated_bank(code: str, pool_factor: int = 2) -> Bank:
    """Items made from the program's definition: situations whose every option scores for an
    option-scored section, number series with one right continuation for a counted one."""
    return _bank(program(code), pool_factor)
