"""Fixtures for the kiosk's screens: a hall on the test's clock, and a seated candidate."""

from __future__ import annotations

import pytest

from kiosk.hall_client import HallClient
from tests.hall import Hall


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


@pytest.fixture
def seated(hall: Hall) -> HallClient:
    """The roster's second candidate (legislation only) at seat A01, session started."""
    client = hall.seat(hall.registrations[1], "A01")
    hall.console.start_session(hall.session_id)
    return client
