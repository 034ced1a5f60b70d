"""The reference receiver's disk: registered halls, rosters to serve, and every stored record.

A record is written to a temporary file, fsynced, renamed into place and its folder fsynced,
so an acknowledged record survives a power cut.
"""

from __future__ import annotations

import json
import os
import threading
from enum import StrEnum
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from operator_console.protocol.canonical import canonical_json
from question_banks.keys import AUTHORITY, generate_authority_key, load_signing_key, load_verify_key


class Stored(StrEnum):
    NEW = "new"
    SAME = "same"
    CONFLICT = "conflict"


def _fsync_dir(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _durable_temp(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return tmp


def write_durably(path: Path, data: bytes) -> None:
    os.replace(_durable_temp(path, data), path)
    _fsync_dir(path.parent)


def create_durably(path: Path, data: bytes) -> bool:
    """Creates `path` with `data` unless it exists; atomic against other writers (no lock)."""
    tmp = _durable_temp(path, data)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    finally:
        tmp.unlink()
    _fsync_dir(path.parent)
    return True


class StubStore:
    """DIR/authority.key, DIR/halls/<id>.pub, DIR/rosters/<id>/<date>.json, DIR/<kind>/<id>.json."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        if not (root / f"{AUTHORITY}.key").exists():
            generate_authority_key(root)
        self.authority: Ed25519PrivateKey = load_signing_key(root / f"{AUTHORITY}.key")

    def register_hall(self, hall_id: str, public_pem: bytes) -> None:
        write_durably(self.root / "halls" / f"{hall_id}.pub", public_pem)

    def hall_key(self, hall_id: str) -> Ed25519PublicKey | None:
        path = self.root / "halls" / f"{hall_id}.pub"
        return load_verify_key(path) if path.is_file() else None

    def put_roster(self, roster: dict[str, Any]) -> None:
        path = self.root / "rosters" / roster["hall_id"] / f"{roster['date']}.json"
        write_durably(path, json.dumps(roster, ensure_ascii=False, indent=1).encode())

    def roster(self, hall_id: str, day: str) -> dict[str, Any] | None:
        path = self.root / "rosters" / hall_id / f"{day}.json"
        if not path.is_file():
            return None
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return data

    def store(self, kind: str, record_id: str, record: dict[str, Any]) -> Stored:
        """Keeps the first content for an id: the same again is SAME, other content CONFLICT."""
        body = canonical_json(record)
        path = self.root / kind / f"{record_id}.json"
        if not path.exists() and create_durably(path, body):
            return Stored.NEW
        return Stored.SAME if path.read_bytes() == body else Stored.CONFLICT

    def records(self, kind: str) -> dict[str, dict[str, Any]]:
        folder = self.root / kind
        if not folder.is_dir():
            return {}
        return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))}

    def latest_audit_head(self, hall_id: str) -> dict[str, Any] | None:
        """The audit head of the highest number this hall has sent, if any."""
        heads = [
            record
            for key, record in self.records("audit-heads").items()
            if key.rpartition("-")[0] == hall_id
        ]
        return max(heads, key=lambda r: int(r["seq"])) if heads else None

    def bank(self, bank_id: str) -> bytes | None:
        path = self.root / "banks" / f"{bank_id}.pkg"
        return path.read_bytes() if path.is_file() else None
