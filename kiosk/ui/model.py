"""The kiosk window's model: the seat's flow under Qt's timers and signals.

The order of things, the seat replies and the answer sheet live in `kiosk.seat_flow` (and the
concepts it joins: `kiosk.stages`, `kiosk.seat_watch`, `kiosk.candidate`, `kiosk.parts`,
`kiosk.seat_lock`) and `kiosk.answer_sheet`, without Qt; the screens read and drive those
directly (`model.parts.choose(...)`). This bridge gives them a poll timer and a tick timer, runs
the network calls off the screen's thread (`Jobs`) and hands their answers back on it, keeps the
camera (`kiosk.ui.camera_feed`), the courier and the replicator, and turns the flow's hooks into
the signals the screens listen to. Answers go to the journal (fsynced) before the screen says
they are saved.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from hardware.clock import Clock
from kiosk.courier import Courier
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.lockdown.exit_marker import ExitMarker
from kiosk.replicator import Link, LinkStatus, Replicator
from kiosk.seat_flow import SeatFlow
from kiosk.sitting import Sitting
from kiosk.stages import FlowHooks, Stage
from kiosk.ui.camera_feed import CameraFactory, CameraFeed
from kiosk.ui.jobs import Jobs
from kiosk.ui.style import TEXT_SIZES
from operator_console.protocol.calls import ServerUnreachable
from operator_console.protocol.kiosk_api import (
    FinishResponse,
    IncidentReport,
    LockReport,
    SeatAssignment,
)

__all__ = ["ALIVE_SECONDS", "KioskModel"]

log = logging.getLogger(__name__)

RETRY_MS = 2000

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
        self.m.camera.start(attempt_id)

    def record(self, attempt_id: str | None) -> None:
        self.m.camera.record(attempt_id)

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
    warned = Signal(int)
    """Minutes left: 5, then 1."""
    section_closed = Signal(str)
    """A section with a time of its own has closed (Program III's logical thinking)."""
    language_chosen = Signal(str)
    _link_from_thread = Signal(object)
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
        self._marker = marker
        self._replicate_interval = replicate_interval
        self.jobs = Jobs()
        self.flow = SeatFlow(client, journal, clock, _Hooks(self), ui_language=ui_language)
        # What the screens read and drive, one concept each (kiosk.seat_flow joins them).
        self.progress = self.flow.progress
        self.watch = self.flow.watch
        self.candidate = self.flow.candidate
        self.parts = self.flow.parts
        self.seat_lock = self.flow.seat_lock
        self.size_step = 1
        self.high_contrast = False
        self.timer_hidden = False
        """The candidate chose not to watch the countdown (the time warnings still come)."""
        self.link = LinkStatus(Link.ONLINE, 0, None, None)
        self.online = client is not None
        self._replicator: Replicator | None = None
        self._alive_mono = float("-inf")
        self._polling = False
        self.courier = (
            Courier(
                journal,
                client,
                on_locked=lambda seat, asked: self._locked_from_thread.emit((seat, asked)),
                ask=self.watch.ask,
            )
            if client
            else None
        )
        self.camera = CameraFeed(
            self, client, self.jobs, camera_factory, self.parts, self.report, self.courier
        )
        self._link_from_thread.connect(self._on_link)
        self._locked_from_thread.connect(self._on_locked)
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
                self.flow.resume(form)
        if previous is not None:
            down = ExitMarker.alive_at(previous) if self.parts.sitting is not None else None
            self.seat_lock.lock("unclean_exit", f"previous run: {previous}", down_since=down)
        elif self.parts.sitting is not None:
            self.seat_lock.lock("unclean_exit", "restarted during a test")
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
        client, sent, ticket = self.client, self.clock.monotonic(), self.watch.ask()
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

    # ----- the test ---------------------------------------------------------------------------

    def begin(self) -> None:
        """Starts the next program on the room server and opens the test."""
        summary = self.parts.begin()
        if summary is None:
            return
        client = self.client_required()
        language = self.candidate.language or self.candidate.ui_language
        self.jobs.run(
            lambda: client.start_attempt(summary.attempt_id, language),
            self.parts.opened,
            self.parts.start_failed,
        )

    def submit(self) -> None:
        if self.progress.confirming_submit:
            self._finish("submitted")

    def _on_tick(self) -> None:
        testing = self.progress.stage is Stage.TEST and self.parts.sitting is not None
        if testing and self._marker and self.clock.monotonic() - self._alive_mono >= ALIVE_SECONDS:
            self._alive_mono = self.clock.monotonic()
            self._marker.alive(self.parts.hall_now())
        found = self.parts.tick()
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
        parts = self.parts
        sitting = parts.finish(reason)
        if sitting is None:
            return

        def failed(error: BaseException) -> None:
            # The answers are in the journal; try again until the room server takes them.
            parts.finish_waiting(error)
            QTimer.singleShot(RETRY_MS, lambda: self.jobs.run(work, finished, failed))

        def work() -> FinishResponse:
            return sitting.finish(reason)

        def finished(done: FinishResponse) -> None:
            parts.finished(done)
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

    def unlock(self, code: str) -> None:
        seat_lock = self.seat_lock
        if not seat_lock.unlocking(code):
            return
        client, courier = self.client_required(), self.courier

        def work() -> tuple[SeatAssignment, float]:
            if courier:
                courier.send_pending()  # the server must know of the lock before it lifts it
            sent = self.clock.monotonic()
            return client.unlock(code.strip()), sent

        def unlocked(done: tuple[SeatAssignment, float]) -> None:
            seat_lock.unlocked(*done)
            self.poll()

        self.jobs.run(work, unlocked, seat_lock.unlock_failed)

    # ----- reports ----------------------------------------------------------------------------

    def report(self, category: str, code: str, note: str = "") -> None:
        """An incident for the operator, on disk first, sent when the room server answers."""
        if self.courier is None:
            return
        sitting = self.parts.sitting
        attempt = sitting.attempt_id if sitting else None
        self.courier.incident(
            IncidentReport.model_validate(
                {
                    "at": self.parts.hall_now(),
                    "category": category,
                    "code": code,
                    "note": note[:2000],
                }
            ),
            attempt,
        )

    def _on_link(self, status: LinkStatus) -> None:
        self.link = status
        self.online = status.link is Link.ONLINE
        self.link_changed.emit()
