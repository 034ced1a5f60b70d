"""The console's picture of the hall, and the one stream that keeps it current.

`HallPicture` is what the screens read: every seat's last view, the problems to show first, the
kiosks' silence. `Follower` holds one long poll of `GET /changes` open for the whole console and
hands each batch to the picture; every screen then decides from the batch's kinds whether to
refresh. Neither knows Qt: they are tested without a window.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from operator_console.core.client import ConsoleClient
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.console_api.hall import ChangeBatch, SeatMap, SeatView

log = logging.getLogger(__name__)

SILENCE_LEVELS = (5.0, 10.0, 15.0)
"""Seconds without a word from a kiosk: amber, orange, red (as Safe Exam Browser Server shows)."""
QUIET_STATES = ("free", "finished", "terminated")
"""Seats whose kiosk may be off without anyone worrying."""
LONG_POLL = 25.0


def silence_level(seconds: float | None) -> int:
    """0 heard lately, 1 amber, 2 orange, 3 red."""
    if seconds is None:
        return 0
    return sum(seconds >= limit for limit in SILENCE_LEVELS)


@dataclass(frozen=True)
class Problem:
    seat: str
    kind: str
    """`alert` (an incident nobody acknowledged), `locked`, or `silent`."""
    code: str
    since: datetime | None
    incident_ids: tuple[int, ...] = ()
    """The open alerts this row stands for (one row a seat: its latest alert, and how many)."""
    level: int = 3


@dataclass
class HallPicture:
    seats: dict[str, SeatView] = field(default_factory=dict)
    columns: int = 6
    cursor: str | None = None
    offset: timedelta = timedelta(0)
    """The server's clock less ours, from the latest answer."""
    stale: bool = True
    """The picture is the last one seen, not known to be current (no answer from the server)."""
    touched: set[str] = field(default_factory=set)
    """The seats the latest news changed (every seat after a whole map)."""
    news: int = 0
    """How many times the server's news has been taken (a map or a batch)."""
    news_of: dict[str, int] = field(default_factory=dict)
    """Seat -> the `news` that last brought it."""

    def load(self, picture: SeatMap) -> None:
        self.seats = {s.seat: s for s in picture.seats}
        self.touched = set(self.seats)
        self._heard_of(self.touched)
        self.columns = picture.columns
        self.cursor = picture.cursor
        self._clock(picture.server_time)
        self.stale = False

    def take(self, got: Delivery) -> set[str]:
        """Takes what the follower delivered; answers the kinds of news it carried."""
        if got is None:
            self.stale = True
            self.touched = set(self.seats)
            return {"link"}
        was_stale = self.stale
        if isinstance(got, SeatMap):
            self.load(got)
            return {"seat", "session", "admission", "detector", "sync", "incident", "link"}
        return self.apply(got) | ({"link"} if was_stale else set())

    def apply(self, batch: ChangeBatch) -> set[str]:
        """Takes a batch; answers the kinds it changed (`seat`, `session`, `detector`, ...)."""
        self.cursor = batch.cursor
        self._clock(batch.server_time)
        self.stale = False
        self.touched = {seat.seat for seat in batch.seats}
        self._heard_of(self.touched)
        for seat in batch.seats:
            self.seats[seat.seat] = seat
        for code, at in batch.heard.items():
            held = self.seats.get(code)
            if held is not None and (held.last_heard_at is None or held.last_heard_at < at):
                self.seats[code] = held.model_copy(update={"last_heard_at": at})
        return {c.kind for c in batch.changes}

    def _heard_of(self, seats: set[str]) -> None:
        self.news += 1
        for seat in seats:
            self.news_of[seat] = self.news

    def acted(self, after: SeatView, asked: int) -> bool:
        """Takes the seat as an action's reply left it, unless news of that seat came after the
        action was asked (`asked`: `news` then): a reply that arrives late never puts an older
        seat over a newer one. Answers whether it took it."""
        if self.news_of.get(after.seat, 0) > asked:
            return False
        self.seats[after.seat] = after
        self.touched = {after.seat}
        return True

    def time_left(self, seat: SeatView, now: datetime | None = None) -> float | None:
        """The seat's time left now: running against its deadline while in test, else frozen
        at what the server said (a locked seat's time when it resumes)."""
        if seat.state == "in_test" and seat.deadline_at is not None:
            return max(0.0, (seat.deadline_at - (now or self.server_now())).total_seconds())
        return seat.time_left_seconds

    def _clock(self, server_time: datetime) -> None:
        self.offset = server_time - datetime.now(UTC)

    def server_now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def silence(self, seat: SeatView, now: datetime | None = None) -> float | None:
        """Seconds since the kiosk was heard (its `last_heard_at`, which every batch keeps
        fresh), against the server's clock, for a seat whose kiosk should be talking."""
        if not seat.enrolled or seat.state in QUIET_STATES or seat.last_heard_at is None:
            return None
        return max(0.0, ((now or self.server_now()) - seat.last_heard_at).total_seconds())

    def problems(self, now: datetime | None = None) -> list[Problem]:
        """Every seat's problems, worst first: open alerts, locks, silent kiosks by how long."""
        found: list[Problem] = []
        for seat in self.seats.values():
            if seat.alerts:
                latest = seat.alerts[-1]
                ids = tuple(a.incident_id for a in seat.alerts)
                found.append(Problem(seat.seat, "alert", latest.code, latest.at, ids, 3))
            if seat.state == "locked" and not seat.alerts:
                found.append(Problem(seat.seat, "locked", seat.lock_reason or "", seat.locked_at))
            level = silence_level(self.silence(seat, now))
            if level:
                found.append(
                    Problem(seat.seat, "silent", "kiosk_silent", seat.last_heard_at, (), level)
                )
        order = {"alert": 0, "locked": 1, "silent": 2}
        return sorted(found, key=lambda p: (-p.level, order[p.kind], p.seat))

    def counts(self, now: datetime | None = None) -> dict[str, int]:
        """The room at a glance: seats in test, locked, with a silent kiosk, done (finished or
        terminated), and asking for help (an open `help_requested` alert)."""
        seats = list(self.seats.values())
        return {
            "in_test": sum(s.state == "in_test" for s in seats),
            "locked": sum(s.state == "locked" for s in seats),
            "silent": sum(silence_level(self.silence(s, now)) > 0 for s in seats),
            "done": sum(s.state in ("finished", "terminated") for s in seats),
            "help": sum(any(a.code == "help_requested" for a in s.alerts) for s in seats),
        }

    def free_seats(self) -> list[str]:
        """Seats with a kiosk and nobody on them, spare seats last."""
        free = [s for s in self.seats.values() if s.state == "free" and s.enrolled]
        return [s.seat for s in sorted(free, key=lambda s: (s.spare, s.seat))]


Delivery = SeatMap | ChangeBatch | None
"""What the follower hands on: the whole map, a batch of changes, or None (the link is down)."""


class Follower:
    """One long poll for the whole console; each answer goes to `deliver` (on this thread).

    `deliver` applies it to the picture (on whichever thread owns it). A cursor the server no
    longer knows (it restarted) fetches the whole map again; a server that does not answer is
    delivered as None and asked again with a growing pause. A sign-in that has ended stops the
    follower and tells `on_expired`.
    """

    def __init__(
        self,
        client: ConsoleClient,
        deliver: Callable[[Delivery], None],
        *,
        on_expired: Callable[[str], None] = lambda _detail: None,
        wait: float = LONG_POLL,
    ) -> None:
        self._client = client
        self._deliver = deliver
        self._on_expired = on_expired
        self._wait = wait
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.cursor: str | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="hall-follower", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        """Stops following. A long poll in flight is not waited out past `timeout`: its thread
        ends when the server answers (at most `wait` seconds later) and delivers nothing."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=timeout)

    def _run(self) -> None:
        pause, down = 0.5, False
        while not self._stop.is_set():
            try:
                if self.cursor is None:
                    got: SeatMap | ChangeBatch = self._client.seats()
                else:
                    got = self._client.changes(self.cursor, 0.0 if down else self._wait)
                    if got.reset:
                        got = self._client.seats()
            except ServerUnreachable as exc:
                if self._stop.is_set():
                    return  # the console closed its client while a poll was in flight
                if not down:
                    log.warning("room server unreachable: %s", exc)
                    self._deliver(None)
                down = True
                self._stop.wait(pause)
                pause = min(pause * 2, 5.0)
                continue
            except ServerRefused as exc:
                if exc.status == 401:
                    self._deliver(None)
                    self._on_expired(exc.detail)
                    return
                log.error("the change stream was refused: %s", exc)
                self._stop.wait(pause)
                pause = min(pause * 2, 5.0)
                continue
            back, pause, down = down, 0.5, False
            self.cursor = got.cursor
            if self._stop.is_set():
                return
            if isinstance(got, SeatMap) or got.changes or back:
                self._deliver(got)  # an empty batch after an outage says the link is back
