"""`operator-console admin migrate | backup | restore`: what the backup timer runs and what a
technician runs to bring a hall back, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from operator_console.cli import main
from operator_console.server.administration.backup import prune
from tests.commands import Ran, run_main, user_env
from tests.hall import hall_toml


def admin(config: Path, tmp: Path, *args: str, stdin: str = "") -> Ran:
    argv = ["admin", "--config", str(config), *args]
    return run_main(main, argv, stdin=stdin, env=user_env(tmp))


def users(config: Path, tmp: Path) -> list[str]:
    from sqlalchemy import create_engine, text

    from operator_console.server.config import load_config

    engine = create_engine(load_config(config, environ={}).database_url)
    try:
        with engine.connect() as conn:
            return sorted(r[0] for r in conn.execute(text("SELECT username FROM user_account")))
    finally:
        engine.dispose()


def add_user(config: Path, tmp: Path, name: str) -> None:
    done = admin(config, tmp, "create-user", "--username", name, "--role", "operator",
                 "--password-stdin", stdin="a long enough password\n")  # fmt: skip
    assert done.returncode == 0, done.stderr


def round_trip(config: Path, tmp: Path, suffix: str) -> None:
    first = admin(config, tmp, "migrate")
    assert first.returncode == 0 and "upgraded from empty to" in first.stdout, first.stderr
    again = admin(config, tmp, "migrate")
    assert "nothing to upgrade" in again.stdout
    add_user(config, tmp, "before")
    backups = tmp / "backups"
    made = admin(config, tmp, "backup", "--dir", str(backups), "--keep-days", "7")
    assert made.returncode == 0 and "backed up" in made.stdout, made.stderr
    [backup] = backups.glob(f"hall-*.{suffix}")
    assert not list(backups.glob(".*"))  # no partial file left behind
    add_user(config, tmp, "after")
    assert users(config, tmp) == ["after", "before"]
    restored = admin(config, tmp, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert users(config, tmp) == ["before"]


def test_sqlite_backup_and_restore(tmp_path: Path, keys: Path) -> None:
    config = hall_toml(tmp_path, keys, "http://127.0.0.1:9")
    round_trip(config, tmp_path, "db")
    damaged = tmp_path / "hall-20260101T000000Z.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    refused = admin(config, tmp_path, "restore", str(damaged))
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1
    assert "not a SQLite database" in refused.stderr or "damaged" in refused.stderr
    assert users(config, tmp_path) == ["before"]  # a bad backup changed nothing
    wrong = admin(config, tmp_path, "restore", str(tmp_path / "hall.dump"))
    assert wrong.returncode != 0 and "no such backup" in wrong.stderr


@pytest.mark.postgres
def test_postgresql_backup_and_restore(tmp_path: Path, keys: Path, postgres_url: str) -> None:
    config = hall_toml(tmp_path, keys, "http://127.0.0.1:9")
    config.write_text(config.read_text() + f'\n[database]\nurl = "{postgres_url}"\n')
    round_trip(config, tmp_path, "dump")


def test_old_backups_are_pruned_and_the_newest_kept(tmp_path: Path) -> None:
    now = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    for days in (1, 6, 8, 30):
        stamp = (now - timedelta(days=days)).strftime("%Y%m%dT%H%M%SZ")
        (tmp_path / f"hall-{stamp}.db").write_text("x")
    (tmp_path / "notes.txt").write_text("kept")
    removed = prune(tmp_path, 7, now)
    assert len(removed) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hall-20261126T030000Z.db", "hall-20261201T030000Z.db", "notes.txt",
    ]  # fmt: skip
    only_old = tmp_path / "old"
    only_old.mkdir()
    (only_old / "hall-20200101T000000Z.db").write_text("x")
    assert prune(only_old, 7, now) == []  # the newest backup stays, however old
