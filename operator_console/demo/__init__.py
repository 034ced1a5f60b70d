"""The embedded default: the one place that composes the room server, the central system,
kiosks and simulated hardware. PySide6 only in `windows`."""
