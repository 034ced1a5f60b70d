"""Sample banks for every program, shipped for the demo and the tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from question_banks.bank import Bank
from question_banks.package import PACKAGE_SUFFIX, seal, write_package
from question_banks.programs import PROGRAMS
from question_banks.samples.legislation import sample_legislation_bank
from question_banks.samples.personal_qualities import sample_generated_bank
from question_banks.samples.state_language import sample_state_language_bank

WRITTEN: dict[str, Callable[[], Bank]] = {
    "legislation": sample_legislation_bank,
    "state_language": sample_state_language_bank,
}
"""Programs whose sample items are written by hand; every other is generated from its definition."""


def sample_bank(program: str) -> Bank:
    written = WRITTEN.get(program)
    return written() if written else sample_generated_bank(program)


def sample_banks() -> list[Bank]:
    """A sample bank for every program the hall knows, in sitting order."""
    return [sample_bank(p) for p in PROGRAMS]


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
