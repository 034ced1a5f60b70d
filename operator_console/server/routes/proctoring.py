"""Routes for proctors: recordings, incidents and the verdict on an attempt."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response
from sqlalchemy import select

from operator_console.protocol.console_api.review import (
    BulkClearRequest,
    ReviewItem,
    ReviewTimeline,
    VerdictRequest,
)
from operator_console.protocol.kiosk_api import IncidentView, RecordingManifest
from operator_console.protocol.records import VerificationRecord
from operator_console.protocol.values import MAX_INT, REVIEW, WATCH
from operator_console.server import views
from operator_console.server.db import keeps_seats
from operator_console.server.deps import PersonDep, RuntimeDep, require
from operator_console.server.errors import REFUSALS, not_found
from operator_console.server.models import Attempt, Incident
from operator_console.server.proctoring import review, verification
from operator_console.server.sitting import incidents, recordings
from operator_console.server.upstream import audit

router = APIRouter(prefix="/api/v1", responses=REFUSALS)


@router.get("/attempts/{attempt_id}/recording/manifest")
def recording_manifest(attempt_id: str, rt: RuntimeDep, who: PersonDep) -> RecordingManifest:
    with rt.tx() as db:
        if db.get(Attempt, attempt_id) is None:
            raise not_found("attempt", attempt_id)
        return recordings.manifest(
            db, attempt_id=attempt_id, hall_id=rt.hall_id, key=rt.keys.sign, now=rt.clock.now()
        )


@router.get("/attempts/{attempt_id}/recording/{seq}")
def recording_segment(
    attempt_id: str, seq: Annotated[int, Path(ge=0, le=MAX_INT)], rt: RuntimeDep, who: PersonDep
) -> Response:
    """The segment opened for review: proctors and administrators only, and audited."""
    require(who, REVIEW)
    with rt.tx() as db:
        keeps_seats(db)  # an audit entry: nothing a kiosk sees
        video = recordings.open_for_proctor(
            db, root=rt.config.recordings_dir, attempt_id=attempt_id, seq=seq, hall_key=rt.keys.box
        )
        audit.append(
            db,
            hall_id=rt.hall_id,
            at=rt.clock.now(),
            actor=who.username,
            action="recording.view",
            subject=attempt_id,
            detail={"seq": seq},
        )
    return Response(video, media_type="video/x-matroska")


@router.get("/attempts/{attempt_id}/incidents")
def attempt_incidents(attempt_id: str, rt: RuntimeDep, who: PersonDep) -> list[IncidentView]:
    with rt.tx() as db:
        rows = (
            db.execute(
                select(Incident).where(Incident.attempt_id == attempt_id).order_by(Incident.at)
            )
            .scalars()
            .all()
        )
        return [views.incident(r, rt.config.recordings_dir) for r in rows]


@router.get("/incidents/{incident_id}/thumbnail")
def incident_thumbnail(
    incident_id: Annotated[int, Path(ge=1, le=MAX_INT)], rt: RuntimeDep, who: PersonDep
) -> Response:
    require(who, WATCH)
    with rt.tx() as db:
        return Response(
            incidents.thumbnail(db, incident_id, rt.config.recordings_dir), media_type="image/jpeg"
        )


@router.post("/attempts/{attempt_id}/verification")
def verdict(
    attempt_id: str, body: VerdictRequest, rt: RuntimeDep, who: PersonDep
) -> VerificationRecord:
    """The proctor's verdict; a violation annuls the result. Sent upstream like a result."""
    require(who, REVIEW)
    with rt.tx() as db:
        record = verification.record_verdict(
            db,
            attempt_id=attempt_id,
            body=body,
            proctor=who.username,
            hall_id=rt.hall_id,
            now=rt.clock.now(),
            zone=rt.config.zone,
        )
    rt.sync.poke()
    return VerificationRecord.model_validate(record)


@router.get("/reviews")
def reviews(rt: RuntimeDep, who: PersonDep) -> list[ReviewItem]:
    """Finished attempts waiting for a verdict, the longest waiting first, with their flags."""
    require(who, REVIEW)
    with rt.read() as db:
        return review.queue(db)


@router.post("/reviews/clear")
def clear_unflagged(body: BulkClearRequest, rt: RuntimeDep, who: PersonDep) -> list[str]:
    """Clear verdicts for attempts with no flag at all, after a sample of them was watched
    (`watched`, recorded in the audit log); refused whole if any of them has a flag."""
    require(who, REVIEW)
    with rt.tx() as db:
        keeps_seats(db)
        done = review.clear_unflagged(
            db, body=body, proctor=who.username, hall_id=rt.hall_id, now=rt.clock.now(),
            zone=rt.config.zone,
        )  # fmt: skip
    rt.sync.poke()
    return done


@router.get("/attempts/{attempt_id}/timeline")
def attempt_timeline(
    attempt_id: Annotated[str, Path(max_length=36)], rt: RuntimeDep, who: PersonDep
) -> ReviewTimeline:
    """What the review player draws: segments, gaps, and every flag, incident, seat action and
    pause of the sitting at its time."""
    require(who, REVIEW)
    with rt.read() as db:
        return review.timeline(db, attempt_id, rt.config.recordings_dir, rt.clock.now())
