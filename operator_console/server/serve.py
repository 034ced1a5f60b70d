"""Running the room server (or any ASGI app) on uvicorn: in the foreground, or in a thread."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from pathlib import Path
from typing import Any

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol


def bound_socket(host: str, port: int) -> socket.socket:
    """A listening socket: clients may connect at once; they wait in the backlog until served."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # Named TCP, not left 0: asyncio sets TCP_NODELAY only on connections whose socket says so,
    # and without it every reply that follows another waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(256)
    return sock


GRACE_SECONDS = 3
"""At shutdown, requests in flight get this long; a console's long poll is not waited out."""
KEEP_ALIVE_SECONDS = 65
"""An idle connection is kept this long. Longer than the clients keep theirs (httpx: 5 s), so
the client is the one to close it: with uvicorn's 5 s, a console asking every 5 s now and then
sent its request down a connection the server was closing, and lost it (bench/load.py)."""


HEADERS_SECONDS = 10.0
"""A request's line and headers must be in within this long of its first byte (or of the
connection, for its first request): a client trickling them, or sending half and waiting, is
cut off. uvicorn itself has no such limit (its keep-alive timer is reset by every byte)."""
BODY_SECONDS = 120.0
"""A request's body must be in within this long of its headers: the largest body the server
takes (a bank package, `body_limits.BANK_LIMIT`, 256 MiB) at 5 MB/s, with room to spare."""


class _Deadlines(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline on receiving each request: headers within
    `headers_seconds`, then the body within `body_seconds`. A request that misses it has its
    connection closed (nothing reaches the app, or the app sees the client gone). Answering is
    not timed: a long poll or a long report is the server's own time."""

    headers_seconds = HEADERS_SECONDS
    body_seconds = BODY_SECONDS

    _deadline: asyncio.TimerHandle | None = None
    _waiting_for: object = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(h11.IDLE, self.headers_seconds)

    def data_received(self, data: bytes) -> None:
        if self._deadline is None and self.conn.their_state is h11.IDLE:
            self._arm(
                h11.IDLE, self.headers_seconds
            )  # the next request on a kept connection begins
        super().data_received(data)
        state = self.conn.their_state
        if state is h11.SEND_BODY and self._waiting_for is not h11.SEND_BODY:
            self._cancel()
            self._arm(state, self.body_seconds)
        elif state not in (h11.IDLE, h11.SEND_BODY):
            self._cancel()  # the request is in (or the connection is ending)

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)

    def _arm(self, state: object, seconds: float) -> None:
        self._waiting_for = state
        self._deadline = self.loop.call_later(seconds, self._too_slow)

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline, self._waiting_for = None, None

    def _too_slow(self) -> None:
        self._deadline = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            self.logger.warning("%s sent a request too slowly; closed", self.client)
            if self.cycle is not None and not self.cycle.response_complete:
                self.cycle.disconnected = True
                self.cycle.message_event.set()
            self.transport.close()


def deadlines(headers: float = HEADERS_SECONDS, body: float = BODY_SECONDS) -> type[H11Protocol]:
    """The HTTP protocol with these deadlines (tests shorten them)."""
    return type(
        "RequestDeadlines", (_Deadlines,), {"headers_seconds": headers, "body_seconds": body}
    )


class _PromptServer(uvicorn.Server):
    """uvicorn's server, stopped at once when asked from another thread.

    uvicorn notices `should_exit` at its next 0.1 s tick and then pauses 0.1 s more before it
    waits for the connections: some 0.15 s a stop, paid twice by every test of a hall (its
    server and the central system's stub). This one is woken by `stop()` and waits for the
    connections it has asked to close by looking every 5 ms; everything else is uvicorn's.
    """

    POLL = 0.005

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._woken: asyncio.Event | None = None
        self._asked = threading.Event()

    async def main_loop(self) -> None:
        self._loop, self._woken = asyncio.get_running_loop(), asyncio.Event()
        if self._asked.is_set():
            self.should_exit = True
        counter = 0
        should_exit = await self.on_tick(counter)
        while not should_exit:
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._woken.wait(), 0.1)
            should_exit = await self.on_tick(counter)

    def ask_to_stop(self) -> None:
        """From any thread."""
        self._asked.set()
        self.should_exit = True
        loop, woken = self._loop, self._woken
        if loop is not None and woken is not None:
            with contextlib.suppress(RuntimeError):  # the loop has already ended
                loop.call_soon_threadsafe(woken.set)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        try:
            async with asyncio.timeout(self.config.timeout_graceful_shutdown):
                while (self.server_state.connections or self.server_state.tasks) and not (
                    self.force_exit
                ):
                    await asyncio.sleep(self.POLL)
        except TimeoutError:
            for task in self.server_state.tasks:
                task.cancel(msg="Task cancelled, timeout graceful shutdown exceeded")
        for server in self.servers:
            await server.wait_closed()
        if not self.force_exit:
            await self.lifespan.shutdown()


class ServerThread:
    """An ASGI app on a loopback port in a background thread (the demo and the tests)."""

    def __init__(
        self,
        app: FastAPI,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: tuple[Path, Path] | None = None,
        sock: socket.socket | None = None,
        trusted_proxies: list[str] | None = None,
        receive: tuple[float, float] = (HEADERS_SECONDS, BODY_SECONDS),
    ) -> None:
        """`sock`: a TCP socket already bound, to listen on (a test holds a port before anything
        listens there); else one bound to `host`:`port`, 0 for any free port. `receive`: the
        deadlines on a request's headers and on its body, in seconds."""
        if sock is not None:
            sock.listen(256)
            host = sock.getsockname()[0]
        self.app = app
        self._sock = sock or bound_socket(host, port)
        self.host = host
        self.port: int = self._sock.getsockname()[1]
        self.scheme = "https" if tls else "http"
        self._server = _PromptServer(
            uvicorn.Config(
                app,
                log_level="warning",
                lifespan="on",
                timeout_graceful_shutdown=GRACE_SECONDS,
                timeout_keep_alive=KEEP_ALIVE_SECONDS,
                http=deadlines(*receive),
                ssl_certfile=str(tls[0]) if tls else None,
                ssl_keyfile=str(tls[1]) if tls else None,
                **proxies(trusted_proxies),
            )
        )
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._sock]},
            name=f"asgi-{self.port}",
            daemon=True,
        )

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def start(self) -> ServerThread:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.ask_to_stop()
        self._thread.join(timeout=30)
        self._sock.close()

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def proxies(trusted: list[str] | None) -> dict[str, Any]:
    """uvicorn reads X-Forwarded-For from 127.0.0.1 unless told not to: a client on the server's
    own machine (or any, behind nothing) could then name any address it liked. Proxy headers
    are read only from the proxies the hall's settings name."""
    if not trusted:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": ",".join(trusted)}


def serve_forever(
    app: FastAPI,
    host: str,
    port: int,
    tls: tuple[Path, Path] | None = None,
    trusted_proxies: list[str] | None = None,
) -> None:
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        timeout_graceful_shutdown=GRACE_SECONDS,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        http=deadlines(),
        ssl_certfile=str(tls[0]) if tls else None,
        ssl_keyfile=str(tls[1]) if tls else None,
        **proxies(trusted_proxies),
    )
