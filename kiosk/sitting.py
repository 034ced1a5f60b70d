"""One attempt in progress on this kiosk: answers journalled first, then replicated to the hall."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from hardware.clock import Clock
from kiosk.hall_client import HallClient
from kiosk.journal import Journal
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import FinishResponse, FormView

log = logging.getLogger(__name__)


class Sitting:
    def __init__(self, form: FormView, journal: Journal, client: HallClient, clock: Clock) -> None:
        self.form = form
        self._journal = journal
        self._client = client
        self._clock = clock
        journal.remember(form)
        journal.adopt(form)
        self._sent_flags: set[str] | None = None
        self._paused_left: timedelta | None = None
        self.rebase(form.deadline_at, form.server_time)

    def rebase(
        self, deadline_at: datetime, server_time: datetime, *, at_monotonic: float | None = None
    ) -> None:
        """Takes the server's deadline and clock: at start, at resume, whenever the hall answers.

        The server is the clock of record: kiosk stamps carry the offset measured here, and the
        countdown runs on the local monotonic clock from here on, so it holds while the LAN is down.
        `at_monotonic` is when the request that brought `server_time` was sent (default: now).
        """
        self._offset = server_time - self._clock.now()
        self._started_mono = self._clock.monotonic() if at_monotonic is None else at_monotonic
        self._deadline_left = deadline_at - server_time
        self._paused_left = None

    def pause(self) -> None:
        """The seat is locked: the countdown stops where it is until the next rebase."""
        if self._paused_left is None:
            self._paused_left = self.remaining()

    @property
    def paused(self) -> bool:
        return self._paused_left is not None

    @property
    def attempt_id(self) -> str:
        return self.form.attempt_id

    def hall_now(self) -> datetime:
        return self._clock.now() + self._offset

    def remaining(self) -> timedelta:
        """Time left by the monotonic clock, so it holds while the room LAN is down."""
        if self._paused_left is not None:
            return self._paused_left
        spent = timedelta(seconds=self._clock.monotonic() - self._started_mono)
        return max(timedelta(0), self._deadline_left - spent)

    def answer(self, item_id: str, choices: list[str]) -> int:
        """Durable when it returns: only then may the screen show the answer as saved."""
        return self._journal.record(self.attempt_id, item_id, choices, self.hall_now())

    def answers(self) -> dict[str, list[str]]:
        return self._journal.answers(self.attempt_id)

    def flag(self, item_id: str, flagged: bool) -> None:
        self._journal.set_flag(self.attempt_id, item_id, flagged)

    def flags(self) -> set[str]:
        return self._journal.flags(self.attempt_id)

    def unsent(self) -> int:
        return len(self._journal.pending(self.attempt_id))

    def replicate(self) -> int:
        """Sends every journalled change the server has not stored, then the flags if they
        changed; raises ServerUnreachable."""
        through = 0
        while batch := self._journal.pending(self.attempt_id):
            ack = self._client.send_answers(self.attempt_id, batch)
            self._journal.mark_stored(self.attempt_id, ack.stored_through, ack.refused)
            through = ack.stored_through
            if through < batch[-1].seq:
                break
        flags = self.flags()
        if flags != self._sent_flags:
            try:
                self._client.put_flags(self.attempt_id, sorted(flags))
            except ServerRefused as exc:  # a finished attempt takes no flags: nothing lost
                log.warning("flags of %s not taken: %s", self.attempt_id, exc.code)
            self._sent_flags = flags
        return through

    def finish(self, reason: str) -> FinishResponse:
        self.replicate()
        done = self._client.finish(self.attempt_id, reason, self._journal.last_seq(self.attempt_id))
        self._journal.mark_finished(self.attempt_id, done.finish_reason)
        return done
