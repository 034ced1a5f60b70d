"""A sitting's clock: it stands still while the seat is locked, and starts again with exactly the
time it stood still added to its deadline — the one place that stops and restarts it, whoever
locked the seat (the kiosk, the operator, the room) and whoever opens it (a code, the room)."""

from __future__ import annotations

from datetime import datetime, timedelta

from operator_console.protocol.values import rfc3339
from operator_console.server.models import Attempt


def stop(attempt: Attempt | None, at: datetime) -> None:
    """Stops the running part's clock at `at` (a lock's moment); a stopped clock stays stopped
    from when it first stopped."""
    if attempt is not None and attempt.paused_at is None:
        attempt.paused_at = at


def restart(attempt: Attempt | None, now: datetime) -> timedelta:
    """Gives the attempt back the time it stood still, and keeps the span it stood still;
    answers that time (zero if it ran)."""
    if attempt is None or attempt.paused_at is None or attempt.deadline_at is None:
        return timedelta(0)
    stood = now - attempt.paused_at
    attempt.deadline_at += stood
    attempt.stood = [*(attempt.stood or []), [rfc3339(attempt.paused_at), rfc3339(now)]]
    attempt.paused_at = None
    return stood


def spans(attempt: Attempt) -> list[tuple[datetime, datetime | None]]:
    """Every span the attempt's clock stood still, the one still going (to None) last."""
    kept: list[tuple[datetime, datetime | None]] = [
        (datetime.fromisoformat(start), datetime.fromisoformat(end))
        for start, end in attempt.stood or []
    ]
    if attempt.paused_at is not None:
        kept.append((attempt.paused_at, None))
    return kept


def stood_still(attempt: Attempt, at: datetime, tolerance: timedelta) -> bool:
    """Whether `at` falls inside a span the clock stood still (a seat lock, a room pause, or
    both), `tolerance` inside its edges: the candidate had no such time to answer in."""
    return any(
        start + tolerance < at and (end is None or at < end - tolerance)
        for start, end in spans(attempt)
    )
