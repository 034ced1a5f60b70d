"""The model's delivery upstream: the sync status, the outbox's records and a parked one queued
again; and the language the session report is written in."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QLocale

from operator_console.protocol.console_api.sync import OutboxView, SyncStatus
from operator_console.ui.model.base import ModelBase


class SyncModel(ModelBase):
    """The delivery's operations: the status and the outbox read together, a record retried."""

    def refresh_sync(self) -> None:
        def read() -> tuple[SyncStatus, list[OutboxView]]:
            # Not the whole outbox (an audit head every few seconds all day): the results, for
            # the delivery chart, and whatever has not gone yet, for the parked and the errors.
            status = self.client.sync_status()
            results = self.client.outbox(kind="result")
            waiting = self.client.outbox(status=("pending", "parked"))
            merged = {r.record_id: r for r in [*results, *waiting]}
            return status, sorted(merged.values(), key=lambda r: r.created_at)

        def got(found: tuple[SyncStatus, list[OutboxView]]) -> None:
            self.sync, self.outbox = found
            self.sync_read_at = time.monotonic()
            self.news.emit({"outbox"})

        self._call(read, got)

    def oldest_pending_seconds(self) -> float | None:
        """The oldest pending record's age now: as read, plus the time since it was read."""
        if self.sync is None or self.sync.oldest_pending_seconds is None:
            return None
        return self.sync.oldest_pending_seconds + time.monotonic() - self.sync_read_at

    def retry(self, record_id: str) -> None:
        self._call(
            lambda: self.client.retry(record_id),
            lambda _r: self.refresh_sync(),
            done=QCoreApplication.translate("ConsoleModel", "The record is queued again"),
        )

    @property
    def language(self) -> str:
        """The console's language, for what the server writes in words (the session report)."""
        code = QLocale().name()[:2]
        return code if code in ("kk", "ru") else "en"
