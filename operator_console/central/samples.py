"""A sample roster for the demo, as the central system would send it."""

from __future__ import annotations

import base64
import random
from datetime import date, datetime, timedelta
from typing import Any

import cv2
import numpy as np

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


def sample_photo(i: int, female: bool) -> str:
    """A drawn passport-style portrait (no real person), as JPEG in base64 like a roster's."""
    rng = random.Random(i)
    height, width = 300, 240
    image = np.full((height, width, 3), (236, 232, 226), np.uint8)
    skin = (rng.randint(120, 170), rng.randint(150, 190), rng.randint(185, 225))
    hair = (rng.randint(10, 60),) * 3
    coat = (rng.randint(60, 140), rng.randint(40, 90), rng.randint(20, 60))
    cv2.ellipse(image, (120, 330), (110, 90), 0, 180, 360, coat, -1)
    cv2.rectangle(image, (105, 190), (135, 245), skin, -1)
    if female:
        cv2.ellipse(image, (120, 150), (70, 95), 0, 0, 360, hair, -1)
    cv2.ellipse(image, (120, 140), (52, 68), 0, 0, 360, skin, -1)
    cv2.ellipse(image, (120, 95), (56, 34), 0, 180, 360, hair, -1)
    for x in (100, 140):
        cv2.circle(image, (x, 135), 5, (40, 40, 40), -1)
    cv2.ellipse(image, (120, 172), (16, 7), 0, 0, 180, (70, 70, 140), 2)
    ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return base64.b64encode(jpeg.tobytes()).decode("ascii")


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
        "photo_jpeg_b64": sample_photo(i, female),
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
