"""Noticing an unclean previous exit: a marker written at start and removed on a clean exit.

After a kill, a crash or a power cut the marker is still there at the next start: the kiosk
locks and waits for the operator's code before the candidate may go on.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path


class ExitMarker:
    def __init__(self, path: Path) -> None:
        self.path = path

    def previous_run(self) -> dict[str, object] | None:
        """What the previous, unclean run wrote (pid, started at); None after a clean exit."""
        try:
            data: dict[str, object] = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, json.JSONDecodeError):
            return {"pid": None, "started_at": None}  # torn by the crash: still unclean
        return data

    def begin(self) -> None:
        self._started = datetime.now(UTC).isoformat()
        self._write({"pid": os.getpid(), "started_at": self._started})

    def alive(self, at: datetime) -> None:
        """The kiosk is up and working at `at` (hall time): after a crash, the time since the
        last of these is what the candidate gets back."""
        started = getattr(self, "_started", None)
        self._write({"pid": os.getpid(), "started_at": started, "alive_at": at.isoformat()})

    @staticmethod
    def alive_at(previous: dict[str, object] | None) -> datetime | None:
        """The last moment the previous run was alive, if it said so."""
        value = (previous or {}).get("alive_at")
        try:
            return datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def _write(self, data: dict[str, object]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def clean_exit(self) -> None:
        self.path.unlink(missing_ok=True)
