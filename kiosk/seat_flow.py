"""The seat's flow, without Qt: the order of things at one kiosk and what a seat reply means.

Seat, confirmation, language, camera, tutorial, instructions, test, finish, lock: the stage
machine every kiosk runs (`kiosk.stages`). It reads the room server's seat replies (a candidate
seated, a test ended or moved away, the room paused and resumed, the server's clock) and the
candidate's input, and says what must happen through `FlowHooks`. It never waits on the network:
whoever drives it (the kiosk window's model, through a thread pool; the scripted candidate, in its
own thread) makes the calls and hands their answers back.

Its parts, one concept each: `progress` (the stage and the status message), `watch` (what the
server says about the seat), `candidate` (who sits here, and the steps before the test), `parts`
(the sitting's parts and answers) and `seat_lock` (the lock and its lifting). This module joins
them where a seat reply touches several.
"""

from __future__ import annotations

import logging

from hardware.clock import Clock
from kiosk.candidate import Candidate
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.parts import Parts
from kiosk.seat_lock import SeatLock
from kiosk.seat_watch import SeatWatch
from kiosk.stages import BEFORE_THE_TEST, FlowHooks, Progress, Stage
from operator_console.protocol.kiosk_api import FormView, SeatAssignment

log = logging.getLogger(__name__)


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
        self.progress = Progress(self.hooks, message=None if client else "not_enrolled")
        self.watch = SeatWatch(clock, self.hooks)
        self.parts = Parts(self.progress, self.watch, client, journal, clock)
        self.seat_lock = SeatLock(self.progress, self.watch, self.parts, client, clock)
        self.candidate = Candidate(self.progress, self.seat_lock, ui_language=ui_language)
        self._taking_over = False

    # ----- the seat's replies -----------------------------------------------------------------

    def polled(self, seat: SeatAssignment, sent: float, ticket: int) -> None:
        """The answer to seat request `ticket`, sent at monotonic time `sent`."""
        if not self.watch.fresh(ticket):
            # Asked before the seat was unlocked: its lock and its time are both old. Counted,
            # not timed: two requests can leave at the same clock reading.
            return
        self.on_seat(seat, sent, self.clock.monotonic() - sent)

    def reported(self, seat: SeatAssignment, ticket: int) -> None:
        """The seat the server answered a report with (request `ticket`): no clock sample."""
        if self.watch.fresh(ticket):
            self.on_seat(seat)

    def on_seat(
        self, seat: SeatAssignment, sent: float | None = None, round_trip: float = 0.0
    ) -> None:
        """The seat as the server saw it, answering a request `sent` at that monotonic time."""
        if not self.watch.heard(seat):
            return  # an answer overtaken by a newer one (a poll racing an unlock)
        if self.seat_lock.lifted_by_server(seat, sent, round_trip):
            return  # the room resumed: no code to type
        taken = self._to_take_over(seat)
        if taken is not None:
            self._taking_over = True
            self.hooks.take_over(taken, seat)
        if seat.locked_at is not None and self.progress.stage is not Stage.LOCKED:
            self.seat_lock.lock(seat.lock_reason or "operator", "", report=False)
        if self._ended_on_server(seat):
            return
        if self.parts.sitting is not None:
            self.parts.follow_server_clock(seat, sent, round_trip)
        candidate = seat.registration_id if seat.attempts else None
        stage, here = self.progress.stage, self.candidate.registration_id
        if stage in BEFORE_THE_TEST:
            if candidate is None or candidate != here:
                self._back_to_idle()
        elif candidate and (stage is Stage.IDLE or (stage is Stage.FINISH and candidate != here)):
            self.candidate.sits(candidate, seat.full_name)
            self.parts.results = []
            self.parts.ended_by_operator = False
            self.hooks.start_camera(None)
            self.progress.go(Stage.CONFIRM)
        self.hooks.changed()

    def _ended_on_server(self, seat: SeatAssignment) -> bool:
        """The operator terminated the running part (or moved it away): the test closes here."""
        if not self.parts.ended_on_server(seat):
            return False
        self.seat_lock.state = None
        self.parts.close_ended()
        return True

    def _back_to_idle(self) -> None:
        self.candidate.sits(None, None)
        self.parts.results = []
        self.hooks.record(None)
        self.progress.go(Stage.IDLE)

    # ----- a part this kiosk did not start ----------------------------------------------------

    def _to_take_over(self, seat: SeatAssignment) -> str | None:
        """A sitting running on the server that this kiosk never had: moved here from a seat
        whose kiosk failed. It goes on here, with what the server holds."""
        if self.parts.sitting is not None or self._taking_over or self.client is None:
            return None
        stage, state = self.progress.stage, self.seat_lock.state
        if stage is Stage.LOCKED:
            if state is None or state.back_to is Stage.TEST:
                return None
        elif stage not in (Stage.IDLE, Stage.CONFIRM):
            return None
        running = next((a for a in seat.attempts if a.status == "running"), None)
        if running is None or self.journal.finished_reason(running.attempt_id) is not None:
            return None
        return running.attempt_id

    def taken_over(self, form: FormView, seat: SeatAssignment) -> None:
        self._taking_over = False
        if self.parts.sitting is not None:
            return
        self.candidate.registration_id = seat.registration_id
        self.candidate.name = seat.full_name
        state = self.seat_lock.state if self.progress.stage is Stage.LOCKED else None
        self.resume(form)
        if state is not None:  # behind the operator's code: the test is what it opens
            state.back_to = Stage.TEST
            self.progress.stage = Stage.LOCKED
            if self.parts.sitting is not None:
                self.parts.sitting.pause()
        log.warning("attempt %s taken over at seat %s", form.attempt_id, seat.seat)
        self.hooks.question_changed()
        self.hooks.changed()

    def take_over_failed(self, attempt_id: str, error: BaseException) -> None:
        self._taking_over = False
        log.error("could not take over attempt %s: %s", attempt_id, error)

    def resume(self, form: FormView) -> None:
        """After a restart or a move: the journalled attempt, its answers and flags."""
        self.candidate.speaks(form.language)
        self.parts.resume(form)
