"""The kiosk's local journal: every answer change is on disk (fsynced) before it counts as saved."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from operator_console.protocol.kiosk_api import AnswerChange, FormView

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempt (
    attempt_id TEXT PRIMARY KEY,
    form TEXT NOT NULL,
    finished_reason TEXT
);
CREATE TABLE IF NOT EXISTS change (
    attempt_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    item_id TEXT NOT NULL,
    choices TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    stored INTEGER NOT NULL DEFAULT 0,
    refused TEXT,
    PRIMARY KEY (attempt_id, seq)
);
CREATE TABLE IF NOT EXISTS flag (
    attempt_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    PRIMARY KEY (attempt_id, item_id)
);
CREATE TABLE IF NOT EXISTS report (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    attempt_id TEXT,
    body TEXT NOT NULL,
    sent INTEGER NOT NULL DEFAULT 0
);
"""


class Journal:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        self._lock = threading.RLock()

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """Reads under the writers' lock: the connection is shared with the replicator's thread."""
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def remember(self, form: FormView) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO attempt(attempt_id, form) VALUES (?, ?)",
                (form.attempt_id, form.model_dump_json()),
            )

    def adopt(self, form: FormView) -> None:
        """A sitting taken over from another seat: the answers and flags the server holds
        become this journal's, already stored, and new changes are numbered after the server's
        last. Nothing happens when this journal has changes of its own for the attempt."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                (mine,) = self._db.execute(
                    "SELECT COUNT(*) FROM change WHERE attempt_id = ?", (form.attempt_id,)
                ).fetchone()
                if mine == 0:
                    for change in form.held:
                        self._db.execute(
                            "INSERT INTO change(attempt_id, seq, item_id, choices, answered_at, "
                            "stored) VALUES (?, ?, ?, ?, ?, 1)",
                            (
                                form.attempt_id,
                                change.seq,
                                change.item_id,
                                json.dumps(change.choices),
                                change.answered_at.astimezone(UTC).isoformat(),
                            ),
                        )
                    last = max((c.seq for c in form.held), default=0)
                    if form.stored_through > last:
                        # Numbers the other kiosk used for changes that no longer show (refused
                        # or overtaken): a marker keeps this kiosk from using them again.
                        self._db.execute(
                            "INSERT INTO change(attempt_id, seq, item_id, choices, answered_at, "
                            "stored, refused) VALUES (?, ?, '', '[]', ?, 1, 'taken over')",
                            (form.attempt_id, form.stored_through, datetime.now(UTC).isoformat()),
                        )
                    for item_id in form.flags:
                        self._db.execute(
                            "INSERT OR IGNORE INTO flag(attempt_id, item_id) VALUES (?, ?)",
                            (form.attempt_id, item_id),
                        )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def form(self, attempt_id: str) -> FormView | None:
        row = self._read("SELECT form FROM attempt WHERE attempt_id = ?", (attempt_id,))
        return FormView.model_validate_json(row[0][0]) if row else None

    def record(
        self, attempt_id: str, item_id: str, choices: list[str], answered_at: datetime
    ) -> int:
        """Appends one change durably and returns its sequence number."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                (last,) = self._db.execute(
                    "SELECT COALESCE(MAX(seq), 0) FROM change WHERE attempt_id = ?", (attempt_id,)
                ).fetchone()
                self._db.execute(
                    "INSERT INTO change(attempt_id, seq, item_id, choices, answered_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        attempt_id,
                        last + 1,
                        item_id,
                        json.dumps(choices),
                        answered_at.astimezone(UTC).isoformat(),
                    ),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return int(last) + 1

    def pending(self, attempt_id: str, limit: int = 500) -> list[AnswerChange]:
        rows = self._read(
            "SELECT seq, item_id, choices, answered_at FROM change "
            "WHERE attempt_id = ? AND stored = 0 ORDER BY seq LIMIT ?",
            (attempt_id, limit),
        )
        return [
            AnswerChange(
                seq=s, item_id=i, choices=json.loads(c), answered_at=datetime.fromisoformat(a)
            )
            for s, i, c, a in rows
        ]

    def mark_stored(self, attempt_id: str, through: int, refused: dict[int, str]) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "UPDATE change SET stored = 1 WHERE attempt_id = ? AND seq <= ?",
                (attempt_id, through),
            )
            for seq, reason in refused.items():
                self._db.execute(
                    "UPDATE change SET refused = ? WHERE attempt_id = ? AND seq = ?",
                    (reason, attempt_id, seq),
                )
            self._db.execute("COMMIT")

    def last_seq(self, attempt_id: str) -> int:
        ((last,),) = self._read(
            "SELECT COALESCE(MAX(seq), 0) FROM change WHERE attempt_id = ?", (attempt_id,)
        )
        return int(last)

    def answers(self, attempt_id: str) -> dict[str, list[str]]:
        """The latest change per item (refused changes excluded): what the screen shows."""
        rows = self._read(
            "SELECT item_id, choices FROM change WHERE attempt_id = ? AND refused IS NULL "
            "ORDER BY seq",
            (attempt_id,),
        )
        current: dict[str, list[str]] = {}
        for item_id, choices in rows:
            current[item_id] = json.loads(choices)
        return {k: v for k, v in current.items() if v}

    def mark_finished(self, attempt_id: str, reason: str) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE attempt SET finished_reason = ? WHERE attempt_id = ?", (reason, attempt_id)
            )

    def set_flag(self, attempt_id: str, item_id: str, flagged: bool) -> None:
        """A question marked for review: kept across a restart like the answers."""
        with self._lock:
            if flagged:
                self._db.execute(
                    "INSERT OR IGNORE INTO flag(attempt_id, item_id) VALUES (?, ?)",
                    (attempt_id, item_id),
                )
            else:
                self._db.execute(
                    "DELETE FROM flag WHERE attempt_id = ? AND item_id = ?", (attempt_id, item_id)
                )

    def flags(self, attempt_id: str) -> set[str]:
        rows = self._read("SELECT item_id FROM flag WHERE attempt_id = ?", (attempt_id,))
        return {r[0] for r in rows}

    def queue_report(self, kind: str, body: str, attempt_id: str | None = None) -> int:
        """An incident or lock for the room server, kept on disk until the server has it."""
        with self._lock:
            cursor = self._db.execute(
                "INSERT INTO report(kind, attempt_id, body) VALUES (?, ?, ?)",
                (kind, attempt_id, body),
            )
            return int(cursor.lastrowid or 0)

    def unsent_reports(self) -> list[tuple[int, str, str | None, str]]:
        rows = self._read(
            "SELECT id, kind, attempt_id, body FROM report WHERE sent = 0 ORDER BY id"
        )
        return [(int(i), k, a, b) for i, k, a, b in rows]

    def mark_report_sent(self, report_id: int) -> None:
        with self._lock:
            self._db.execute("UPDATE report SET sent = 1 WHERE id = ?", (report_id,))

    def finished_reason(self, attempt_id: str) -> str | None:
        row = self._read("SELECT finished_reason FROM attempt WHERE attempt_id = ?", (attempt_id,))
        return row[0][0] if row else None

    def unfinished(self) -> list[str]:
        """Attempts begun on this kiosk and not finished: a restart resumes them."""
        rows = self._read("SELECT attempt_id FROM attempt WHERE finished_reason IS NULL")
        return [r[0] for r in rows]
