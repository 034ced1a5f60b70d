"""Sealing a recording segment to the hall's X25519 key (chunked AES-256-GCM, STREAM style).

    MAGIC | ephemeral public key (32) | nonce prefix (7) | chunk*   chunk := u32 length | ciphertext

Chunk i is sealed under nonce prefix | i (4 bytes) | last-chunk flag, with the header as associated
data: chunks cannot be dropped, reordered or cut off without the tag check failing. The kiosk
keeps only the hall's public key, so it cannot open what it recorded.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"HALLREC1"
CHUNK = 64 * 1024
HEADER = len(MAGIC) + 32 + 7
INFO = b"hall-recording/1 segment key"


class SegmentDamaged(ValueError):
    """The segment was altered, cut short or sealed for another hall."""


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _key(shared: bytes, ephemeral: bytes, hall: bytes) -> AESGCM:
    return AESGCM(HKDF(hashes.SHA256(), 32, salt=ephemeral + hall, info=INFO).derive(shared))


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if last else b"\x00")


def seal_segment(data: bytes, hall: X25519PublicKey) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    eph_raw, prefix = _raw(ephemeral.public_key()), os.urandom(7)
    header = MAGIC + eph_raw + prefix
    aead = _key(ephemeral.exchange(hall), eph_raw, _raw(hall))
    pieces = [data[i : i + CHUNK] for i in range(0, len(data), CHUNK)] or [b""]
    out = [header]
    for index, piece in enumerate(pieces):
        sealed = aead.encrypt(_nonce(prefix, index, index == len(pieces) - 1), piece, header)
        out += [struct.pack(">I", len(sealed)), sealed]
    return b"".join(out)


def _chunks(sealed: bytes) -> Iterator[bytes]:
    at = HEADER
    while at < len(sealed):
        if at + 4 > len(sealed):
            raise SegmentDamaged("segment cut off inside a chunk header")
        (length,) = struct.unpack(">I", sealed[at : at + 4])
        if length > CHUNK + 16 or at + 4 + length > len(sealed):
            raise SegmentDamaged("segment cut off inside a chunk")
        yield sealed[at + 4 : at + 4 + length]
        at += 4 + length


def open_segment(sealed: bytes, hall_key: X25519PrivateKey) -> bytes:
    if len(sealed) < HEADER or not sealed.startswith(MAGIC):
        raise SegmentDamaged("not a sealed recording segment")
    header, eph_raw, prefix = sealed[:HEADER], sealed[8:40], sealed[40:HEADER]
    aead = _key(
        hall_key.exchange(X25519PublicKey.from_public_bytes(eph_raw)),
        eph_raw,
        _raw(hall_key.public_key()),
    )
    chunks = list(_chunks(sealed))
    if not chunks:
        raise SegmentDamaged("segment holds no chunks")
    try:
        return b"".join(
            aead.decrypt(_nonce(prefix, i, i == len(chunks) - 1), c, header)
            for i, c in enumerate(chunks)
        )
    except InvalidTag:
        raise SegmentDamaged("segment altered, cut short, or sealed for another hall") from None
