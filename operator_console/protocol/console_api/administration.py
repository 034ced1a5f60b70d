"""Administration: users, enrolled kiosks, the audit chain's check and the items' statistics."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from operator_console.protocol.values import ProgramCode, Role, Strict, UtcTime


class AuditBreak(Strict):
    """The first entry of the audit chain that does not hold, and why."""

    seq: int
    at: UtcTime | None
    actor: str
    action: str
    subject: str
    why: str


DISAGREES = ("holds a different head", "holds a later head", "had no record of it")
"""What the central system may say that proves the hall's chain is not the one it sent."""


class AuditCheck(Strict):
    """The audit chain checked from its genesis, and against the head the upstream acknowledged."""

    entries: int
    head: str
    broken: AuditBreak | None
    acknowledged_seq: int | None
    acknowledged_head: str | None
    acknowledged_at: UtcTime | None
    acknowledged_matches: bool | None
    """The chain's hash at the acknowledged number equals the acknowledged head."""
    upstream: str
    """What the central system said of the newest head it holds from this hall: `confirmed`
    (that head is the chain's at its number), `holds a different head` (history rewritten),
    `holds a later head` (the chain's end cut off), `had no record of it` (the hall's outbox
    says it was acknowledged), `nothing acknowledged yet`, `unreachable: …`, or `not asked`."""
    upstream_seq: int | None = None
    upstream_head: str | None = None
    """The newest head the central system holds from this hall, when it was asked."""

    @property
    def holds(self) -> bool:
        """No broken entry, the acknowledged head in the chain, and upstream not disagreeing."""
        return (
            self.broken is None
            and self.acknowledged_matches is not False
            and self.upstream not in DISAGREES
        )

    @property
    def proven(self) -> bool:
        """Held, and confirmed by the copy the hall cannot rewrite (the central system's)."""
        return self.holds and self.upstream == "confirmed"

    def summary(self) -> str:
        lines = [f"audit chain: {self.entries} entries, head {self.head}"]
        if self.broken is None:
            lines.append("every entry holds from the genesis to the head")
        else:
            b = self.broken
            when = f"{b.at:%Y-%m-%d %H:%M:%S} UTC" if b.at else "-"
            lines.append(
                f"BROKEN at entry {b.seq} ({when}, {b.actor or '-'}, {b.action or '-'} "
                f"{b.subject}): {b.why}"
            )
        if self.acknowledged_seq is None:
            lines.append("the central system has acknowledged no head yet")
        else:
            agree = "matches the chain" if self.acknowledged_matches else "DOES NOT match the chain"
            lines.append(
                f"last head acknowledged upstream: entry {self.acknowledged_seq} "
                f"{self.acknowledged_head}: {agree}"
            )
        if self.upstream_seq is not None:
            lines.append(f"newest head the central system holds: entry {self.upstream_seq} "
                         f"{self.upstream_head}")  # fmt: skip
        lines.append(f"central system: {self.upstream}")
        if self.upstream == "not asked":
            lines.append(
                "not proven: a chain rewritten whole, or cut short at its end together with the "
                "outbox, reads as whole without the central system's copy; run without --offline"
            )
        lines.append("verdict: holds" if self.holds else "verdict: DOES NOT HOLD")
        return "\n".join(lines)


class UserView(Strict):
    username: str
    full_name: str
    role: Role
    active: bool
    created_at: UtcTime


class NewUser(Strict):
    username: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9._@-]+$")
    full_name: str = Field(default="", max_length=300)
    role: Role
    password: str = Field(min_length=8, max_length=1000)


class UserChange(Strict):
    """What an administrator changes about a user: each field left out stays as it is."""

    role: Role | None = None
    active: bool | None = None
    password: str | None = Field(default=None, min_length=8, max_length=1000)
    full_name: str | None = Field(default=None, max_length=300)


class KioskView(Strict):
    kiosk_id: str
    seat: str
    machine: str
    enrolled_at: UtcTime
    credential_age_days: float
    last_heard_at: UtcTime | None
    revoked: bool
    locked: bool


Attention = Literal["too_easy", "too_hard", "negative_discrimination", "low_discrimination"]


class ItemStatView(Strict):
    """One item in one language after the hall's sessions (the numbers of `qbank stats`)."""

    item_id: str
    language: str
    section: str
    exposure: int
    answered: int
    difficulty: float | None
    """Proportion correct (keyed items), or the mean option score (situational items)."""
    discrimination: float | None
    """Point-biserial against the rest of the form (None under 3 sittings or no spread)."""
    choices: dict[str, int]
    attention: list[Attention]


class ItemStatsView(Strict):
    program: ProgramCode
    bank_id: str
    version: str
    results: int
    """Finished attempts of this bank the numbers come from."""
    items: list[ItemStatView]
