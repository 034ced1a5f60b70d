"""Times as the hall reads them: every time the console shows is in the hall's time zone.

The zone is the hall's (its IANA name comes with the sign-in answer), not the console machine's:
a console whose clock is set to another zone still shows the times the room and its papers use.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_zone: tzinfo | None = None


def use(name: str) -> None:
    """The hall's zone from the sign-in answer; an empty or unknown name leaves the machine's."""
    global _zone
    try:
        _zone = ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        _zone = None


def zone() -> tzinfo | None:
    return _zone


def hall(at: datetime) -> datetime:
    """`at` (aware) in the hall's time zone."""
    return at.astimezone(_zone) if _zone is not None else at.astimezone()


def today(now: datetime) -> date:
    """The hall's date at the moment `now`."""
    return hall(now).date()
