"""The kiosk's report courier: a report the room server cannot take *now* is kept and sent later."""

from __future__ import annotations

from pathlib import Path

import httpx

from kiosk.courier import Courier
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from operator_console.protocol.kiosk_api import IncidentReport
from tests.hall import Hall


class BusyAtFirst(httpx.BaseTransport):
    """The real room server behind a front that answers 503 to the first `busy` requests."""

    def __init__(self, busy: int) -> None:
        self._real, self.busy = httpx.HTTPTransport(), busy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.busy > 0:
            self.busy -= 1
            return httpx.Response(503, json={"detail": "the hall's database did not answer"})
        return self._real.handle_request(request)

    def close(self) -> None:
        self._real.close()


def test_a_report_refused_with_503_stays_queued_until_the_server_takes_it(
    hall: Hall, tmp_path: Path
) -> None:
    enrolled = hall.enrolled(hall.registrations[1], "A01")
    client = HallClient(hall.server.url, enrolled.token, transport=BusyAtFirst(busy=1))
    journal = Journal(tmp_path / "journal.db")
    try:
        courier = Courier(journal, client)
        report = IncidentReport(at=hall.clock.now(), category="lockdown", code="focus_lost")
        journal.queue_report("incident", report.model_dump_json(), None)
        assert courier.send_pending() == 0  # 503: kept, not marked sent
        assert len(journal.unsent_reports()) == 1
        assert courier.send_pending() == 1
        assert journal.unsent_reports() == []
    finally:
        journal.close()
        client.close()
