"""This kiosk's credential: the hall it belongs to, its seat, its token and the pinned certificate.

`kiosk enroll` writes it once (atomically, mode 0600); the app reads it at every start.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk.hall_client import HallClient
from operator_console.protocol.tls import pinned_context

CREDENTIAL = "credential.json"


@dataclass(frozen=True)
class Credential:
    hall: str
    kiosk_id: str
    seat: str
    token: str
    certificate: str | None = None
    """The room server's certificate (PEM) taken at enrollment: the only one trusted after."""

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    def client(self) -> HallClient:
        verify = pinned_context(self.certificate) if self.certificate else True
        return HallClient(self.hall, self.token, verify=verify)


def read_credential(directory: Path) -> Credential | None:
    try:
        data = json.loads((directory / CREDENTIAL).read_text("utf-8"))
        return Credential(
            data["hall"], data["kiosk_id"], data["seat"], data["token"], data.get("certificate")
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{directory / CREDENTIAL}: unreadable credential: {exc}") from exc


def save_credential(directory: Path, credential: Credential) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / CREDENTIAL
    tmp = directory / f".{CREDENTIAL}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(credential.to_json())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path
