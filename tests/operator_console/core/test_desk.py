"""The desk's named operations against a real room server on loopback."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.hall_client import HallClient, enroll
from operator_console.core.desk import Desk, NoSession
from tests.hall import PASSWORD, Hall


def test_sign_in_opens_the_days_session_with_its_roster(hall: Hall) -> None:
    desk = Desk.sign_in(hall.server.url, "desk", PASSWORD, hall.clock.now().date())
    try:
        assert desk.session_id == hall.session_id
        assert [r.registration_id for r in desk.registrations] == [
            r.registration_id for r in hall.registrations
        ]
    finally:
        desk.close()


def test_a_day_without_a_session_is_said_in_words(hall: Hall) -> None:
    day = hall.clock.now().date() + timedelta(days=30)
    with pytest.raises(NoSession, match="no session on"):
        Desk.sign_in(hall.server.url, "desk", PASSWORD, day, fetch_roster=False)


def test_admit_seat_start_and_the_kiosk_sees_its_candidate(hall: Hall) -> None:
    desk, reg = hall.desk, hall.registrations[1]
    decision = desk.admit(reg)
    assert decision.status == "admitted"
    url = hall.server.url
    enrolled = desk.seat_at_new_kiosk(decision, "B07", lambda code: enroll(url, code, "m-b07"))
    assert enrolled.seat == "B07"
    assert desk.start().status == "running"
    kiosk = HallClient(url, enrolled.token)
    try:
        seat = kiosk.seat()
        assert (seat.registration_id, seat.session_status) == (reg.registration_id, "running")
    finally:
        kiosk.close()
