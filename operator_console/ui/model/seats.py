"""The model's seats: the operator's actions on a seat (a pause, time, a termination, a move), and
the incidents logged and acknowledged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.console_api.hall import SeatActionView, SeatMap, SeatView
from operator_console.protocol.reasons import Reason
from operator_console.ui.model.base import ModelBase


@dataclass(frozen=True)
class SeatRetry:
    """A seat action the server refused because the seat's sitting is another one now: `now`
    is the seat as read again; `again(admission_id)` repeats the action for that sitting."""

    act: str
    seat: str
    now: SeatView | None
    again: Callable[[str], None]


class SeatsModel(ModelBase):
    """Every seat action names the sitting the operator saw (the seat's `admission_id` when the
    dialog opened). A seat whose sitting changed meanwhile is refused with `seat_changed`: the
    seat is read again and `seat_changed` asks the screen to ask the operator again."""

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

        asked = self.picture.news

        def done(reply: Any) -> None:
            # The seat as the action left it, at once: the change stream confirms it later.
            if isinstance(reply, SeatActionView) and self.picture.acted(reply.seat, asked):
                self.news.emit({"seat"})
            then(reply)

        self.background.call(lambda: call(admission_id), done, failed)

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
        words = QCoreApplication.translate("ConsoleModel", "Seat %1 paused").replace("%1", seat)
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
        words = (
            QCoreApplication.translate("ConsoleModel", "Seat %1: %2 min")
            .replace("%1", seat)
            .replace("%2", f"{minutes:+d}")
        )
        self._seat_call(
            "time", seat, admission_id,
            lambda adm: self.client.change_time(seat, adm, minutes, reason),
            lambda _d: self.say(words),
        )  # fmt: skip

    def terminate(self, seat: str, admission_id: str, reason: Reason) -> None:
        def got(done: SeatActionView) -> None:
            words = QCoreApplication.translate(
                "ConsoleModel", "Seat %1: the test is terminated"
            ).replace("%1", seat)
            if done.by:
                words += (
                    " ("
                    + QCoreApplication.translate("ConsoleModel", "already, by %1").replace(
                        "%1", done.by
                    )
                    + ")"
                )
            if done.proposal:
                words += " — " + QCoreApplication.translate(
                    "ConsoleModel", "annulment and a ban of 6 to 12 months proposed to the proctor"
                )
            self.say(words)

        self._seat_call(
            "terminate", seat, admission_id,
            lambda adm: self.client.terminate(seat, adm, reason), got,
        )  # fmt: skip

    def move(self, seat: str, admission_id: str, to_seat: str, reason: Reason) -> None:
        def got(done: SeatActionView) -> None:
            self.say(
                QCoreApplication.translate("ConsoleModel", "Moved from %1 to %2")
                .replace("%1", seat)
                .replace("%2", to_seat)
            )
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
            done=QCoreApplication.translate("ConsoleModel", "Incident recorded"),
        )

    def acknowledge(self, incident_id: int) -> None:
        self._call(lambda: self.client.acknowledge(incident_id))
