"""The console's picture of the hall and its one change stream, without any window."""

from __future__ import annotations

import queue
from datetime import UTC, datetime, timedelta

from operator_console.core.hall_watch import Delivery, Follower, HallPicture, silence_level
from operator_console.protocol.console_api.hall import (
    AlertView,
    ChangeBatch,
    ChangeView,
    SeatMap,
    SeatView,
)
from operator_console.protocol.kiosk_api import LockReport
from operator_console.protocol.values import SeatState
from operator_console.server.app import create_app
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
from tests.hall import Hall
from tests.operator_console.server.test_hall_flow import started

NOW = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)


def seat(code: str, state: str = "in_test", **more: object) -> SeatView:
    return SeatView.model_validate(
        {"seat": code, "spare": False, "enrolled": True, "state": state, **more}
    )


def test_silence_turns_amber_orange_red_at_5_10_15_seconds() -> None:
    assert [silence_level(s) for s in (None, 4.9, 5, 9.9, 10, 15, 600)] == [0, 0, 1, 1, 2, 3, 3]


def test_problems_come_worst_first_one_row_a_seat() -> None:
    picture = HallPicture()
    alert = {"at": NOW, "category": "lockdown", "note": ""}
    picture.load(
        SeatMap(
            server_time=NOW,
            columns=6,
            cursor="x-0",
            seats=[
                seat("A01", last_heard_at=NOW - timedelta(seconds=7)),  # amber
                seat("A02", "locked", lock_reason="focus_lost", last_heard_at=NOW),
                seat(
                    "A03",
                    last_heard_at=NOW,
                    alerts=[
                        AlertView(incident_id=1, code="focus_lost", **alert),
                        AlertView(incident_id=2, code="extra_screen", **alert),
                    ],
                ),  # two alerts: one row
                seat("A04", "finished", last_heard_at=NOW - timedelta(minutes=9)),  # quiet
                seat("A05", last_heard_at=NOW - timedelta(seconds=16)),  # red
            ],
        )
    )
    problems = picture.problems(NOW)
    assert [(p.seat, p.kind, p.level) for p in problems] == [
        ("A03", "alert", 3),
        ("A02", "locked", 3),
        ("A05", "silent", 3),
        ("A01", "silent", 1),
    ]
    assert problems[0].incident_ids == (1, 2) and problems[0].code == "extra_screen"
    assert picture.free_seats() == []


def test_the_follower_hands_on_the_map_then_each_change(hall: Hall) -> None:
    client, _form = started(hall)
    got: queue.Queue[Delivery] = queue.Queue()
    follower = Follower(hall.console, got.put, wait=2.0)
    follower.start()
    try:
        first = got.get(timeout=10)
        assert isinstance(first, SeatMap) and first.seats[0].state == SeatState.IN_TEST
        client.lock(LockReport(at=hall.clock.now(), reason="focus_lost", note=""))
        batch = got.get(timeout=10)
        assert batch is not None and not isinstance(batch, SeatMap)
        assert [s.state for s in batch.seats] == ["locked"]
        picture = HallPicture()
        picture.take(first)
        assert picture.take(batch) >= {"seat"} and picture.touched == {"A01"}
        assert picture.seats["A01"].lock_reason == "focus_lost"
    finally:
        follower.stop()


def test_a_restarted_server_is_followed_again_from_a_fresh_map(hall: Hall) -> None:
    got: queue.Queue[Delivery] = queue.Queue()
    follower = Follower(hall.console, got.put, wait=1.0)
    follower.start()
    again: ServerThread | None = None
    runtime: HallRuntime | None = None
    try:
        assert isinstance(got.get(timeout=10), SeatMap)
        port = hall.server.port
        hall.server.stop()
        assert got.get(timeout=10) is None  # the link is down: the picture goes stale
        picture = HallPicture(stale=False)
        assert picture.take(None) == {"link"} and picture.stale
        # The room server comes back on the same port and database: a new run, a new stream.
        runtime = HallRuntime(hall.runtime.config, clock=hall.clock)
        again = ServerThread(create_app(runtime, run_workers=False), port=port).start()
        back = got.get(timeout=20)
        assert isinstance(back, SeatMap) and back.cursor.startswith(runtime.live.feed.run)
        assert picture.take(back) >= {"seat", "link"} and not picture.stale
    finally:
        follower.stop()
        if again is not None:
            again.stop()
        if runtime is not None:
            runtime.close()


def batch(*seats: SeatView) -> ChangeBatch:
    return ChangeBatch(
        cursor="c",
        reset=False,
        server_time=NOW,
        changes=[ChangeView(kind="seat", subject=s.seat, at=NOW) for s in seats],
        seats=list(seats),
    )


def test_an_actions_reply_shows_at_once_unless_newer_news_of_the_seat_came_first() -> None:
    picture = HallPicture()
    picture.load(SeatMap(server_time=NOW, columns=6, cursor="c", seats=[seat("A01"), seat("A02")]))
    asked = picture.news
    assert picture.acted(seat("A01", "terminated"), asked)  # the reply, before the stream
    assert picture.seats["A01"].state == "terminated" and picture.touched == {"A01"}

    asked = picture.news
    picture.apply(batch(seat("A02", "locked")))  # news of another seat: the reply still counts
    assert picture.acted(seat("A01", "free"), asked)

    asked = picture.news
    picture.apply(batch(seat("A01", "seated")))  # newer news of the seat, then a late reply
    assert not picture.acted(seat("A01", "terminated"), asked)
    assert picture.seats["A01"].state == "seated"


def test_time_left_runs_in_test_and_stands_still_while_locked() -> None:
    picture = HallPicture()
    running = seat("A01", deadline_at=NOW + timedelta(minutes=19), time_left_seconds=1198.0)
    locked = seat("A02", "locked", deadline_at=NOW + timedelta(minutes=3), time_left_seconds=600.0)
    assert picture.time_left(running, NOW) == 19 * 60
    assert picture.time_left(running, NOW + timedelta(minutes=5)) == 14 * 60
    assert picture.time_left(running, NOW + timedelta(hours=1)) == 0
    assert picture.time_left(locked, NOW + timedelta(minutes=5)) == 600.0


def test_the_room_at_a_glance_counts_each_kind_of_seat_once() -> None:
    picture = HallPicture()
    helping = AlertView(incident_id=1, at=NOW, category="examinee", code="help_requested", note="")
    picture.load(
        SeatMap(
            server_time=NOW, columns=6, cursor="c",
            seats=[
                seat("A01"), seat("A02", alerts=[helping]), seat("A03", "locked"),
                seat("A04", "finished"), seat("A05", "terminated"), seat("A06", "free"),
                seat("B01", last_heard_at=NOW - timedelta(seconds=30)),
            ],
        )
    )  # fmt: skip
    counts = picture.counts(NOW)
    assert counts == {"in_test": 3, "locked": 1, "silent": 1, "done": 2, "help": 1}
