"""Walk-through metal detector: one event model for every protocol and source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class EventKind(StrEnum):
    HELLO = "hello"
    PASS = "pass"
    ALARM = "alarm"
    STATUS = "status"
    FAULT = "fault"
    TAMPER = "tamper"


class EventSource(StrEnum):
    SERIAL = "serial"
    MANUAL = "manual"


@dataclass(frozen=True)
class DetectorEvent:
    device: str
    kind: EventKind
    received_at: datetime
    source: EventSource = EventSource.SERIAL
    sequence: int | None = None
    zones: tuple[int, ...] = ()
    level: int | None = None
    counters: dict[str, int] = field(default_factory=dict)
    raw: bytes = b""


class DetectorSource(Protocol):
    """Anything that yields detector events: a serial reader, a simulator, the wand form."""

    def events(self) -> Iterator[DetectorEvent]: ...

    def close(self) -> None: ...
