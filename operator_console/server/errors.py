"""Refusals the room server gives people and kiosks: an HTTP status and what is wrong."""

from __future__ import annotations


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
