"""Signing in, and the day's sessions: the rosters they come from, the banks they run on and
the results of their attempts."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from operator_console.protocol.records import SectionResult
from operator_console.protocol.values import (
    AttemptStatus,
    FinishReason,
    Language,
    OutcomeCode,
    ProgramCode,
    Role,
    SessionStatus,
    Strict,
    UtcTime,
)


class LoginRequest(Strict):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


Screen = Literal["sessions", "desk", "hall", "history", "review", "sync", "report", "admin"]


class LoginResponse(Strict):
    token: str
    role: Role
    screens: list[Screen] = []
    """The console screens this role gets, in order: the server decides, the console shows."""
    time_zone: str = ""
    """The hall's time zone (IANA name): the console shows every time in it."""


class RosterFetch(Strict):
    date: date


class RosterImported(Strict):
    sessions: int
    candidates: int


class SessionView(Strict):
    session_id: str
    starts_at: UtcTime
    status: SessionStatus
    started_at: UtcTime | None
    programs: list[ProgramCode]
    candidates: int
    paused_at: UtcTime | None = None
    admitted: int = 0
    refused: int = 0
    no_shows: int = 0
    seated: int = 0
    unseated: int = 0
    """Admitted, a test still to finish, at no seat yet."""
    finished: int = 0


class BankView(Strict):
    program: ProgramCode
    bank_id: str
    version: str
    questions: int
    languages: list[Language]
    sample: bool


class BanksView(Strict):
    loaded: list[BankView]
    refused: dict[str, str]
    """Package file -> why it was refused."""


class AttemptResultView(Strict):
    attempt_id: str
    registration_id: str
    program: ProgramCode
    language: Language | None
    status: AttemptStatus
    finished_at: UtcTime | None
    finish_reason: FinishReason | None
    outcome: OutcomeCode | None
    total: float | None
    sections: list[SectionResult]
