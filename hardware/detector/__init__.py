"""Walk-through metal detector: one event model for every protocol and source."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


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
    fields: dict[str, str] = field(default_factory=dict)
    """Every KEY=VALUE the frame carried (model, serial, fw, code, text...), as sent."""
    raw: bytes = b""


@dataclass(frozen=True)
class ParseError:
    """A frame that was skipped: logged raw, never fatal."""

    raw: bytes
    reason: str
    received_at: datetime


@dataclass(frozen=True)
class SequenceGap:
    """Frames were lost between `expected` and `got`: the reader asks the device for STATUS."""

    expected: int
    got: int
    received_at: datetime


Parsed = DetectorEvent | ParseError | SequenceGap
