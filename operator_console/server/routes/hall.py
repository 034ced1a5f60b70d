"""Routes for watching and controlling the hall: the seat map, its change stream, seat and room
actions, incidents and the session's history (contracts §6)."""

from __future__ import annotations

import time
from typing import Annotated

import anyio
import anyio.to_thread
from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.hall import (
    ChangeBatch,
    ChangeView,
    HistoryEntry,
    IncidentRequest,
    LoggedIncident,
    Move,
    Resumption,
    RoomAction,
    RoomActionView,
    SeatAction,
    SeatActionView,
    SeatMap,
    SeatView,
    Termination,
    TimeChange,
)
from operator_console.protocol.values import DESK, MAX_INT, WATCH
from operator_console.server.admission import standing
from operator_console.server.admission.desk import session_view
from operator_console.server.control import room_control, seat_actions
from operator_console.server.deps import (
    PersonDep,
    RuntimeDep,
    long_polls,
    require,
)
from operator_console.server.errors import REFUSALS, Refusal, not_found
from operator_console.server.models import AuditEntry, HallSession, Incident
from operator_console.server.runtime import HallRuntime
from operator_console.server.seating import hall_map
from operator_console.server.sitting import incidents

router = APIRouter(prefix="/api/v1", responses=REFUSALS)


def _seats(rt: HallRuntime, db: Session, only: list[str] | None = None) -> list[SeatView]:
    return hall_map.seat_views(
        db,
        hall_id=rt.hall_id,
        now=rt.clock.now(),
        heard=rt.live.heard(),
        spare=rt.config.hall.spare_seats,
        only=only,
        progress=rt.live.progress,
    )


def _live(rt: HallRuntime, codes: list[str]) -> list[SeatView]:
    """These seats' views for the change stream: each read once after a write that concerns
    it and kept in between (`snapshots`); answers, time and hearing laid over when asked."""
    version = rt.live.snapshots.version
    kept: dict[str, hall_map.LiveView | None] = {c: rt.live.snapshots.view(c) for c in codes}
    missing = [c for c, v in kept.items() if v is None]
    if missing:
        with rt.read() as db:
            for live in hall_map.live_views(
                db,
                hall_id=rt.hall_id,
                now=rt.clock.now(),
                spare=rt.config.hall.spare_seats,
                only=missing,
            ):
                kept[live.view.seat] = live
                rt.live.snapshots.keep_view(live.view.seat, live, version)
    found = [v for v in kept.values() if v is not None]
    answered = rt.live.progress.counts([v.counted for v in found if v.counted is not None])
    now, heard = rt.clock.now(), rt.live.heard()
    return [v.at(now, heard, answered) for v in found]


def _one(rt: HallRuntime, seat: str) -> SeatView:
    with rt.tx() as db:
        found = _seats(rt, db, [seat])
    if not found:
        raise not_found("seat", seat)
    return found[0]


@router.get("/seats")
def seats(rt: RuntimeDep, who: PersonDep) -> SeatMap:
    """Every seat of the hall; follow `GET /changes?after=<cursor>` from the cursor given here."""
    require(who, WATCH)
    cursor = rt.live.feed.cursor  # read first: a change after it is in the stream, maybe also here
    with rt.tx() as db:
        views = _seats(rt, db)
    return SeatMap(
        server_time=rt.clock.now(), columns=rt.config.hall.columns, cursor=cursor, seats=views
    )


GATHER_SECONDS = 0.3
"""A console woken by a change waits this long for the ones that follow it: in a hall of 200
seats answering, one batch of many seats instead of a batch per answer."""


def _batch(rt: HallRuntime, cursor: str | None, wait: float) -> ChangeBatch:
    new_cursor, reset, changes = rt.live.feed.after(cursor, wait)
    if changes and wait > 0 and not reset:
        time.sleep(GATHER_SECONDS)  # a long poll's own thread: nothing else waits on it
        new_cursor, reset, changes = rt.live.feed.after(cursor, 0.0)
    touched = tuple(sorted({c.subject for c in changes if c.kind == "seat"}))
    views: list[SeatView] = []
    if touched:
        views = rt.live.batch_views(new_cursor, touched, lambda: _live(rt, list(touched)))
    return ChangeBatch(
        cursor=new_cursor,
        reset=reset,
        server_time=rt.clock.now(),
        changes=[ChangeView(kind=c.kind, subject=c.subject, at=c.at) for c in changes],
        seats=views,
        heard=rt.live.heard(),
    )


@router.get("/changes")
async def changes(
    request: Request,
    rt: RuntimeDep,
    who: PersonDep,
    after: Annotated[str | None, Query(max_length=64)] = None,
    wait: Annotated[float, Query(ge=0, le=30)] = 0.0,
) -> ChangeBatch:
    """Every change after `after`, waiting up to `wait` seconds when there is none yet.

    The answer names each change (kind and subject) and carries the current view of every seat
    they touched. `reset: true` means the cursor is from an earlier run of the server (or too
    old): fetch `GET /seats` and follow on from its cursor. Like the detector's long poll, it
    waits on its own bounded pool; past that many open at once the next is refused with 503.
    """
    require(who, WATCH)
    if wait == 0:
        return await run_in_threadpool(_batch, rt, after, 0.0)
    admitted, threads = long_polls(request.app.state)
    try:
        admitted.acquire_nowait()
    except anyio.WouldBlock:
        raise Refusal(503, "busy", what="hall") from None
    try:
        return await anyio.to_thread.run_sync(_batch, rt, after, wait, limiter=threads)
    finally:
        admitted.release()


@router.post("/sessions/{session_id}/pause")
def pause_room(session_id: str, body: RoomAction, rt: RuntimeDep, who: PersonDep) -> RoomActionView:
    """The whole room: every running seat of the session stops its clock and its kiosk locks."""
    require(who, DESK)
    with rt.tx() as db:
        s, stopped = room_control.pause_room(
            db, hall_id=rt.hall_id, session_id=session_id, reason=body.reason,
            now=rt.clock.now(), actor=who.username,
        )  # fmt: skip
        return RoomActionView(session=session_view(db, s), seats=stopped)


@router.post("/sessions/{session_id}/resume")
def resume_room(
    session_id: str, rt: RuntimeDep, who: PersonDep, body: RoomAction | None = None
) -> RoomActionView:
    """Every seat the room pause stopped opens again, with exactly the time it stood still."""
    require(who, DESK)
    with rt.tx() as db:
        s, resumed = room_control.resume_room(
            db, hall_id=rt.hall_id, session_id=session_id, reason=body.reason if body else None,
            now=rt.clock.now(), actor=who.username,
        )  # fmt: skip
        return RoomActionView(session=session_view(db, s), seats=resumed)


def _answer(rt: HallRuntime, done: seat_actions.Done) -> SeatActionView:
    return SeatActionView(
        seat=_one(rt, done.here.seat), resume_code=done.code, proposal=done.proposal, by=done.by
    )


@router.post("/seats/{seat}/pause")
def pause_seat(seat: str, body: SeatAction, rt: RuntimeDep, who: PersonDep) -> SeatActionView:
    """Locks the seat's kiosk and stops its clock; `resume` gives the code that opens it.

    Every seat action names the sitting the operator saw (`admission_id`); when the seat's
    sitting is another one now (or none), it is refused with 409 `seat_changed` (`seat`, and the
    `full_name` of who sits there now, "" for nobody) and nothing changes. A press that repeats
    an act already done answers alike, with `by`: who did it first."""
    require(who, DESK)
    with rt.tx() as db:
        done = seat_actions.pause_seat(
            db, hall_id=rt.hall_id, seat=seat, admission_id=body.admission_id,
            reason=body.reason, now=rt.clock.now(), actor=who.username,
        )  # fmt: skip
    return _answer(rt, done)


@router.post("/seats/{seat}/resume")
def resume_seat(seat: str, body: Resumption, rt: RuntimeDep, who: PersonDep) -> SeatActionView:
    """The one-time code to type at the locked seat (as `resume-code`); the clock starts with it.
    Pressed again while that code is valid and unused, the same code (its wrong tries kept)."""
    require(who, DESK)
    with rt.tx() as db:
        done = seat_actions.resume_seat(
            db, hall_id=rt.hall_id, seat=seat, admission_id=body.admission_id,
            now=rt.clock.now(), actor=who.username,
        )  # fmt: skip
    return _answer(rt, done)


@router.post("/seats/{seat}/time")
def change_time(seat: str, body: TimeChange, rt: RuntimeDep, who: PersonDep) -> SeatActionView:
    """Adds (or with a negative `minutes`, removes) time of the running part; 1 min must remain."""
    require(who, DESK)
    with rt.tx() as db:
        done = seat_actions.change_time(
            db, hall_id=rt.hall_id, seat=seat, admission_id=body.admission_id,
            minutes=body.minutes, reason=body.reason, now=rt.clock.now(), actor=who.username,
        )  # fmt: skip
    return _answer(rt, done)


@router.post("/seats/{seat}/terminate")
def terminate(seat: str, body: Termination, rt: RuntimeDep, who: PersonDep) -> SeatActionView:
    """Ends the sitting: the running part is scored with `finish_reason=terminated` and its
    result goes upstream; parts not begun are withdrawn. For a violation the answer carries the
    proposal (annulment and a ban of 6 to 12 months) that the proctor confirms at review."""
    require(who, DESK)
    with rt.tx() as db:
        done = seat_actions.terminate(
            db, hall_id=rt.hall_id, seat=seat, admission_id=body.admission_id,
            reason=body.reason, now=rt.clock.now(), actor=who.username, banks=rt.banks,
        )  # fmt: skip
    if done.by is None:
        rt.sync.poke()
    return _answer(rt, done)


@router.post("/seats/{seat}/move")
def move(seat: str, body: Move, rt: RuntimeDep, who: PersonDep) -> SeatActionView:
    """Moves the seat's sitting to the free seat `to_seat` with its answers and its time, which
    stands still until the candidate types the code (in the answer) at the new seat."""
    require(who, DESK)
    with rt.tx() as db:
        done = seat_actions.move(
            db, hall_id=rt.hall_id, seat=seat, admission_id=body.admission_id,
            to_seat=body.to_seat, reason=body.reason, now=rt.clock.now(), actor=who.username,
        )  # fmt: skip
    return _answer(rt, done)


@router.post("/incidents")
def log_incident(body: IncidentRequest, rt: RuntimeDep, who: PersonDep) -> LoggedIncident:
    """An incident for a seat, or for the room (give `session_id` and no seat)."""
    require(who, WATCH)
    with rt.tx() as db:
        row = seat_actions.log_incident(
            db, hall_id=rt.hall_id, seat=body.seat, session_id=body.session_id,
            reason=body.reason, now=rt.clock.now(), actor=who.username,
        )  # fmt: skip
        return _logged(row)


@router.post("/incidents/{incident_id}/acknowledge")
def acknowledge(
    incident_id: Annotated[int, Path(ge=1, le=MAX_INT)], rt: RuntimeDep, who: PersonDep
) -> LoggedIncident:
    """Someone has seen the seat's alert: it leaves the problem list (and stays on record)."""
    require(who, WATCH)
    with rt.tx() as db:
        row = incidents.acknowledge(
            db, hall_id=rt.hall_id, incident_id=incident_id, now=rt.clock.now(),
            actor=who.username,
        )  # fmt: skip
        return _logged(row)


def _logged(row: Incident) -> LoggedIncident:
    return LoggedIncident(
        incident_id=row.id,
        at=row.at,
        seat=row.seat_code,
        attempt_id=row.attempt_id,
        category=row.category,
        code=row.code,
        note=row.note,
        reported_by=row.reported_by,
    )


@router.get("/sessions/{session_id}/history")
def history(
    session_id: str,
    rt: RuntimeDep,
    who: PersonDep,
    action: Annotated[str | None, Query(max_length=64)] = None,
    seat: Annotated[str | None, Query(max_length=16)] = None,
    actor: Annotated[str | None, Query(max_length=100)] = None,
) -> list[HistoryEntry]:
    """Every admission, refusal, detector check, seat action and incident of the session, oldest
    first. Filters: `action` (a prefix such as `seat.` or `admission.refuse`), `seat`, `actor`."""
    require(who, WATCH)
    with rt.tx() as db:
        session = db.get(HallSession, session_id)
        if session is None or session.hall_id != rt.hall_id:
            raise not_found("session", session_id)
        entries = [
            HistoryEntry(
                at=e.at,
                actor=e.actor,
                action=e.action,
                subject=e.subject,
                seat=_seat_of(e),
                detail=e.detail,
            )
            for e in db.execute(
                select(AuditEntry)
                .where(AuditEntry.hall_id == rt.hall_id, AuditEntry.session_id == session_id)
                .order_by(AuditEntry.seq)
            ).scalars()
        ]
        walks = standing.session_checks(db, session, rt.clock.now())
        entries += [
            HistoryEntry(
                at=w.received_at,
                actor="detector" if w.source == "serial" else "wand",
                action=f"detector.{w.kind}",
                subject=str(w.id),
                detail={
                    "zones": list(w.zones),
                    "level": w.level,
                    "source": w.source,
                    "registration": w.registration_id,
                },
            )
            for w in walks
        ]
    entries.sort(key=lambda e: e.at)
    return [
        e
        for e in entries
        if (action is None or e.action.startswith(action))
        and (seat is None or e.seat == seat)
        and (actor is None or e.actor == actor)
    ]


def _seat_of(entry: AuditEntry) -> str | None:
    seat = entry.detail.get("seat") if isinstance(entry.detail, dict) else None
    if isinstance(seat, str):
        return seat
    return entry.subject if entry.action.startswith("seat.") else None
