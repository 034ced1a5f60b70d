"""The detector reader: owns the serial port, feeds the protocol parser, reconnects for ever."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import serial
from serial.tools import list_ports

from hardware.detector import DetectorEvent, EventKind, Parsed, ParseError, SequenceGap
from hardware.detector.line import STATUS_REQUEST, LineProtocol
from hardware.detector.relay import RelayProtocol

log = logging.getLogger(__name__)
USB_PREFIX = "usb-serial:"
"""`detector.port = "usb-serial:A1234"`: the adapter with that USB serial number, wherever it is."""


class ReaderState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    FAULTED = "faulted"
    STOPPED = "stopped"


@dataclass(frozen=True)
class ReaderStatus:
    state: ReaderState = ReaderState.CONNECTING
    device: str = ""
    since: datetime = field(default_factory=lambda: datetime.now(UTC))
    last_event_at: datetime | None = None
    parse_errors: int = 0
    gaps: int = 0
    disconnects: int = 0
    """How often the device dropped off the line since the reader started."""
    missing_transits: int = 0
    """Transits the device counted that never arrived as events (from STATUS reconciliation)."""
    last_error: str | None = None


PortList = Callable[[], Iterable[Any]]
"""What is plugged in now: objects with `device` and `serial_number` (pyserial's comports)."""


def resolve_port(port: str, ports: PortList = list_ports.comports) -> str:
    if not port.startswith(USB_PREFIX):
        return port
    wanted = port[len(USB_PREFIX) :]
    for info in ports():
        if info.serial_number == wanted:
            return str(info.device)
    raise serial.SerialException(f"no USB serial adapter with serial number {wanted}")


Opener = Callable[..., Any]


class DetectorReader:
    def __init__(
        self,
        port: str,
        protocol: str,
        *,
        baudrate: int = 9600,
        on_event: Callable[[DetectorEvent], object],
        on_state: Callable[[ReaderStatus], None] = lambda _s: None,
        silence_seconds: float = 30.0,
        backoff_max: float = 10.0,
        opener: Opener = serial.serial_for_url,
        ports: PortList = list_ports.comports,
    ) -> None:
        if protocol not in ("line", "relay"):
            raise ValueError(f"unknown detector protocol {protocol!r}")
        self.port, self.protocol, self.baudrate = port, protocol, baudrate
        self._on_event, self._on_state = on_event, on_state
        self._silence, self._backoff_max, self._open = silence_seconds, backoff_max, opener
        self._ports = ports
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status = ReaderStatus(device=port)
        self._lock = threading.Lock()
        self._since_status = 0
        self._last_counts: dict[str, int] | None = None

    @property
    def status(self) -> ReaderStatus:
        with self._lock:
            return self._status

    def _set(self, **changes: Any) -> None:
        with self._lock:
            if "state" in changes and changes["state"] != self._status.state:
                changes.setdefault("since", datetime.now(UTC))
            self._status = replace(self._status, **changes)
            status = self._status
        self._on_state(status)

    def start(self) -> DetectorReader:
        self._thread = threading.Thread(target=self._run, name="detector-reader", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._set(state=ReaderState.STOPPED)

    def _run(self) -> None:
        delay = 0.2
        while not self._stop.is_set():
            try:
                port = self._open(
                    resolve_port(self.port, self._ports),
                    baudrate=self.baudrate,
                    timeout=0.1,
                    write_timeout=1.0,
                    exclusive=True,
                )
            except (serial.SerialException, OSError, ValueError) as exc:
                self._set(state=ReaderState.RECONNECTING, last_error=str(exc))
                self._stop.wait(delay)
                delay = min(self._backoff_max, delay * 2)
                continue
            delay = 0.2
            self._set(state=ReaderState.CONNECTED, last_error=None)
            log.info("detector connected on %s (%s)", self.port, self.protocol)
            try:
                if self.protocol == "line":
                    self._read_lines(port)
                else:
                    self._read_relay(port)
            except (serial.SerialException, OSError) as exc:
                log.warning("detector on %s lost: %s; reconnecting", self.port, exc)
                self._set(
                    state=ReaderState.RECONNECTING,
                    last_error=str(exc),
                    disconnects=self.status.disconnects + 1,
                )
            finally:
                port.close()

    def _read_lines(self, port: Any) -> None:
        parser = LineProtocol(self.port)
        quiet, asked = 0.0, False
        while not self._stop.is_set():
            data = port.read(port.in_waiting or 1)
            if not data:
                quiet += 0.1
                if quiet >= self._silence and not asked:
                    port.write(STATUS_REQUEST)  # a silent device is asked once...
                    asked = True
                elif quiet >= 2 * self._silence:
                    raise serial.SerialException("the detector went silent")  # ...then replugged
                continue
            quiet, asked = 0.0, False
            for item in parser.feed(data):
                self._handle(item, port)

    def _handle(self, item: Parsed, port: Any) -> None:
        if isinstance(item, ParseError):
            log.warning("detector frame skipped (%s): %r", item.reason, item.raw)
            self._set(parse_errors=self.status.parse_errors + 1)
        elif isinstance(item, SequenceGap):
            log.warning(
                "detector frames lost: expected %d, got %d; asking STATUS", item.expected, item.got
            )
            self._set(gaps=self.status.gaps + 1)
            port.write(STATUS_REQUEST)
        else:
            log.info("detector frame: %r", item.raw)
            self._reconcile(item)
            self._set(last_event_at=item.received_at)
            self._on_event(item)

    def _reconcile(self, event: DetectorEvent) -> None:
        """Compares the device's transit counter with the transits received since last STATUS."""
        if event.kind in (EventKind.PASS, EventKind.ALARM):
            self._since_status += 1
            return
        if event.kind is not EventKind.STATUS or "transits" not in event.counters:
            return
        if self._last_counts is not None:
            missing = (
                event.counters["transits"] - self._last_counts["transits"] - self._since_status
            )
            if missing > 0:
                log.warning("detector counted %d transits that never arrived", missing)
                self._set(missing_transits=self.status.missing_transits + missing)
        self._last_counts, self._since_status = dict(event.counters), 0

    def _read_relay(self, port: Any) -> None:
        parser = RelayProtocol(self.port)
        while not self._stop.wait(0.005):
            for event in parser.feed(bool(port.cts), bool(port.dsr), datetime.now(UTC)):
                self._set(last_event_at=event.received_at)
                self._on_event(event)
