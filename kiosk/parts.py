"""The sitting's parts and their answers: the program to start next, the part open now (its
sitting, answer sheet and countdown), the hand-in, and the results of the parts done. No Qt.

A part is started on the room server by whoever drives the flow (`begin` says which, `opened`
takes the form); the candidate's answers go through the answer sheet to the journal; the finish is
made by the driver too (`finish` gives the sitting, `finished` takes the result).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from hardware.clock import Clock
from kiosk.answer_sheet import AnswerSheet, Mark
from kiosk.countdown import Countdown, Tick
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.seat_watch import SeatWatch
from kiosk.sitting import Sitting
from kiosk.stages import Progress, Stage
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.kiosk_api import (
    AttemptSummary,
    FinishResponse,
    FormItemView,
    FormView,
    SeatAssignment,
)

log = logging.getLogger(__name__)

CLOCK_SAMPLE_MAX_ROUND_TRIP = 2.0
"""Seconds: a seat reply slower than this moves no countdown (the next quick one will)."""


class Parts:
    def __init__(
        self,
        progress: Progress,
        watch: SeatWatch,
        client: HallClient | None,
        journal: Journal,
        clock: Clock,
    ) -> None:
        self.progress, self.watch = progress, watch
        self.hooks = progress.hooks
        self.client, self.journal, self.clock = client, journal, clock
        self.sitting: Sitting | None = None
        self.sheet: AnswerSheet | None = None
        """The last part's sheet: kept after the finish for the screens that still show it."""
        self.countdown: Countdown | None = None
        self.results: list[FinishResponse] = []
        self.ended_by_operator = False
        """The last test was closed by the operator at the console, not by the candidate."""
        self.finishing = False

    # ----- what the screens read --------------------------------------------------------------

    @property
    def items(self) -> list[FormItemView]:
        return self.sheet.items if self.sheet and self.sitting else []

    @property
    def item(self) -> FormItemView | None:
        return self.items[self.index] if self.items else None

    @property
    def index(self) -> int:
        return self.sheet.index if self.sheet else 0

    @property
    def answers(self) -> dict[str, list[str]]:
        return self.sheet.answers if self.sheet else {}

    @property
    def flags(self) -> set[str]:
        return self.sheet.flags if self.sheet else set()

    @property
    def saved_item(self) -> str | None:
        return self.sheet.saved_item if self.sheet else None

    @property
    def struck(self) -> dict[str, set[str]]:
        return self.sheet.struck if self.sheet else {}

    def unanswered(self) -> int:
        return self.sheet.unanswered() if self.sheet else 0

    def closed_sections(self) -> set[str]:
        sheet = self.sheet
        return sheet.closed_sections() if sheet and self.sitting else set()

    def section_left(self, code: str) -> timedelta | None:
        sheet = self.sheet
        return sheet.section_left(code) if sheet and self.sitting else None

    def remaining(self) -> timedelta:
        return self.sitting.remaining() if self.sitting else timedelta(0)

    def hall_now(self) -> datetime:
        if self.sitting:
            return self.sitting.hall_now()
        return self.clock.now()

    # ----- starting a part --------------------------------------------------------------------

    def next_attempt(self) -> AttemptSummary | None:
        """The first program of this sitting not finished yet."""
        done = {r.attempt_id for r in self.results}
        seat = self.watch.seat
        for summary in seat.attempts if seat else []:
            if summary.status != "finished" and summary.attempt_id not in done:
                return summary
        return None

    def begin(self) -> AttemptSummary | None:
        """The program to start on the room server now, or None (not now: the message says
        why when the candidate should know)."""
        summary = self.next_attempt()
        if self.progress.stage is not Stage.INSTRUCTIONS or summary is None or self.client is None:
            return None
        if self.progress.message == "starting":
            return None  # already asked
        if not self.watch.session_running():
            self.progress.say("wait_session")
            return None
        self.progress.say("starting")
        return summary

    def start_failed(self, error: BaseException) -> None:
        log.error("could not start the attempt: %s", error)
        if isinstance(error, ServerRefused):
            self.progress.say(f"refused:{error.code}")
        else:
            self.progress.say("offline" if isinstance(error, ServerUnreachable) else "refused")

    def opened(self, form: FormView) -> None:
        """The room server started the part: the test opens."""
        self._open(form)
        self.hooks.record(form.attempt_id)
        self.progress.go(Stage.TEST)

    def resume(self, form: FormView) -> None:
        """After a restart or a move: the journalled attempt, its answers and flags (the
        candidate's language is set first)."""
        self._open(form)
        self.progress.stage = Stage.TEST
        self.hooks.start_camera(form.attempt_id)

    def _open(self, form: FormView) -> None:
        assert self.client is not None
        sitting = Sitting(form, self.journal, self.client, self.clock)
        self.sitting = sitting
        self.countdown = Countdown.begin(form.program, sitting.remaining())
        self.sheet = AnswerSheet(sitting, self.countdown)
        self.finishing = False
        self.hooks.sitting_opened(sitting)

    # ----- the test ---------------------------------------------------------------------------

    def _answering(self) -> AnswerSheet | None:
        if self.progress.stage is not Stage.TEST or self.sitting is None or self.finishing:
            return None
        return self.sheet

    def _marked(self, mark: Mark) -> None:
        if mark is Mark.IGNORED:
            return
        if mark is Mark.CLOSED:
            self.progress.message = "section_closed"
        elif mark is Mark.CHANGED:
            self.hooks.answered()
        self.hooks.question_changed()

    def choose(self, choice_id: str) -> None:
        """Picks one option (in a multiple-choice question, ticks or unticks it); durable on
        return."""
        if sheet := self._answering():
            self._marked(sheet.choose(choice_id))

    def clear_answer(self) -> None:
        if sheet := self._answering():
            self._marked(sheet.clear())

    def go_to(self, index: int) -> None:
        sheet = self.sheet
        if self.progress.stage is Stage.TEST and sheet is not None and sheet.go_to(index):
            self.progress.confirming_submit = False
            if self.progress.message == "section_closed":
                self.progress.message = None
            self.hooks.question_changed()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def toggle_flag(self) -> None:
        sheet = self.sheet
        if self.progress.stage is Stage.TEST and self.sitting and sheet and sheet.toggle_flag():
            self.hooks.question_changed()

    def toggle_struck(self, choice_id: str) -> None:
        """Rules an option out, or back in. Only the screen shows it: nothing is saved or sent."""
        sheet = self.sheet
        if (
            self.progress.stage is Stage.TEST
            and sheet is not None
            and sheet.toggle_struck(choice_id)
        ):
            self.hooks.question_changed()

    def request_submit(self) -> None:
        if self.progress.stage is Stage.TEST and not self.finishing:
            self.progress.confirming_submit = True
            self.hooks.question_changed()

    def cancel_submit(self) -> None:
        self.progress.confirming_submit = False
        self.hooks.question_changed()

    def tick(self) -> Tick | None:
        """A look at the clock during the test: warnings due, sections closed (the candidate is
        taken past them), the end. None outside a running test."""
        sitting, countdown, sheet = self.sitting, self.countdown, self.sheet
        if self.progress.stage is not Stage.TEST or sitting is None or self.finishing:
            return None
        if countdown is None or sheet is None:
            return None
        found = countdown.tick(sitting.remaining())
        for code in found.closed:
            target = sheet.first_open_after(code)
            if target is not None:
                self.go_to(target)
        return found

    # ----- the server's clock -----------------------------------------------------------------

    def mine(self, seat: SeatAssignment) -> AttemptSummary | None:
        """What the seat reply says of the open part."""
        sitting = self.sitting
        if sitting is None:
            return None
        return next((a for a in seat.attempts if a.attempt_id == sitting.attempt_id), None)

    def follow_server_clock(
        self, seat: SeatAssignment, sent: float | None, round_trip: float
    ) -> None:
        sitting = self.sitting
        assert sitting is not None
        mine = self.mine(seat)
        if mine is None or mine.deadline_at is None or mine.paused or sitting.paused:
            return
        if round_trip > CLOCK_SAMPLE_MAX_ROUND_TRIP:
            return  # the server's time lies somewhere in a long round trip: not a clock sample
        # The server read its clock between the request leaving and the answer arriving.
        middle = None if sent is None else sent + round_trip / 2
        sitting.rebase(mine.deadline_at, seat.server_time, at_monotonic=middle)

    # ----- the end of a part ------------------------------------------------------------------

    def finish(self, reason: str) -> Sitting | None:
        """The part is handed in (or its time is over): the sitting to finish on the server,
        or None when there is none or it is already being finished."""
        sitting = self.sitting
        if sitting is None or self.finishing:
            return None
        self.finishing = True
        self.progress.confirming_submit = False
        self.hooks.sitting_closing()
        self.progress.say("finishing")
        return sitting

    def finish_waiting(self, error: BaseException) -> None:
        """The room server did not take the finish yet: the answers are in the journal, and the
        driver tries again."""
        log.warning("finishing %s: %s", self.sitting.attempt_id if self.sitting else "-", error)
        self.progress.say("finish_waiting")

    def finished(self, done: FinishResponse) -> None:
        self.results.append(done)
        self.sitting = None
        self.finishing = False
        self.hooks.record(None)
        following = self.next_attempt()
        if following is not None:
            self.hooks.record(following.attempt_id)
        self.progress.go(Stage.BETWEEN if following else Stage.FINISH)

    def continue_to_next(self) -> None:
        if self.progress.stage is Stage.BETWEEN:
            self.progress.go(Stage.INSTRUCTIONS)

    def ended_on_server(self, seat: SeatAssignment) -> bool:
        """The operator terminated the running part (or moved it away)."""
        if self.sitting is None or self.finishing:
            return False
        if self.progress.stage not in (Stage.TEST, Stage.LOCKED):
            return False
        mine = self.mine(seat)
        return mine is None or mine.status == "finished"

    def close_ended(self) -> None:
        """The part the room server ended closes here too."""
        sitting = self.sitting
        assert sitting is not None
        log.warning("attempt %s was closed by the room server", sitting.attempt_id)
        self.journal.mark_finished(sitting.attempt_id, "terminated")
        self.sitting = None
        self.ended_by_operator = True
        self.hooks.record(None)
        self.progress.go(Stage.FINISH)
