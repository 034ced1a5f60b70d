"""The hall's and the authority's key files (contracts §2): PEM PKCS#8 private, SPKI public."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

HALL_SIGN = "hall-sign"
HALL_BOX = "hall-box"
AUTHORITY = "authority"


class KeyFileError(ValueError):
    """A key file that is missing, unreadable or of the wrong kind; the message names the file."""


def _private_pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def public_pem(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Writes a file that must not exist yet, with its final mode from the first byte."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_pair(out: Path, name: str, private: bytes, public: bytes) -> None:
    key_path, pub_path = out / f"{name}.key", out / f"{name}.pub"
    for path in (key_path, pub_path):
        if path.exists():
            raise KeyFileError(f"{path}: already exists; refusing to overwrite a key")
    _write_new(key_path, private, 0o600)
    _write_new(pub_path, public, 0o644)


def generate_hall_keys(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    sign, box = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    _write_pair(out, HALL_SIGN, _private_pem(sign), public_pem(sign.public_key()))
    _write_pair(out, HALL_BOX, _private_pem(box), public_pem(box.public_key()))


def generate_authority_key(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    _write_pair(out, AUTHORITY, _private_pem(key), public_pem(key.public_key()))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(f"{path}: key file not found") from None
    except OSError as exc:
        raise KeyFileError(f"{path}: cannot read key file: {exc.strerror}") from exc


def _parsed_private(path: Path) -> object:
    data = _read(path)
    try:
        return serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"{path}: not a PEM PKCS#8 private key") from exc


def _parsed_public(path: Path) -> object:
    data = _read(path)
    try:
        return serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"{path}: not a PEM public key") from exc


def _wrong_kind(path: Path, expected: str) -> KeyFileError:
    return KeyFileError(f"{path}: expected an {expected} key")


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    key = _parsed_private(path)
    if not isinstance(key, Ed25519PrivateKey):
        raise _wrong_kind(path, "Ed25519")
    return key


def load_verify_key(path: Path) -> Ed25519PublicKey:
    key = _parsed_public(path)
    if not isinstance(key, Ed25519PublicKey):
        raise _wrong_kind(path, "Ed25519")
    return key


def load_box_key(path: Path) -> X25519PrivateKey:
    key = _parsed_private(path)
    if not isinstance(key, X25519PrivateKey):
        raise _wrong_kind(path, "X25519")
    return key


def load_box_public(path: Path) -> X25519PublicKey:
    key = _parsed_public(path)
    if not isinstance(key, X25519PublicKey):
        raise _wrong_kind(path, "X25519")
    return key


@dataclass(frozen=True)
class HallKeys:
    """Everything a room server holds in its keys directory."""

    sign: Ed25519PrivateKey
    box: X25519PrivateKey
    authority: Ed25519PublicKey

    @classmethod
    def load(cls, directory: Path) -> HallKeys:
        return cls(
            sign=load_signing_key(directory / f"{HALL_SIGN}.key"),
            box=load_box_key(directory / f"{HALL_BOX}.key"),
            authority=load_verify_key(directory / f"{AUTHORITY}.pub"),
        )
