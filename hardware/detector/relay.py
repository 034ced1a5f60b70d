"""The `relay` protocol (contracts §5): contact closures on the adapter's modem lines.

The alarm relay drives CTS; the transit output drives DSR. Each DSR pulse is one transit, an alarm
if CTS was active at any moment of that pulse. Pure: fed line states, it returns events.
"""

from __future__ import annotations

from datetime import datetime

from hardware.detector import DetectorEvent, EventKind


class RelayProtocol:
    def __init__(self, device: str) -> None:
        self.device = device
        self._dsr = False
        self._alarm_in_pulse = False
        self.transits = 0

    def feed(self, cts: bool, dsr: bool, at: datetime) -> list[DetectorEvent]:
        events: list[DetectorEvent] = []
        if dsr and not self._dsr:
            self._alarm_in_pulse = cts
        elif dsr:
            self._alarm_in_pulse = self._alarm_in_pulse or cts
        elif self._dsr:  # falling edge: the person has passed
            self._alarm_in_pulse = self._alarm_in_pulse or cts
            self.transits += 1
            kind = EventKind.ALARM if self._alarm_in_pulse else EventKind.PASS
            raw = f"DSR pulse, CTS {'active' if self._alarm_in_pulse else 'idle'}".encode()
            events.append(DetectorEvent(self.device, kind, at, sequence=self.transits, raw=raw))
            self._alarm_in_pulse = False
        self._dsr = dsr
        return events
