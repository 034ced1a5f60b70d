"""A request must arrive in time: half-sent or trickled headers and bodies are cut off, while a
kept connection may idle, and a slow answer (a long poll) is the server's own time."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI, Request

from operator_console.server.serve import ServerThread

HEADERS, BODY = 0.5, 0.8
"""The deadlines the test server is given (the hall's are 10 s and 120 s)."""


def app() -> FastAPI:
    made = FastAPI()

    @made.post("/echo")
    async def echo(request: Request) -> dict[str, int]:
        return {"bytes": len(await request.body())}

    @made.get("/slow")
    async def slow(request: Request) -> dict[str, object]:
        await asyncio.sleep(BODY + HEADERS)  # answering late is allowed: a long poll does
        return {"said": "late", "port": request.client.port if request.client else 0}

    return made


@pytest.fixture
def server() -> Iterator[ServerThread]:
    with ServerThread(app(), receive=(HEADERS, BODY)) as running:
        yield running


def connect(server: ServerThread) -> socket.socket:
    sock = socket.create_connection((server.host, server.port), timeout=10)
    return sock


def closed_by_server(sock: socket.socket, within: float = 10) -> bool:
    """Whether the server closes the connection within `within` seconds (reading what it says)."""
    sock.settimeout(within)
    try:
        while chunk := sock.recv(4096):
            del chunk
        return True
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_headers_sent_in_half_are_cut_off(server: ServerThread) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST /echo HTTP/1.1\r\nHost: hall\r\n")
        assert closed_by_server(sock)


def test_a_connection_that_says_nothing_is_cut_off(server: ServerThread) -> None:
    with connect(server) as sock:
        assert closed_by_server(sock)


def test_headers_trickled_a_byte_at_a_time_are_cut_off_though_bytes_keep_coming(
    server: ServerThread,
) -> None:
    request = b"POST /echo HTTP/1.1\r\nHost: hall\r\nX-Pad: " + b"a" * 400 + b"\r\n\r\n"
    started = time.monotonic()
    with connect(server) as sock:
        sent = 0
        for byte in request:
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += 1
            if closed_by_server(sock, within=0.02):
                break
        # Each byte came 20 ms after the last, far within any idle limit: only a deadline on
        # the whole of the headers cuts this off.
        assert sent < len(request)
    assert time.monotonic() - started < 10 * HEADERS


def test_a_body_sent_in_half_is_cut_off(server: ServerThread) -> None:
    with connect(server) as sock:
        sock.sendall(
            b"POST /echo HTTP/1.1\r\nHost: hall\r\nContent-Length: 100\r\n\r\n" + b"x" * 10
        )
        assert closed_by_server(sock)


def test_a_kept_connection_may_idle_between_requests_and_a_slow_answer_is_not_cut(
    server: ServerThread,
) -> None:
    with httpx.Client(base_url=server.url, timeout=10) as client:
        first = client.get("/slow").json()  # 1.3 s to answer, past both deadlines
        assert client.post("/echo", content=b"x" * 1000).json() == {"bytes": 1000}
        second = client.get("/slow").json()
    # One connection served them all: neither the answer's time nor the idle time was cut.
    assert first["said"] == second["said"] == "late" and first["port"] == second["port"]


def test_a_kept_connection_idle_past_the_header_deadline_still_serves(
    server: ServerThread,
) -> None:
    with connect(server) as sock:
        sock.sendall(b"GET /slow HTTP/1.1\r\nHost: hall\r\n\r\n")
        sock.settimeout(10)
        reply = b""
        while b'"late"' not in reply:
            reply += sock.recv(4096)
        assert not closed_by_server(sock, within=2 * HEADERS)  # idle between requests: kept
        sock.sendall(b"POST /echo HTTP/1.1\r\nHost: hall\r\nContent-Length: 3\r\n\r\nabc")
        reply = b""
        while b'"bytes":3' not in reply:
            reply += sock.recv(4096)


def test_two_hundred_half_sent_requests_are_all_cut_off_and_the_server_still_serves(
    server: ServerThread,
) -> None:
    socks = [connect(server) for _ in range(200)]
    try:
        for sock in socks:
            sock.sendall(b"POST /echo HTTP/1.1\r\nHost: hall\r\nContent-Le")
        assert all(closed_by_server(sock) for sock in socks)
    finally:
        for sock in socks:
            sock.close()
    reply = httpx.post(f"{server.url}/echo", content=b"z", timeout=10)
    assert reply.json() == {"bytes": 1}
