"""The detector protocols the hall can read, by the name `detector.protocol` gives them.

Each is a read loop over an open serial port: it feeds the protocol's pure parser (bytes or modem
line states in, events out) and hands on what it parsed. A new device protocol is a parser module
of its own, its read loop here and its entry in `PROTOCOLS`; the settings, the reader, the
detector command and the installer take their choices from this table.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

import serial

from hardware.detector import Parsed, SequenceGap
from hardware.detector.line import STATUS_REQUEST, LineProtocol
from hardware.detector.relay import RelayProtocol


class Wire(Protocol):
    """What a read loop has of the reader that opened the port."""

    device: str
    silence: float
    """Seconds without a byte after which a device that can be asked is asked for its STATUS."""

    def now(self) -> datetime:
        """The hall's clock: every parsed thing is stamped with it."""
        ...

    def stopping(self, seconds: float = 0.0) -> bool:
        """True once the reader is asked to stop (waiting up to `seconds` for it)."""
        ...

    def handle(self, item: Parsed) -> None:
        """An event, a skipped frame or a gap, for the reader to count and pass on."""
        ...


ReadLoop = Callable[[Any, Wire], None]
"""Reads an open port (pyserial's `Serial`) until the reader stops or the line fails (it raises
`serial.SerialException` or `OSError`, and the reader reconnects)."""


def read_line(port: Any, wire: Wire) -> None:
    """The reference `line` protocol: framed text; a silent device is asked for STATUS once,
    then taken for unplugged; a gap in the sequence asks for STATUS to count what was lost."""
    parser = LineProtocol(wire.device, clock=wire.now)
    quiet, asked = 0.0, False
    while not wire.stopping():
        data = port.read(port.in_waiting or 1)  # the port's read timeout is 0.1 s
        if not data:
            quiet += 0.1
            if quiet >= wire.silence and not asked:
                port.write(STATUS_REQUEST)
                asked = True
            elif quiet >= 2 * wire.silence:
                raise serial.SerialException("the detector went silent")
            continue
        quiet, asked = 0.0, False
        for item in parser.feed(data):
            if isinstance(item, SequenceGap):
                port.write(STATUS_REQUEST)
            wire.handle(item)


def read_relay(port: Any, wire: Wire) -> None:
    """The `relay` protocol: the alarm and transit contacts on CTS and DSR, sampled every 5 ms."""
    parser = RelayProtocol(wire.device)
    while not wire.stopping(0.005):
        for event in parser.feed(bool(port.cts), bool(port.dsr), wire.now()):
            wire.handle(event)


PROTOCOLS: dict[str, ReadLoop] = {"line": read_line, "relay": read_relay}
"""Every protocol the reader speaks, by its name in the settings (contracts §5)."""


def known_protocol(name: str) -> str:
    """`name` when the reader speaks it; a ValueError naming the ones it does otherwise."""
    if name not in PROTOCOLS:
        raise ValueError(f"unknown detector protocol {name!r}; known: {', '.join(PROTOCOLS)}")
    return name
