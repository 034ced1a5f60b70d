"""A scripted candidate: sits a whole test at a kiosk with no screen.

It drives the same seat flow as the kiosk window (`kiosk.seat_flow`): it polls the seat until a
candidate is seated, confirms, chooses a language, passes the camera check and the tutorial,
starts each program, answers on the answer sheet (each answer in the journal first), hands the
part in, and goes on to the next program. Like a real kiosk it keeps asking while the room server
is unreachable, for as long as its patience lasts, and stops when told to.
"""

from __future__ import annotations

import contextlib
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from hardware.clock import Clock
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.seat_flow import SeatFlow
from kiosk.sitting import Sitting
from kiosk.stages import Stage
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.kiosk_api import FinishResponse, FormItemView

Oracle = Callable[[str], frozenset[str]]
"""Knows the keyed choices of an item: how a well-prepared candidate 'knows' the answer."""

T = TypeVar("T")

RETRY_SECONDS = 0.1


class Stopped(Exception):
    """Told to stop, or out of patience."""


@dataclass
class ScriptedResult:
    seat: str
    finished: list[FinishResponse] = field(default_factory=list)
    changes: int = 0
    error: str | None = None


class ScriptedCandidate:
    def __init__(
        self,
        client: HallClient,
        journal: Journal,
        clock: Clock,
        *,
        seat: str,
        skill: float,
        rng: random.Random,
        oracle: Oracle | None = None,
        change_rate: float = 0.15,
        patience: float = 120.0,
        pace: float = 0.0,
    ) -> None:
        self._client, self._journal, self._clock = client, journal, clock
        self._seat, self._skill, self._rng = seat, skill, rng
        self._oracle, self._change_rate = oracle, change_rate
        self._patience = patience
        """Seconds one step may keep failing (the room server unreachable) before giving up."""
        self._pace = pace
        """Seconds the candidate thinks before each answer."""
        self._stop = threading.Event()
        self.flow = SeatFlow(client, journal, clock)

    def sit(self, stop: threading.Event) -> ScriptedResult:
        result = ScriptedResult(self._seat)
        self._stop = stop
        progress, candidate = self.flow.progress, self.flow.candidate
        try:
            self._until(lambda: progress.stage is Stage.CONFIRM, "a candidate to be seated")
            candidate.confirm(True)
            seat = self.flow.watch.seat
            assert seat is not None
            candidate.choose_language(self._rng.choice(seat.languages))
            candidate.camera_done(1)
            candidate.tutorial_done()
            while progress.stage is Stage.INSTRUCTIONS:
                self._begin()
                result.changes += self._answer_all()
                result.finished.append(self._finish())
                self.flow.parts.continue_to_next()
        except (ServerRefused, Stopped) as exc:
            result.error = str(exc)
        return result

    # ----- steps ------------------------------------------------------------------------------

    def _poll(self) -> None:
        sent, ticket = self._clock.monotonic(), self.flow.watch.ask()
        seat = self._client.seat()
        self.flow.polled(seat, sent, ticket)

    def _until(self, done: Callable[[], bool], what: str) -> None:
        """Polls the seat, as the kiosk does, until `done`."""
        waited = 0.0
        while not done():
            with contextlib.suppress(ServerUnreachable):
                self._poll()
            if done():
                return
            if waited >= self._patience or self._stop.wait(RETRY_SECONDS):
                raise Stopped(f"seat {self._seat}: gave up waiting for {what}")
            waited += RETRY_SECONDS

    def _retrying(self, call: Callable[[], T], what: str) -> T:
        """`call`, again while the room server is unreachable (as the kiosk retries)."""
        waited = 0.0
        while True:
            try:
                return call()
            except ServerUnreachable:
                if waited >= self._patience or self._stop.wait(RETRY_SECONDS):
                    raise Stopped(f"seat {self._seat}: gave up on {what}") from None
                waited += RETRY_SECONDS

    def _begin(self) -> None:
        parts, progress, candidate = self.flow.parts, self.flow.progress, self.flow.candidate
        summary = parts.begin()
        if summary is None and progress.message == "wait_session":
            self._until(self.flow.watch.session_running, "the session to start")
            summary = parts.begin()
        if summary is None:
            raise Stopped(f"seat {self._seat}: nothing to start ({progress.message})")
        language = candidate.language or candidate.ui_language
        form = self._retrying(
            lambda: self._client.start_attempt(summary.attempt_id, language), "the start"
        )
        parts.opened(form)

    def _answer_all(self) -> int:
        parts, sheet, sitting = self.flow.parts, self.flow.parts.sheet, self.flow.parts.sitting
        assert sheet is not None and sitting is not None
        changes = 0
        for n, item in enumerate(sheet.items):
            if self._pace and self._stop.wait(self._pace):
                raise Stopped(f"seat {self._seat}: stopped during the test")
            parts.go_to(n)
            changes += self._mark(item, self._choose(item))
            if self._rng.random() < self._change_rate:
                # People go back and change their minds.
                changes += self._mark(item, self._choose(item))
            if (n + 1) % 10 == 0:
                self._replicate(sitting)
        self._replicate(sitting)
        return changes

    def _mark(self, item: FormItemView, wanted: list[str]) -> int:
        """Gives `wanted` as the answer the way a candidate does, one option at a time; the
        number of changes written."""
        parts, sheet = self.flow.parts, self.flow.parts.sheet
        assert sheet is not None
        before = sheet.answers.get(item.item_id, [])
        toggles = sorted(set(before) ^ set(wanted)) if item.multiple else wanted[:1]
        for choice in toggles:
            parts.choose(choice)
        return len(toggles) if item.multiple else int(before != wanted[:1])

    def _replicate(self, sitting: Sitting) -> None:
        self._retrying(sitting.replicate, "sending answers")

    def _finish(self) -> FinishResponse:
        sitting = self.flow.parts.finish("submitted")
        assert sitting is not None
        done = self._retrying(lambda: sitting.finish("submitted"), "handing in")
        self.flow.parts.finished(done)
        with contextlib.suppress(ServerUnreachable):
            self._poll()
        return done

    def _choose(self, item: FormItemView) -> list[str]:
        ids = [c.id for c in item.choices]
        keyed = self._oracle(item.item_id) if self._oracle else frozenset()
        if keyed and self._rng.random() < self._skill:
            return sorted(keyed)
        wrong = [c for c in ids if c not in keyed] or ids
        return [self._rng.choice(wrong)]
