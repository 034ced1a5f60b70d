"""Item statistics from the hall's own results: which questions need the authority's attention.

The numbers are `qbank stats`'s (question_banks.stats), read from the result records the hall
has written to its outbox (each carries the form's seed and the answers), for the bank the hall
serves for a program. An item is flagged when enough candidates have met it: too easy, too hard,
or discriminating the wrong way (strong candidates get it wrong more often than weak ones).
"""

from __future__ import annotations

import io
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.administration import (
    Attention,
    ItemStatsView,
    ItemStatView,
)
from operator_console.server.models import OutboxRecord
from question_banks.bank import Bank
from question_banks.stats import item_statistics, write_csv

MIN_EXPOSURE = 5
"""Fewer sittings than this say nothing about an item: it is not flagged."""
TOO_EASY = 0.9
TOO_HARD = 0.2
LOW_DISCRIMINATION = 0.1


def _attention(difficulty: float | None, discrimination: float | None, exposure: int,
               keyed: bool) -> list[Attention]:  # fmt: skip
    if exposure < MIN_EXPOSURE:
        return []
    found: list[Attention] = []
    if keyed and difficulty is not None and difficulty > TOO_EASY:
        found.append("too_easy")
    if keyed and difficulty is not None and difficulty < TOO_HARD:
        found.append("too_hard")
    if discrimination is not None and discrimination < 0:
        found.append("negative_discrimination")
    elif discrimination is not None and discrimination < LOW_DISCRIMINATION:
        found.append("low_discrimination")
    return found


def _records(db: Session, hall_id: str, bank: Bank) -> list[dict[str, object]]:
    bodies = db.execute(
        select(OutboxRecord.body).where(
            OutboxRecord.hall_id == hall_id, OutboxRecord.kind == "result"
        )
    ).scalars()
    records = [json.loads(b) for b in bodies]
    return [
        r
        for r in records
        if (r.get("bank_id"), r.get("bank_version")) == (bank.bank_id, bank.version)
    ]


def view(db: Session, hall_id: str, bank: Bank) -> ItemStatsView:
    records = _records(db, hall_id, bank)
    rows = item_statistics(bank, records)
    return ItemStatsView(
        program=bank.program,
        bank_id=bank.bank_id,
        version=bank.version,
        results=len(records),
        items=[
            ItemStatView(
                item_id=r.item_id,
                language=r.language,
                section=r.section,
                exposure=r.exposure,
                answered=r.answered,
                difficulty=r.difficulty,
                discrimination=r.discrimination,
                choices=dict(r.choices),
                attention=_attention(
                    r.difficulty, r.discrimination, r.exposure, bool(bank.item(r.item_id).correct)
                ),
            )
            for r in rows
        ],
    )


def as_csv(db: Session, hall_id: str, bank: Bank) -> str:
    out = io.StringIO()
    write_csv(item_statistics(bank, _records(db, hall_id, bank)), bank, out)
    return out.getvalue()
