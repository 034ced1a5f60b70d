"""The seat's flow, without Qt: the order of things at one kiosk and what a seat reply means.

Seat, confirmation, language, camera, tutorial, instructions, test, finish, lock: the stage
machine every kiosk runs. It reads the room server's seat replies (a candidate seated, a test
ended or moved away, the room paused and resumed, the server's clock) and the candidate's input,
and says what must happen through `FlowHooks`. It never waits on the network: whoever drives it
(the kiosk window's model, through a thread pool; the scripted candidate, in its own thread)
makes the calls and hands their answers back.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from hardware.clock import Clock
from kiosk.answer_sheet import AnswerSheet, Mark
from kiosk.countdown import Countdown, Tick
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.sitting import Sitting
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.kiosk_api import (
    AttemptSummary,
    FinishResponse,
    FormView,
    LockReport,
    SeatAssignment,
)

log = logging.getLogger(__name__)

CLOCK_SAMPLE_MAX_ROUND_TRIP = 2.0
"""Seconds: a seat reply slower than this moves no countdown (the next quick one will)."""


class Stage(StrEnum):
    IDLE = "idle"
    CONFIRM = "confirm"
    LANGUAGE = "language"
    CAMERA = "camera"
    TUTORIAL = "tutorial"
    """Before the first timed part: the tools, and a practice question that counts for nothing."""
    INSTRUCTIONS = "instructions"
    TEST = "test"
    BETWEEN = "between"
    """One program finished, the next (legislation after the state language) still to come."""
    FINISH = "finish"
    LOCKED = "locked"


BEFORE_THE_TEST = (Stage.CONFIRM, Stage.LANGUAGE, Stage.CAMERA, Stage.TUTORIAL, Stage.INSTRUCTIONS)


@dataclass
class Lock:
    reason: str
    note: str
    back_to: Stage
    message: str | None = None
    """Status code for the lock screen: unlocking, offline, or refused:<the refusal's code>."""
    also: set[str] = field(default_factory=set)
    """Other reasons noticed while locked, each reported once."""
    from_server: bool = False
    """The room server locked the seat (the operator paused it, or the room): it may lift it."""
    seen_at: float = 0.0
    """When (monotonic) this kiosk took the lock: only a later seat poll can lift it."""


class FlowHooks:
    """What the flow asks of whoever drives it. Each does nothing here; the kiosk's model makes
    them signals, camera calls and background jobs."""

    def changed(self) -> None:
        """The stage, the seat or a status message changed."""

    def question_changed(self) -> None:
        """The open question, an answer, a flag or the sheet's status changed."""

    def language_chosen(self, language: str) -> None:
        """The screens speak this language from now on."""

    def take_over(self, attempt_id: str, seat: SeatAssignment) -> None:
        """Fetch the form of a running attempt this kiosk never had; answer with
        `SeatFlow.taken_over` (or `take_over_failed`)."""

    def start_camera(self, attempt_id: str | None) -> None:
        """A candidate is at the seat: the camera opens and records `attempt_id` (None: the
        next program of the sitting)."""

    def record(self, attempt_id: str | None) -> None:
        """The camera records this attempt from now on; None stops the recording."""

    def report(self, category: str, code: str, note: str) -> None:
        """An incident for the operator."""

    def report_lock(self, report: LockReport) -> None:
        """The kiosk locked itself: the operator must know before they can lift it."""

    def sitting_opened(self, sitting: Sitting) -> None:
        """A part opened here: its answers are to be carried to the room server."""

    def sitting_closing(self) -> None:
        """The part is being handed in: nothing more is carried on its own."""

    def answered(self) -> None:
        """A new answer is on disk."""


class SeatFlow:
    def __init__(
        self,
        client: HallClient | None,
        journal: Journal,
        clock: Clock,
        hooks: FlowHooks | None = None,
        *,
        ui_language: str = "kk",
    ) -> None:
        self.client, self.journal, self.clock = client, journal, clock
        self.hooks = hooks or FlowHooks()
        self.stage = Stage.IDLE
        self.message: str | None = None if client else "not_enrolled"
        self.ui_language = ui_language
        self.seat: SeatAssignment | None = None
        self.language: str | None = None
        self.sitting: Sitting | None = None
        self.sheet: AnswerSheet | None = None
        """The last part's sheet: kept after the finish for the screens that still show it."""
        self.countdown: Countdown | None = None
        self.results: list[FinishResponse] = []
        self.ended_by_operator = False
        """The last test was closed by the operator at the console, not by the candidate."""
        self.help: str | None = None
        """The candidate's call for the operator: `asked`, `seen` by the server, or None."""
        self.lock_state: Lock | None = None
        self.confirming_submit = False
        self.finishing = False
        self.candidate: str | None = None
        self.candidate_name: str | None = None
        """Who sits here, kept to the end of the sitting (the seat forgets them at the finish)."""
        self._taking_over = False
        self._seat_time: datetime | None = None
        self._asked = itertools.count(1)
        """Every request that can tell the seat's state is numbered when it is sent."""
        self._fresh_from = 0
        """Seat answers to requests numbered below this are stale (asked before the last
        unlock was known here)."""

    # ----- the seat ---------------------------------------------------------------------------

    def ask(self) -> int:
        """The number of a request about to be sent that will tell the seat's state."""
        return next(self._asked)

    def polled(self, seat: SeatAssignment, sent: float, ticket: int) -> None:
        """The answer to seat request `ticket`, sent at monotonic time `sent`."""
        if ticket < self._fresh_from:
            # Asked before the seat was unlocked: its lock and its time are both old. Counted,
            # not timed: two requests can leave at the same clock reading.
            return
        self.on_seat(seat, sent, self.clock.monotonic() - sent)

    def reported(self, seat: SeatAssignment, ticket: int) -> None:
        """The seat the server answered a report with (request `ticket`): no clock sample."""
        if ticket >= self._fresh_from:
            self.on_seat(seat)

    def on_seat(
        self, seat: SeatAssignment, sent: float | None = None, round_trip: float = 0.0
    ) -> None:
        """The seat as the server saw it, answering a request `sent` at that monotonic time."""
        if self._seat_time is not None and seat.server_time < self._seat_time:
            return  # an answer overtaken by a newer one (a poll racing an unlock)
        self._seat_time = seat.server_time
        self.seat = seat
        if self.help == "asked" and seat.help_pending:
            self.help = "seen"
        elif self.help == "seen" and not seat.help_pending:
            self.help = None  # an operator acknowledged it: they are here
        state = self.lock_state
        if (
            self.stage is Stage.LOCKED
            and state is not None
            and state.from_server
            and seat.locked_at is None
            and sent is not None
            and sent > state.seen_at
        ):
            self._lifted(seat, sent, round_trip)  # the room resumed: no code to type
            return
        taken = self._to_take_over(seat)
        if taken is not None:
            self._taking_over = True
            self.hooks.take_over(taken, seat)
        if seat.locked_at is not None and self.stage is not Stage.LOCKED:
            self.lock(seat.lock_reason or "operator", "", report=False)
        if self.sitting is not None and self._ended_on_server(seat):
            return
        if self.sitting is not None:
            self._follow_server_clock(seat, sent, round_trip)
        candidate = seat.registration_id if seat.attempts else None
        if self.stage in BEFORE_THE_TEST:
            if candidate is None or candidate != self.candidate:
                self._back_to_idle()
        elif candidate and (
            self.stage is Stage.IDLE or (self.stage is Stage.FINISH and candidate != self.candidate)
        ):
            self.candidate, self.results, self.language = candidate, [], None
            self.candidate_name = seat.full_name
            self.ended_by_operator = False
            self.hooks.start_camera(None)
            self.go(Stage.CONFIRM)
        self.hooks.changed()

    def _to_take_over(self, seat: SeatAssignment) -> str | None:
        """A sitting running on the server that this kiosk never had: moved here from a seat
        whose kiosk failed. It goes on here, with what the server holds."""
        if self.sitting is not None or self._taking_over or self.client is None:
            return None
        if self.stage is Stage.LOCKED:
            if self.lock_state is None or self.lock_state.back_to is Stage.TEST:
                return None
        elif self.stage not in (Stage.IDLE, Stage.CONFIRM):
            return None
        running = next((a for a in seat.attempts if a.status == "running"), None)
        if running is None or self.journal.finished_reason(running.attempt_id) is not None:
            return None
        return running.attempt_id

    def taken_over(self, form: FormView, seat: SeatAssignment) -> None:
        self._taking_over = False
        if self.sitting is not None:
            return
        self.candidate, self.candidate_name = seat.registration_id, seat.full_name
        state = self.lock_state if self.stage is Stage.LOCKED else None
        self.resume(form)
        if state is not None:  # behind the operator's code: the test is what it opens
            state.back_to = Stage.TEST
            self.stage = Stage.LOCKED
            if self.sitting is not None:
                self.sitting.pause()
        log.warning("attempt %s taken over at seat %s", form.attempt_id, seat.seat)
        self.hooks.question_changed()
        self.hooks.changed()

    def take_over_failed(self, attempt_id: str, error: BaseException) -> None:
        self._taking_over = False
        log.error("could not take over attempt %s: %s", attempt_id, error)

    def _ended_on_server(self, seat: SeatAssignment) -> bool:
        """The operator terminated the running part (or moved it away): the test closes here."""
        sitting = self.sitting
        if sitting is None or self.finishing or self.stage not in (Stage.TEST, Stage.LOCKED):
            return False
        mine = next((a for a in seat.attempts if a.attempt_id == sitting.attempt_id), None)
        if mine is not None and mine.status != "finished":
            return False
        log.warning("attempt %s was closed by the room server", sitting.attempt_id)
        self.journal.mark_finished(sitting.attempt_id, "terminated")
        self.sitting = None
        self.lock_state = None
        self.ended_by_operator = True
        self.hooks.record(None)
        self.go(Stage.FINISH)
        return True

    def _lifted(self, seat: SeatAssignment, sent: float, round_trip: float) -> None:
        """The server lifted the lock it had set (the room resumed): back to where it was."""
        state = self.lock_state
        assert state is not None
        self.lock_state = None
        self._forget_older()
        if self.sitting is not None:
            mine = self._mine(seat)
            if mine is not None and mine.deadline_at is not None and mine.status == "running":
                middle = sent + round_trip / 2
                self.sitting.rebase(mine.deadline_at, seat.server_time, at_monotonic=middle)
            else:
                self.sitting = None
        self.go(state.back_to if (state.back_to is not Stage.TEST or self.sitting) else Stage.IDLE)

    def _forget_older(self) -> None:
        """The seat was just unlocked: any answer to a request asked before this moment may
        have been made before the unlock reached the server, and shows the lock still on. Only
        requests asked from now on tell the seat's state."""
        self._fresh_from = self.ask()

    def _mine(self, seat: SeatAssignment) -> AttemptSummary | None:
        sitting = self.sitting
        if sitting is None:
            return None
        return next((a for a in seat.attempts if a.attempt_id == sitting.attempt_id), None)

    def _follow_server_clock(
        self, seat: SeatAssignment, sent: float | None, round_trip: float
    ) -> None:
        sitting = self.sitting
        assert sitting is not None
        mine = self._mine(seat)
        if mine is None or mine.deadline_at is None or mine.paused or sitting.paused:
            return
        if round_trip > CLOCK_SAMPLE_MAX_ROUND_TRIP:
            return  # the server's time lies somewhere in a long round trip: not a clock sample
        # The server read its clock between the request leaving and the answer arriving.
        middle = None if sent is None else sent + round_trip / 2
        sitting.rebase(mine.deadline_at, seat.server_time, at_monotonic=middle)

    def _back_to_idle(self) -> None:
        self.candidate = None
        self.candidate_name = None
        self.language = None
        self.results = []
        self.hooks.record(None)
        self.go(Stage.IDLE)

    def go(self, stage: Stage) -> None:
        self.stage = stage
        self.message = None
        self.confirming_submit = False
        self.hooks.changed()

    def say(self, message: str | None) -> None:
        self.message = message
        self.hooks.changed()

    # ----- before the test --------------------------------------------------------------------

    def next_attempt(self) -> AttemptSummary | None:
        """The first program of this sitting not finished yet."""
        done = {r.attempt_id for r in self.results}
        for summary in self.seat.attempts if self.seat else []:
            if summary.status != "finished" and summary.attempt_id not in done:
                return summary
        return None

    def confirm(self, is_me: bool) -> None:
        if self.stage is not Stage.CONFIRM:
            return
        if is_me:
            self.go(Stage.LANGUAGE)
            return
        # The operator comes, checks, re-seats if need be, and resumes with a code.
        self.lock("identity_disputed", "the candidate says the name on the screen is not theirs")

    def choose_language(self, language: str) -> None:
        if self.stage is not Stage.LANGUAGE:
            return
        self.language = language
        self.ui_language = language
        self.hooks.language_chosen(language)
        self.go(Stage.CAMERA)

    def back_to_language(self) -> None:
        """From the camera check back to the choice of language (nothing has started yet)."""
        if self.stage is Stage.CAMERA:
            self.go(Stage.LANGUAGE)

    def camera_done(self, faces_seen: int) -> None:
        if self.stage is not Stage.CAMERA:
            return
        if faces_seen != 1:
            self.hooks.report(
                "camera", "camera_check_failed", f"{faces_seen} faces seen at the camera check"
            )
        self.go(Stage.TUTORIAL)

    def tutorial_done(self) -> None:
        if self.stage is Stage.TUTORIAL:
            self.go(Stage.INSTRUCTIONS)

    def session_running(self) -> bool:
        return bool(self.seat and self.seat.session_status == "running")

    def begin(self) -> AttemptSummary | None:
        """The program to start on the room server now, or None (not now: the message says
        why when the candidate should know)."""
        summary = self.next_attempt()
        if self.stage is not Stage.INSTRUCTIONS or summary is None or self.client is None:
            return None
        if self.message == "starting":
            return None  # already asked
        if not self.session_running():
            self.say("wait_session")
            return None
        self.say("starting")
        return summary

    def start_failed(self, error: BaseException) -> None:
        log.error("could not start the attempt: %s", error)
        if isinstance(error, ServerRefused):
            self.say(f"refused:{error.code}")
        else:
            self.say("offline" if isinstance(error, ServerUnreachable) else "refused")

    def opened(self, form: FormView) -> None:
        """The room server started the part: the test opens."""
        self._open(form)
        self.hooks.record(form.attempt_id)
        self.go(Stage.TEST)

    def resume(self, form: FormView) -> None:
        """After a restart or a move: the journalled attempt, its answers and flags."""
        self.language = form.language
        self.ui_language = form.language
        self.hooks.language_chosen(form.language)
        self._open(form)
        self.stage = Stage.TEST
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
        if self.stage is not Stage.TEST or self.sitting is None or self.finishing:
            return None
        return self.sheet

    def _marked(self, mark: Mark) -> None:
        if mark is Mark.IGNORED:
            return
        if mark is Mark.CLOSED:
            self.message = "section_closed"
        elif mark is Mark.CHANGED:
            self.hooks.answered()
        self.hooks.question_changed()

    def choose(self, choice_id: str) -> None:
        if sheet := self._answering():
            self._marked(sheet.choose(choice_id))

    def clear_answer(self) -> None:
        if sheet := self._answering():
            self._marked(sheet.clear())

    def go_to(self, index: int) -> None:
        sheet = self.sheet
        if self.stage is Stage.TEST and sheet is not None and sheet.go_to(index):
            self.confirming_submit = False
            if self.message == "section_closed":
                self.message = None
            self.hooks.question_changed()

    def toggle_flag(self) -> None:
        sheet = self.sheet
        if self.stage is Stage.TEST and self.sitting and sheet and sheet.toggle_flag():
            self.hooks.question_changed()

    def toggle_struck(self, choice_id: str) -> None:
        """Rules an option out, or back in. Only the screen shows it: nothing is saved or sent."""
        sheet = self.sheet
        if self.stage is Stage.TEST and sheet is not None and sheet.toggle_struck(choice_id):
            self.hooks.question_changed()

    def request_submit(self) -> None:
        if self.stage is Stage.TEST and not self.finishing:
            self.confirming_submit = True
            self.hooks.question_changed()

    def cancel_submit(self) -> None:
        self.confirming_submit = False
        self.hooks.question_changed()

    def tick(self) -> Tick | None:
        """A look at the clock during the test: warnings due, sections closed (the candidate is
        taken past them), the end. None outside a running test."""
        sitting, countdown, sheet = self.sitting, self.countdown, self.sheet
        if self.stage is not Stage.TEST or sitting is None or self.finishing:
            return None
        if countdown is None or sheet is None:
            return None
        found = countdown.tick(sitting.remaining())
        for code in found.closed:
            target = sheet.first_open_after(code)
            if target is not None:
                self.go_to(target)
        return found

    def finish(self, reason: str) -> Sitting | None:
        """The part is handed in (or its time is over): the sitting to finish on the server,
        or None when there is none or it is already being finished."""
        sitting = self.sitting
        if sitting is None or self.finishing:
            return None
        self.finishing = True
        self.confirming_submit = False
        self.hooks.sitting_closing()
        self.say("finishing")
        return sitting

    def finish_waiting(self, error: BaseException) -> None:
        """The room server did not take the finish yet: the answers are in the journal, and the
        driver tries again."""
        log.warning("finishing %s: %s", self.sitting.attempt_id if self.sitting else "-", error)
        self.say("finish_waiting")

    def finished(self, done: FinishResponse) -> None:
        self.results.append(done)
        self.sitting = None
        self.finishing = False
        self.hooks.record(None)
        following = self.next_attempt()
        if following is not None:
            self.hooks.record(following.attempt_id)
        self.go(Stage.BETWEEN if following else Stage.FINISH)

    def continue_to_next(self) -> None:
        if self.stage is Stage.BETWEEN:
            self.go(Stage.INSTRUCTIONS)

    # ----- lock -------------------------------------------------------------------------------

    def lock(
        self,
        reason: str,
        note: str = "",
        *,
        report: bool = True,
        down_since: datetime | None = None,
    ) -> None:
        """Covers the test until the operator's code; the attempt's clock stops meanwhile."""
        if self.stage is Stage.LOCKED:
            state = self.lock_state
            if report and state and reason != state.reason and reason not in state.also:
                state.also.add(reason)  # already locked: the operator still hears of it, once
                self.hooks.report("lockdown", reason, note)
            return
        self.lock_state = Lock(
            reason, note, self.stage, from_server=not report, seen_at=self.clock.monotonic()
        )
        if self.sitting:
            self.sitting.pause()
        if report:
            self.hooks.report_lock(
                LockReport(
                    at=self.hall_now(), reason=reason, note=note[:2000], down_since=down_since
                )
            )
        self.go(Stage.LOCKED)

    def unlocking(self, code: str) -> bool:
        """The operator typed a code: True when it is to be sent."""
        state = self.lock_state
        if self.stage is not Stage.LOCKED or state is None or self.client is None:
            return False
        if not code.strip():
            return False
        state.message = "unlocking"
        self.hooks.changed()
        return True

    def unlock_failed(self, error: BaseException) -> None:
        if self.lock_state is None:
            return
        if isinstance(error, ServerRefused):
            self.lock_state.message = f"refused:{error.code}"
        else:
            self.lock_state.message = "offline"
        self.hooks.changed()

    def unlocked(self, seat: SeatAssignment, sent: float) -> None:
        """The server took the operator's code (the request left at monotonic time `sent`)."""
        state = self.lock_state
        if state is None:
            return
        self.lock_state = None
        self.seat, self._seat_time = seat, seat.server_time
        self._forget_older()
        if self.sitting is not None:
            mine = self._mine(seat)
            if mine is not None and mine.deadline_at is not None:
                middle = (sent + self.clock.monotonic()) / 2
                self.sitting.rebase(mine.deadline_at, seat.server_time, at_monotonic=middle)
            elif mine is None:
                # Closed on the server meanwhile (the operator ended it): nothing to resume.
                self.sitting = None
        self.go(state.back_to if (state.back_to is not Stage.TEST or self.sitting) else Stage.IDLE)

    # ----- the operator -----------------------------------------------------------------------

    def hall_now(self) -> datetime:
        if self.sitting:
            return self.sitting.hall_now()
        return self.clock.now()

    def call_operator(self) -> None:
        """The candidate raises a hand: an alert on the operator's map until someone comes."""
        if self.help is not None:
            return
        self.help = "asked"
        self.hooks.report("examinee", "help_requested", "the candidate asks for the operator")
        self.hooks.changed()
