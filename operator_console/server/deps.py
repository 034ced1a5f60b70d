"""Typed dependencies for the routes: the runtime, the calling person or kiosk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import anyio
from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import State

from operator_console.protocol.values import Role
from operator_console.server.auth import quiet_user, token_hash, user_for_token
from operator_console.server.db import keeps_seats
from operator_console.server.errors import Refusal
from operator_console.server.models import Kiosk
from operator_console.server.runtime import HallRuntime
from operator_console.server.seating.enrollment import kiosk_for_token


async def get_runtime(request: Request) -> HallRuntime:
    # async: FastAPI runs a plain function dependency on a worker thread, a hop per request.
    runtime: HallRuntime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[HallRuntime, Depends(get_runtime)]


def bearer_token(authorization: str | None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Refusal(401, "sign_in_first")
    return token


@dataclass(frozen=True)
class Person:
    username: str
    role: str


def current_person(rt: RuntimeDep, authorization: Annotated[str | None, Header()] = None) -> Person:
    token = bearer_token(authorization)
    now = rt.clock.now()
    # Most requests only read the sign-in (it was used within the minute): no write lock, so a
    # console's long polls do not queue behind the kiosks' answers, nor they behind it.
    with rt.read() as db:
        user = quiet_user(db, token, now)
        if user is not None:
            return Person(user.username, user.role)
    with rt.tx() as db:
        keeps_seats(db)  # a sign-in's last use: nothing a kiosk sees
        user = user_for_token(db, token, now)
        if user is None:
            raise Refusal(401, "sign_in_ended")
        return Person(user.username, user.role)


async def current_kiosk(
    rt: RuntimeDep, authorization: Annotated[str | None, Header()] = None
) -> Kiosk:
    token = bearer_token(authorization)
    hashed = token_hash(token)
    kiosk = rt.live.snapshots.kiosk(hashed)
    if kiosk is None:
        version = rt.live.snapshots.version

        def look_up() -> Kiosk | None:
            with rt.read() as db:
                return kiosk_for_token(db, token)

        kiosk = await run_in_threadpool(look_up)
        if kiosk is None:
            raise Refusal(401, "kiosk_not_enrolled")
        rt.live.snapshots.keep_kiosk(hashed, kiosk, version)
    rt.live.hear(kiosk.seat_code, rt.clock.now())
    return kiosk


PersonDep = Annotated[Person, Depends(current_person)]
AuthorizationDep = Annotated[str | None, Header()]
KioskDep = Annotated[Kiosk, Depends(current_kiosk)]


LONG_POLLS = 32
"""Long polls open at once, across every console: each holds a thread of its own pool."""


def long_polls(state: State) -> tuple[anyio.CapacityLimiter, anyio.CapacityLimiter]:
    """The places for open long polls, and their own threads: made on first use, on the loop."""
    made: tuple[anyio.CapacityLimiter, anyio.CapacityLimiter] | None = getattr(
        state, "long_polls", None
    )
    if made is None:
        made = state.long_polls = (
            anyio.CapacityLimiter(LONG_POLLS),
            anyio.CapacityLimiter(LONG_POLLS),
        )
    return made


def require(person: Person, roles: tuple[Role, ...]) -> None:
    """Refuses a person outside `roles` (one of the protocol's role sets: `values.DESK`, ...)."""
    if person.role not in roles:
        raise Refusal(403, "role_required", roles=",".join(roles))
