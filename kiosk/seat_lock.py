"""The seat's lock: the test covered until the operator's code (or until the room resumes), the
attempt's clock stopped meanwhile, and where the candidate goes back to when it lifts. No Qt.

The kiosk locks itself (a prohibited program, an unclean exit, a disputed identity: the operator
is told) or follows the room server's lock (the operator paused the seat, or the room). The code is
sent by whoever drives the flow: `unlocking` says whether to send it, `unlocked` takes the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from hardware.clock import Clock
from kiosk.hall_client import HallClient
from kiosk.parts import Parts
from kiosk.seat_watch import SeatWatch
from kiosk.stages import Progress, Stage
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import LockReport, SeatAssignment


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


class SeatLock:
    def __init__(
        self,
        progress: Progress,
        watch: SeatWatch,
        parts: Parts,
        client: HallClient | None,
        clock: Clock,
    ) -> None:
        self.progress, self.watch, self.parts = progress, watch, parts
        self.hooks = progress.hooks
        self.client, self.clock = client, clock
        self.state: Lock | None = None

    def lock(
        self,
        reason: str,
        note: str = "",
        *,
        report: bool = True,
        down_since: datetime | None = None,
    ) -> None:
        """Covers the test until the operator's code; the attempt's clock stops meanwhile."""
        if self.progress.stage is Stage.LOCKED:
            state = self.state
            if report and state and reason != state.reason and reason not in state.also:
                state.also.add(reason)  # already locked: the operator still hears of it, once
                self.hooks.report("lockdown", reason, note)
            return
        self.state = Lock(
            reason,
            note,
            self.progress.stage,
            from_server=not report,
            seen_at=self.clock.monotonic(),
        )
        if self.parts.sitting:
            self.parts.sitting.pause()
        if report:
            self.hooks.report_lock(
                LockReport(
                    at=self.parts.hall_now(),
                    reason=reason,
                    note=note[:2000],
                    down_since=down_since,
                )
            )
        self.progress.go(Stage.LOCKED)

    def unlocking(self, code: str) -> bool:
        """The operator typed a code: True when it is to be sent."""
        state = self.state
        if self.progress.stage is not Stage.LOCKED or state is None or self.client is None:
            return False
        if not code.strip():
            return False
        state.message = "unlocking"
        self.hooks.changed()
        return True

    def unlock_failed(self, error: BaseException) -> None:
        if self.state is None:
            return
        if isinstance(error, ServerRefused):
            self.state.message = f"refused:{error.code}"
        else:
            self.state.message = "offline"
        self.hooks.changed()

    def unlocked(self, seat: SeatAssignment, sent: float) -> None:
        """The server took the operator's code (the request left at monotonic time `sent`)."""
        state = self.state
        if state is None:
            return
        self.state = None
        self.watch.took(seat)
        self.watch.forget_older()
        parts = self.parts
        if parts.sitting is not None:
            mine = parts.mine(seat)
            if mine is not None and mine.deadline_at is not None:
                middle = (sent + self.clock.monotonic()) / 2
                parts.sitting.rebase(mine.deadline_at, seat.server_time, at_monotonic=middle)
            elif mine is None:
                # Closed on the server meanwhile (the operator ended it): nothing to resume.
                parts.sitting = None
        self._back(state)

    def lifted_by_server(self, seat: SeatAssignment, sent: float | None, round_trip: float) -> bool:
        """The server lifted the lock it had set (the room resumed): back to where it was, with
        no code to type. True when it did."""
        state = self.state
        if (
            self.progress.stage is not Stage.LOCKED
            or state is None
            or not state.from_server
            or seat.locked_at is not None
            or sent is None
            or sent <= state.seen_at
        ):
            return False
        self.state = None
        self.watch.forget_older()
        parts = self.parts
        if parts.sitting is not None:
            mine = parts.mine(seat)
            if mine is not None and mine.deadline_at is not None and mine.status == "running":
                middle = sent + round_trip / 2
                parts.sitting.rebase(mine.deadline_at, seat.server_time, at_monotonic=middle)
            else:
                parts.sitting = None
        self._back(state)
        return True

    def _back(self, state: Lock) -> None:
        back_to = state.back_to
        self.progress.go(
            back_to if (back_to is not Stage.TEST or self.parts.sitting) else Stage.IDLE
        )
