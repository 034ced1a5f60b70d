"""Request signatures between a hall and the upstream (contracts §3), and roster signatures."""

from __future__ import annotations

import base64
import binascii
import hashlib
from datetime import datetime, timedelta
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from operator_console.protocol.canonical import canonical_json
from operator_console.protocol.values import rfc3339

HALL_ID = "X-Hall-Id"
TIMESTAMP = "X-Timestamp"
SIGNATURE = "X-Signature"
MAX_SKEW = timedelta(minutes=5)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    """Accepts padded and unpadded base64url; raises ValueError on anything else."""
    try:
        # validate=True: the default decoder silently drops characters outside the alphabet.
        return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64url") from exc


def signing_input(method: str, target: str, timestamp: str, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return f"{method.upper()}\n{target}\n{timestamp}\n{digest}".encode()


def sign_headers(
    key: Ed25519PrivateKey, hall_id: str, method: str, target: str, body: bytes, now: datetime
) -> dict[str, str]:
    stamp = rfc3339(now)
    signature = key.sign(signing_input(method, target, stamp, body))
    return {HALL_ID: hall_id, TIMESTAMP: stamp, SIGNATURE: b64url(signature)}


def request_problem(
    key: Ed25519PublicKey,
    method: str,
    target: str,
    body: bytes,
    timestamp: str,
    signature: str,
    now: datetime,
) -> str | None:
    """None when the request is the hall's own and fresh; else why it is refused."""
    try:
        at = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return "X-Timestamp is not an RFC 3339 time"
    if at.tzinfo is None:
        return "X-Timestamp has no UTC offset"
    if abs(now - at) > MAX_SKEW:
        return "X-Timestamp is more than 5 minutes off"
    try:
        key.verify(unb64url(signature), signing_input(method, target, timestamp, body))
    except (ValueError, InvalidSignature):
        return "bad signature"
    return None


def sign_document(key: Ed25519PrivateKey, document: dict[str, Any]) -> str:
    return b64url(key.sign(canonical_json(document)))


def document_signed(key: Ed25519PublicKey, document: dict[str, Any], signature: str) -> bool:
    try:
        key.verify(unb64url(signature), canonical_json(document))
    except (ValueError, InvalidSignature):
        return False
    return True
