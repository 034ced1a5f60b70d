"""The banks this hall serves, held in memory once loaded: one active bank per program."""

from __future__ import annotations

import logging
from pathlib import Path

from question_banks.bank import BANK_FILE, Bank, BankError, read_bank

log = logging.getLogger(__name__)


class BankShelf:
    def __init__(self, banks: dict[str, Bank] | None = None) -> None:
        self._by_program: dict[str, Bank] = dict(banks or {})
        self._by_id: dict[tuple[str, str], Bank] = {
            (b.bank_id, b.version): b for b in self._by_program.values()
        }

    @classmethod
    def load(cls, directory: Path) -> BankShelf:
        """Every bank directory below `directory`; a bad one is logged and left out, not fatal."""
        shelf = cls()
        if directory.is_dir():
            for path in sorted(directory.glob(f"*/{BANK_FILE}")):
                try:
                    shelf.add(read_bank(path.parent))
                except BankError as exc:
                    log.error("bank left out: %s", exc)
        return shelf

    def add(self, bank: Bank) -> None:
        self._by_program[bank.program] = bank
        self._by_id[(bank.bank_id, bank.version)] = bank

    def for_program(self, program: str) -> Bank | None:
        return self._by_program.get(program)

    def exact(self, bank_id: str, version: str) -> Bank | None:
        return self._by_id.get((bank_id, version))

    def programs(self) -> list[str]:
        return sorted(self._by_program)
