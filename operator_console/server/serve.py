"""Running the room server (or any ASGI app) on uvicorn: in the foreground, or in a thread."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI


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
    ) -> None:
        """`sock`: a TCP socket already bound, to listen on (a test holds a port before anything
        listens there); else one bound to `host`:`port`, 0 for any free port."""
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
        ssl_certfile=str(tls[0]) if tls else None,
        ssl_keyfile=str(tls[1]) if tls else None,
        **proxies(trusted_proxies),
    )
