"""Item statistics from the hall's own results, as `qbank stats` computes them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import select

from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import AnswerChange
from operator_console.server.models import OutboxRecord
from operator_console.server.proctoring.item_stats import _attention
from question_banks.stats import item_statistics
from tests.hall import Hall
from tests.operator_console.server.test_recordings_api import person


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


def test_the_hall_reports_each_items_numbers_from_its_results(hall: Hall) -> None:
    hall.console.start_session(hall.session_id)
    for n, (reg, seat) in enumerate([(1, "A01"), (4, "A02")]):
        client = hall.seat(hall.registrations[reg], seat)
        form = hall.start(seat)
        # One candidate answers everything with the first option, the other leaves half blank.
        changes = [
            AnswerChange(seq=i + 1, item_id=item.item_id, choices=[item.choices[0].id],
                         answered_at=hall.clock.now())
            for i, item in enumerate(form.items[: len(form.items) // (n + 1)])
        ]  # fmt: skip
        client.send_answers(form.attempt_id, changes)
        client.finish(form.attempt_id, "submitted", len(changes))
    stats = hall.console.item_stats("legislation")
    assert stats.results == 2 and stats.program == "legislation"
    bank = hall.runtime.banks.for_program("legislation")
    assert bank is not None and stats.bank_id == bank.bank_id
    # The same numbers as question_banks.stats on the same result records.
    with hall.runtime.read() as db:
        records = [json.loads(b) for b in db.execute(
            select(OutboxRecord.body).where(OutboxRecord.kind == "result")).scalars()]  # fmt: skip
    expected = {(r.item_id, r.language): r for r in item_statistics(bank, records)}
    assert {(i.item_id, i.language) for i in stats.items} == set(expected)
    for item in stats.items:
        row = expected[(item.item_id, item.language)]
        assert (item.exposure, item.answered, item.difficulty) == (
            row.exposure, row.answered, row.difficulty)  # fmt: skip
        assert item.attention == []  # two sittings say nothing about an item
    table = list(csv.reader(io.StringIO(hall.console.item_stats_csv("legislation").decode())))
    assert table[0][:3] == ["item_id", "language", "section"] and len(table) == len(expected) + 1
    with pytest.raises(ServerRefused) as unknown:
        hall.console.item_stats("no_such_program")
    assert unknown.value.status == 404
    operator = person(hall, "operator4", "operator")
    assert operator.get("/api/v1/banks/legislation/stats").status_code == 403
    assert operator.get("/api/v1/banks/legislation/stats.csv").status_code == 403
    operator.close()


def test_items_are_flagged_only_with_enough_sittings() -> None:
    assert _attention(0.95, 0.3, 4, True) == []
    assert _attention(0.95, 0.3, 5, True) == ["too_easy"]
    assert _attention(0.1, 0.3, 20, True) == ["too_hard"]
    assert _attention(0.5, -0.2, 20, True) == ["negative_discrimination"]
    assert _attention(0.5, 0.05, 20, True) == ["low_discrimination"]
    assert _attention(0.5, 0.4, 20, True) == []
    # A situational item (option scores, no key) is never too easy or too hard.
    assert _attention(0.97, 0.4, 20, False) == []
