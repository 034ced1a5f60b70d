"""Sample banks for the personal-qualities programs I, II and III (generated; marked sample).

Situational items give every option a score from 0 to 5; Program III's logical-thinking tasks
are number series with one right continuation.
"""

from __future__ import annotations

from question_banks.bank import Bank, Item
from question_banks.programs import Program, Scoring, program
from question_banks.samples.items import Version, keyed, scored

NAMES = {
    "proactivity": ("бастамашылдық", "инициативность"),
    "communication": ("коммуникация", "коммуникативность"),
    "analytical_thinking": ("аналитикалық ойлау", "аналитическое мышление"),
    "strategic_thinking": ("стратегиялық ойлау", "стратегическое мышление"),
    "leadership": ("көшбасшылық", "лидерство"),
    "ethics": ("әдептілік", "этичность"),
    "results_orientation": ("нәтижеге бағдарлану", "ориентация на результат"),
    "anti_corruption": ("сыбайлас жемқорлыққа төзбеушілік", "нетерпимость к коррупции"),
    "responsibility": ("жауапкершілік", "ответственность"),
    "performance_management": ("қызметті басқару", "управление деятельностью"),
    "value_orientations": ("құндылық бағдарлары", "ценностные ориентации"),
    "emotional_intelligence": ("эмоционалдық интеллект", "эмоциональный интеллект"),
}

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


def _situational(code: str, n: int) -> Item:
    kk_name, ru_name = NAMES[code]
    kk_text, ru_text, kk_opts, ru_opts = SITUATIONS[n % len(SITUATIONS)]
    kk: Version = (f"Жағдаят № {n} ({kk_name}). {kk_text}", kk_opts)
    ru: Version = (f"Ситуация № {n} ({ru_name}). {ru_text}", ru_opts)
    return scored(f"{code}-s{n:03d}", code, SCORES, kk, ru)


def _series(n: int) -> Item:
    start, step = 2 + n % 7, 2 + n % 5
    shown = ", ".join(str(start + k * step) for k in range(4))
    right = start + 4 * step
    choices = tuple(str(v) for v in (right, right + 1, right - step + 1, right + step))
    kk: Version = (f"Қатарды жалғастырыңыз: {shown}, ...", choices)
    ru: Version = (f"Продолжите ряд: {shown}, ...", choices)
    return keyed(f"logical_thinking-s{n:03d}", "logical_thinking", 0, kk, ru)


def _bank(prog: Program, pool_factor: int) -> Bank:
    items: list[Item] = []
    for spec in prog.sections:
        for n in range(1, spec.questions * pool_factor + 1):
            counted = spec.scoring is Scoring.CORRECT_COUNT
            items.append(_series(n) if counted else _situational(spec.code, n))
    return Bank(
        f"sample-{prog.code.replace('_', '-')}", "2026.1", prog.code, tuple(items), sample=True
    )


def sample_personal_qualities_bank(code: str, pool_factor: int = 2) -> Bank:
    return _bank(program(code), pool_factor)
