"""Detector events as JSON: one object per event, raw bytes kept beside the parsed fields."""

from __future__ import annotations

from typing import Any

from hardware.detector import DetectorEvent


def event_json(event: DetectorEvent) -> dict[str, Any]:
    return {
        "device": event.device,
        "kind": event.kind.value,
        "source": event.source.value,
        "sequence": event.sequence,
        "zones": list(event.zones),
        "level": event.level,
        "counters": event.counters,
        "fields": event.fields,
        "raw": event.raw.decode("ascii", "backslashreplace"),
        "received_at": event.received_at.isoformat(timespec="milliseconds"),
    }
