"""The banks this hall serves: signed, sealed packages opened in memory at start-up."""

from __future__ import annotations

import logging
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from question_banks.bank import Bank
from question_banks.package import PACKAGE_SUFFIX, PackageError, open_package

log = logging.getLogger(__name__)


class BankShelf:
    """One active bank per program (the newest version loaded), and every loaded version by id."""

    def __init__(self, banks: list[Bank] | None = None) -> None:
        self._by_program: dict[str, Bank] = {}
        self._by_id: dict[tuple[str, str], Bank] = {}
        self.media: dict[str, bytes] = {}
        self.refused: dict[str, str] = {}
        """Package file name -> why it was not loaded, for the console."""
        for bank in banks or []:
            self.add(bank)

    @classmethod
    def load(
        cls, directory: Path, *, authority: Ed25519PublicKey, hall_key: X25519PrivateKey
    ) -> BankShelf:
        """Every package in `directory`; a bad one is refused and reported, never fatal."""
        shelf = cls()
        for path in sorted(directory.glob(f"*{PACKAGE_SUFFIX}")) if directory.is_dir() else []:
            try:
                opened = open_package(path.read_bytes(), authority=authority, hall_key=hall_key)
            except (PackageError, OSError) as exc:
                shelf.refused[path.name] = str(exc)
                log.error("bank package %s refused: %s", path.name, exc)
                continue
            shelf.add(opened.bank)
            shelf.media.update(opened.media)
        return shelf

    def add(self, bank: Bank) -> None:
        current = self._by_program.get(bank.program)
        if current is None or bank.version >= current.version:
            self._by_program[bank.program] = bank
        self._by_id[(bank.bank_id, bank.version)] = bank

    def for_program(self, program: str) -> Bank | None:
        return self._by_program.get(program)

    def exact(self, bank_id: str, version: str) -> Bank | None:
        return self._by_id.get((bank_id, version))

    def programs(self) -> list[str]:
        return sorted(self._by_program)
