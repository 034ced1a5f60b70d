"""Request bodies bounded per route, before any of the body is read (a pure ASGI middleware).

A client that announces more than the route takes is refused with 413 at once; one that streams
without announcing is cut off with 413 the moment it passes the bound.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from operator_console.server.errors import Refusal

DEFAULT_LIMIT = 2 * 1024 * 1024
"""Every JSON route: an answer batch, a report, a verdict fit many times over."""
BANK_LIMIT = 256 * 1024 * 1024
"""A bank package with its media (pictures, audio for the state language)."""


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps(Refusal(413, "body_too_large", limit=limit).problem())
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body.encode()})


class BodyLimits:
    def __init__(self, app: ASGIApp, limit_for: Callable[[str, str], int]) -> None:
        self._app, self._limit_for = app, limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        limit = self._limit_for(scope["method"], scope["path"])
        announced = dict(scope.get("headers", [])).get(b"content-length")
        if announced is not None and announced.isdigit() and int(announced) > limit:
            await _refuse(send, limit)
            return
        seen = 0
        state = {"started": False, "refused": False}

        async def counted() -> Message:
            nonlocal seen
            if state["refused"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # Answer now and tell the route the client has gone: nothing more is read.
                    if not state["started"]:
                        state["refused"] = True
                        await _refuse(send, limit)
                    return {"type": "http.disconnect"}
            return message

        async def watched(message: Message) -> None:
            if state["refused"]:
                return  # the 413 has been sent; whatever the route says after it is dropped
            state["started"] = state["started"] or message["type"] == "http.response.start"
            await send(message)

        await self._app(scope, counted, watched)


def hall_limits(segment_bytes: int) -> Callable[[str, str], int]:
    """The room server's bounds: a recording chunk up to a segment, a roster with its photos."""
    chunk = re.compile(r"^/kiosk/v1/attempts/[^/]+/recording/\d+$")

    def limit_for(method: str, path: str) -> int:
        if method == "PUT" and chunk.match(path):
            return segment_bytes + 1024 * 1024
        if path == "/api/v1/rosters/import":
            return 64 * 1024 * 1024
        if method == "POST" and path == "/api/v1/banks":
            return BANK_LIMIT
        return DEFAULT_LIMIT

    return limit_for
