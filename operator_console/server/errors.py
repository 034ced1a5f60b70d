"""Refusals the room server gives people and kiosks: an HTTP status and what is wrong."""

from __future__ import annotations

from typing import Any

from operator_console.protocol.values import Problem

REFUSALS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": words}
    for status, words in (
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
"""Every refusal is a Problem (`{"detail": "..."}` in words), documented on every route."""


class Refusal(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def not_found(what: str) -> Refusal:
    return Refusal(404, f"{what} not found")


def conflict(detail: str) -> Refusal:
    return Refusal(409, detail)


def forbidden(detail: str) -> Refusal:
    return Refusal(403, detail)
