"""The seat's flow and the answer sheet without Qt: a real room server on loopback, a real
journal, the test's clock, and no QApplication. The scripted candidate drives the same flow."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from hardware.clock import FakeClock
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.scripted import ScriptedCandidate, ScriptedResult
from kiosk.seat_flow import SeatFlow
from kiosk.sitting import Sitting
from kiosk.stages import FlowHooks, Stage
from operator_console.central.store import StubStore
from operator_console.protocol.kiosk_api import LockReport, SeatAssignment
from operator_console.server.serve import ServerThread
from tests.hall import Hall, open_hall, program_three_roster, wait_until
from tests.kiosk.ui import server_answers


class Heard(FlowHooks):
    """Every hook the flow called, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def names(self) -> list[str]:
        return [n for n, _ in self.calls if n not in ("changed", "question_changed")]

    def language_chosen(self, language: str) -> None:
        self.calls.append(("language_chosen", language))

    def take_over(self, attempt_id: str, seat: SeatAssignment) -> None:
        self.calls.append(("take_over", attempt_id))

    def start_camera(self, attempt_id: str | None) -> None:
        self.calls.append(("start_camera", attempt_id))

    def record(self, attempt_id: str | None) -> None:
        self.calls.append(("record", attempt_id))

    def report(self, category: str, code: str, note: str) -> None:
        self.calls.append(("report", code))

    def report_lock(self, report: LockReport) -> None:
        self.calls.append(("report_lock", report.reason))

    def sitting_opened(self, sitting: Sitting) -> None:
        self.calls.append(("sitting_opened", sitting.attempt_id))

    def sitting_closing(self) -> None:
        self.calls.append(("sitting_closing", None))

    def answered(self) -> None:
        self.calls.append(("answered", None))


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    journal = Journal(tmp_path / "journal.db")
    yield journal
    journal.close()


def poll(flow: SeatFlow, client: HallClient) -> None:
    sent, ticket = flow.clock.monotonic(), flow.watch.ask()
    flow.polled(client.seat(), sent, ticket)


def to_the_test(flow: SeatFlow, client: HallClient, language: str) -> str:
    """Through the steps before the test, as a candidate who knows them; the attempt's id."""
    poll(flow, client)
    flow.candidate.confirm(True)
    flow.candidate.choose_language(language)
    flow.candidate.camera_done(1)
    flow.candidate.tutorial_done()
    summary = flow.parts.begin()
    assert summary is not None
    flow.parts.opened(client.start_attempt(summary.attempt_id, language))
    return summary.attempt_id


def test_the_modules_below_the_window_load_without_qt() -> None:
    code = (
        "import sys, kiosk.seat_flow, kiosk.answer_sheet, kiosk.countdown, kiosk.scripted;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_candidate_goes_from_the_seat_to_the_finish(hall: Hall, journal: Journal) -> None:
    client = hall.seat(hall.registrations[1], "A01")  # legislation only
    heard = Heard()
    flow = SeatFlow(client, journal, hall.clock, heard)
    poll(flow, client)
    assert flow.progress.stage is Stage.CONFIRM and flow.candidate.name
    assert heard.names() == ["start_camera"]
    flow.candidate.confirm(True)
    flow.candidate.choose_language("ru")
    flow.candidate.camera_done(2)  # two faces at the check: the operator hears of it
    flow.candidate.tutorial_done()
    assert flow.progress.stage is Stage.INSTRUCTIONS
    assert flow.parts.begin() is None and flow.progress.message == "wait_session"
    hall.console.start_session(hall.session_id)
    poll(flow, client)
    summary = flow.parts.begin()
    assert summary is not None and flow.progress.message == "starting"
    assert flow.parts.begin() is None  # asked once, however often Begin is pressed
    flow.parts.opened(client.start_attempt(summary.attempt_id, "ru"))
    assert flow.progress.stage is Stage.TEST and flow.parts.sheet is not None
    item = flow.parts.sheet.items[0]
    flow.parts.choose(item.choices[0].id)
    flow.parts.choose(item.choices[0].id)  # the same again: written once
    assert journal.answers(summary.attempt_id) == {item.item_id: [item.choices[0].id]}
    flow.parts.toggle_flag()
    assert journal.flags(summary.attempt_id) == {item.item_id}
    sitting = flow.parts.finish("submitted")
    assert sitting is not None and flow.parts.finish("submitted") is None
    flow.parts.choose(item.choices[1].id)  # handed in: the sheet takes nothing more
    flow.parts.finished(sitting.finish("submitted"))
    assert flow.progress.stage is Stage.FINISH and flow.parts.sitting is None
    assert heard.names() == [
        "start_camera",
        "language_chosen",
        "report",
        "sitting_opened",
        "record",
        "answered",
        "sitting_closing",
        "record",
    ]
    assert ("report", "camera_check_failed") in heard.calls
    assert server_answers(hall, summary.attempt_id) == {item.item_id: [item.choices[0].id]}


def test_a_seat_reply_asked_before_an_unlock_does_not_lock_again(
    hall: Hall, journal: Journal
) -> None:
    client = hall.seat(hall.registrations[1], "A01")
    hall.console.start_session(hall.session_id)
    flow = SeatFlow(client, journal, hall.clock, Heard())
    poll(flow, client)
    flow.candidate.confirm(False)  # "that is not me": locked until the operator's code
    assert flow.progress.stage is Stage.LOCKED and flow.seat_lock.state is not None
    client.lock(LockReport(at=hall.clock.now(), reason="identity_disputed", note=""))
    stale_ticket, stale_sent = flow.watch.ask(), hall.clock.monotonic()
    locked_seat = client.seat()  # asked before the unlock, answered after it
    assert locked_seat.locked_at is not None
    resume = hall.console.resume_seat("A01", hall.sitting("A01")).resume_code
    assert resume is not None and flow.seat_lock.unlocking(resume.code)
    sent = hall.clock.monotonic()
    # A poll that leaves after the code but is answered before the server takes it.
    racing_ticket, racing_seat = flow.watch.ask(), client.seat()
    flow.seat_lock.unlocked(client.unlock(resume.code), sent)
    assert flow.progress.stage is Stage.CONFIRM
    flow.polled(locked_seat, stale_sent, stale_ticket)
    assert flow.progress.stage is Stage.CONFIRM
    flow.polled(racing_seat, sent, racing_ticket)
    assert flow.progress.stage is Stage.CONFIRM
    flow.reported(locked_seat, stale_ticket)  # the lock report's answer, come back late
    assert flow.progress.stage is Stage.CONFIRM
    flow.reported(locked_seat, flow.watch.ask())  # a lock the server holds now still locks
    assert flow.progress.stage is Stage.LOCKED


def test_the_countdown_runs_on_the_seat_and_time_ends_the_part(
    hall: Hall, journal: Journal
) -> None:
    client = hall.seat(hall.registrations[1], "A01")
    hall.console.start_session(hall.session_id)
    flow = SeatFlow(client, journal, hall.clock)
    to_the_test(flow, client, "kk")
    left = flow.parts.sitting.remaining() if flow.parts.sitting else timedelta(0)
    hall.clock.advance(left - timedelta(minutes=4, seconds=59))
    found = flow.parts.tick()
    assert found is not None and found.warnings == [5] and not found.expired
    hall.clock.advance(timedelta(minutes=5))
    found = flow.parts.tick()
    assert found is not None and found.warnings == [1] and found.expired


@pytest.fixture
def program_three(
    tmp_path: Path, keys: Path, driven_stub: ServerThread, stub_store: StubStore, clock: FakeClock
) -> Iterator[Hall]:
    yield from open_hall(
        tmp_path, keys, driven_stub, stub_store, clock, roster=program_three_roster(clock)
    )


def test_a_closed_section_keeps_its_answers_and_the_candidate_goes_on(
    program_three: Hall, journal: Journal
) -> None:
    hall = program_three
    client = hall.seat(hall.registrations[0], "A01")
    hall.console.start_session(hall.session_id)
    flow = SeatFlow(client, journal, hall.clock)
    attempt_id = to_the_test(flow, client, "ru")
    sheet = flow.parts.sheet
    assert sheet is not None and sheet.item is not None
    first = sheet.item
    assert first.section == "logical_thinking"
    flow.parts.choose(first.choices[0].id)
    hall.clock.advance(timedelta(minutes=30, seconds=1))
    found = flow.parts.tick()
    assert found is not None and found.closed == ["logical_thinking"]
    assert sheet.item is not None and sheet.item.section != "logical_thinking"
    flow.parts.go_to(0)
    flow.parts.choose(first.choices[1].id)
    flow.parts.clear_answer()
    assert flow.progress.message == "section_closed"
    assert sheet.answers[first.item_id] == [first.choices[0].id]
    assert journal.answers(attempt_id) == {first.item_id: [first.choices[0].id]}


def test_the_scripted_candidate_waits_for_the_session_and_sits_both_programs(
    hall: Hall, tmp_path: Path
) -> None:
    client = hall.seat(hall.registrations[0], "A01")  # state language, then legislation
    journal = Journal(tmp_path / "scripted.db")
    candidate = ScriptedCandidate(
        client, journal, hall.clock, seat="A01", skill=0.8, rng=random.Random(3)
    )
    stop = threading.Event()
    outcome: list[ScriptedResult] = []
    sitting = threading.Thread(target=lambda: outcome.append(candidate.sit(stop)))
    sitting.start()
    try:
        # A candidate at the seat but no session running: the kiosk waits at the instructions.
        wait_until(
            lambda: candidate.flow.progress.message == "wait_session" or not sitting.is_alive()
        )
        hall.console.start_session(hall.session_id)
        sitting.join(timeout=60)
    finally:
        stop.set()
        sitting.join(timeout=10)
        journal.close()
    (result,) = outcome
    assert result.error is None
    assert [r.program for r in result.finished] == ["state_language", "legislation"]
    assert candidate.flow.progress.stage is Stage.FINISH
