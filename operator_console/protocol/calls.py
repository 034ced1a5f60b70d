"""The one HTTP call core of the room server's clients (the kiosk's and the console's).

A call either returns the answer parsed into its wire model, or raises one of two errors: the
server refused (status and its `detail` in words) or the server could not be reached at all.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from typing import TypeVar

import httpx
from pydantic import BaseModel, TypeAdapter

T = TypeVar("T")


class ServerUnreachable(Exception):
    """No answer from the room server (refused connection, timeout, dropped mid-request)."""


class ServerRefused(Exception):
    """The room server answered with a refusal: its `code` of `protocol.refusals` and `params`
    for each program to say in its own language, and `detail` in English for the log."""

    def __init__(
        self,
        status: int,
        detail: str,
        code: str = "unspecified",
        params: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status}: {detail}")
        self.status, self.detail, self.code = status, detail, code
        self.params: dict[str, str] = dict(params or {})


def _refused(response: httpx.Response) -> ServerRefused:
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        return ServerRefused(status, response.text[:200])
    if not isinstance(body, dict):
        return ServerRefused(status, str(body)[:2000])
    params = body.get("params")
    kept = {str(k): str(v)[:2000] for k, v in params.items()} if isinstance(params, dict) else {}
    code = body.get("code")
    return ServerRefused(
        status,
        str(body.get("detail", response.text))[:2000],
        code if isinstance(code, str) else "unspecified",
        kept,
    )


class CallCore:
    """One connection pool to the room server, with an optional bearer token."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        """`verify`: the TLS trust for https:// (a pinned context from `protocol.tls`)."""
        self._client = httpx.Client(
            base_url=base_url, timeout=timeout, transport=transport, verify=verify
        )
        if token is not None:
            self.use_token(token)

    @property
    def base_url(self) -> str:
        return str(self._client.base_url).rstrip("/")

    def use_token(self, token: str | None) -> None:
        if token is None:
            self._client.headers.pop("Authorization", None)
        else:
            self._client.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self._client.close()

    def send(
        self,
        method: str,
        path: str,
        *,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str | int | float] | httpx.QueryParams | None = None,
        timeout: float | None = None,
    ) -> httpx.Response:
        """One request: no answer is ServerUnreachable, a refusal is ServerRefused."""
        try:
            response = self._client.request(
                method,
                path,
                content=content,
                headers=headers,
                params=params,
                timeout=httpx.USE_CLIENT_DEFAULT if timeout is None else timeout,
            )
        except httpx.TransportError as exc:
            raise ServerUnreachable(str(exc) or type(exc).__name__) from exc
        if response.status_code >= 400:
            raise _refused(response)
        return response

    def call(
        self,
        method: str,
        path: str,
        shape: type[T],
        body: BaseModel | None = None,
        *,
        params: Mapping[str, str | int | float] | httpx.QueryParams | None = None,
        timeout: float | None = None,
    ) -> T:
        """A JSON request whose answer is parsed (and checked) as `shape`."""
        response = self.send(
            method,
            path,
            content=None if body is None else body.model_dump_json(by_alias=True),
            headers={"Content-Type": "application/json"},
            params=params,
            timeout=timeout,
        )
        return TypeAdapter(shape).validate_json(response.content)
