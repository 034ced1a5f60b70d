"""Routes for enrolled kiosks; each acts only for its own seat."""

from __future__ import annotations

from fastapi import APIRouter

from operator_console.protocol import (
    AnswerAck,
    AnswerBatch,
    AttemptStart,
    EnrollRequest,
    EnrollResponse,
    FinishRequest,
    FinishResponse,
    FormView,
    SeatAssignment,
)
from operator_console.server import attempts, enrollment
from operator_console.server.deps import KioskDep, RuntimeDep
from operator_console.server.errors import conflict

router = APIRouter(prefix="/kiosk/v1")


@router.post("/enroll")
def enroll(body: EnrollRequest, rt: RuntimeDep) -> EnrollResponse:
    with rt.tx() as db:
        return enrollment.enroll(
            db, code=body.code, machine=body.machine, hall_id=rt.hall_id, now=rt.clock.now()
        )


@router.get("/seat")
def seat(rt: RuntimeDep, kiosk: KioskDep) -> SeatAssignment:
    with rt.tx() as db:
        return attempts.assignment(db, kiosk, rt.clock.now())


@router.post("/attempts/{attempt_id}/start")
def start(attempt_id: str, body: AttemptStart, rt: RuntimeDep, kiosk: KioskDep) -> FormView:
    with rt.tx() as db:
        return attempts.start(
            db,
            kiosk,
            attempt_id,
            body.language,
            now=rt.clock.now(),
            banks=rt.banks,
            hall_id=rt.hall_id,
        )


@router.get("/attempts/{attempt_id}/form")
def form(attempt_id: str, rt: RuntimeDep, kiosk: KioskDep) -> FormView:
    with rt.tx() as db:
        attempt = attempts.own_attempt(db, kiosk, attempt_id)
        if attempt.status == "pending":
            raise conflict(f"attempt {attempt_id} has not started")
        return attempts.form_view(attempt, rt.banks, rt.clock.now())


@router.post("/attempts/{attempt_id}/answers")
def answers(attempt_id: str, body: AnswerBatch, rt: RuntimeDep, kiosk: KioskDep) -> AnswerAck:
    with rt.tx() as db:
        return attempts.store_answers(
            db, kiosk, attempt_id, body.changes, now=rt.clock.now(), banks=rt.banks
        )


@router.post("/attempts/{attempt_id}/finish")
def finish(attempt_id: str, body: FinishRequest, rt: RuntimeDep, kiosk: KioskDep) -> FinishResponse:
    with rt.tx() as db:
        done = attempts.finish(
            db,
            kiosk,
            attempt_id,
            body.reason,
            body.last_seq,
            now=rt.clock.now(),
            banks=rt.banks,
            hall_id=rt.hall_id,
        )
    rt.sync.poke()
    return done
