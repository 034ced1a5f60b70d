"""The console's model: what every screen reads, and the operations every screen calls.

One broadcast, `news`, carries the kinds of what changed (`seat`, `session`, `admission`,
`detector`, `incident`, `sync`, `link`, `desk`, `history`, `message`, `expired`); each screen
decides from the kinds whether to refresh (as Anki's `op_executed` does). Every call to the room
server runs off the screen's thread; its answer comes back through the same broadcast.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from operator_console.core import finder
from operator_console.core.client import ConsoleClient
from operator_console.core.hall_watch import Delivery, Follower, HallPicture
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.console_api import (
    AdmissionCheck,
    AdmissionView,
    DetectorEventView,
    DetectorStateView,
    HistoryEntry,
    OutboxView,
    RegistrationView,
    RuleCode,
    SeatActionView,
    SeatMap,
    SeatView,
    SessionView,
    SyncStatus,
)
from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import DESK
from operator_console.ui import refusal_texts
from operator_console.ui.background import Background

log = logging.getLogger(__name__)

KEPT_WALKS = 50


@dataclass(frozen=True)
class SeatRetry:
    """A seat action the server refused because the seat's sitting is another one now: `now`
    is the seat as read again; `again(admission_id)` repeats the action for that sitting."""

    act: str
    seat: str
    now: SeatView | None
    again: Callable[[str], None]


class ConsoleModel(QObject):
    news = Signal(object)
    """The kinds of what changed: a set of words (see the module's text)."""
    code_issued = Signal(object)
    """A resume code to show the operator in large digits (a ResumeCodeView)."""
    seat_changed = Signal(object)
    """A seat action was refused because the seat's sitting changed (a SeatRetry)."""

    def __init__(self, client: ConsoleClient, *, username: str = "", wait: float = 25.0) -> None:
        super().__init__()
        self.client = client
        self.username = username
        self.role = client.role
        self.picture = HallPicture()
        self.background = Background()
        self.follower = Follower(
            client,
            lambda got: self.background.on_gui(lambda: self._take(got)),
            on_expired=lambda detail: self.background.on_gui(lambda: self._expired(detail)),
            wait=wait,
        )
        self.sessions: list[SessionView] = []
        self.session_id: str | None = None
        self.registrations: list[RegistrationView] = []
        self.walks: list[DetectorEventView] = []
        self.detector: DetectorStateView | None = None
        self.history: list[HistoryEntry] = []
        self.chosen: RegistrationView | None = None
        self.check: AdmissionCheck | None = None
        self.presented_iin = ""
        self.walk_id: int | None = None
        """The walk-through the admission will be linked to (the latest, unless picked)."""
        self.message: str | None = None
        self.message_is_error = False
        self.expired = False
        self.sync: SyncStatus | None = None
        self.sync_read_at = 0.0
        self.outbox: list[OutboxView] = []

    # ----- life ---------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh_sessions()
        self.refresh_detector()
        self.refresh_sync()
        self.follower.start()

    def close(self) -> None:
        self.follower.stop()
        self.background.close()

    def _call(
        self,
        work: Callable[[], Any],
        then: Callable[[Any], None] = lambda _r: None,
        *,
        done: str | None = None,
        settled: Callable[[], None] = lambda: None,
    ) -> None:
        """`settled` runs once the call has ended, answered or failed (a button given back)."""

        def ok(result: Any) -> None:
            settled()
            then(result)
            if done:
                self.say(done)

        def failed(error: BaseException) -> None:
            settled()
            self._failed(error)

        self.background.call(work, ok, failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServerRefused):
            if error.status == 401:
                self._expired(error.detail)
                return
            self.say(refusal_texts.refused(error), error=True)
        elif isinstance(error, ServerUnreachable):
            self.picture.stale = True
            self.say(self.tr("The room server does not answer; the picture is kept."), error=True)
            self.news.emit({"link"})
        else:
            log.error("console call failed", exc_info=error)
            self.say(str(error), error=True)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message, self.message_is_error = text, error
        self.news.emit({"message"})

    def _expired(self, detail: str) -> None:
        self.expired = True
        self.picture.stale = True
        self.say(
            self.tr("Your sign-in has ended: %1. Sign in again.").replace("%1", detail), error=True
        )
        self.news.emit({"expired", "link"})

    def _take(self, got: Delivery) -> None:
        kinds = self.picture.take(got)
        if "session" in kinds or "admission" in kinds:
            self.refresh_sessions()
        if "detector" in kinds:
            self.refresh_detector()
        if kinds & {"sync", "link"}:
            self.refresh_sync()
        if "history" not in kinds and self.history and kinds & {"seat", "admission", "incident"}:
            self.refresh_history()
        self.news.emit(kinds)

    # ----- sessions -----------------------------------------------------------------------------

    def refresh_sessions(self) -> None:
        def got(sessions: list[SessionView]) -> None:
            self.sessions = sessions
            if self.session_id not in {s.session_id for s in sessions}:
                open_ones = [s for s in sessions if s.status != "closed"] or sessions
                self.session_id = open_ones[0].session_id if open_ones else None
                self.refresh_registrations()
            self.news.emit({"session"})

        self._call(self.client.sessions, got)
        if self.session_id:
            self.refresh_registrations()

    @property
    def session(self) -> SessionView | None:
        return next((s for s in self.sessions if s.session_id == self.session_id), None)

    def choose_session(self, session_id: str) -> None:
        self.session_id = session_id
        self.chosen = self.check = None
        self.refresh_registrations()
        self.news.emit({"session", "desk"})

    def refresh_registrations(self) -> None:
        session_id = self.session_id
        if session_id is None or self.role not in DESK:
            return

        def got(regs: list[RegistrationView]) -> None:
            if session_id != self.session_id:
                return
            self.registrations = regs
            if self.chosen is not None:
                self.chosen = next(
                    (r for r in regs if r.registration_id == self.chosen.registration_id), None
                )
            self.news.emit({"admission"})

        self._call(lambda: self.client.registrations(session_id), got)

    def start_session(self) -> None:
        if self.session_id:
            sid = self.session_id
            self._call(
                lambda: self.client.start_session(sid),
                lambda _s: self.refresh_sessions(),
                done=self.tr("Session started: admission is closed"),
            )

    def pause_room(self, reason: Reason) -> None:
        if self.session_id:
            sid = self.session_id
            self._call(
                lambda: self.client.pause_room(sid, reason),
                lambda _r: self.refresh_sessions(),
                done=self.tr("The room is paused: every running seat's clock is stopped"),
            )

    def resume_room(self) -> None:
        if self.session_id:
            sid = self.session_id
            self._call(
                lambda: self.client.resume_room(sid),
                lambda _r: self.refresh_sessions(),
                done=self.tr("The room is resumed: every seat got its time back"),
            )

    # ----- the desk -----------------------------------------------------------------------------

    def find(self, text: str) -> list[RegistrationView]:
        return finder.find(self.registrations, text)

    def choose(
        self, registration: RegistrationView | None, presented_iin: str | None = None
    ) -> None:
        """The candidate at the desk; the rules' verdict for them follows from the server."""
        self.chosen, self.check = registration, None
        self.presented_iin = (
            presented_iin
            if presented_iin is not None
            else (registration.iin if registration else "")
        )
        self.news.emit({"desk"})
        self.recheck()

    def recheck(self) -> None:
        """Asks the server's check again for the chosen candidate, with the walk-through the
        admission would go with: the rules and the detector gate are the server's to decide."""
        registration = self.chosen
        if registration is None or self.session_id is None:
            return
        sid, rid, iin = self.session_id, registration.registration_id, self.presented_iin
        walk = self.walk
        walk_id = walk.id if walk else None

        def got(check: AdmissionCheck) -> None:
            if (
                self.chosen is not None
                and self.chosen.registration_id == check.registration_id
                and self.presented_iin == iin
            ):
                self.check = check
                self.news.emit({"desk"})

        self._call(lambda: self.client.check_admission(sid, rid, iin, walk_id), got)

    def scanned(self, text: str) -> bool:
        """A scanner's IIN and Enter: picks the candidate outright. False when nobody matches."""
        found = finder.exact_iin(self.registrations, text)
        if found is None:
            return False
        self.choose(found, "".join(text.split()))
        return True

    @property
    def walk(self) -> DetectorEventView | None:
        """The walk-through the admission goes with: the picked one, or the latest."""
        transits = [w for w in self.walks if w.kind in ("pass", "alarm")]
        if self.walk_id is not None:
            picked = next((w for w in transits if w.id == self.walk_id), None)
            if picked is not None:
                return picked
        return transits[-1] if transits else None

    def pick_walk(self, event_id: int | None) -> None:
        self.walk_id = event_id
        self.news.emit({"desk"})
        self.recheck()

    def admit(self, seat: str | None) -> None:
        """Admits the chosen candidate and seats them (the next free seat when none is given)."""
        reg, sid = self.chosen, self.session_id
        if reg is None or sid is None:
            return
        walk = self.walk
        walk_id = walk.id if walk else None
        target = seat or next(iter(self.picture.free_seats()), None)
        client, iin = self.client, self.presented_iin

        def work() -> AdmissionView:
            decision = client.admit(sid, reg.registration_id, iin, walk_id)
            if (
                decision.status == "admitted"
                and not decision.already
                and target
                and decision.seat is None
            ):
                decision = client.bind_seat(decision.admission_id, target)
            return decision

        def got(decision: AdmissionView) -> None:
            if decision.already:
                at = decision.decided_at.astimezone() if decision.decided_at else None
                self.say(
                    self.tr("%1 already admitted by %2 at %3")
                    .replace("%1", decision.full_name)
                    .replace("%2", decision.decided_by or "")
                    .replace("%3", f"{at:%H:%M}" if at else "")
                )
            elif decision.status == "admitted":
                where = decision.seat or self.tr("no seat yet")
                self.say(
                    self.tr("%1 admitted: seat %2")
                    .replace("%1", decision.full_name)
                    .replace("%2", where)
                )
            else:
                self.say(
                    self.tr("%1 refused: %2")
                    .replace("%1", decision.full_name)
                    .replace("%2", decision.reason or ""),
                    error=True,
                )
            self.walk_id = None
            self.refresh_registrations()
            self._done_with(reg)

        self._call(work, got)

    def refuse(self, reason: Reason | None, rule: RuleCode | None = None) -> None:
        """Refuses the chosen candidate: by the rule the server's check named (the server checks
        it still applies), or for the operator's reason of the list."""
        reg, sid = self.chosen, self.session_id
        if reg is None or sid is None:
            return
        walk = self.walk
        walk_id = walk.id if walk else None
        iin = self.presented_iin

        def got(decision: AdmissionView) -> None:
            self.say(self.tr("%1 refused").replace("%1", decision.full_name))
            self.refresh_registrations()
            self._done_with(reg)

        self._call(
            lambda: self.client.refuse(
                sid, reg.registration_id, reason, walk_id, rule=rule, presented_iin=iin
            ),
            got,
        )

    def _done_with(self, reg: RegistrationView) -> None:
        """The desk moves on, unless the operator has already moved on to someone else."""
        if self.chosen is not None and self.chosen.registration_id == reg.registration_id:
            self.choose(None)

    def wand(self, kind: str) -> None:
        """The wand's result for the chosen candidate (the server refuses one for no one)."""
        rid = self.chosen.registration_id if self.chosen else None

        def got(event: DetectorEventView) -> None:
            self.walk_id = event.id
            self.refresh_detector()

        self._call(lambda: self.client.wand(kind, rid), got)

    def refresh_detector(self) -> None:
        after = self.walks[-1].id if self.walks else 0

        def got(found: tuple[DetectorStateView, list[DetectorEventView]]) -> None:
            self.detector, fresh = found
            known = {w.id for w in self.walks}
            self.walks = (self.walks + [w for w in fresh if w.id not in known])[-KEPT_WALKS:]
            self.news.emit({"detector"})
            if any(w.kind in ("pass", "alarm") for w in fresh if w.id not in known):
                self.recheck()

        client = self.client
        self._call(lambda: (client.detector_state(), client.detector_events(after)), got)

    # ----- seats --------------------------------------------------------------------------------

    # Every seat action names the sitting the operator saw (the seat's `admission_id` when the
    # dialog opened). A seat whose sitting changed meanwhile is refused with `seat_changed`: the
    # seat is read again and `seat_changed` asks the screen to ask the operator again.

    def _seat_call(
        self,
        act: str,
        seat: str,
        admission_id: str,
        call: Callable[[str], Any],
        then: Callable[[Any], None],
    ) -> None:
        def failed(error: BaseException) -> None:
            if (
                isinstance(error, ServerRefused)
                and error.code == "seat_changed"
                and error.params.get("seat", seat) == seat
            ):
                self._reread(act, seat, lambda adm: self._seat_call(act, seat, adm, call, then))
                return
            self._failed(error)

        self.background.call(lambda: call(admission_id), then, failed)

    def _reread(self, act: str, seat: str, again: Callable[[str], None]) -> None:
        def got(picture: SeatMap) -> None:
            view = next((s for s in picture.seats if s.seat == seat), None)
            if view is not None:
                self.picture.seats[seat] = view
                self.picture.touched = {seat}
                self.news.emit({"seat"})
            self.seat_changed.emit(SeatRetry(act, seat, view, again))

        self._call(self.client.seats, got)

    def pause_seat(self, seat: str, admission_id: str, reason: Reason) -> None:
        words = self.tr("Seat %1 paused").replace("%1", seat)
        self._seat_call(
            "pause", seat, admission_id,
            lambda adm: self.client.pause_seat(seat, adm, reason), lambda _d: self.say(words),
        )  # fmt: skip

    def resume_seat(self, seat: str, admission_id: str) -> None:
        def got(done: SeatActionView) -> None:
            if done.resume_code is not None:
                self.code_issued.emit(done.resume_code)

        self._seat_call(
            "resume", seat, admission_id, lambda adm: self.client.resume_seat(seat, adm), got
        )

    def change_time(self, seat: str, admission_id: str, minutes: int, reason: Reason) -> None:
        words = self.tr("Seat %1: %2 min").replace("%1", seat).replace("%2", f"{minutes:+d}")
        self._seat_call(
            "time", seat, admission_id,
            lambda adm: self.client.change_time(seat, adm, minutes, reason),
            lambda _d: self.say(words),
        )  # fmt: skip

    def terminate(self, seat: str, admission_id: str, reason: Reason) -> None:
        def got(done: SeatActionView) -> None:
            words = self.tr("Seat %1: the test is terminated").replace("%1", seat)
            if done.by:
                words += " (" + self.tr("already, by %1").replace("%1", done.by) + ")"
            if done.proposal:
                words += " — " + self.tr(
                    "annulment and a ban of 6 to 12 months proposed to the proctor"
                )
            self.say(words)

        self._seat_call(
            "terminate", seat, admission_id,
            lambda adm: self.client.terminate(seat, adm, reason), got,
        )  # fmt: skip

    def move(self, seat: str, admission_id: str, to_seat: str, reason: Reason) -> None:
        def got(done: SeatActionView) -> None:
            self.say(self.tr("Moved from %1 to %2").replace("%1", seat).replace("%2", to_seat))
            if done.resume_code is not None:
                self.code_issued.emit(done.resume_code)

        self._seat_call(
            "move", seat, admission_id,
            lambda adm: self.client.move(seat, adm, to_seat, reason), got,
        )  # fmt: skip

    def log_incident(self, reason: Reason, seat: str | None) -> None:
        sid = self.session_id
        self._call(
            lambda: self.client.log_incident(reason, seat=seat, session_id=sid),
            done=self.tr("Incident recorded"),
        )

    def acknowledge(self, incident_id: int) -> None:
        self._call(lambda: self.client.acknowledge(incident_id))

    # ----- history ------------------------------------------------------------------------------

    def refresh_history(self) -> None:
        sid = self.session_id
        if sid is None:
            return

        def got(entries: list[HistoryEntry]) -> None:
            self.history = entries
            self.news.emit({"history"})

        self._call(lambda: self.client.history(sid), got)

    # ----- sync, report -------------------------------------------------------------------------

    def call(
        self, work: Callable[[], Any], then: Callable[[Any], None] = lambda _r: None, *,
        done: str | None = None, settled: Callable[[], None] = lambda: None,
    ) -> None:  # fmt: skip
        """A screen's own call to the room server: off the GUI thread, refusals said for it;
        `settled` once it has ended either way."""
        self._call(work, then, done=done, settled=settled)

    def refresh_sync(self) -> None:
        def read() -> tuple[SyncStatus, list[OutboxView]]:
            # Not the whole outbox (an audit head every few seconds all day): the results, for
            # the delivery chart, and whatever has not gone yet, for the parked and the errors.
            status = self.client.sync_status()
            results = self.client.outbox(kind="result")
            waiting = self.client.outbox(status=("pending", "parked"))
            merged = {r.record_id: r for r in [*results, *waiting]}
            return status, sorted(merged.values(), key=lambda r: r.created_at)

        def got(found: tuple[SyncStatus, list[OutboxView]]) -> None:
            self.sync, self.outbox = found
            self.sync_read_at = time.monotonic()
            self.news.emit({"outbox"})

        self._call(read, got)

    def oldest_pending_seconds(self) -> float | None:
        """The oldest pending record's age now: as read, plus the time since it was read."""
        if self.sync is None or self.sync.oldest_pending_seconds is None:
            return None
        return self.sync.oldest_pending_seconds + time.monotonic() - self.sync_read_at

    def retry(self, record_id: str) -> None:
        self._call(
            lambda: self.client.retry(record_id),
            lambda _r: self.refresh_sync(),
            done=self.tr("The record is queued again"),
        )

    @property
    def language(self) -> str:
        """The console's language, for what the server writes in words (the session report)."""
        code = QLocale().name()[:2]
        return code if code in ("kk", "ru") else "en"
