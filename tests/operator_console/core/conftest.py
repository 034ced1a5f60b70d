"""The console core's tests run against a seated hall on the test's clock."""

from __future__ import annotations

import pytest

from tests.hall import Hall


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall
