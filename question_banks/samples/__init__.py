"""Sample banks for every program, shipped for the demo and the tests."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from question_banks.bank import Bank
from question_banks.package import PACKAGE_SUFFIX, seal, write_package
from question_banks.samples.legislation import sample_legislation_bank
from question_banks.samples.personal_qualities import sample_personal_qualities_bank
from question_banks.samples.state_language import sample_state_language_bank


def sample_bank(program: str) -> Bank:
    if program == "legislation":
        return sample_legislation_bank()
    if program == "state_language":
        return sample_state_language_bank()
    return sample_personal_qualities_bank(program)


def sample_banks() -> list[Bank]:
    return [
        sample_bank(p)
        for p in ("state_language", "legislation", "pq_program_1", "pq_program_2", "pq_program_3")
    ]


def write_sample_packages(
    directory: Path,
    *,
    authority: Ed25519PrivateKey,
    hall: X25519PublicKey,
    programs: Iterable[str] | None = None,
) -> list[Path]:
    """Seals each sample bank for one hall, signed by the authority (the demo's bank loading)."""
    written = []
    for bank in sample_banks() if programs is None else [sample_bank(p) for p in programs]:
        path = directory / f"{bank.bank_id}{PACKAGE_SUFFIX}"
        write_package(seal(bank, {}, authority=authority, hall=hall), path)
        written.append(path)
    return written
