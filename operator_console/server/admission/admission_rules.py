"""Admission rules as pure functions: who may sit which program now (testing-rules §3-§5).

Each rule returns None when it admits, or the reason it refuses: words for the operator, with the
rule's code and its facts so that a console can say the same in the operator's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from operator_console.protocol.iin import iin_problem
from question_banks.programs import PROGRAMS, Retakes


class RuleRefusal(str):
    """The refusal in English words, carrying the rule's `code` and the `facts` it names."""

    code: str
    facts: dict[str, str]

    def __new__(cls, code: str, text: str, **facts: str) -> RuleRefusal:
        made = super().__new__(cls, text)
        made.code, made.facts = code, facts
        return made


@dataclass(frozen=True)
class PastAttempt:
    program: str
    at: datetime
    outcome: str


@dataclass(frozen=True)
class Candidate:
    registration_id: str
    iin: str
    programs: Sequence[str]
    banned_until: datetime | None
    last_attempts: Sequence[PastAttempt]


@dataclass(frozen=True)
class SessionTimes:
    programs: Sequence[str]
    starts_at: datetime
    late_grace: timedelta
    zone: ZoneInfo
    """The hall's time zone: calendar days and months are the hall's."""
    started_at: datetime | None = None
    """When the operator really started the session, if they have."""

    @property
    def closes_at(self) -> datetime:
        """Admission closes when the session starts: at the real start when it began early, at
        the scheduled start otherwise (a start the operator is slow to press admits no one
        late), plus the grace the hall gives (`session.late_grace_minutes`, default none)."""
        start = self.starts_at if self.started_at is None else min(self.started_at, self.starts_at)
        return start + self.late_grace


def identity_refusal(candidate: Candidate, presented_iin: str) -> RuleRefusal | None:
    problem = iin_problem(presented_iin)
    if problem:
        return RuleRefusal("invalid_iin", f"invalid IIN: {problem}", problem=problem)
    if presented_iin != candidate.iin:
        return RuleRefusal("iin_mismatch", "the IIN on the document does not match the roster")
    return None


def roster_refusal(candidate: Candidate, session: SessionTimes) -> RuleRefusal | None:
    missing = [p for p in candidate.programs if p not in session.programs]
    if not candidate.programs or missing:
        programs = ", ".join(missing) or "any program"
        return RuleRefusal(
            "not_on_roster", f"not on this session's roster for {programs}", programs=programs
        )
    return None


def ban_refusal(candidate: Candidate, now: datetime) -> RuleRefusal | None:
    until = candidate.banned_until
    if until is not None and now < until:
        return RuleRefusal(
            "banned",
            f"banned from testing until {until:%Y-%m-%d %H:%M} UTC",
            until=f"{until:%Y-%m-%d %H:%M} UTC",
        )
    return None


def late_refusal(session: SessionTimes, now: datetime) -> RuleRefusal | None:
    closes = session.closes_at
    if now > closes:
        late_by = int((now - closes).total_seconds() // 60) + 1
        at = f"{closes.astimezone(session.zone):%H:%M}"
        return RuleRefusal(
            "late",
            f"late: admission closed at {at} ({late_by} min ago)",
            closed_at=at,
            minutes=str(late_by),
        )
    return None


def _day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def program_retake_refusal(
    code: str, attempts: Sequence[PastAttempt], today: date, zone: ZoneInfo
) -> RuleRefusal | None:
    """The program's own retake policy (its definition's `retakes`) applied to past attempts."""
    policy = PROGRAMS[code].retakes if code in PROGRAMS else Retakes()
    mine = sorted((a for a in attempts if a.program == code), key=lambda a: a.at)
    passes = [a for a in mine if a.outcome == "pass"]
    if policy.improve_after_months is not None and passes:
        allowed = _day(passes[-1].at, zone) + relativedelta(months=policy.improve_after_months)
        if today < allowed:
            return RuleRefusal(
                "retake_too_soon",
                f"{code} passed; a retake to improve is allowed from {allowed:%Y-%m-%d}",
                program=code,
                allowed=f"{allowed:%Y-%m-%d}",
            )
        return None
    fails = [a for a in mine if a.outcome == "fail"]
    if policy.after_fail_days is not None and fails:
        last = _day(fails[-1].at, zone)
        allowed = last + timedelta(days=policy.after_fail_days)
        if today < allowed:
            return RuleRefusal(
                "retake_too_soon",
                f"{code} retest allowed from {allowed:%Y-%m-%d} (failed on {last:%Y-%m-%d})",
                program=code,
                allowed=f"{allowed:%Y-%m-%d}",
            )
    limit = policy.attempts_per_month
    this_month = [
        a for a in mine if (d := _day(a.at, zone)).year == today.year and d.month == today.month
    ]
    if limit is not None and len(this_month) >= limit:
        return RuleRefusal(
            "attempts_this_month",
            f"{code}: {limit} attempts already this month without a pass",
            program=code,
            attempts=str(limit),
        )
    return None


def retake_refusal(candidate: Candidate, today: date, zone: ZoneInfo) -> RuleRefusal | None:
    for code in candidate.programs:
        reason = program_retake_refusal(code, candidate.last_attempts, today, zone)
        if reason:
            return reason
    return None


def rule_refusals(
    candidate: Candidate, presented_iin: str, session: SessionTimes, now: datetime
) -> list[RuleRefusal]:
    """Every rule that refuses the candidate now, in the order the desk checks: identity first."""
    found = (
        identity_refusal(candidate, presented_iin),
        roster_refusal(candidate, session),
        ban_refusal(candidate, now),
        late_refusal(session, now),
        retake_refusal(candidate, _day(now, session.zone), session.zone),
    )
    return [r for r in found if r is not None]


def admission_refusal(
    candidate: Candidate, presented_iin: str, session: SessionTimes, now: datetime
) -> RuleRefusal | None:
    """The first reason to refuse, checked in the order the desk would: identity first."""
    found = rule_refusals(candidate, presented_iin, session, now)
    return found[0] if found else None
