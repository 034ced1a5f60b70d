"""The day's roster, as the central system signs and sends it (contracts §3)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import ConfigDict, Field

from operator_console.protocol.values import (
    Digits12,
    Id,
    Language,
    OutcomeCode,
    ProgramCode,
    Strict,
    UtcTime,
)


class LastAttempt(Strict):
    program: ProgramCode
    at: UtcTime | date
    """A time, or a whole day (the hall reads it as noon of that day in its own time zone)."""
    outcome: OutcomeCode


class RosterCandidate(Strict):
    registration_id: Id
    iin: Digits12
    full_name: str = Field(min_length=1, max_length=300)
    photo_jpeg_b64: str | None = None
    programs: list[ProgramCode] = Field(min_length=1)
    languages: list[Language] = Field(min_length=1)
    banned_until: UtcTime | date | None = None
    """A time, or a whole day: a ban until a day runs to the end of it in the hall's time zone."""
    last_attempts: list[LastAttempt] = []


class RosterSession(Strict):
    session_id: Id
    starts_at: UtcTime
    programs: list[ProgramCode] = Field(min_length=1)
    candidates: list[RosterCandidate]


class Roster(Strict):
    schema_: Literal["hall-roster/1"] = Field(alias="schema")
    hall_id: Id
    date: date
    sessions: list[RosterSession]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SignedRoster(Strict):
    roster: dict[str, Any]
    signature: str
