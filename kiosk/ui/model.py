"""The kiosk window's model: the seat's flow under Qt's timers and signals.

The order of things, the seat replies and the answer sheet live in `kiosk.seat_flow` and
`kiosk.answer_sheet`, without Qt. This bridge gives them a poll timer and a tick timer, runs the
network calls off the screen's thread (`Jobs`) and hands their answers back on it, keeps the
camera, the courier and the replicator, and turns the flow's hooks into the signals the screens
listen to. Answers go to the journal (fsynced) before the screen says they are saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QObject, QTimer, Signal

from hardware.camera import CameraHealth
from hardware.clock import Clock
from hardware.faces import FaceFlag
from kiosk.camera_session import CameraSession
from kiosk.courier import Courier
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.lockdown.exit_marker import ExitMarker
from kiosk.proctoring import face_incident
from kiosk.replicator import Link, LinkStatus, Replicator
from kiosk.seat_flow import FlowHooks, Lock, SeatFlow, Stage
from kiosk.sitting import Sitting
from kiosk.ui.jobs import Jobs
from kiosk.ui.style import TEXT_SIZES
from operator_console.protocol.calls import ServerUnreachable
from operator_console.protocol.kiosk_api import (
    AttemptSummary,
    FinishResponse,
    FormItemView,
    IncidentReport,
    LockReport,
    SeatAssignment,
)

__all__ = ["ALIVE_SECONDS", "KioskModel", "Lock", "Stage"]

log = logging.getLogger(__name__)

RETRY_MS = 2000

CameraFactory = Callable[[HallClient], CameraSession | None]

ALIVE_SECONDS = 5
"""How often a kiosk in a test notes on disk that it is alive (what a crash gives back)."""


class _Hooks(FlowHooks):
    """The flow's hooks, as the window needs them: signals, camera calls, background jobs."""

    def __init__(self, model: KioskModel) -> None:
        self.m = model

    def changed(self) -> None:
        self.m.changed.emit()

    def question_changed(self) -> None:
        self.m.question_changed.emit()

    def language_chosen(self, language: str) -> None:
        self.m.language_chosen.emit(language)

    def take_over(self, attempt_id: str, seat: SeatAssignment) -> None:
        client, flow = self.m.client_required(), self.m.flow
        self.m.jobs.run(
            lambda: client.form(attempt_id),
            lambda form: flow.taken_over(form, seat),
            lambda error: flow.take_over_failed(attempt_id, error),
        )

    def start_camera(self, attempt_id: str | None) -> None:
        self.m._start_camera(attempt_id)

    def record(self, attempt_id: str | None) -> None:
        camera = self.m.camera
        if camera is None:
            return
        if attempt_id is None:
            camera.stop_recording()
        else:
            camera.record(attempt_id)
        self.m.camera_changed.emit()

    def report(self, category: str, code: str, note: str) -> None:
        self.m.report(category, code, note)

    def report_lock(self, report: LockReport) -> None:
        if self.m.courier:
            self.m.courier.lock(report)

    def sitting_opened(self, sitting: Sitting) -> None:
        self.m._carry(sitting)

    def sitting_closing(self) -> None:
        self.m._carry(None)

    def answered(self) -> None:
        if self.m._replicator:
            self.m._replicator.poke()


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
    """Minutes left: 5, then 1."""
    section_closed = Signal(str)
    """A section with a time of its own has closed (Program III's logical thinking)."""
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
        self._zone: ZoneInfo | None = None
        self._zone_name = ""
        self._marker, self._camera_factory = marker, camera_factory
        self._replicate_interval = replicate_interval
        self.jobs = Jobs()
        self.flow = SeatFlow(client, journal, clock, _Hooks(self), ui_language=ui_language)
        self.size_step = 1
        self.high_contrast = False
        self.timer_hidden = False
        """The candidate chose not to watch the countdown (the time warnings still come)."""
        self.link = LinkStatus(Link.ONLINE, 0, None, None)
        self.online = client is not None
        self.camera: CameraSession | None = None
        self.camera_health = CameraHealth.OK
        self._replicator: Replicator | None = None
        self._starting_camera = False
        self._alive_mono = float("-inf")
        self._polling = False
        self.courier = (
            Courier(
                journal,
                client,
                on_locked=lambda seat, asked: self._locked_from_thread.emit((seat, asked)),
                ask=self.flow.ask,
            )
            if client
            else None
        )
        self._link_from_thread.connect(self._on_link)
        self._camera_from_thread.connect(self._on_camera_health)
        self._recording_from_thread.connect(self._on_recording)
        self._locked_from_thread.connect(self._on_locked)
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.timeout.connect(self.poll)
        self._tick = QTimer(self, interval=tick_ms)
        self._tick.timeout.connect(self._on_tick)

    # ----- what the screens read --------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        return self.flow.stage

    @property
    def message(self) -> str | None:
        return self.flow.message

    @property
    def seat(self) -> SeatAssignment | None:
        return self.flow.seat

    def hall_time(self) -> str:
        """The time of day in the hall's zone, which the seat poll names (HH:MM): a kiosk whose
        machine is set to another zone still shows the hall's time. Until the first poll, the
        machine's."""
        seat = self.flow.seat
        if seat is not None and seat.time_zone and seat.time_zone != self._zone_name:
            try:
                self._zone = ZoneInfo(seat.time_zone)
            except (ZoneInfoNotFoundError, ValueError):
                self._zone = None  # a zone this machine does not know: its own clock
            self._zone_name = seat.time_zone
        return f"{self.clock.now().astimezone(self._zone):%H:%M}"

    @property
    def language(self) -> str | None:
        return self.flow.language

    @property
    def ui_language(self) -> str:
        return self.flow.ui_language

    @property
    def sitting(self) -> Sitting | None:
        return self.flow.sitting

    @property
    def results(self) -> list[FinishResponse]:
        return self.flow.results

    @property
    def ended_by_operator(self) -> bool:
        return self.flow.ended_by_operator

    @property
    def help(self) -> str | None:
        return self.flow.help

    @property
    def lock_state(self) -> Lock | None:
        return self.flow.lock_state

    @property
    def confirming_submit(self) -> bool:
        return self.flow.confirming_submit

    @property
    def candidate_name(self) -> str | None:
        return self.flow.candidate_name

    @property
    def items(self) -> list[FormItemView]:
        return self.flow.sheet.items if self.flow.sheet and self.flow.sitting else []

    @property
    def item(self) -> FormItemView | None:
        return self.items[self.index] if self.items else None

    @property
    def index(self) -> int:
        return self.flow.sheet.index if self.flow.sheet else 0

    @property
    def answers(self) -> dict[str, list[str]]:
        return self.flow.sheet.answers if self.flow.sheet else {}

    @property
    def flags(self) -> set[str]:
        return self.flow.sheet.flags if self.flow.sheet else set()

    @property
    def saved_item(self) -> str | None:
        return self.flow.sheet.saved_item if self.flow.sheet else None

    @property
    def struck(self) -> dict[str, set[str]]:
        return self.flow.sheet.struck if self.flow.sheet else {}

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
                self.flow.resume(form)
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

    def client_required(self) -> HallClient:
        assert self.client is not None
        return self.client

    def _carry(self, sitting: Sitting | None) -> None:
        """Answers of `sitting` are carried to the room server from now on (None: no more)."""
        if self._replicator:
            self._replicator.stop()
            self._replicator = None
        if sitting is not None:
            self._replicator = Replicator(
                sitting, on_status=self._link_from_thread.emit, interval=self._replicate_interval
            ).start()

    # ----- the seat ---------------------------------------------------------------------------

    def poll(self) -> None:
        if self.client is None or self._polling:
            return  # one question to the room server at a time, however slow its answer
        self._polling = True
        client, sent, ticket = self.client, self.clock.monotonic(), self.flow.ask()
        self.jobs.run(client.seat, lambda seat: self._polled(seat, sent, ticket), self._poll_failed)

    def _polled(self, seat: SeatAssignment, sent: float, ticket: int) -> None:
        self._polling = False
        self._reached()
        self.flow.polled(seat, sent, ticket)

    def _poll_failed(self, error: BaseException) -> None:
        self._polling = False
        if isinstance(error, ServerUnreachable):
            if self.online:
                self.online = False
                self.link_changed.emit()
        else:
            log.error("seat poll failed: %s", error)

    def _on_locked(self, packet: tuple[SeatAssignment, int]) -> None:
        """The seat, as the room server answered a lock report with it."""
        seat, asked = packet
        self._reached()
        self.flow.reported(seat, asked)

    def _reached(self) -> None:
        if not self.online:
            self.online = True
            self.link_changed.emit()

    # ----- before the test --------------------------------------------------------------------

    def next_attempt(self) -> AttemptSummary | None:
        return self.flow.next_attempt()

    def confirm(self, is_me: bool) -> None:
        self.flow.confirm(is_me)

    def choose_language(self, language: str) -> None:
        self.flow.choose_language(language)

    def back_to_language(self) -> None:
        self.flow.back_to_language()

    def camera_done(self, faces_seen: int) -> None:
        self.flow.camera_done(faces_seen)

    def tutorial_done(self) -> None:
        self.flow.tutorial_done()

    def session_running(self) -> bool:
        return self.flow.session_running()

    def begin(self) -> None:
        """Starts the next program on the room server and opens the test."""
        summary = self.flow.begin()
        if summary is None:
            return
        client, language = self.client_required(), self.flow.language or self.flow.ui_language
        self.jobs.run(
            lambda: client.start_attempt(summary.attempt_id, language),
            self.flow.opened,
            self.flow.start_failed,
        )

    def continue_to_next(self) -> None:
        self.flow.continue_to_next()

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

    def remaining(self) -> timedelta:
        return self.sitting.remaining() if self.sitting else timedelta(0)

    def choose(self, choice_id: str) -> None:
        """Picks one option (in a multiple-choice question, ticks or unticks it); durable on
        return."""
        self.flow.choose(choice_id)

    def clear_answer(self) -> None:
        self.flow.clear_answer()

    def closed_sections(self) -> set[str]:
        sheet = self.flow.sheet
        return sheet.closed_sections() if sheet and self.sitting else set()

    def section_left(self, code: str) -> timedelta | None:
        sheet = self.flow.sheet
        return sheet.section_left(code) if sheet and self.sitting else None

    def go_to(self, index: int) -> None:
        self.flow.go_to(index)

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def toggle_flag(self) -> None:
        self.flow.toggle_flag()

    def toggle_struck(self, choice_id: str) -> None:
        self.flow.toggle_struck(choice_id)

    def unanswered(self) -> int:
        return self.flow.sheet.unanswered() if self.flow.sheet else 0

    def request_submit(self) -> None:
        self.flow.request_submit()

    def cancel_submit(self) -> None:
        self.flow.cancel_submit()

    def submit(self) -> None:
        if self.confirming_submit:
            self._finish("submitted")

    def _on_tick(self) -> None:
        testing = self.stage is Stage.TEST and self.sitting is not None
        if testing and self._marker and self.clock.monotonic() - self._alive_mono >= ALIVE_SECONDS:
            self._alive_mono = self.clock.monotonic()
            self._marker.alive(self.hall_now())
        found = self.flow.tick()
        if found is None:
            return
        for minutes in found.warnings:
            self.warned.emit(minutes)
        for code in found.closed:
            self.section_closed.emit(code)
        self.tick.emit()
        if found.expired:
            self._finish("time_expired")

    def _finish(self, reason: str) -> None:
        sitting = self.flow.finish(reason)
        if sitting is None:
            return

        def failed(error: BaseException) -> None:
            # The answers are in the journal; try again until the room server takes them.
            self.flow.finish_waiting(error)
            QTimer.singleShot(RETRY_MS, lambda: self.jobs.run(work, finished, failed))

        def work() -> FinishResponse:
            return sitting.finish(reason)

        def finished(done: FinishResponse) -> None:
            self.flow.finished(done)
            self.poll()

        self.jobs.run(work, finished, failed)

    # ----- view -------------------------------------------------------------------------------

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
        self.flow.lock(reason, note, report=report, down_since=down_since)

    def unlock(self, code: str) -> None:
        if not self.flow.unlocking(code):
            return
        client, courier, flow = self.client_required(), self.courier, self.flow

        def work() -> tuple[SeatAssignment, float]:
            if courier:
                courier.send_pending()  # the server must know of the lock before it lifts it
            sent = self.clock.monotonic()
            return client.unlock(code.strip()), sent

        def unlocked(done: tuple[SeatAssignment, float]) -> None:
            flow.unlocked(*done)
            self.poll()

        self.jobs.run(work, unlocked, flow.unlock_failed)

    # ----- reports ----------------------------------------------------------------------------

    def hall_now(self) -> datetime:
        return self.flow.hall_now()

    @property
    def operator_called(self) -> bool:
        return self.help is not None

    def call_operator(self) -> None:
        """The candidate raises a hand: an alert on the operator's map until someone comes."""
        self.flow.call_operator()

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
