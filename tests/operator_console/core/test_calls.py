"""The one call core under the kiosk's and the console's clients: refusals, no answer, the seam."""

from __future__ import annotations

import httpx
import pytest

from kiosk.hall_client import HallClient
from operator_console.core.client import ConsoleClient
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from tests.tcp_gate import HeldPort


def refusing(status: int, detail: str) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(status, json={"detail": detail}))


def test_a_refusal_carries_the_status_and_the_servers_words() -> None:
    console = ConsoleClient("http://hall", transport=refusing(409, "seat A01 is locked"))
    with pytest.raises(ServerRefused) as refused:
        console.resume_code("A01")
    assert (refused.value.status, refused.value.detail) == (409, "seat A01 is locked")
    kiosk = HallClient("http://hall", "token", transport=refusing(403, "not your seat"))
    with pytest.raises(ServerRefused) as refused:
        kiosk.seat()
    assert (refused.value.status, refused.value.detail) == (403, "not your seat")


def test_a_refusal_without_json_keeps_the_start_of_the_body() -> None:
    plain = httpx.MockTransport(lambda request: httpx.Response(502, text="Bad Gateway" * 100))
    with pytest.raises(ServerRefused) as refused:
        ConsoleClient("http://hall", transport=plain).sync_status()
    assert refused.value.status == 502 and refused.value.detail.startswith("Bad Gateway")
    assert len(refused.value.detail) == 200


def test_no_server_is_unreachable_not_a_refusal(held_port: HeldPort) -> None:
    url = held_port.url
    with pytest.raises(ServerUnreachable):
        ConsoleClient(url, timeout=2).login("desk", "pw")
    with pytest.raises(ServerUnreachable):
        HallClient(url, "token", timeout=2).seat()


def test_the_console_sends_its_token_after_sign_in() -> None:
    seen: list[str | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Authorization"))
        if request.url.path == "/api/v1/auth/login":
            return httpx.Response(200, json={"token": "t0k", "role": "operator"})
        return httpx.Response(200, json=[])

    console = ConsoleClient("http://hall", transport=httpx.MockTransport(answer))
    console.login("desk", "pw")
    assert console.role == "operator" and console.sessions() == []
    assert seen == [None, "Bearer t0k"]
