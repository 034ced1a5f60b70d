"""The Kazakh individual identification number (IIN): format and check digit (testing-rules §5)."""

from __future__ import annotations

from datetime import date

_WEIGHTS_1 = tuple(range(1, 12))
_WEIGHTS_2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def check_digit(first11: str) -> int | None:
    """The 12th digit for these 11, or None when no digit is valid (such numbers are not issued)."""
    digits = [int(c) for c in first11]
    for weights in (_WEIGHTS_1, _WEIGHTS_2):
        value = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if value != 10:
            return value
    return None


def iin_problem(iin: str) -> str | None:
    """None for a valid IIN, else what is wrong with it, in words for the operator."""
    if len(iin) != 12 or not iin.isascii() or not iin.isdigit():
        return "an IIN is exactly 12 digits"
    century = int(iin[6])
    if century not in range(1, 7):
        return "the 7th digit of an IIN (century and sex) must be 1 to 6"
    year = (1800 + 100 * ((century - 1) // 2)) + int(iin[0:2])
    try:
        date(year, int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        return "the first six digits of an IIN must be a date of birth (YYMMDD)"
    expected = check_digit(iin[:11])
    if expected is None or expected != int(iin[11]):
        return "the IIN check digit does not match; re-read the document"
    return None


def make_iin(born: date, female: bool, serial: int) -> str | None:
    """Builds a valid IIN, or None when that serial has no valid check digit."""
    century = {18: 1, 19: 3, 20: 5}[born.year // 100] + (1 if female else 0)
    first11 = f"{born:%y%m%d}{century}{serial:04d}"
    digit = check_digit(first11)
    return None if digit is None else first11 + str(digit)
