"""The reference `line` protocol (contracts §5): a pure parser, fed bytes, returning frames.

frame := SEQ SP TYPE *(SP KEY "=" VALUE) [SP "*" HH] CR LF
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from datetime import UTC, datetime

from hardware.detector import DetectorEvent, EventKind, Parsed, ParseError, SequenceGap

MAX_FRAME = 512
SEQ_MAX = 65535
STATUS_REQUEST = b"STATUS?\r\n"
COUNTERS = ("transits", "alarms")


def checksum(data: bytes) -> int:
    value = 0
    for byte in data:
        value ^= byte
    return value


def next_seq(seq: int) -> int:
    return 1 if seq >= SEQ_MAX else seq + 1


def frame(
    seq: int, kind: str, fields: dict[str, str] | None = None, *, with_checksum: bool = False
) -> bytes:
    """Builds one frame (the simulator's side of the protocol)."""
    parts = [str(seq), kind.upper()]
    for key, value in (fields or {}).items():
        shown = f'"{value}"' if " " in value else value
        parts.append(f"{key}={shown}")
    body = " ".join(parts).encode("ascii")
    if with_checksum:
        body += b" *%02X" % checksum(body)
    return body + b"\r\n"


class LineProtocol:
    """Keeps the unfinished tail between feeds, and the last sequence number seen."""

    def __init__(self, device: str, clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.device = device
        self._clock = clock
        self._buffer = b""
        self._last_seq: int | None = None

    def feed(self, data: bytes) -> list[Parsed]:
        self._buffer += data
        out: list[Parsed] = []
        while True:
            end = self._buffer.find(b"\r\n")
            if end < 0:
                if len(self._buffer) > MAX_FRAME:
                    # A trailing CR may be the first half of the CR LF that ends the next frame.
                    keep = b"\r" if self._buffer.endswith(b"\r") else b""
                    out.append(ParseError(self._buffer, "no CR LF within 512 bytes", self._clock()))
                    self._buffer = keep
                return out
            line, self._buffer = self._buffer[:end], self._buffer[end + 2 :]
            if line:
                out.extend(self._line(line))

    def _line(self, line: bytes) -> list[Parsed]:
        now = self._clock()
        try:
            event = self._parse(line, now)
        except ValueError as exc:
            return [ParseError(line + b"\r\n", str(exc), now)]
        out: list[Parsed] = []
        seq = event.sequence
        assert seq is not None
        if (
            self._last_seq is not None
            and seq != next_seq(self._last_seq)
            and event.kind is not EventKind.HELLO
        ):
            out.append(SequenceGap(next_seq(self._last_seq), seq, now))
        self._last_seq = seq
        out.append(event)
        return out

    def _parse(self, line: bytes, now: datetime) -> DetectorEvent:
        if len(line) > MAX_FRAME:
            raise ValueError("frame longer than 512 bytes")
        try:
            text = line.decode("ascii")
        except UnicodeDecodeError:
            raise ValueError("not ASCII") from None
        body = text
        if " *" in text:
            body, _, given = text.rpartition(" *")
            if len(given) != 2 or any(c not in "0123456789abcdefABCDEF" for c in given):
                raise ValueError(f"checksum {given!r} is not two hex digits")
            if checksum(body.encode()) != int(given, 16):
                raise ValueError(f"checksum {given} does not match {checksum(body.encode()):02X}")
        try:
            words = shlex.split(body)
        except ValueError:
            raise ValueError("unbalanced quotes") from None
        if len(words) < 2 or not words[0].isdigit():
            raise ValueError("expected SEQ TYPE")
        seq = int(words[0])
        if not 1 <= seq <= SEQ_MAX:
            raise ValueError(f"sequence {seq} outside 1..65535")
        try:
            kind = EventKind(words[1].lower())
        except ValueError:
            raise ValueError(f"unknown frame type {words[1]!r}") from None
        fields = {}
        for word in words[2:]:
            key, sep, value = word.partition("=")
            if not sep or not key:
                raise ValueError(f"expected KEY=VALUE, got {word!r}")
            fields[key] = value
        return DetectorEvent(
            device=self.device,
            kind=kind,
            received_at=now,
            sequence=seq,
            zones=_ints(fields.get("zones", "")),
            level=_int(fields.get("level")),
            counters={k: v for k in COUNTERS if (v := _int(fields.get(k))) is not None},
            fields=fields,
            raw=line + b"\r\n",
        )


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.isdigit():
        raise ValueError(f"expected a number, got {value!r}")
    return int(value)


def _ints(value: str) -> tuple[int, ...]:
    return tuple(int(v) for v in value.split(",") if _int(v) is not None) if value else ()
