"""The reasons an operator gives for an action (contracts §6): a category and a code, and a note.

The list is the contract's; it is extended only by adding codes. The kiosk's own automatic
incidents keep their categories `lockdown`, `camera` and `proctoring` and are not chosen here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from operator_console.protocol.values import Strict

REASONS: dict[str, tuple[str, ...]] = {
    "environment": ("noise", "disturbance", "power_cut", "fire_alarm", "comfort", "other"),
    "examinee": (
        "illness",
        "help_requested",
        "identity",
        "talking",
        "materials_exchanged",
        "device_found",
        "left_seat",
        "late",
        "no_show",
        "other",
    ),
    "staff": ("error", "late", "other"),
    "technical": (
        "kiosk_frozen",
        "kiosk_silent",
        "kiosk_dead",
        "network",
        "camera",
        "detector",
        "other",
    ),
    "other": ("other",),
}

VIOLATIONS = frozenset(
    {
        ("examinee", "identity"),
        ("examinee", "talking"),
        ("examinee", "materials_exchanged"),
        ("examinee", "device_found"),
    }
)
"""Reasons that break the testing rules: terminating for one proposes annulment and a ban."""

Category = Literal["environment", "examinee", "staff", "technical", "other"]


class Reason(Strict):
    """Why an operator acted: one entry of the list, and a note (required for `other`)."""

    category: Category
    code: str = Field(min_length=1, max_length=64)
    note: str = Field(default="", max_length=2000)

    @model_validator(mode="after")
    def _listed(self) -> Reason:
        if self.code not in REASONS[self.category]:
            codes = ", ".join(REASONS[self.category])
            raise ValueError(f"code {self.code!r} is not one of {self.category}: {codes}")
        if self.code == "other" and not self.note.strip():
            raise ValueError("a reason of 'other' needs a note that says what happened")
        return self

    @property
    def violation(self) -> bool:
        return (self.category, self.code) in VIOLATIONS
