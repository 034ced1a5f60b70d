"""A sitting's clock: it stands still while the seat is locked, and starts again with exactly the
time it stood still added to its deadline — the one place that stops and restarts it, whoever
locked the seat (the kiosk, the operator, the room) and whoever opens it (a code, the room)."""

from __future__ import annotations

from datetime import datetime, timedelta

from operator_console.server.models import Attempt


def stop(attempt: Attempt | None, at: datetime) -> None:
    """Stops the running part's clock at `at` (a lock's moment); a stopped clock stays stopped
    from when it first stopped."""
    if attempt is not None and attempt.paused_at is None:
        attempt.paused_at = at


def restart(attempt: Attempt | None, now: datetime) -> timedelta:
    """Gives the attempt back the time it stood still; answers that time (zero if it ran)."""
    if attempt is None or attempt.paused_at is None or attempt.deadline_at is None:
        return timedelta(0)
    stood = now - attempt.paused_at
    attempt.deadline_at += stood
    attempt.paused_at = None
    return stood
