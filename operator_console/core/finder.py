"""Finding a candidate at the desk as the operator types: by IIN, registration id or name.

A keyboard-wedge scanner or card reader types the IIN and presses Enter: twelve digits that match
one candidate's IIN pick that candidate outright.
"""

from __future__ import annotations

from collections.abc import Sequence

from operator_console.protocol.console_api.desk import RegistrationView


def find(registrations: Sequence[RegistrationView], text: str) -> list[RegistrationView]:
    words = text.strip().casefold().split()
    if not words:
        return list(registrations)
    digits = "".join(words)
    if digits.isdigit():
        exact = [r for r in registrations if r.iin == digits]
        if exact:
            return exact
        return [r for r in registrations if r.iin.startswith(digits) or digits in r.registration_id]
    return [
        r
        for r in registrations
        if all(w in r.full_name.casefold() or w in r.registration_id.casefold() for w in words)
    ]


def exact_iin(registrations: Sequence[RegistrationView], text: str) -> RegistrationView | None:
    """The one candidate whose IIN is exactly the scanned text, if any."""
    scanned = "".join(text.split())
    found = [r for r in registrations if r.iin == scanned]
    return found[0] if len(found) == 1 else None
