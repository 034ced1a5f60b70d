"""The seat's state, which every screen reads and writes its input back to.

The model owns the order of things (seat, confirmation, language, camera, instructions, test,
finish, lock). Answers go to the journal (fsynced) before the model says they are saved; the
replicator carries them on. Network calls run off the screen's thread (`Jobs`); their answers
come back here on it.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from hardware.camera import CameraHealth
from hardware.clock import Clock
from hardware.faces import FaceFlag
from kiosk.camera_session import CameraSession
from kiosk.countdown import Countdown
from kiosk.courier import Courier
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.lockdown.exit_marker import ExitMarker
from kiosk.proctoring import face_incident
from kiosk.replicator import Link, LinkStatus, Replicator
from kiosk.sitting import Sitting
from kiosk.ui.jobs import Jobs
from kiosk.ui.style import TEXT_SIZES
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.kiosk_api import (
    AttemptSummary,
    FinishResponse,
    FormItemView,
    FormView,
    IncidentReport,
    LockReport,
    SeatAssignment,
)

log = logging.getLogger(__name__)

"""Minutes left at which the candidate is warned."""
CLOCK_SAMPLE_MAX_ROUND_TRIP = 2.0
"""Seconds: a seat reply slower than this moves no countdown (the next quick one will)."""
RETRY_MS = 2000


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


CameraFactory = Callable[[HallClient], CameraSession | None]


ALIVE_SECONDS = 5
"""How often a kiosk in a test notes on disk that it is alive (what a crash gives back)."""


@dataclass
class Lock:
    reason: str
    note: str
    back_to: Stage
    message: str | None = None
    """Status code for the lock screen: unlocking, wrong_code, void_code, offline."""
    also: set[str] = field(default_factory=set)
    """Other reasons noticed while locked, each reported once."""
    from_server: bool = False
    """The room server locked the seat (the operator paused it, or the room): it may lift it."""
    seen_at: float = 0.0
    """When (monotonic) this kiosk took the lock: only a later seat poll can lift it."""


class KioskModel(QObject):
    changed = Signal()
    """The stage, the seat or a status message changed."""
    question_changed = Signal()
    """The current question, an answer or a flag changed."""
    tick = Signal()
    view_changed = Signal()
    """Text size or contrast changed."""
    link_changed = Signal()
    camera_changed = Signal()
    warned = Signal(int)
    section_closed = Signal(str)
    """A section with a time of its own has closed (Program III's logical thinking)."""
    """Minutes left: 5, then 1."""
    language_chosen = Signal(str)
    _link_from_thread = Signal(object)
    _camera_from_thread = Signal(object)
    _recording_from_thread = Signal(object)
    _locked_from_thread = Signal(object)

    def __init__(
        self,
        client: HallClient | None,
        journal: Journal,
        clock: Clock,
        *,
        marker: ExitMarker | None = None,
        camera_factory: CameraFactory = lambda _c: None,
        ui_language: str = "kk",
        poll_ms: int = 2000,
        tick_ms: int = 200,
        replicate_interval: float = 2.0,
    ) -> None:
        super().__init__()
        self.client, self.journal, self.clock = client, journal, clock
        self._marker, self._camera_factory = marker, camera_factory
        self._replicate_interval = replicate_interval
        self.jobs = Jobs()
        self.stage = Stage.IDLE
        self.message: str | None = None if client else "not_enrolled"
        self.ui_language = ui_language
        self.seat: SeatAssignment | None = None
        self.language: str | None = None
        self.sitting: Sitting | None = None
        self.index = 0
        self.answers: dict[str, list[str]] = {}
        self.flags: set[str] = set()
        self.saved_item: str | None = None
        """The item whose answer was last made durable: the screen shows 'saved' for it."""
        self.size_step = 1
        self.high_contrast = False
        self.timer_hidden = False
        """The candidate chose not to watch the countdown (the time warnings still come)."""
        self.struck: dict[str, set[str]] = {}
        """Options the candidate has ruled out, per question: a view aid, never an answer."""
        self.link = LinkStatus(Link.ONLINE, 0, None, None)
        self.online = client is not None
        self.camera: CameraSession | None = None
        self.camera_health = CameraHealth.OK
        self.results: list[FinishResponse] = []
        self.ended_by_operator = False
        """The last test was closed by the operator at the console, not by the candidate."""
        self.help: str | None = None
        """The candidate's call for the operator: `asked`, `seen` by the server, or None."""
        self.lock_state: Lock | None = None
        self.confirming_submit = False
        self._countdown: Countdown | None = None
        """What the time left means for the part in progress (warnings, closed sections)."""
        self._replicator: Replicator | None = None
        self._finishing = False
        self._starting_camera = False
        self._candidate: str | None = None
        self._taking_over = False
        self._alive_mono = float("-inf")
        self.candidate_name: str | None = None
        """Who sits here, kept to the end of the sitting (the seat forgets them at the finish)."""
        self._seat_time: datetime | None = None
        self._asked = itertools.count(1)
        """Every request that can tell the seat's state is numbered when it is sent."""
        self._fresh_from = 0
        """Seat answers to requests numbered below this are stale (asked before an unlock)."""
        """Monotonic time of the last unlock's request: a seat reply sent before it is stale."""
        self._polling = False
        self.courier = (
            Courier(journal, client, on_locked=self._locked_from_thread.emit) if client else None
        )
        self._link_from_thread.connect(self._on_link)
        self._camera_from_thread.connect(self._on_camera_health)
        self._recording_from_thread.connect(self._on_recording)
        self._locked_from_thread.connect(self._on_seat)
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.timeout.connect(self.poll)
        self._tick = QTimer(self, interval=tick_ms)
        self._tick.timeout.connect(self._on_tick)

    # ----- life cycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Notices an unclean previous exit, resumes an unfinished attempt, starts polling."""
        previous = self._marker.previous_run() if self._marker else None
        if self._marker:
            self._marker.begin()
        if self.courier:
            self.courier.start()
        unfinished = self.journal.unfinished() if self.client else []
        if unfinished:
            form = self.journal.form(unfinished[-1])
            if form is not None:
                self._resume(form)
        if previous is not None:
            down = ExitMarker.alive_at(previous) if self.sitting is not None else None
            self.lock("unclean_exit", f"previous run: {previous}", down_since=down)
        elif self.sitting is not None:
            self.lock("unclean_exit", "restarted during a test")
        if self.client:
            self.poll()
            self._poll.start()
        self._tick.start()

    def shutdown(self) -> None:
        """A clean exit (the operator closed the kiosk): the exit marker goes away."""
        self._poll.stop()
        self._tick.stop()
        if self._replicator:
            self._replicator.stop()
        if self.courier:
            self.courier.stop()
        if self.camera:
            self.camera.close()
        self.jobs.shutdown()
        if self._marker:
            self._marker.clean_exit()

    # ----- the seat ---------------------------------------------------------------------------

    def poll(self) -> None:
        if self.client is None or self._polling:
            return  # one question to the room server at a time, however slow its answer
        self._polling = True
        sent, ticket = self.clock.monotonic(), next(self._asked)
        self.jobs.run(
            self.client.seat, lambda seat: self._polled(seat, sent, ticket), self._on_poll_error
        )

    def _polled(self, seat: SeatAssignment, sent: float, ticket: int) -> None:
        self._polling = False
        if ticket < self._fresh_from:
            # Asked before the seat was unlocked: its lock and its time are both old. Counted,
            # not timed: two requests can leave at the same clock reading.
            return
        self._on_seat(seat, sent, self.clock.monotonic() - sent)

    def _on_poll_error(self, error: BaseException) -> None:
        self._polling = False
        if isinstance(error, ServerUnreachable):
            if self.online:
                self.online = False
                self.link_changed.emit()
        else:
            log.error("seat poll failed: %s", error)

    def _on_seat(
        self, seat: SeatAssignment, sent: float | None = None, round_trip: float = 0.0
    ) -> None:
        """The seat as the server saw it, answering a request `sent` at that monotonic time."""
        if self._seat_time is not None and seat.server_time < self._seat_time:
            return  # an answer overtaken by a newer one (a poll racing an unlock)
        self._seat_time = seat.server_time
        if not self.online:
            self.online = True
            self.link_changed.emit()
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
            self._take_over(taken, seat)
        if seat.locked_at is not None and self.stage is not Stage.LOCKED:
            self.lock(seat.lock_reason or "operator", "", report=False)
        if self.sitting is not None and self._ended_on_server(seat):
            return
        if self.sitting is not None:
            self._follow_server_clock(seat, sent, round_trip)
        candidate = seat.registration_id if seat.attempts else None
        if self.stage in (
            Stage.CONFIRM,
            Stage.LANGUAGE,
            Stage.CAMERA,
            Stage.TUTORIAL,
            Stage.INSTRUCTIONS,
        ):
            if candidate is None or candidate != self._candidate:
                self._back_to_idle()
        elif candidate and (
            self.stage is Stage.IDLE
            or (self.stage is Stage.FINISH and candidate != self._candidate)
        ):
            self._candidate, self.results, self.language = candidate, [], None
            self.candidate_name = seat.full_name
            self.ended_by_operator = False
            self._start_camera()
            self._go(Stage.CONFIRM)
        self.changed.emit()

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

    def _take_over(self, attempt_id: str, seat: SeatAssignment) -> None:
        self._taking_over = True
        client = self.client_required()

        def taken(form: FormView) -> None:
            self._taking_over = False
            if self.sitting is not None:
                return
            self._candidate, self.candidate_name = seat.registration_id, seat.full_name
            state = self.lock_state if self.stage is Stage.LOCKED else None
            self._resume(form)
            if state is not None:  # behind the operator's code: the test is what it opens
                state.back_to = Stage.TEST
                self.stage = Stage.LOCKED
                if self.sitting is not None:
                    self.sitting.pause()
            log.warning("attempt %s taken over at seat %s", attempt_id, seat.seat)
            self.question_changed.emit()
            self.changed.emit()

        def failed(error: BaseException) -> None:
            self._taking_over = False
            log.error("could not take over attempt %s: %s", attempt_id, error)

        self.jobs.run(lambda: client.form(attempt_id), taken, failed)

    def _ended_on_server(self, seat: SeatAssignment) -> bool:
        """The operator terminated the running part (or moved it away): the test closes here."""
        sitting = self.sitting
        if sitting is None or self._finishing or self.stage not in (Stage.TEST, Stage.LOCKED):
            return False
        mine = next((a for a in seat.attempts if a.attempt_id == sitting.attempt_id), None)
        if mine is not None and mine.status != "finished":
            return False
        log.warning("attempt %s was closed by the room server", sitting.attempt_id)
        self.journal.mark_finished(sitting.attempt_id, "terminated")
        self.sitting = None
        self.lock_state = None
        self.ended_by_operator = True
        if self.camera:
            self.camera.stop_recording()
            self.camera_changed.emit()
        self._go(Stage.FINISH)
        return True

    def _lifted(self, seat: SeatAssignment, sent: float, round_trip: float) -> None:
        """The server lifted the lock it had set (the room resumed): back to where it was."""
        state = self.lock_state
        assert state is not None
        self.lock_state = None
        if self.sitting is not None:
            mine = next((a for a in seat.attempts if a.attempt_id == self.sitting.attempt_id), None)
            if mine is not None and mine.deadline_at is not None and mine.status == "running":
                middle = sent + round_trip / 2
                self.sitting.rebase(mine.deadline_at, seat.server_time, at_monotonic=middle)
            else:
                self.sitting = None
        back = state.back_to if (state.back_to is not Stage.TEST or self.sitting) else Stage.IDLE
        self._go(back)

    def _follow_server_clock(
        self, seat: SeatAssignment, sent: float | None, round_trip: float
    ) -> None:
        sitting = self.sitting
        assert sitting is not None
        mine = next((a for a in seat.attempts if a.attempt_id == sitting.attempt_id), None)
        if mine is None or mine.deadline_at is None or mine.paused or sitting.paused:
            return
        if round_trip > CLOCK_SAMPLE_MAX_ROUND_TRIP:
            return  # the server's time lies somewhere in a long round trip: not a clock sample
        # The server read its clock between the request leaving and the answer arriving.
        middle = None if sent is None else sent + round_trip / 2
        sitting.rebase(mine.deadline_at, seat.server_time, at_monotonic=middle)

    def _back_to_idle(self) -> None:
        self._candidate = None
        self.candidate_name = None
        self.language = None
        self.results = []
        if self.camera:
            self.camera.stop_recording()
        self._go(Stage.IDLE)

    def _go(self, stage: Stage) -> None:
        self.stage = stage
        self.message = None
        self.confirming_submit = False
        self.changed.emit()

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
            self._go(Stage.LANGUAGE)
            return
        # The operator comes, checks, re-seats if need be, and resumes with a code.
        self.lock("identity_disputed", "the candidate says the name on the screen is not theirs")

    def choose_language(self, language: str) -> None:
        if self.stage is not Stage.LANGUAGE:
            return
        self.language = language
        self.ui_language = language
        self.language_chosen.emit(language)
        self._go(Stage.CAMERA)

    def back_to_language(self) -> None:
        """From the camera check back to the choice of language (nothing has started yet)."""
        if self.stage is Stage.CAMERA:
            self._go(Stage.LANGUAGE)

    def camera_done(self, faces_seen: int) -> None:
        if self.stage is not Stage.CAMERA:
            return
        if faces_seen != 1:
            self.report(
                "camera", "camera_check_failed", f"{faces_seen} faces seen at the camera check"
            )
        self._go(Stage.TUTORIAL)

    def tutorial_done(self) -> None:
        if self.stage is Stage.TUTORIAL:
            self._go(Stage.INSTRUCTIONS)

    def session_running(self) -> bool:
        return bool(self.seat and self.seat.session_status == "running")

    def begin(self) -> None:
        """Starts the next program on the room server and opens the test."""
        summary = self.next_attempt()
        if self.stage is not Stage.INSTRUCTIONS or summary is None or self.client is None:
            return
        if not self.session_running():
            self.message = "wait_session"
            self.changed.emit()
            return
        client, language = self.client, self.language or self.ui_language
        self.message = "starting"
        self.changed.emit()
        self.jobs.run(
            lambda: client.start_attempt(summary.attempt_id, language),
            self._opened,
            self._start_failed,
        )

    def _start_failed(self, error: BaseException) -> None:
        self.message = "offline" if isinstance(error, ServerUnreachable) else "refused"
        log.error("could not start the attempt: %s", error)
        self.changed.emit()

    def _opened(self, form: FormView) -> None:
        self._open_sitting(Sitting(form, self.journal, self.client_required(), self.clock))
        if self.camera:
            self.camera.record(form.attempt_id)
            self.camera_changed.emit()
        self._go(Stage.TEST)

    def client_required(self) -> HallClient:
        assert self.client is not None
        return self.client

    def _resume(self, form: FormView) -> None:
        """After a restart: the journalled attempt, its answers and flags, behind the lock."""
        self.language = form.language
        self.ui_language = form.language
        self.language_chosen.emit(form.language)
        self._open_sitting(Sitting(form, self.journal, self.client_required(), self.clock))
        self.stage = Stage.TEST
        self._start_camera(form.attempt_id)

    def _open_sitting(self, sitting: Sitting) -> None:
        self.sitting = sitting
        self.answers = sitting.answers()
        self.flags = sitting.flags()
        self.index, self.saved_item = 0, None
        self._countdown = Countdown.begin(sitting.form.program, sitting.remaining())
        self._finishing = False
        self._replicator = Replicator(
            sitting, on_status=self._link_from_thread.emit, interval=self._replicate_interval
        ).start()

    # ----- the camera -------------------------------------------------------------------------

    def _start_camera(self, attempt_id: str | None = None) -> None:
        """Recording starts at admission (the candidate appears at the seat)."""
        target = attempt_id or (a.attempt_id if (a := self.next_attempt()) else None)
        if self.camera is not None:
            if target:
                self.camera.record(target)
            return
        if self.client is None or self._starting_camera:
            return
        self._starting_camera = True
        client, factory = self.client, self._camera_factory

        def opened(camera: CameraSession | None) -> None:
            self._starting_camera = False
            self.camera = camera
            if camera is None:
                return
            # An attempt opened meanwhile wins over the one the camera was asked for.
            recording = self.sitting.attempt_id if self.sitting else target
            if recording:
                camera.record(recording)
            self.camera_changed.emit()

        def failed(error: BaseException) -> None:
            self._starting_camera = False
            log.error("camera could not start: %s", error)
            self.report("camera", "camera_unavailable", str(error)[:500])

        self.jobs.run(lambda: factory(client), opened, failed)

    def on_camera_health(self, health: CameraHealth) -> None:
        """From the capture thread."""
        self._camera_from_thread.emit(health)

    def _on_camera_health(self, health: CameraHealth) -> None:
        self.camera_health = health
        if health is not CameraHealth.OK:
            self.report("camera", f"camera_{health.value}", "reported by the kiosk's capture")
        self.camera_changed.emit()

    def on_recording(self, attempt_id: str, error: str | None) -> None:
        """From the capture thread: a segment was lost (error), or segments seal again (None)."""
        self._recording_from_thread.emit(error)

    def _on_recording(self, error: str | None) -> None:
        if error is not None:
            self.report("camera", "recording_failed", error)
        else:
            self.report("camera", "recording_resumed", "segments are sealed again")
        self.camera_changed.emit()

    def on_face_flag(self, attempt_id: str, flag: FaceFlag) -> None:
        """From the face thread: queued for the room server like any incident."""
        if self.courier and self.camera and self.camera.started_at:
            report = face_incident(flag, self.camera.started_at, self.camera.started_mono)
            self.courier.incident(report, attempt_id)

    # ----- the test ---------------------------------------------------------------------------

    @property
    def items(self) -> list[FormItemView]:
        return self.sitting.form.items if self.sitting else []

    @property
    def item(self) -> FormItemView | None:
        return self.items[self.index] if self.items else None

    def remaining(self) -> timedelta:
        return self.sitting.remaining() if self.sitting else timedelta(0)

    def choose(self, choice_id: str) -> None:
        """Picks one option (in a multiple-choice question, ticks or unticks it); durable on
        return. Choosing the chosen option again changes nothing."""
        item, sitting = self.item, self.sitting
        if self.stage is not Stage.TEST or item is None or sitting is None or self._finishing:
            return
        if choice_id not in {c.id for c in item.choices} or not self._open_for_answers(item):
            return
        self.struck.get(item.item_id, set()).discard(choice_id)  # a chosen option is not ruled out
        current = self.answers.get(item.item_id, [])
        # A multiple-choice option is a box of its own; a single choice chosen again stays chosen
        # (taking an answer back is its own control, `clear_answer`).
        self._record(sorted(set(current) ^ {choice_id}) if item.multiple else [choice_id])

    def closed_sections(self) -> set[str]:
        """Sections whose own time is over (Program III's logical thinking after 30 minutes)."""
        sitting, countdown = self.sitting, self._countdown
        if sitting is None or countdown is None:
            return set()
        return countdown.closed_sections(sitting.remaining())

    def section_left(self, code: str) -> timedelta | None:
        """Time left in a section with a time of its own, or None."""
        sitting, countdown = self.sitting, self._countdown
        if sitting is None or countdown is None:
            return None
        return countdown.section_left(code, sitting.remaining())

    def _open_for_answers(self, item: FormItemView) -> bool:
        if item.section in self.closed_sections():
            self.message = "section_closed"
            self.question_changed.emit()
            return False
        return True

    def clear_answer(self) -> None:
        """Takes the current question's answer back; durable on return, like a choice."""
        item = self.item
        if self.stage is not Stage.TEST or item is None or self.sitting is None or self._finishing:
            return
        if not self._open_for_answers(item):
            return
        if item.item_id in self.answers:
            self._record([])

    def _record(self, chosen: list[str]) -> None:
        item, sitting = self.item, self.sitting
        assert item is not None and sitting is not None
        if chosen != self.answers.get(item.item_id, []):
            sitting.answer(item.item_id, chosen)
            if chosen:
                self.answers[item.item_id] = chosen
            else:
                self.answers.pop(item.item_id, None)
            if self._replicator:
                self._replicator.poke()
        self.saved_item = item.item_id
        self.question_changed.emit()

    def go_to(self, index: int) -> None:
        if self.stage is Stage.TEST and 0 <= index < len(self.items) and index != self.index:
            self.index, self.saved_item = index, None
            self.confirming_submit = False
            if self.message == "section_closed":
                self.message = None
            self.question_changed.emit()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def toggle_flag(self) -> None:
        item, sitting = self.item, self.sitting
        if self.stage is not Stage.TEST or item is None or sitting is None:
            return
        flagged = item.item_id not in self.flags
        sitting.flag(item.item_id, flagged)
        (self.flags.add if flagged else self.flags.discard)(item.item_id)
        self.question_changed.emit()

    def bigger(self) -> None:
        self._resize(+1)

    def smaller(self) -> None:
        self._resize(-1)

    def _resize(self, step: int) -> None:
        size = max(0, min(len(TEXT_SIZES) - 1, self.size_step + step))
        if size != self.size_step:
            self.size_step = size
            self.view_changed.emit()

    def toggle_contrast(self) -> None:
        self.high_contrast = not self.high_contrast
        self.view_changed.emit()

    def toggle_timer(self) -> None:
        self.timer_hidden = not self.timer_hidden
        self.question_changed.emit()

    def toggle_struck(self, choice_id: str) -> None:
        """Rules an option out, or back in. Only the screen shows it: nothing is saved or sent."""
        item = self.item
        if self.stage is not Stage.TEST or item is None:
            return
        struck = self.struck.setdefault(item.item_id, set())
        (struck.discard if choice_id in struck else struck.add)(choice_id)
        self.question_changed.emit()

    def unanswered(self) -> int:
        return sum(1 for i in self.items if i.item_id not in self.answers)

    def request_submit(self) -> None:
        if self.stage is Stage.TEST and not self._finishing:
            self.confirming_submit = True
            self.question_changed.emit()

    def cancel_submit(self) -> None:
        self.confirming_submit = False
        self.question_changed.emit()

    def submit(self) -> None:
        if self.confirming_submit:
            self._finish("submitted")

    def _on_tick(self) -> None:
        if self.stage is not Stage.TEST or self.sitting is None or self._finishing:
            return
        if self._marker and self.clock.monotonic() - self._alive_mono >= ALIVE_SECONDS:
            self._alive_mono = self.clock.monotonic()
            self._marker.alive(self.hall_now())
        if self._countdown is None:
            return
        found = self._countdown.tick(self.sitting.remaining())
        for minutes in found.warnings:
            self.warned.emit(minutes)
        for code in found.closed:
            self._leave_closed(code)
            self.section_closed.emit(code)
        self.tick.emit()
        if found.expired:
            self._finish("time_expired")

    def _leave_closed(self, code: str) -> None:
        """The candidate in a section that has just closed goes on to the first open question."""
        item = self.item
        if item is None or item.section != code:
            return
        closed = self.closed_sections()
        later = [n for n, i in enumerate(self.items) if n > self.index and i.section not in closed]
        first = later or [n for n, i in enumerate(self.items) if i.section not in closed]
        if first:
            self.go_to(first[0])

    def _finish(self, reason: str) -> None:
        sitting = self.sitting
        if sitting is None or self._finishing:
            return
        self._finishing = True
        self.confirming_submit = False
        self.message = "finishing"
        self.changed.emit()
        if self._replicator:
            self._replicator.stop()
            self._replicator = None

        def failed(error: BaseException) -> None:
            # The answers are in the journal; try again until the room server takes them.
            self.message = "finish_waiting"
            log.warning("finishing %s: %s", sitting.attempt_id, error)
            self.changed.emit()
            QTimer.singleShot(RETRY_MS, lambda: self.jobs.run(work, self._finished, failed))

        def work() -> FinishResponse:
            return sitting.finish(reason)

        self.jobs.run(work, self._finished, failed)

    def _finished(self, done: FinishResponse) -> None:
        self.results.append(done)
        self.sitting = None
        self._finishing = False
        if self.camera:
            self.camera.stop_recording()
        following = self.next_attempt()
        if following is not None and self.camera:
            self.camera.record(following.attempt_id)
        self.camera_changed.emit()
        self._go(Stage.BETWEEN if following else Stage.FINISH)
        self.poll()

    def continue_to_next(self) -> None:
        if self.stage is Stage.BETWEEN:
            self._go(Stage.INSTRUCTIONS)

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
                self.report("lockdown", reason, note)
            return
        self.lock_state = Lock(
            reason, note, self.stage, from_server=not report, seen_at=self.clock.monotonic()
        )
        if self.sitting:
            self.sitting.pause()
        if report and self.courier:
            self.courier.lock(
                LockReport(
                    at=self.hall_now(), reason=reason, note=note[:2000], down_since=down_since
                )
            )
        self._go(Stage.LOCKED)

    def unlock(self, code: str) -> None:
        state, client = self.lock_state, self.client
        if self.stage is not Stage.LOCKED or state is None or client is None or not code.strip():
            return
        state.message = "unlocking"
        self.changed.emit()
        courier = self.courier

        def work() -> tuple[SeatAssignment, float, int]:
            if courier:
                courier.send_pending()  # the server must know of the lock before it lifts it
            sent, ticket = self.clock.monotonic(), next(self._asked)
            return client.unlock(code.strip()), sent, ticket

        self.jobs.run(work, lambda done: self._unlocked(*done), self._unlock_failed)

    def _unlock_failed(self, error: BaseException) -> None:
        if self.lock_state is None:
            return
        if isinstance(error, ServerRefused):
            self.lock_state.message = "void_code" if "void" in error.detail else "wrong_code"
        else:
            self.lock_state.message = "offline"
        self.changed.emit()

    def _unlocked(self, seat: SeatAssignment, sent: float, ticket: int) -> None:
        state = self.lock_state
        if state is None:
            return
        self.lock_state = None
        self.seat, self._seat_time, self._fresh_from = seat, seat.server_time, ticket
        if self.sitting is not None:
            mine = next((a for a in seat.attempts if a.attempt_id == self.sitting.attempt_id), None)
            if mine is not None and mine.deadline_at is not None:
                middle = (sent + self.clock.monotonic()) / 2
                self.sitting.rebase(mine.deadline_at, seat.server_time, at_monotonic=middle)
            elif mine is None:
                # Closed on the server meanwhile (the operator ended it): nothing to resume.
                self.sitting = None
        back = state.back_to if (state.back_to is not Stage.TEST or self.sitting) else Stage.IDLE
        self._go(back)
        self.poll()

    # ----- reports ----------------------------------------------------------------------------

    def hall_now(self) -> datetime:
        if self.sitting:
            return self.sitting.hall_now()
        return self.clock.now()

    @property
    def operator_called(self) -> bool:
        return self.help is not None

    def call_operator(self) -> None:
        """The candidate raises a hand: an alert on the operator's map until someone comes."""
        if self.help is not None:
            return
        self.help = "asked"
        self.report("examinee", "help_requested", "the candidate asks for the operator")
        self.changed.emit()

    def report(self, category: str, code: str, note: str = "") -> None:
        """An incident for the operator, on disk first, sent when the room server answers."""
        if self.courier is None:
            return
        attempt = self.sitting.attempt_id if self.sitting else None
        self.courier.incident(
            IncidentReport.model_validate(
                {"at": self.hall_now(), "category": category, "code": code, "note": note[:2000]}
            ),
            attempt,
        )

    def _on_link(self, status: LinkStatus) -> None:
        self.link = status
        self.online = status.link is Link.ONLINE
        self.link_changed.emit()
