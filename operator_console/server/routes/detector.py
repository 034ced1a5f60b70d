"""Routes for the metal detector at the door: its state, its events, the operator's wand."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from operator_console.protocol.console_api import (
    DetectorEventView,
    DetectorStateView,
    ManualDetectorEvent,
)
from operator_console.protocol.values import MAX_INT
from operator_console.server import audit
from operator_console.server.deps import DESK, PersonDep, RuntimeDep, require

router = APIRouter(prefix="/api/v1")


@router.get("/detector/state")
def detector_state(rt: RuntimeDep, who: PersonDep) -> DetectorStateView:
    return rt.detector.state()


@router.get("/detector/events")
def detector_events(
    rt: RuntimeDep,
    who: PersonDep,
    after: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
    wait: Annotated[float, Query(ge=0, le=30)] = 0.0,
) -> list[DetectorEventView]:
    """Events after the given id; with `wait`, a long poll of up to 30 s for the next one."""
    return rt.detector.events_after(after, wait)


@router.post("/detector/manual")
def detector_manual(body: ManualDetectorEvent, rt: RuntimeDep, who: PersonDep) -> DetectorEventView:
    require(who, *DESK)
    event_id = rt.detector.manual(body.kind, body.zones, body.note, who.username)
    with rt.tx() as db:
        audit.append(
            db,
            hall_id=rt.hall_id,
            at=rt.clock.now(),
            actor=who.username,
            action="detector.manual",
            subject=str(event_id),
            detail={"kind": body.kind, "zones": body.zones},
        )
    return rt.detector.events_after(event_id - 1, 0)[0]
