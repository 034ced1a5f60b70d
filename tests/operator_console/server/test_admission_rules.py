"""Admission rules at their boundaries (testing-rules §3-§5); pure functions, no server."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from operator_console.protocol.iin import check_digit, iin_problem, make_iin
from operator_console.server.admission.admission_rules import (
    Candidate,
    PastAttempt,
    SessionTimes,
    admission_refusal,
)

ALMATY = ZoneInfo("Asia/Almaty")
VALID_IIN = make_iin(date(1990, 5, 17), female=False, serial=1234)


def at(day: str, hhmm: str = "10:00") -> datetime:
    """A moment in the hall's own time zone."""
    return datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=ALMATY).astimezone(UTC)


def candidate(
    programs: tuple[str, ...] = ("legislation",),
    *,
    banned_until: datetime | None = None,
    attempts: tuple[PastAttempt, ...] = (),
) -> Candidate:
    assert VALID_IIN
    return Candidate("REG-1", VALID_IIN, programs, banned_until, attempts)


def session(
    starts: datetime,
    grace_min: int = 0,
    programs: tuple[str, ...] = ("state_language", "legislation", "pq_program_1"),
) -> SessionTimes:
    return SessionTimes(programs, starts, timedelta(minutes=grace_min), ALMATY)


def refusal(
    c: Candidate,
    now: datetime,
    starts: datetime | None = None,
    grace: int = 0,
    iin: str | None = None,
) -> str | None:
    return admission_refusal(
        c, iin or c.iin, session(starts or now + timedelta(minutes=5), grace), now
    )


def test_iin_check_digit_follows_both_weight_rounds() -> None:
    # Known structure: the first round gives 10 for this body, so the second weights decide.
    body = next(
        f"900517301{n:02d}"
        for n in range(100)
        if sum(int(d) * w for d, w in zip(f"900517301{n:02d}", range(1, 12), strict=True)) % 11
        == 10
    )
    second = (
        sum(int(d) * w for d, w in zip(body, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
    )
    assert check_digit(body) == (None if second == 10 else second)


@pytest.mark.parametrize(
    "bad, words",
    [
        ("12345", "exactly 12 digits"),
        ("９００５１７３０１２３４", "exactly 12 digits"),
        ("900517712345", "7th digit"),
        ("901317301234", "date of birth"),
    ],
)
def test_malformed_iins_are_named(bad: str, words: str) -> None:
    problem = iin_problem(bad)
    assert problem is not None and words in problem


def test_one_wrong_digit_fails_the_check() -> None:
    assert VALID_IIN and iin_problem(VALID_IIN) is None
    wrong = VALID_IIN[:11] + str((int(VALID_IIN[11]) + 1) % 10)
    assert "check digit" in (iin_problem(wrong) or "")


def test_invalid_presented_iin_is_refused() -> None:
    c = candidate()
    now = at("2026-03-10")
    bad = c.iin[:11] + str((int(c.iin[11]) + 1) % 10)
    assert "invalid IIN" in (refusal(c, now, iin=bad) or "")


def test_document_of_someone_else_is_refused() -> None:
    other = make_iin(date(1985, 1, 2), female=True, serial=42)
    assert other
    assert "does not match" in (refusal(candidate(), at("2026-03-10"), iin=other) or "")


def test_program_not_in_session_is_refused() -> None:
    c = candidate(("pq_program_2",))
    assert "not on this session's roster" in (refusal(c, at("2026-03-10")) or "")


def test_ban_holds_until_its_end() -> None:
    end = at("2026-06-01", "09:00")
    c = candidate(banned_until=end)
    assert "banned" in (
        refusal(c, end - timedelta(minutes=1), starts=end + timedelta(hours=1)) or ""
    )
    assert refusal(c, end, starts=end + timedelta(hours=1)) is None


@pytest.mark.parametrize("grace", [0, 10])
def test_one_minute_late_is_refused(grace: int) -> None:
    starts = at("2026-03-10", "09:00")
    closes = starts + timedelta(minutes=grace)
    c = candidate()
    assert refusal(c, closes, starts=starts, grace=grace) is None
    late = refusal(c, closes + timedelta(minutes=1), starts=starts, grace=grace)
    assert late is not None and late.startswith("late")


def test_legislation_retest_day_two_refused_day_three_admitted() -> None:
    failed = PastAttempt("legislation", at("2026-03-10", "17:30"), "fail")
    c = candidate(attempts=(failed,))
    assert "retest allowed from 2026-03-13" in (refusal(c, at("2026-03-12", "23:50")) or "")
    assert refusal(c, at("2026-03-13", "00:05")) is None


def test_legislation_retest_counts_calendar_days_in_the_hall_zone() -> None:
    # 20:00 UTC on the 10th is already the 11th in Almaty: day three is the 14th there.
    failed = PastAttempt("legislation", datetime(2026, 3, 10, 20, 0, tzinfo=UTC), "fail")
    c = candidate(attempts=(failed,))
    assert refusal(c, at("2026-03-13", "12:00")) is not None
    assert refusal(c, at("2026-03-14", "08:00")) is None


def test_a_pass_does_not_hold_back_legislation() -> None:
    c = candidate(attempts=(PastAttempt("legislation", at("2026-03-09"), "pass"),))
    assert refusal(c, at("2026-03-10")) is None


def pq(day: str, outcome: str = "fail") -> PastAttempt:
    return PastAttempt("pq_program_1", at(day), outcome)


def test_fourth_personal_qualities_attempt_in_a_month_is_refused() -> None:
    three = (pq("2026-03-02"), pq("2026-03-09"), pq("2026-03-16"))
    assert "3 attempts already this month" in (
        refusal(candidate(("pq_program_1",), attempts=three), at("2026-03-23")) or ""
    )
    two = three[:2]
    assert refusal(candidate(("pq_program_1",), attempts=two), at("2026-03-23")) is None


def test_attempts_of_last_month_do_not_count() -> None:
    three = (pq("2026-02-02"), pq("2026-02-09"), pq("2026-02-28"))
    assert refusal(candidate(("pq_program_1",), attempts=three), at("2026-03-01")) is None


def test_personal_qualities_retake_after_a_pass_waits_three_months() -> None:
    passed = (pq("2026-01-31", "pass"),)
    c = candidate(("pq_program_1",), attempts=passed)
    assert "allowed from 2026-04-30" in (refusal(c, at("2026-04-29")) or "")
    assert refusal(c, at("2026-04-30")) is None
