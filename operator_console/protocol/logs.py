"""Logging for the hall's commands: the full story in a log file, one clear line for the person."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

import platformdirs

APP_NAME = "testing-hall"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def setup_logging(name: str, *, to_stderr: bool = False, directory: Path | None = None) -> Path:
    folder = directory or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.log"
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            path, maxBytes=20_000_000, backupCount=5, encoding="utf-8"
        )
    ]
    if to_stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    logging.basicConfig(
        level=logging.INFO,
        handlers=handlers,
        force=True,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    return path


def also_to_stderr() -> None:
    """Once start-up has worked, a service also logs to stderr (the system journal)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def fail(prog: str, message: str, log_path: Path | None = None) -> int:
    """Tells the person what is wrong on one line; the traceback is already in the log."""
    logging.getLogger(prog).exception("%s", message)
    where = f" (details: {log_path})" if log_path else ""
    print(f"{prog}: {message}{where}", file=sys.stderr)
    return 2
