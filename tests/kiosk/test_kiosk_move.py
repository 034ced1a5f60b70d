"""A kiosk killed mid-test, the candidate moved to a spare seat: the test goes on there with
every answer and flag the room server holds, and the dead seat can no longer write to it."""

from __future__ import annotations

import os
import signal
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.hall_client import HallClient, enroll
from kiosk.stages import Stage
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import AnswerChange
from operator_console.protocol.reasons import Reason
from operator_console.server.models import Attempt
from tests.hall import Hall, wait_until
from tests.kiosk.kiosk_child import spawn
from tests.kiosk.ui import (
    WAIT_MS,
    child,
    press,
    running_kiosk,
    seated_on_disk,
    server_answers,
    wait_stage,
)

ROOT = Path(__file__).resolve().parents[2]
ANSWERS, FLAGS = 12, 2
DEAD = Reason(category="technical", code="kiosk_dead")


def test_a_sitting_moved_from_a_killed_kiosk_finishes_on_a_spare_seat_with_every_answer(
    qtbot: QtBot, hall: Hall, tmp_path: Path
) -> None:
    data = tmp_path / "a01"
    enrolled = seated_on_disk(hall, data)
    child_process = spawn(data, ANSWERS, FLAGS)
    saved: dict[str, list[str]] = {}
    flagged: set[str] = set()
    assert child_process.stdout is not None
    with child_process.stdout as lines:
        for line in lines:  # the test's timeout bounds this
            word, *rest = line.split()
            if word == "saved":
                saved[rest[0]] = [rest[1]]
            elif word == "flagged":
                flagged.add(rest[0])
            if len(flagged) == FLAGS:
                break

        def held() -> bool:
            with hall.runtime.tx() as db:
                attempt = db.execute(select(Attempt).where(Attempt.status == "running")).scalar()
                return attempt is not None and set(attempt.flags or []) == flagged

        wait_until(held, timeout=20, what="the answers and flags on the room server")
        os.kill(child_process.pid, signal.SIGKILL)  # the kiosk's hardware dies
    assert child_process.wait(timeout=10) == -signal.SIGKILL
    with hall.runtime.tx() as db:
        attempt_id = db.execute(select(Attempt.id).where(Attempt.status == "running")).scalar_one()
    assert server_answers(hall, attempt_id) == saved

    code = hall.console.enrollment_code("B01").code  # the spare seat's kiosk
    spare = HallClient(hall.server.url, enroll(hall.server.url, code, "spare").token)
    with running_kiosk(hall, spare, tmp_path / "b01") as kiosk:
        model = kiosk.model
        wait_stage(qtbot, kiosk, Stage.IDLE)
        moved = hall.console.move("A01", hall.sitting("A01"), "B01", DEAD)
        assert moved.resume_code is not None
        qtbot.waitUntil(lambda: model.parts.sitting is not None, timeout=WAIT_MS)
        wait_stage(qtbot, kiosk, Stage.LOCKED)
        assert model.parts.answers == saved and model.parts.flags == flagged
        child(kiosk, "resume_code").setFocus()
        qtbot.keyClicks(child(kiosk, "resume_code"), moved.resume_code.code)
        press(qtbot, kiosk, "key_ok")
        wait_stage(qtbot, kiosk, Stage.TEST)
        assert child(kiosk, "cell_1").property("flagged") == "true"
        total = len(model.parts.items)
        for n in range(ANSWERS, total):
            model.parts.go_to(n)
            model.parts.choose(model.parts.items[n].choices[0].id)
        model.parts.request_submit()
        press(qtbot, kiosk, "confirm_submit")
        wait_stage(qtbot, kiosk, Stage.FINISH)
    answers = server_answers(hall, attempt_id)
    assert len(answers) == total and all(answers[k] == v for k, v in saved.items())

    old = HallClient(hall.server.url, enrolled.token)
    with pytest.raises(ServerRefused) as refused:
        old.send_answers(
            attempt_id,
            [
                AnswerChange(
                    seq=999, item_id=next(iter(saved)), choices=[], answered_at=datetime.now(UTC)
                )
            ],
        )
    assert refused.value.status in (403, 409)
    old.close()
    spare.close()
