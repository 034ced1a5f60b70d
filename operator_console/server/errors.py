"""Refusals the room server gives people and kiosks: an HTTP status, a code and its parameters.

The codes and their English words are the protocol's (`protocol.refusals`); every program says a
code in its own language. A refusal raised with words instead of a code is sent with the code
`unspecified`: none is left in the server, and a test keeps it so.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from operator_console.protocol.refusals import LEGACY, words
from operator_console.protocol.refusals import REFUSALS as CODES
from operator_console.protocol.values import Problem, rfc3339

REFUSALS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": said}
    for status, said in (
        (401, "not signed in, or the sign-in has ended"),
        (403, "the caller's role or seat may not do this"),
        (404, "no such thing in this hall"),
        (409, "the seat's, attempt's or session's state does not allow it now"),
        (413, "the request body is larger than this route takes"),
        (422, "the request is malformed: the detail names the first field at fault"),
        (429, "too many tries: the detail says until when"),
        (502, "the central system did not answer as it should"),
        (503, "busy: too many long polls are open; try again shortly"),
    )
}
"""Every refusal is a Problem (`code`, `params`, and `detail` in English), on every route."""


def _param(value: object) -> str:
    if isinstance(value, datetime):
        return rfc3339(value)
    return str(value)


class Refusal(Exception):
    """`Refusal(409, "seat_changed", seat="A01", ...)`: the code must be one of the protocol's."""

    def __init__(self, status: int, code: str, /, **params: object) -> None:
        if code in CODES:
            self.code = code
            self.params = {name: _param(value) for name, value in params.items()}
            self.detail = words(code, self.params)
        else:  # words without a code: sent, but a test finds the place that raised it
            self.code, self.params, self.detail = LEGACY, {}, code
        super().__init__(self.detail)
        self.status = status

    def problem(self) -> dict[str, object]:
        return {"detail": self.detail, "code": self.code, "params": self.params}


def not_found(what: str, ident: object) -> Refusal:
    """`what` is a kind the programs have words for: seat, session, attempt, user, ..."""
    return Refusal(404, "not_found", what=what, id=ident)


def conflict(code: str, /, **params: object) -> Refusal:
    return Refusal(409, code, **params)


def forbidden(code: str, /, **params: object) -> Refusal:
    return Refusal(403, code, **params)
