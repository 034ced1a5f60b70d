"""Bank packages: clear metadata, content sealed to one hall, the whole signed by the authority.

    MAGIC | u32 header length | header (canonical JSON) | u64 sealed length | sealed | signature

The content (bank.json and media in a zip) is encrypted with AES-256-GCM under a key agreed by an
ephemeral X25519 key with the hall's box key (HKDF-SHA256); the header is its associated data. The
Ed25519 signature covers every byte before it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import struct
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from question_banks.bank import (
    BANK_FILE,
    MEDIA_DIR,
    Bank,
    BankError,
    bank_from_dict,
    bank_to_dict,
)
from question_banks.bank import PACKAGE_SUFFIX as PACKAGE_SUFFIX  # where callers look for it

MAGIC = b"HALLBANK\x01\n"
FORMAT = "hall-bank-package/1"
SIGNATURE_BYTES = 64
MAX_HEADER = 1024 * 1024
INFO = b"hall-bank-package/1 content key"


def _header_bytes(header: dict[str, object]) -> bytes:
    """The header's one byte form (contracts §4): sorted keys, no spaces, UTF-8."""
    return json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


class PackageError(ValueError):
    """A package that must not be loaded; the message says why, for the administrator."""


@dataclass(frozen=True)
class OpenedBank:
    bank: Bank
    media: dict[str, bytes]
    metadata: dict[str, Any]


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def hall_fingerprint(key: X25519PublicKey) -> str:
    return hashlib.sha256(_raw(key)).hexdigest()


def _content_key(shared: bytes, ephemeral: bytes, hall: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=ephemeral + hall, info=INFO).derive(shared)


def metadata_of(bank: Bank, created_at: datetime) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {}
    for item in bank.items:
        for lang in item.texts:
            per = counts.setdefault(item.section, {})
            per[lang] = per.get(lang, 0) + 1
    return {
        "bank_id": bank.bank_id,
        "version": bank.version,
        "program": bank.program,
        "items": len(bank.items),
        "counts": counts,
        "sample": bank.sample,
        "created_at": created_at.astimezone(UTC).isoformat(timespec="seconds"),
    }


def _zip_content(bank: Bank, media: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(BANK_FILE, json.dumps(bank_to_dict(bank), ensure_ascii=False))
        for name, data in sorted(media.items()):
            zf.writestr(f"{MEDIA_DIR}/{name}", data)
    return buffer.getvalue()


def seal(
    bank: Bank,
    media: dict[str, bytes],
    *,
    authority: Ed25519PrivateKey,
    hall: X25519PublicKey,
    created_at: datetime | None = None,
) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    eph_raw, hall_raw = _raw(ephemeral.public_key()), _raw(hall)
    nonce = os.urandom(12)
    header = _header_bytes(
        {
            "format": FORMAT,
            "meta": metadata_of(bank, created_at or datetime.now(UTC)),
            "seal": {
                "alg": "X25519-HKDF-SHA256-AES256GCM",
                "hall": hall_fingerprint(hall),
                "ephemeral": base64.b64encode(eph_raw).decode(),
                "nonce": base64.b64encode(nonce).decode(),
            },
        }
    )
    key = _content_key(ephemeral.exchange(hall), eph_raw, hall_raw)
    sealed = AESGCM(key).encrypt(nonce, _zip_content(bank, media), header)
    body = MAGIC + struct.pack(">I", len(header)) + header + struct.pack(">Q", len(sealed)) + sealed
    return body + authority.sign(body)


def _frame(data: bytes) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    """(header, header bytes, sealed, signed body); raises on anything but a whole package."""
    if not data.startswith(MAGIC):
        raise PackageError("not a bank package (wrong magic bytes)")
    at = len(MAGIC)
    if len(data) < at + 4:
        raise PackageError("truncated package")
    (hlen,) = struct.unpack(">I", data[at : at + 4])
    if hlen > MAX_HEADER or len(data) < at + 4 + hlen + 8:
        raise PackageError("truncated package")
    header_bytes = data[at + 4 : at + 4 + hlen]
    at += 4 + hlen
    (slen,) = struct.unpack(">Q", data[at : at + 8])
    at += 8
    if len(data) != at + slen + SIGNATURE_BYTES:
        raise PackageError(
            "truncated package"
            if len(data) < at + slen + SIGNATURE_BYTES
            else "trailing bytes after the signature"
        )
    try:
        header = json.loads(header_bytes)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise PackageError("unreadable package header") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise PackageError(f"unknown package format (expected {FORMAT})")
    return header, header_bytes, data[at : at + slen], data[: at + slen]


def read_metadata(data: bytes) -> dict[str, Any]:
    """The clear metadata, without checking the signature (for `qbank inspect`)."""
    meta: dict[str, Any] = _frame(data)[0]["meta"]
    return meta


def verify(data: bytes, authority: Ed25519PublicKey) -> dict[str, Any]:
    header, _hb, _sealed, body = _frame(data)
    try:
        authority.verify(data[-SIGNATURE_BYTES:], body)
    except InvalidSignature:
        raise PackageError(
            "signature check failed: the package was altered or not signed by the authority"
        ) from None
    meta: dict[str, Any] = header["meta"]
    return meta


def open_package(
    data: bytes, *, authority: Ed25519PublicKey, hall_key: X25519PrivateKey
) -> OpenedBank:
    """Verifies, then decrypts in memory; the same checks for `qbank verify` and the room server."""
    meta = verify(data, authority)
    header, header_bytes, sealed, _body = _frame(data)
    seal_info = header["seal"]
    mine = hall_fingerprint(hall_key.public_key())
    if seal_info.get("hall") != mine:
        raise PackageError(
            f"built for another hall (key {str(seal_info.get('hall'))[:12]}…, "
            f"this hall is {mine[:12]}…)"
        )
    try:
        eph_raw = base64.b64decode(seal_info["ephemeral"])
        nonce = base64.b64decode(seal_info["nonce"])
        shared = hall_key.exchange(X25519PublicKey.from_public_bytes(eph_raw))
        key = _content_key(shared, eph_raw, _raw(hall_key.public_key()))
        content = AESGCM(key).decrypt(nonce, sealed, header_bytes)
    except (InvalidTag, ValueError, KeyError) as exc:
        raise PackageError("content does not decrypt with this hall's key") from exc
    bank, media = _unzip(content)
    if metadata_of(bank, datetime.fromisoformat(meta["created_at"]))["counts"] != meta["counts"]:
        raise PackageError("clear metadata does not match the content")
    return OpenedBank(bank, media, meta)


MAX_MEMBERS = 20_000
"""Files inside a package's content at most (questions' pictures and the bank)."""
MAX_MEMBER = 64 * 1024 * 1024
"""Bytes one file inside a package may hold once inflated."""
MAX_CONTENT = 512 * 1024 * 1024
"""Bytes all of them may hold together once inflated."""
MAX_RATIO = 100
"""How many times larger than its compressed form a file of more than a MiB may inflate (text
compresses some 5-20 times, pictures hardly; a zip bomb thousands of times)."""


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> bytes:
    """A member inflated in steps, refused the moment it passes its limit: what its header says
    of its size is not believed."""
    limit = min(MAX_MEMBER, room)
    chunks, size = [], 0
    with zf.open(info) as member:
        while chunk := member.read(1024 * 1024):
            size += len(chunk)
            if size > limit:
                raise PackageError(f"{info.filename}: inflates past {limit} bytes; refused")
            if size > 1024 * 1024 and size > MAX_RATIO * max(info.compress_size, 1):
                raise PackageError(
                    f"{info.filename}: inflates more than {MAX_RATIO} times its size; refused"
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _unzip(content: bytes) -> tuple[Bank, dict[str, bytes]]:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise PackageError(f"{len(infos)} files inside; at most {MAX_MEMBERS}")
            read: dict[str, bytes] = {}
            room = MAX_CONTENT
            for info in infos:
                if info.filename != BANK_FILE and not info.filename.startswith(f"{MEDIA_DIR}/"):
                    continue
                read[info.filename] = _read_bounded(zf, info, room)
                room -= len(read[info.filename])
            if BANK_FILE not in read:
                raise PackageError(f"no {BANK_FILE} inside")
            bank = bank_from_dict(json.loads(read.pop(BANK_FILE)), "package")
    except BankError as exc:
        raise PackageError(str(exc)) from exc
    except (zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise PackageError(f"content is not a bank: {exc}") from exc
    media = {name.removeprefix(f"{MEDIA_DIR}/"): data for name, data in read.items()}
    return bank, media


def write_package(data: bytes, out: Path) -> None:
    """Writes the package whole or not at all (temporary file, fsync, rename)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
