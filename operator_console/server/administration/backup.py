"""Backups of the hall's database: SQLite's online backup or pg_dump, kept N days; and restore.

A backup is written beside its final name and renamed when whole, so a backup folder never holds
half a backup under a real name.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

NAME = re.compile(r"^hall-(\d{8}T\d{6}Z)\.(db|dump)$")


class BackupError(Exception):
    """A backup or restore did not happen; the message says why in one line."""


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError(f"{url}: an in-memory database has nothing to back up")
    return Path(parsed.database)


def _libpq(url: str) -> str:
    """The SQLAlchemy URL as libpq takes it (pg_dump and pg_restore)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(argv: list[str]) -> None:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BackupError(f"{argv[0]} is not installed (apt install postgresql-client)") from exc
    if done.returncode != 0:
        words = done.stderr.strip().splitlines()
        raise BackupError(f"{argv[0]} failed: {words[-1] if words else done.returncode}")


def backup(url: str, folder: Path, now: datetime, schema: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    source = _sqlite_path(url)
    target = folder / f"hall-{stamp}.{'db' if source else 'dump'}"
    partial = target.with_name(f".{target.name}.partial")
    if source is not None:
        if not source.is_file():
            raise BackupError(f"{source}: no database here to back up")
        with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
            src.backup(dst)
        src.close()
        dst.close()
    else:
        only = [f"--schema={schema}"] if schema else []
        _run(["pg_dump", "--format=custom", *only, f"--file={partial}", _libpq(url)])
    fd = os.open(partial, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    partial.rename(target)
    return target


def prune(folder: Path, keep_days: int, now: datetime) -> list[Path]:
    """Removes the backups older than `keep_days`; the newest one always stays."""
    dated = []
    for path in folder.iterdir():
        match = NAME.match(path.name)
        if match:
            at = datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=now.tzinfo)
            dated.append((at, path))
    dated.sort()
    removed = []
    for at, path in dated[:-1]:
        if now - at > timedelta(days=keep_days):
            path.unlink()
            removed.append(path)
    return removed


def restore(url: str, file: Path, schema: str | None = None) -> None:
    """Puts a backup back in place of the database. The room server must be stopped."""
    if not file.is_file():
        raise BackupError(f"{file}: no such backup")
    target = _sqlite_path(url)
    if target is not None:
        if file.suffix != ".db":
            raise BackupError(f"{file}: not a SQLite backup (hall-….db)")
        try:
            with sqlite3.connect(f"file:{file}?mode=ro", uri=True) as src:
                if src.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                    raise BackupError(f"{file}: the backup is damaged")
                target.parent.mkdir(parents=True, exist_ok=True)
                with sqlite3.connect(target) as dst:
                    src.backup(dst)
                dst.close()
            src.close()
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{file}: not a SQLite database: {exc}") from exc
    else:
        if file.suffix != ".dump":
            raise BackupError(f"{file}: not a PostgreSQL backup (hall-….dump)")
        only = [f"--schema={schema}"] if schema else []
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", *only,
              f"--dbname={_libpq(url)}", str(file)])  # fmt: skip
