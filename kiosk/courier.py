"""Carries the kiosk's reports (incidents, locks) from the journal to the room server.

A report is on disk before anything else happens, so a lock or an incident noticed while the
room LAN is down reaches the operator when it comes back, in the order it happened.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.kiosk_api import IncidentReport, LockReport, SeatAssignment

log = logging.getLogger(__name__)

INCIDENT, LOCK = "incident", "lock"


class Courier:
    def __init__(
        self,
        journal: Journal,
        client: HallClient,
        *,
        on_locked: Callable[[SeatAssignment, int], None] = lambda _s, _n: None,
        ask: Callable[[], int] = lambda: 0,
        interval: float = 2.0,
    ) -> None:
        """`on_locked` hears the seat the server answers a lock report with, and the number
        `ask` gave that report when it was sent (a seat answer asked before an unlock is old)."""
        self._journal, self._client = journal, client
        self._on_locked, self._ask, self._interval = on_locked, ask, interval
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._run, name="courier", daemon=True)
        self._send_lock = threading.Lock()

    def incident(self, report: IncidentReport, attempt_id: str | None = None) -> None:
        self._journal.queue_report(INCIDENT, report.model_dump_json(), attempt_id)
        self._wake.set()

    def lock(self, report: LockReport) -> None:
        self._journal.queue_report(LOCK, report.model_dump_json())
        self._wake.set()

    def start(self) -> Courier:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def send_pending(self) -> int:
        """Sends what is queued, oldest first; stops at the first report the LAN does not carry."""
        sent = 0
        with self._send_lock:
            for report_id, kind, attempt_id, body in self._journal.unsent_reports():
                try:
                    if kind == LOCK:
                        asked = self._ask()
                        seat = self._client.lock(LockReport.model_validate_json(body))
                        self._on_locked(seat, asked)
                    elif attempt_id is not None:
                        self._client.report(attempt_id, IncidentReport.model_validate_json(body))
                    else:
                        self._client.seat_incident(IncidentReport.model_validate_json(body))
                except ServerUnreachable:
                    return sent
                except ServerRefused as exc:
                    if exc.status >= 500 or exc.status == 429:
                        return sent  # the server is there but cannot take it now: try again
                    # Kept in the journal (marked sent) and in the log: retrying cannot help.
                    log.error("room server refused a %s report: %s", kind, exc)
                self._journal.mark_report_sent(report_id)
                sent += 1
        return sent

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.send_pending()
            except Exception:
                log.exception("sending reports failed")
            self._wake.wait(timeout=self._interval)
            self._wake.clear()
