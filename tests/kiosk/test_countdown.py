"""The countdown without Qt: warnings once each, sections closing on time, the timer's level."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.countdown import Countdown, level


def minutes(m: float) -> timedelta:
    return timedelta(minutes=m)


def test_each_warning_comes_once_and_the_end_is_said() -> None:
    countdown = Countdown.begin("legislation", minutes(55))
    assert countdown.tick(minutes(6)).warnings == []
    assert countdown.tick(minutes(5)).warnings == [5]
    assert countdown.tick(minutes(4)).warnings == []
    late = countdown.tick(minutes(0.5))
    assert late.warnings == [1] and not late.expired
    assert countdown.tick(timedelta(0)).expired


def test_a_part_resumed_late_gives_no_warning_already_past() -> None:
    countdown = Countdown.begin("state_language", minutes(3))
    assert countdown.tick(minutes(2)).warnings == []
    assert countdown.tick(minutes(1)).warnings == [1]


def test_program_three_closes_logical_thinking_after_its_own_30_minutes() -> None:
    countdown = Countdown.begin("pq_program_3", minutes(120))
    assert countdown.section_left("logical_thinking", minutes(120)) == minutes(30)
    assert countdown.section_left("value_orientations", minutes(120)) is None
    assert countdown.tick(minutes(91)).closed == []
    assert countdown.tick(minutes(90)).closed == ["logical_thinking"]
    assert countdown.tick(minutes(80)).closed == []  # said once
    assert countdown.closed_sections(minutes(80)) == {"logical_thinking"}
    assert countdown.section_left("logical_thinking", minutes(80)) == timedelta(0)
    assert Countdown.begin("legislation", minutes(1)).closed_sections(minutes(1)) == set()


@pytest.mark.parametrize(
    ("left", "expected"),
    [(minutes(10), ""), (minutes(5), "warning"), (minutes(1.5), "warning"), (minutes(1), "danger")],
)
def test_the_timer_level_is_decided_in_one_place(left: timedelta, expected: str) -> None:
    assert level(left) == expected
