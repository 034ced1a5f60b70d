"""What the room server says about the seat: its last reply, which replies are still fresh, the
hall's time of day, and the candidate's call for the operator. No Qt.

Every request that can tell the seat's state is numbered when it is sent (`ask`). After an unlock
the answers to requests numbered before it are stale: they may have been made before the unlock
reached the server and still show the lock on.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hardware.clock import Clock
from kiosk.stages import FlowHooks
from operator_console.protocol.kiosk_api import SeatAssignment


class SeatWatch:
    def __init__(self, clock: Clock, hooks: FlowHooks) -> None:
        self.clock, self.hooks = clock, hooks
        self.seat: SeatAssignment | None = None
        self.help: str | None = None
        """The candidate's call for the operator: `asked`, `seen` by the server, or None."""
        self._seat_time: datetime | None = None
        self._asked = itertools.count(1)
        """Every request that can tell the seat's state is numbered when it is sent."""
        self._fresh_from = 0
        """Seat answers to requests numbered below this are stale (asked before the last
        unlock was known here)."""
        self._zone: ZoneInfo | None = None
        self._zone_name = ""

    # ----- the seat's replies -----------------------------------------------------------------

    def ask(self) -> int:
        """The number of a request about to be sent that will tell the seat's state."""
        return next(self._asked)

    def fresh(self, ticket: int) -> bool:
        """The answer to request `ticket` may tell the seat's state (asked after the last
        unlock)."""
        return ticket >= self._fresh_from

    def forget_older(self) -> None:
        """The seat was just unlocked: any answer to a request asked before this moment may
        have been made before the unlock reached the server, and shows the lock still on. Only
        requests asked from now on tell the seat's state."""
        self._fresh_from = self.ask()

    def heard(self, seat: SeatAssignment) -> bool:
        """A seat reply: False when a newer one came first (a poll racing an unlock), else it is
        the seat now, and the call for the operator follows what the server says of it."""
        if self._seat_time is not None and seat.server_time < self._seat_time:
            return False
        self.took(seat)
        if self.help == "asked" and seat.help_pending:
            self.help = "seen"
        elif self.help == "seen" and not seat.help_pending:
            self.help = None  # an operator acknowledged it: they are here
        return True

    def took(self, seat: SeatAssignment) -> None:
        """The seat as the server answered a request that changed it (the unlock)."""
        self.seat, self._seat_time = seat, seat.server_time

    def session_running(self) -> bool:
        return bool(self.seat and self.seat.session_status == "running")

    def hall_time(self) -> str:
        """The time of day in the hall's zone, which the seat poll names (HH:MM): a kiosk whose
        machine is set to another zone still shows the hall's time. Until the first poll, the
        machine's."""
        seat = self.seat
        if seat is not None and seat.time_zone and seat.time_zone != self._zone_name:
            try:
                self._zone = ZoneInfo(seat.time_zone)
            except (ZoneInfoNotFoundError, ValueError):
                self._zone = None  # a zone this machine does not know: its own clock
            self._zone_name = seat.time_zone
        return f"{self.clock.now().astimezone(self._zone):%H:%M}"

    # ----- the operator -----------------------------------------------------------------------

    @property
    def operator_called(self) -> bool:
        return self.help is not None

    def call_operator(self) -> None:
        """The candidate raises a hand: an alert on the operator's map until someone comes."""
        if self.help is not None:
            return
        self.help = "asked"
        self.hooks.report("examinee", "help_requested", "the candidate asks for the operator")
        self.hooks.changed()
