"""A sample roster for the demo, as the central system would send it."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from operator_console.protocol.iin import make_iin
from operator_console.protocol.values import rfc3339

GIVEN = (
    "Айгерім",
    "Нұрлан",
    "Дәурен",
    "Әсел",
    "Ерлан",
    "Гүлнұр",
    "Санжар",
    "Мөлдір",
    "Бауыржан",
    "Жансая",
    "Арман",
    "Інжу",
    "Қайрат",
    "Ұлжан",
    "Тимур",
    "Ольга",
    "Сергей",
    "Динара",
)
FAMILY = (
    ("Жұмабаев", "Жұмабаева"),
    ("Әбілов", "Әбілова"),
    ("Сейітов", "Сейітова"),
    ("Құрманғалиев", "Құрманғалиева"),
    ("Төлеуов", "Төлеуова"),
    ("Оспанов", "Оспанова"),
    ("Исмаилов", "Исмаилова"),
    ("Нұрпейісов", "Нұрпейісова"),
    ("Қасымов", "Қасымова"),
    ("Ахметов", "Ахметова"),
    ("Петров", "Петрова"),
    ("Ким", "Ким"),
)
FEMALE = {"Айгерім", "Әсел", "Гүлнұр", "Мөлдір", "Жансая", "Інжу", "Ұлжан", "Ольга", "Динара"}


def _candidate(i: int, rng: random.Random, now: datetime) -> dict[str, Any]:
    given = GIVEN[i % len(GIVEN)]
    female = given in FEMALE
    family = FAMILY[(i * 7) % len(FAMILY)][1 if female else 0]
    iin = None
    while iin is None:
        born = date(rng.randint(1975, 2003), rng.randint(1, 12), rng.randint(1, 28))
        iin = make_iin(born, female, rng.randint(0, 9999))
    candidate: dict[str, Any] = {
        "registration_id": f"REG-{i + 1:05d}",
        "iin": iin,
        "full_name": f"{family} {given}",
        "photo_jpeg_b64": None,
        # Every third candidate also sits the state-language test, before legislation.
        "programs": ["state_language", "legislation"] if i % 3 == 0 else ["legislation"],
        "languages": ["kk", "ru"],
        "banned_until": None,
        "last_attempts": [],
    }
    # A few candidates the desk must turn away, as in any real day.
    if i == 2:
        candidate["banned_until"] = rfc3339(now + timedelta(days=120))
    elif i % 10 == 5:
        candidate["last_attempts"] = [
            {"program": "legislation", "at": rfc3339(now - timedelta(days=1)), "outcome": "fail"}
        ]
    return candidate


def sample_roster(
    hall_id: str, day: date, candidates: int, starts_at: datetime, now: datetime, seed: int = 2026
) -> dict[str, Any]:
    rng = random.Random(seed)
    return {
        "schema": "hall-roster/1",
        "hall_id": hall_id,
        "date": day.isoformat(),
        "sessions": [
            {
                "session_id": f"{hall_id}-{day:%Y%m%d}-1",
                "starts_at": rfc3339(starts_at),
                "programs": ["state_language", "legislation"],
                "candidates": [_candidate(i, rng, now) for i in range(candidates)],
            }
        ],
    }
