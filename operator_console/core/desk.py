"""The desk's named operations: sign in and take the day's session, admit, seat at a kiosk, start.

The headless demo, the windowed demo and the tests run the desk through these; the console window
will too. Each is one or a few calls of the operator API, in the order the rules require.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import httpx

from operator_console.core.client import ConsoleClient
from operator_console.protocol.console_api.desk import (
    AdmissionView,
    DetectorEventView,
    RegistrationView,
)
from operator_console.protocol.console_api.sessions import SessionView
from operator_console.protocol.kiosk_api import EnrollResponse

Enroll = Callable[[str], EnrollResponse]
"""A kiosk taking an enrollment code (typed in by a technician) and answering its credential."""


class NoSession(LookupError):
    """The roster has no session for the day asked."""


@dataclass
class Desk:
    console: ConsoleClient
    session: SessionView
    registrations: list[RegistrationView]

    @classmethod
    def sign_in(
        cls,
        server_url: str,
        username: str,
        password: str,
        day: date,
        *,
        fetch_roster: bool = True,
        transport: httpx.BaseTransport | None = None,
    ) -> Desk:
        """Signs in, fetches the day's roster from the central system, opens its first session."""
        console = ConsoleClient(server_url, transport=transport)
        try:
            console.login(username, password)
            if fetch_roster:
                console.fetch_roster(day)
            sessions = console.sessions(day)
            if not sessions:
                raise NoSession(f"the roster has no session on {day.isoformat()}")
            session = sessions[0]
            return cls(console, session, console.registrations(session.session_id))
        except BaseException:
            console.close()
            raise

    @property
    def session_id(self) -> str:
        return self.session.session_id

    def close(self) -> None:
        self.console.close()

    def admit(
        self, registration: RegistrationView, *, detector_event_id: int | None = None
    ) -> AdmissionView:
        """The rule verdict for this candidate, with the IIN read from their document."""
        return self.console.admit(
            self.session_id,
            registration.registration_id,
            registration.iin,
            detector_event_id=detector_event_id,
        )

    def enroll_kiosk(self, seat: str, enroll: Enroll) -> EnrollResponse:
        """A new kiosk at the seat, enrolled with a fresh code: the seat appears on the map."""
        return enroll(self.console.enrollment_code(seat).code)

    def seat_at_new_kiosk(
        self, admission: AdmissionView, seat: str, enroll: Enroll
    ) -> EnrollResponse:
        """Enrolls the seat's kiosk with a fresh code, then binds the admission to the seat."""
        enrolled = self.enroll_kiosk(seat, enroll)
        self.console.bind_seat(admission.admission_id, seat)
        return enrolled

    def last_detector_event(self) -> int:
        seen = self.console.detector_events(after=0)
        return seen[-1].id if seen else 0

    def next_walk_through(self, after: int, *, timeout: float = 10.0) -> DetectorEventView | None:
        """The first walk-through (pass or alarm) after event `after`, by long poll."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            for event in self.console.detector_events(after=after, wait=min(2.0, left)):
                if event.kind in ("pass", "alarm"):
                    return event
                after = event.id
        return None

    def start(self) -> SessionView:
        """Closes admission and lets the seated candidates begin."""
        self.session = self.console.start_session(self.session_id)
        return self.session
