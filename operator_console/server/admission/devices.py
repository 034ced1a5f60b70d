"""The hall's devices, each in its slot, made from the settings and started with the server.

Today there is one slot: the walk-through detector's reader on its serial port (`[detector]`),
whose events the detector service stores. A new kind of device is its driver in `hardware`, its
settings section, and one more slot here; the runtime starts and stops whatever this returns.
"""

from __future__ import annotations

from typing import Protocol

from hardware.clock import Clock
from hardware.detector.reader import DetectorReader
from operator_console.server.admission.detector import DetectorService
from operator_console.server.config import HallConfig


class Device(Protocol):
    def start(self) -> object: ...

    def stop(self) -> None: ...


def from_settings(config: HallConfig, clock: Clock, detector: DetectorService) -> list[Device]:
    """The devices the settings name, wired to the services that keep what they report."""
    made: list[Device] = []
    settings = config.detector
    if settings.port:
        reader = DetectorReader(
            settings.port,
            settings.protocol,
            baudrate=settings.baudrate,
            on_event=detector.record,
            clock=clock.now,
        )
        detector.watch(reader)
        made.append(reader)
    return made
