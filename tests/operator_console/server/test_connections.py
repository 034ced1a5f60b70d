"""Connections the room server keeps open for its kiosks and consoles."""

from __future__ import annotations

import select
import socket

from operator_console.server.serve import KEEP_ALIVE_SECONDS
from tests.hall import Hall


def ask(conn: socket.socket, host: str) -> bytes:
    conn.sendall(f"GET /health HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    reply = b""
    while b"\r\n\r\n" not in reply or not reply.rstrip().endswith(b"}"):
        part = conn.recv(4096)
        if not part:
            break
        reply += part
    return reply


def test_an_idle_connection_outlives_the_clients_own_keep_alive(driven_hall: Hall) -> None:
    """httpx drops an idle connection after 5 s; the server must not drop it first, or a request
    sent at that moment meets a closing connection and is lost (a console asking every 5 s did)."""
    server = driven_hall.server
    with socket.create_connection((server.host, server.port), timeout=10) as conn:
        assert ask(conn, server.host).startswith(b"HTTP/1.1 200")
        # Idle past uvicorn's own 5 s: a server that closes the connection makes it readable
        # (the end of the stream) within this wait; one that keeps it leaves it quiet.
        closed, _, _ = select.select([conn], [], [], 5.5)
        assert not closed, "the server closed an idle connection"
        assert ask(conn, server.host).startswith(b"HTTP/1.1 200")
    assert KEEP_ALIVE_SECONDS > 5
