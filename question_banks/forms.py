"""Form assembly: one candidate's questions and choice order, rebuilt exactly from a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

from question_banks.bank import Bank, BankError
from question_banks.programs import Program


@dataclass(frozen=True)
class FormItem:
    item_id: str
    section: str
    choice_order: tuple[str, ...]


@dataclass(frozen=True)
class Form:
    program: str
    language: str
    seed: str
    bank_id: str
    bank_version: str
    items: tuple[FormItem, ...]


def assemble_form(bank: Bank, prog: Program, language: str, seed: str) -> Form:
    """Draws each section's questions without replacement; the same inputs give the same form."""
    rng = random.Random(f"{bank.bank_id}/{bank.version}/{prog.code}/{language}/{seed}")
    items: list[FormItem] = []
    for spec in prog.sections:
        pool = sorted(bank.pool(spec.code, language), key=lambda i: i.id)
        if len(pool) < spec.questions:
            raise BankError(
                f"bank {bank.bank_id}: section {spec.code} has {len(pool)} items in {language}, "
                f"the program draws {spec.questions}"
            )
        for item in rng.sample(pool, spec.questions):
            order = list(item.choice_ids)
            if not item.fixed_order:
                rng.shuffle(order)
            items.append(FormItem(item.id, spec.code, tuple(order)))
    return Form(prog.code, language, seed, bank.bank_id, bank.version, tuple(items))
