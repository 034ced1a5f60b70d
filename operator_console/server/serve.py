"""Running the room server (or any ASGI app) on uvicorn: in the foreground, or in a thread."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

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


class ServerThread:
    """An ASGI app on a loopback port in a background thread (the demo and the tests)."""

    def __init__(
        self,
        app: FastAPI,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: tuple[Path, Path] | None = None,
        sock: socket.socket | None = None,
    ) -> None:
        """`sock`: a TCP socket already bound, to listen on (a test holds a port before anything
        listens there); else one bound to `host`:`port`, 0 for any free port."""
        if sock is not None:
            sock.listen(256)
            host = sock.getsockname()[0]
        self._sock = sock or bound_socket(host, port)
        self.host = host
        self.port: int = self._sock.getsockname()[1]
        self.scheme = "https" if tls else "http"
        self._server = uvicorn.Server(
            uvicorn.Config(
                app,
                log_level="warning",
                lifespan="on",
                timeout_graceful_shutdown=GRACE_SECONDS,
                timeout_keep_alive=KEEP_ALIVE_SECONDS,
                ssl_certfile=str(tls[0]) if tls else None,
                ssl_keyfile=str(tls[1]) if tls else None,
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
        self._server.should_exit = True
        self._thread.join(timeout=30)
        self._sock.close()

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def serve_forever(app: FastAPI, host: str, port: int, tls: tuple[Path, Path] | None = None) -> None:
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        timeout_graceful_shutdown=GRACE_SECONDS,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        ssl_certfile=str(tls[0]) if tls else None,
        ssl_keyfile=str(tls[1]) if tls else None,
    )
