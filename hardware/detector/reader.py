"""The detector reader: owns the serial port, runs its protocol's read loop (`protocols`),
reconnects for ever, and stamps what it reads with the clock it is given."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

import serial
from serial.tools import list_ports

from hardware.clock import SystemClock
from hardware.detector import DetectorEvent, EventKind, Parsed, ParseError, SequenceGap
from hardware.detector.protocols import PROTOCOLS, known_protocol

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
    since: datetime
    state: ReaderState = ReaderState.CONNECTING
    device: str = ""
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
SYSTEM_CLOCK = SystemClock()


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
        clock: Callable[[], datetime] = SYSTEM_CLOCK.now,
    ) -> None:
        self._loop = PROTOCOLS[known_protocol(protocol)]
        self.port, self.protocol, self.baudrate = port, protocol, baudrate
        self.device, self.silence, self.now = port, silence_seconds, clock
        self._on_event, self._on_state = on_event, on_state
        self._backoff_max, self._open = backoff_max, opener
        self._ports = ports
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status = ReaderStatus(since=clock(), device=port)
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
                changes.setdefault("since", self.now())
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
                self._loop(port, self)
            except (serial.SerialException, OSError) as exc:
                log.warning("detector on %s lost: %s; reconnecting", self.port, exc)
                self._set(
                    state=ReaderState.RECONNECTING,
                    last_error=str(exc),
                    disconnects=self.status.disconnects + 1,
                )
            finally:
                port.close()

    def stopping(self, seconds: float = 0.0) -> bool:
        return self._stop.wait(seconds) if seconds > 0 else self._stop.is_set()

    def handle(self, item: Parsed) -> None:
        if isinstance(item, ParseError):
            log.warning("detector frame skipped (%s): %r", item.reason, item.raw)
            self._set(parse_errors=self.status.parse_errors + 1)
        elif isinstance(item, SequenceGap):
            log.warning(
                "detector frames lost: expected %d, got %d; asking STATUS", item.expected, item.got
            )
            self._set(gaps=self.status.gaps + 1)
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
