"""What goes to the central system: the outbox, how far behind it is, and the courier's offline
bundle."""

from __future__ import annotations

from operator_console.protocol.values import OutboxStatus, Strict, SyncLevel, UtcTime


class OutboxView(Strict):
    record_id: str
    kind: str
    status: OutboxStatus
    tries: int
    created_at: UtcTime
    delivered_at: UtcTime | None
    reference_at: UtcTime | None
    """For a result, when its attempt finished: the start of the 20-minute clock."""
    last_error: str | None
    http_status: int | None = None
    """The central system's last answer (None: no answer at all)."""


class SyncStatus(Strict):
    pending: int
    parked: int
    delivered: int
    oldest_pending_seconds: float | None
    last_success_at: UtcTime | None
    level: SyncLevel


class OfflineExportView(Strict):
    """The signed offline bundle for a courier, and how many records it carries."""

    records: int
    bundle: dict[str, object]
