"""A program the hall did not know, defined once with `register(Program(...))`: the protocol takes
its code, the desk its retake rule, the sample bank its sections, the kiosk, console and report
their names, and a candidate sits it through the real screens, all with no other change."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import TypeAdapter, ValidationError
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from hardware.clock import FakeClock
from kiosk.stages import Stage
from operator_console.central.samples import sample_roster
from operator_console.central.store import StubStore
from operator_console.protocol.values import ProgramCode, rfc3339
from operator_console.server.admission.admission_rules import PastAttempt, program_retake_refusal
from operator_console.server.models import OutboxRecord
from operator_console.server.reports import report_texts
from operator_console.server.serve import ServerThread
from operator_console.ui.app import Language
from operator_console.ui.texts import program as console_program
from question_banks.keys import load_box_public, load_signing_key
from question_banks.programs import (
    PROGRAMS,
    Program,
    Retakes,
    Scoring,
    SectionSpec,
    Words,
    register,
    sitting_order,
    withdraw,
)
from question_banks.samples import sample_bank, write_sample_packages
from tests.conftest import HALL_ID, sample_banks
from tests.hall import Hall, open_hall
from tests.kiosk.ui import WAIT_MS, child, press, running_kiosk, wait_stage, walk_to_instructions

PROGRAM_FOUR = Program(
    "pq_program_4",
    minutes=25,
    sections=(
        SectionSpec(
            "situational_judgement",
            6,
            Scoring.CORRECT_COUNT,
            Decimal(4),
            names=Words("Жағдаяттық пайымдау", "Ситуационное суждение", "Situational judgement"),
        ),
    ),
    title=Words(
        "Жеке қасиеттерді бағалау, IV бағдарлама",
        "Оценка личных качеств, программа IV",
        "Personal qualities assessment, Program IV",
    ),
    name=Words("Жеке қасиеттер, IV бағдарлама", "Личные качества, программа IV", "Program IV"),
    sitting=6,
    total_threshold=Decimal(4),
    retakes=Retakes(after_fail_days=7),
)


@pytest.fixture
def program_four() -> Iterator[Program]:
    register(PROGRAM_FOUR)
    try:
        yield PROGRAM_FOUR
    finally:
        withdraw(PROGRAM_FOUR.code)


def test_an_unknown_program_is_refused_until_it_is_defined() -> None:
    codes = TypeAdapter(ProgramCode)
    with pytest.raises(ValidationError, match="pq_program_4"):
        codes.validate_python("pq_program_4")
    register(PROGRAM_FOUR)
    try:
        assert codes.validate_python("pq_program_4") == "pq_program_4"
        with pytest.raises(ValueError, match="already defined"):
            register(PROGRAM_FOUR)
    finally:
        withdraw(PROGRAM_FOUR.code)
    with pytest.raises(ValidationError):
        codes.validate_python("pq_program_4")


def test_the_definition_is_what_every_part_reads(program_four: Program) -> None:
    assert list(PROGRAMS)[-1] == "pq_program_4"  # its sitting puts it last
    assert sitting_order(["pq_program_4", "state_language", "legislation"]) == [
        "state_language",
        "legislation",
        "pq_program_4",
    ]
    assert program_four.pass_marks == (4, 4)
    bank = sample_bank("pq_program_4")
    assert bank.program == "pq_program_4"
    assert {i.section for i in bank.items} == {"situational_judgement"}
    assert all(len(i.correct) == 1 for i in bank.items)  # a counted section: one right option
    for language in ("kk", "ru", "en"):
        words = report_texts.Words(language)
        assert words.program("pq_program_4") == program_four.name.said(language)
        assert words.section("situational_judgement") == program_four.sections[0].name(language)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_console_names_it_in_its_language(
    program_four: Program, qapp: QCoreApplication, language: str
) -> None:
    spoken = Language(qapp)
    spoken.use(language)
    try:
        assert console_program("pq_program_4") == program_four.name.said(language)
    finally:
        spoken.use("en")


def test_its_retake_rule_is_its_own(program_four: Program, clock: FakeClock) -> None:
    now = clock.now()
    zone = ZoneInfo("Asia/Almaty")
    failed = [PastAttempt("pq_program_4", now - timedelta(days=2), "fail")]
    refused = program_retake_refusal("pq_program_4", failed, now.date(), zone)
    assert refused is not None and refused.code == "retake_too_soon"
    long_ago = [PastAttempt("pq_program_4", now - timedelta(days=8), "fail")]
    assert program_retake_refusal("pq_program_4", long_ago, now.date(), zone) is None
    # Three failures in a month stop Programs I-III, not this one: it has no monthly limit.
    thrice = [PastAttempt("pq_program_4", now - timedelta(days=d), "fail") for d in (20, 12, 8)]
    assert program_retake_refusal("pq_program_4", thrice, now.date(), zone) is None


def roster_of_program_four(clock: FakeClock) -> dict[str, Any]:
    """One session of the new program: the first candidate clean, the second failed it two days
    ago (its own rule: a week between)."""
    now = clock.now()
    roster = sample_roster(HALL_ID, now.date(), 2, starts_at=now + timedelta(minutes=10), now=now)
    session = roster["sessions"][0]
    session["programs"] = ["pq_program_4"]
    for candidate in session["candidates"]:
        candidate.update(programs=["pq_program_4"], banned_until=None, last_attempts=[])
    session["candidates"][1]["last_attempts"] = [
        {"program": "pq_program_4", "at": rfc3339(now - timedelta(days=2)), "outcome": "fail"}
    ]
    return roster


@pytest.fixture
def hall(
    program_four: Program,
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
) -> Iterator[Hall]:
    banks = tmp_path / "banks"
    sample_banks(banks, keys)
    write_sample_packages(
        banks,
        authority=load_signing_key(keys / "authority.key"),
        hall=load_box_public(keys / "hall-box.pub"),
        programs=["pq_program_4"],
    )
    yield from open_hall(
        tmp_path, keys, driven_stub, stub_store, clock, roster=roster_of_program_four(clock)
    )


def test_a_candidate_sits_the_new_program_and_another_is_refused_by_its_rule(
    qtbot: QtBot, hall: Hall, tmp_path: Path
) -> None:
    fresh, failed = hall.registrations
    refused = hall.desk.admit(failed)
    assert (refused.status, refused.reason_code) == ("refused", "retake_too_soon")
    client = hall.seat(fresh, "A01")
    hall.console.start_session(hall.session_id)
    bank = hall.runtime.banks.for_program("pq_program_4")
    assert bank is not None
    with running_kiosk(hall, client, tmp_path / "kiosk") as kiosk:
        walk_to_instructions(qtbot, kiosk)
        rules = " ".join(
            shown.text() for shown in kiosk.window.findChildren(QLabel) if shown.isVisible()
        )
        assert "не менее 4 верных ответов всего и не менее 4 по каждому разделу" in rules, rules
        qtbot.waitUntil(lambda: child(kiosk, "begin").isEnabled(), timeout=WAIT_MS)
        press(qtbot, kiosk, "begin")
        wait_stage(qtbot, kiosk, Stage.TEST)
        model = kiosk.model
        assert len(model.parts.items) == 6
        assert "Ситуационное суждение" in child(kiosk, "where").property("text")
        for n in range(6):
            item = model.parts.item
            assert item is not None
            right = bank.item(item.item_id).correct
            pick = next(i for i, c in enumerate(item.choices) if (c.id in right) == (n != 5))
            press(qtbot, kiosk, f"option_{pick}")
            if n < 5:
                press(qtbot, kiosk, "next")
        press(qtbot, kiosk, "submit")
        press(qtbot, kiosk, "confirm_submit")
        wait_stage(qtbot, kiosk, Stage.FINISH)
        scores = child(kiosk, "finish_scores").property("text")
        assert scores.startswith("Оценка личных качеств, программа IV: 5 из 6 баллов, пройден"), (
            scores
        )
    with hall.runtime.tx() as db:
        sent = db.execute(select(OutboxRecord.body).where(OutboxRecord.kind == "result"))
        results = [json.loads(body) for body in sent.scalars()]
    assert [(r["program"], r["outcome"]) for r in results] == [("pq_program_4", "pass")]
