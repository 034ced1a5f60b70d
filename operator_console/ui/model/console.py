"""The console's model as the screens hold it: every part's operations on one ground, and its life
(the long poll that follows the hall, and what each of its deliveries refreshes)."""

from __future__ import annotations

from operator_console.core.client import ConsoleClient
from operator_console.core.hall_watch import Delivery, Follower
from operator_console.ui.model.desk import DeskModel
from operator_console.ui.model.seats import SeatsModel
from operator_console.ui.model.sync import SyncModel


class ConsoleModel(DeskModel, SeatsModel, SyncModel):
    def __init__(self, client: ConsoleClient, *, username: str = "", wait: float = 25.0) -> None:
        super().__init__(client, username=username)
        self.follower = Follower(
            client,
            lambda got: self.background.on_gui(lambda: self._take(got)),
            on_expired=lambda detail: self.background.on_gui(lambda: self._expired(detail)),
            wait=wait,
        )

    def start(self) -> None:
        self.refresh_sessions()
        self.refresh_detector()
        self.refresh_sync()
        self.follower.start()

    def close(self) -> None:
        self.follower.stop()
        self.background.close()

    def _take(self, got: Delivery) -> None:
        kinds = self.picture.take(got)
        if "link" in kinds and not self.picture.stale and self.message == self.unreachable():
            self.say("")  # the server answers again: its outage is no longer news
        if "session" in kinds or "admission" in kinds:
            self.refresh_sessions()
        if "detector" in kinds:
            self.refresh_detector()
        if kinds & {"sync", "link"}:
            self.refresh_sync()
        if "history" not in kinds and self.history and kinds & {"seat", "admission", "incident"}:
            self.refresh_history()
        self.news.emit(kinds)
