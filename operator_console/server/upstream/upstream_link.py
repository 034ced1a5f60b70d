"""The upstream link seam: signed requests to the central system over HTTPS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hardware.clock import Clock
from operator_console.protocol.signing import sign_headers


class UpstreamUnreachable(Exception):
    """No answer: connection refused or dropped, timeout, TLS failure. Always worth a retry."""


@dataclass(frozen=True)
class UpstreamReply:
    status: int
    body: bytes


class UpstreamLink(Protocol):
    def get(self, target: str) -> UpstreamReply: ...

    def put(self, target: str, body: bytes) -> UpstreamReply: ...

    def close(self) -> None: ...


class HttpUpstream:
    def __init__(
        self,
        base_url: str,
        hall_id: str,
        key: Ed25519PrivateKey,
        clock: Clock,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._hall_id = hall_id
        self._key = key
        self._clock = clock
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"), timeout=timeout, transport=transport
        )
        self._prefix = httpx.URL(base_url).raw_path.decode().rstrip("/")

    def _send(self, method: str, target: str, body: bytes) -> UpstreamReply:
        headers = sign_headers(
            self._key, self._hall_id, method, self._prefix + target, body, self._clock.now()
        )
        if body:
            headers["Content-Type"] = "application/json"
        try:
            response = self._client.request(method, target, content=body, headers=headers)
        except httpx.TransportError as exc:
            raise UpstreamUnreachable(f"{type(exc).__name__}: {exc}") from exc
        return UpstreamReply(response.status_code, response.content)

    def get(self, target: str) -> UpstreamReply:
        return self._send("GET", target, b"")

    def put(self, target: str, body: bytes) -> UpstreamReply:
        return self._send("PUT", target, body)

    def close(self) -> None:
        self._client.close()
