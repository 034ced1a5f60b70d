"""Routes for enrolled kiosks; each acts only for its own seat."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from operator_console.protocol.kiosk_api import (
    AnswerAck,
    AnswerBatch,
    AttemptStart,
    EnrollRequest,
    EnrollResponse,
    FinishRequest,
    FinishResponse,
    FlagSet,
    FormView,
    IncidentReport,
    IncidentView,
    LockReport,
    SeatAssignment,
    SegmentState,
    SegmentUpload,
    UnlockRequest,
)
from operator_console.protocol.values import MAX_INT, AttemptStatus
from operator_console.server import views
from operator_console.server.control import seat_locks
from operator_console.server.db import keeps_seats
from operator_console.server.deps import KioskDep, RuntimeDep
from operator_console.server.errors import REFUSALS, Refusal, conflict
from operator_console.server.seating import enrollment
from operator_console.server.sitting import attempts, incidents, recordings
from operator_console.server.sitting.answers import AnswerPost
from question_banks.keys import public_pem

router = APIRouter(prefix="/kiosk/v1", responses=REFUSALS)


@router.post("/enroll")
def enroll(body: EnrollRequest, request: Request, rt: RuntimeDep) -> EnrollResponse:
    now = rt.clock.now()
    machine = request.client.host if request.client else "unknown"
    until = rt.enrollments.take(machine, now)  # counted before the code is looked up
    if until is not None:
        raise Refusal(429, "too_many_tries", until=until)
    with rt.tx() as db:
        enrolled = enrollment.enroll(
            db, code=body.code, machine=body.machine, hall_id=rt.hall_id, now=now
        )
    rt.enrollments.succeeded(machine)
    return enrolled


@router.get("/seat")
async def seat(rt: RuntimeDep, kiosk: KioskDep) -> SeatAssignment:
    """The seat as the server holds it: read once after each write that could change it, and
    answered from memory in between (see `snapshots`)."""
    now = rt.clock.now()
    kept = rt.live.snapshots.seat(kiosk.seat_code)
    if kept is None:
        version = rt.live.snapshots.version

        def read() -> SeatAssignment:
            with rt.read() as db:
                return attempts.assignment(db, kiosk, now)

        kept = await run_in_threadpool(read)
        rt.live.snapshots.keep_seat(kiosk.seat_code, kept, version)
    return kept.model_copy(update={"server_time": now, "time_zone": str(rt.config.zone)})


@router.get("/recording-key")
def recording_key(rt: RuntimeDep, kiosk: KioskDep) -> Response:
    """The hall's X25519 public key: recordings are sealed to it before they touch the disk."""
    return Response(public_pem(rt.keys.box.public_key()), media_type="application/x-pem-file")


@router.post("/incidents")
def seat_incident(body: IncidentReport, rt: RuntimeDep, kiosk: KioskDep) -> IncidentView:
    """What the kiosk saw outside an attempt's own reports: a second screen, a VM, focus lost."""
    with rt.tx() as db:
        row = seat_locks.seat_incident(
            db,
            kiosk,
            body,
            root=rt.config.recordings_dir,
            hall_id=rt.hall_id,
            now=rt.clock.now(),
        )
        return views.incident(row, rt.config.recordings_dir)


@router.post("/lock")
def lock(body: LockReport, rt: RuntimeDep, kiosk: KioskDep) -> SeatAssignment:
    """The kiosk locked itself: an incident, and its running attempt's clock stops."""
    with rt.tx() as db:
        own = db.get(type(kiosk), kiosk.id, with_for_update=True)
        assert own is not None
        now = rt.clock.now()
        return seat_locks.lock(
            db,
            own,
            body,
            root=rt.config.recordings_dir,
            hall_id=rt.hall_id,
            now=now,
            silent_since=rt.live.silent_since(own.seat_code, now),
        )


@router.post("/unlock")
def unlock(body: UnlockRequest, rt: RuntimeDep, kiosk: KioskDep) -> SeatAssignment:
    """The operator's resume code, typed at the seat; a wrong code changes nothing else."""
    with rt.tx() as db:
        own = db.get(type(kiosk), kiosk.id, with_for_update=True)
        assert own is not None
        done = seat_locks.unlock(db, own, body.code, hall_id=rt.hall_id, now=rt.clock.now())
    if isinstance(done, Refusal):
        raise done
    return done


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
        if attempt.status == AttemptStatus.PENDING:
            raise conflict("attempt_not_started", attempt=attempt_id)
        return attempts.form_view(attempt, rt.banks, rt.clock.now(), db)


@router.put("/attempts/{attempt_id}/flags", status_code=204)
def flags(attempt_id: str, body: FlagSet, rt: RuntimeDep, kiosk: KioskDep) -> None:
    """The questions the candidate has flagged for review (all of them, each time)."""
    with rt.tx() as db:
        keeps_seats(db)
        attempts.set_flags(db, kiosk, attempt_id, body.items)


@router.post("/attempts/{attempt_id}/answers")
async def answers(attempt_id: str, body: AnswerBatch, rt: RuntimeDep, kiosk: KioskDep) -> AnswerAck:
    """Acknowledged once stored: written with the batches that arrived beside it, in one commit
    (`group_commit`)."""
    post = AnswerPost(kiosk, attempt_id, body.changes, rt.clock.now())
    return await asyncio.wrap_future(rt.answers.submit(post))


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


@router.get("/attempts/{attempt_id}/recording")
def recording_state(attempt_id: str, rt: RuntimeDep, kiosk: KioskDep) -> list[SegmentState]:
    with rt.tx() as db:
        attempts.own_attempt(db, kiosk, attempt_id)
        return [recordings.state(s) for s in recordings.segments(db, attempt_id)]


@router.put("/attempts/{attempt_id}/recording/{seq}")
async def upload_chunk(
    attempt_id: str,
    seq: Annotated[int, Path(ge=0, le=MAX_INT)],
    offset: Annotated[int, Query(ge=0, le=2**40)],
    request: Request,
    rt: RuntimeDep,
    kiosk: KioskDep,
    x_segment: str | None = Header(default=None),
) -> SegmentState:
    """One chunk of a sealed segment at `offset`; the first carries X-Segment (its description)."""
    try:
        declared = SegmentUpload.model_validate_json(x_segment) if x_segment else None
    except ValidationError as exc:
        raise Refusal(
            422, "invalid_request", field="X-Segment", problem=exc.errors()[0]["msg"]
        ) from exc
    if seq < 1 or offset < 0:
        raise Refusal(422, "segment_numbering")
    data = await request.body()

    chunk = recordings.Chunk(attempt_id, seq, offset, data, declared)
    root, most = rt.config.recordings_dir, rt.config.recordings.max_segment_mb * 1024 * 1024

    def store() -> SegmentState:
        with rt.read() as db:
            attempts.own_attempt(db, kiosk, attempt_id)
            size = recordings.plan_chunk(db, chunk, most)
        digest = recordings.write_chunk(root, chunk, size) if size is not None else None
        with rt.tx() as db:
            keeps_seats(db)
            attempts.own_attempt(db, kiosk, attempt_id, lock=True)
            row, problem = recordings.count_chunk(
                db,
                root=root,
                chunk=chunk,
                written=size is not None,
                digest=digest,
                now=rt.clock.now(),
                max_bytes=most,
            )
            state = recordings.state(row)
        if problem:
            raise problem  # after the commit: the discarded bytes stay discarded
        return state

    return await run_in_threadpool(store)


@router.post("/attempts/{attempt_id}/incidents")
def report_incident(
    attempt_id: str, body: IncidentReport, rt: RuntimeDep, kiosk: KioskDep
) -> IncidentView:
    with rt.tx() as db:
        attempt = attempts.own_attempt(db, kiosk, attempt_id)
        row = incidents.report(
            db,
            attempt=attempt,
            body=body,
            reporter=f"kiosk:{kiosk.seat_code}",
            root=rt.config.recordings_dir,
            hall_id=rt.hall_id,
            now=rt.clock.now(),
        )
        return views.incident(row, rt.config.recordings_dir)
