"""A scripted candidate: sits a whole test through the real journal and hall client, no screen."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from hardware.clock import Clock
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from kiosk.sitting import Sitting
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.kiosk_api import FinishResponse, FormItemView, SeatAssignment

Oracle = Callable[[str], frozenset[str]]
"""Knows the keyed choices of an item: how a well-prepared candidate 'knows' the answer."""


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
    ) -> None:
        self._client, self._journal, self._clock = client, journal, clock
        self._seat, self._skill, self._rng = seat, skill, rng
        self._oracle, self._change_rate = oracle, change_rate
        self._stop = threading.Event()

    def wait_for_start(self, stop: threading.Event, timeout: float = 60.0) -> SeatAssignment:
        """Asks the hall until the session runs and this seat has a candidate."""
        waited = 0.0
        while not stop.is_set():
            try:
                seat = self._client.seat()
                if seat.session_status == "running" and seat.attempts:
                    return seat
            except ServerUnreachable:
                pass
            if waited >= timeout:
                break
            stop.wait(0.05)
            waited += 0.05
        raise TimeoutError(f"seat {self._seat}: the session did not start")

    def sit(self, stop: threading.Event) -> ScriptedResult:
        result = ScriptedResult(self._seat)
        self._stop = stop
        try:
            seat = self.wait_for_start(stop)
            language = self._rng.choice(seat.languages)
            for summary in seat.attempts:
                if summary.status == "finished":
                    continue
                form = self._client.start_attempt(summary.attempt_id, language)
                sitting = Sitting(form, self._journal, self._client, self._clock)
                result.changes += self._answer_all(sitting)
                result.finished.append(self._finish(sitting))
        except (ServerRefused, ServerUnreachable, TimeoutError) as exc:
            result.error = str(exc)
        return result

    def _answer_all(self, sitting: Sitting) -> int:
        changes = 0
        for n, item in enumerate(sitting.form.items, start=1):
            sitting.answer(item.item_id, self._choose(item))
            changes += 1
            if self._rng.random() < self._change_rate:
                # People go back and change their minds.
                sitting.answer(item.item_id, self._choose(item))
                changes += 1
            if n % 10 == 0:
                self._replicate(sitting)
        self._replicate(sitting)
        return changes

    def _replicate(self, sitting: Sitting) -> None:
        for _ in range(50):
            try:
                sitting.replicate()
                return
            except ServerUnreachable:
                self._stop.wait(0.1)

    def _finish(self, sitting: Sitting) -> FinishResponse:
        for _ in range(50):
            try:
                return sitting.finish("submitted")
            except ServerUnreachable:
                self._stop.wait(0.1)
        return sitting.finish("submitted")

    def _choose(self, item: FormItemView) -> list[str]:
        ids = [c.id for c in item.choices]
        keyed = self._oracle(item.item_id) if self._oracle else frozenset()
        if keyed and self._rng.random() < self._skill:
            return sorted(keyed)
        wrong = [c for c in ids if c not in keyed] or ids
        return [self._rng.choice(wrong)]
