"""Routes for the metal detector at the door: its state, its events, the operator's wand."""

from __future__ import annotations

from typing import Annotated

import anyio
import anyio.to_thread
from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from operator_console.protocol.console_api.desk import (
    DetectorEventView,
    DetectorStateView,
    ManualDetectorEvent,
)
from operator_console.protocol.values import DESK, MAX_INT
from operator_console.server.deps import PersonDep, RuntimeDep, long_polls, require
from operator_console.server.errors import REFUSALS, Refusal, not_found
from operator_console.server.models import Registration
from operator_console.server.upstream import audit

router = APIRouter(prefix="/api/v1", responses=REFUSALS)


@router.get("/detector/state")
def detector_state(rt: RuntimeDep, who: PersonDep) -> DetectorStateView:
    return rt.detector.state()


@router.get("/detector/events")
async def detector_events(
    request: Request,
    rt: RuntimeDep,
    who: PersonDep,
    after: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
    wait: Annotated[float, Query(ge=0, le=30)] = 0.0,
) -> list[DetectorEventView]:
    """Events after the given id; with `wait`, a long poll of up to 30 s for the next one.

    A long poll waits on its own bounded pool, never on the threads that kiosks' answers and
    seat polls need; past `LONG_POLLS` open at once the next one is refused with 503.
    """
    if wait == 0:
        return await run_in_threadpool(rt.detector.events_after, after, 0.0)
    admitted, threads = long_polls(request.app.state)
    try:
        admitted.acquire_nowait()  # on the event loop: no two polls can take the last place
    except anyio.WouldBlock:
        raise Refusal(503, "busy", what="detector") from None
    try:
        return await anyio.to_thread.run_sync(
            rt.detector.events_after, after, wait, limiter=threads
        )
    finally:
        admitted.release()


@router.post("/detector/manual")
def detector_manual(body: ManualDetectorEvent, rt: RuntimeDep, who: PersonDep) -> DetectorEventView:
    """A wand check for one candidate: the desk may admit them with it (and no one else)."""
    require(who, DESK)
    if body.registration_id is None:
        raise Refusal(422, "wand_needs_candidate")
    with rt.read() as db:
        if db.get(Registration, body.registration_id) is None:
            raise not_found("registration", body.registration_id)
    event_id = rt.detector.manual(
        body.kind, body.zones, body.note, who.username, body.registration_id
    )
    with rt.tx() as db:
        audit.append(
            db,
            hall_id=rt.hall_id,
            at=rt.clock.now(),
            actor=who.username,
            action="detector.manual",
            subject=str(event_id),
            detail={"kind": body.kind, "zones": body.zones, "registration": body.registration_id},
        )
    return rt.detector.events_after(event_id - 1, 0)[0]
