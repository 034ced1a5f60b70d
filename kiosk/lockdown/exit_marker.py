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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"pid": os.getpid(), "started_at": datetime.now(UTC).isoformat()}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def clean_exit(self) -> None:
        self.path.unlink(missing_ok=True)
