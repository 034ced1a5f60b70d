"""The model's ground: what every screen reads, the broadcast of what changed, and how a call to
the room server is made (off the screen's thread, a refusal said in words, an ended sign-in
noticed).

The words here are the console model's (translation context `ConsoleModel`), in every part.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from operator_console.core.client import ConsoleClient
from operator_console.core.hall_watch import HallPicture
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.console_api.desk import (
    AdmissionCheck,
    DetectorEventView,
    DetectorStateView,
    RegistrationView,
)
from operator_console.protocol.console_api.hall import HistoryEntry
from operator_console.protocol.console_api.sessions import SessionView
from operator_console.protocol.console_api.sync import OutboxView, SyncStatus
from operator_console.ui import refusal_texts
from operator_console.ui.background import Background

log = logging.getLogger(__name__)


class ModelBase(QObject):
    """The state every screen reads (all of it here, whichever part changes it), `news` and the
    other broadcasts, and the calls to the room server that every part makes."""

    news = Signal(object)
    """The kinds of what changed: a set of words (see the package's text)."""
    code_issued = Signal(object)
    """A resume code to show the operator in large digits (a ResumeCodeView)."""
    seat_changed = Signal(object)
    """A seat action was refused because the seat's sitting changed (a SeatRetry)."""

    def __init__(self, client: ConsoleClient, *, username: str = "") -> None:
        super().__init__()
        self.client = client
        self.username = username
        self.role = client.role
        self.picture = HallPicture()
        self.background = Background()
        self.sessions: list[SessionView] = []
        self.session_id: str | None = None
        self.registrations: list[RegistrationView] = []
        self.walks: list[DetectorEventView] = []
        self.detector: DetectorStateView | None = None
        self.history: list[HistoryEntry] = []
        self.chosen: RegistrationView | None = None
        self.check: AdmissionCheck | None = None
        self.presented_iin = ""
        self.walk_id: int | None = None
        """The walk-through the admission will be linked to (the latest, unless picked)."""
        self.message: str | None = None
        self.message_is_error = False
        self.expired = False
        self.sync: SyncStatus | None = None
        self.sync_read_at = 0.0
        self.outbox: list[OutboxView] = []

    # ----- calls to the room server -------------------------------------------------------------

    def _call(
        self,
        work: Callable[[], Any],
        then: Callable[[Any], None] = lambda _r: None,
        *,
        done: str | None = None,
        settled: Callable[[], None] = lambda: None,
    ) -> None:
        """`settled` runs once the call has ended, answered or failed (a button given back)."""

        def ok(result: Any) -> None:
            settled()
            then(result)
            if done:
                self.say(done)

        def failed(error: BaseException) -> None:
            settled()
            self._failed(error)

        self.background.call(work, ok, failed)

    def call(
        self, work: Callable[[], Any], then: Callable[[Any], None] = lambda _r: None, *,
        done: str | None = None, settled: Callable[[], None] = lambda: None,
    ) -> None:  # fmt: skip
        """A screen's own call to the room server: off the GUI thread, refusals said for it;
        `settled` once it has ended either way."""
        self._call(work, then, done=done, settled=settled)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServerRefused):
            if error.status == 401:
                self._expired(error.detail)
                return
            self.say(refusal_texts.refused(error), error=True)
        elif isinstance(error, ServerUnreachable):
            self.picture.stale = True
            self.say(self.unreachable(), error=True)
            self.news.emit({"link"})
        else:
            log.error("console call failed", exc_info=error)
            self.say(str(error), error=True)

    @staticmethod
    def unreachable() -> str:
        return QCoreApplication.translate(
            "ConsoleModel", "The room server does not answer; the picture is kept."
        )

    def say(self, text: str, *, error: bool = False) -> None:
        self.message, self.message_is_error = text, error
        self.news.emit({"message"})

    def _expired(self, detail: str) -> None:
        self.expired = True
        self.picture.stale = True
        self.say(
            QCoreApplication.translate(
                "ConsoleModel", "Your sign-in has ended: %1. Sign in again."
            ).replace("%1", detail),
            error=True,
        )
        self.news.emit({"expired", "link"})
