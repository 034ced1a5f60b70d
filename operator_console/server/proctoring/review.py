"""The proctor's review: the queue of finished attempts, and each attempt's timeline.

The timeline puts on one clock what the recording shows and what happened around it: the
kiosk's face flags and lockdown events, the camera's health, the operator's incidents and seat
actions, the room's pauses, and the gaps where there is no recording.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.review import (
    BulkClearRequest,
    ReviewItem,
    ReviewTimeline,
    TimelineGap,
    TimelineMark,
    TimelineSegment,
    VerdictRequest,
)
from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import AttemptStatus, FinishReason
from operator_console.server.errors import Refusal, conflict, not_found
from operator_console.server.models import (
    Attempt,
    AuditEntry,
    Incident,
    OutboxRecord,
    RecordingSegment,
    Registration,
)
from operator_console.server.proctoring import verification

GAP = timedelta(seconds=3)
"""Less than this between two segments is the recorder closing one and opening the next."""
KIOSK_KINDS = {"proctoring": "face", "lockdown": "lockdown", "camera": "camera"}
CAMERA_LOST = ("camera_unavailable", "camera_lost", "camera_stalled", "recording_failed")
CAMERA_BACK = ("camera_ok", "recording_resumed")
SEAT_ACTIONS = (
    "seat.pause", "seat.resume", "seat.time", "seat.terminate", "seat.move", "seat.lock"
)  # fmt: skip


def _items(db: Session, attempts: list[Attempt]) -> list[ReviewItem]:
    ids = [a.id for a in attempts]
    names = dict(
        db.execute(
            select(Registration.id, Registration.full_name).where(
                Registration.id.in_({a.registration_id for a in attempts})
            )
        ).all()
    )
    flags: dict[str, Counter[str]] = {i: Counter() for i in ids}
    open_flags: dict[str, list[int]] = {i: [] for i in ids}
    for incident, attempt_id, code, finding in db.execute(
        select(Incident.id, Incident.attempt_id, Incident.code, Incident.finding)
        .where(Incident.attempt_id.in_(ids))
        .order_by(Incident.at, Incident.id)
    ):
        if attempt_id is not None:
            flags[attempt_id][code] += 1
            if finding is None:
                open_flags[attempt_id].append(incident)
    proposed = proposals(db, attempts)
    segments = dict(
        db.execute(
            select(RecordingSegment.attempt_id, func.count())
            .where(RecordingSegment.attempt_id.in_(ids))
            .group_by(RecordingSegment.attempt_id)
        ).all()
    )
    return [
        ReviewItem(
            attempt_id=a.id,
            session_id=a.session_id,
            registration_id=a.registration_id,
            full_name=names.get(a.registration_id, ""),
            seat=a.seat_code,
            program=a.program,
            language=a.language,
            started_at=a.started_at,
            finished_at=a.finished_at,
            finish_reason=a.finish_reason,
            outcome=a.outcome,
            flags=dict(flags[a.id]),
            segments=segments.get(a.id, 0),
            open_flags=open_flags[a.id],
            proposed=proposed.get(a.id),
        )
        for a in attempts
    ]


def proposals(db: Session, attempts: list[Attempt]) -> dict[str, Reason]:
    """The rule for a violation's reason: an attempt terminated at its seat for a reason that
    breaks the testing rules (the operator's, on record) proposes that reason; any other attempt
    proposes none, and the proctor chooses."""
    ended = {a.id: a for a in attempts if a.finish_reason == FinishReason.TERMINATED}
    if not ended:
        return {}
    found: dict[str, Reason] = {}
    for entry in db.execute(
        select(AuditEntry)
        .where(
            AuditEntry.action == "seat.terminate",
            AuditEntry.session_id.in_({a.session_id for a in ended.values()}),
        )
        .order_by(AuditEntry.seq)
    ).scalars():
        d = entry.detail
        try:
            reason = Reason(category=d["category"], code=d["code"], note=d.get("note") or "")
        except (KeyError, ValueError):
            continue
        if not reason.violation:
            continue
        for attempt_id in [d.get("attempt"), *(d.get("withdrawn") or [])]:
            if attempt_id in ended:
                found[attempt_id] = reason
    return found


def queue(db: Session, *, limit: int = 500) -> list[ReviewItem]:
    """Finished attempts with no verdict yet, the longest waiting first."""
    verdicts = select(OutboxRecord.id).where(OutboxRecord.kind == "verification")
    attempts = (
        db.execute(
            select(Attempt)
            .where(
                Attempt.status == AttemptStatus.FINISHED,
                ("verification:" + Attempt.id).not_in(verdicts),
            )
            .order_by(Attempt.finished_at, Attempt.id)
            .limit(limit)
        )
        .scalars()
        .all()
    )
    return _items(db, list(attempts))


def clear_unflagged(
    db: Session,
    *,
    body: BulkClearRequest,
    proctor: str,
    hall_id: str,
    now: datetime,
    zone: ZoneInfo,
) -> list[str]:
    """Clear verdicts for a batch of attempts none of which has a flag; all or nothing."""
    if not set(body.watched) <= set(body.attempt_ids):
        raise Refusal(422, "watched_not_in_batch")
    flagged = db.execute(
        select(Incident.attempt_id).where(Incident.attempt_id.in_(body.attempt_ids)).limit(1)
    ).scalar()
    if flagged is not None:
        raise conflict("attempt_has_flags", attempt=flagged)
    done = []
    for attempt_id in dict.fromkeys(body.attempt_ids):
        verification.record_verdict(
            db,
            attempt_id=attempt_id,
            body=VerdictRequest(verdict="clear"),
            proctor=proctor,
            hall_id=hall_id,
            now=now,
            zone=zone,
            sample=(len(body.watched), len(set(body.attempt_ids))),
        )
        done.append(attempt_id)
    return done


def timeline(db: Session, attempt_id: str, thumbnails: Path, now: datetime) -> ReviewTimeline:
    attempt = db.get(Attempt, attempt_id)
    if attempt is None:
        raise not_found("attempt", attempt_id)
    (item,) = _items(db, [attempt])
    start = attempt.started_at or now
    end = attempt.finished_at or now
    rows = (
        db.execute(
            select(RecordingSegment)
            .where(RecordingSegment.attempt_id == attempt_id)
            .order_by(RecordingSegment.starts_at, RecordingSegment.seq)
        )
        .scalars()
        .all()
    )
    segments = [
        TimelineSegment(
            seq=r.seq,
            starts_at=r.starts_at,
            ends_at=r.ends_at,
            frames=r.frames,
            available=r.completed_at is not None and r.purged_at is None,
        )
        for r in rows
    ]
    marks: list[TimelineMark] = []
    gaps: list[TimelineGap] = []
    camera_lost: datetime | None = None
    for i in db.execute(
        select(Incident).where(Incident.attempt_id == attempt_id).order_by(Incident.at)
    ).scalars():
        kind = KIOSK_KINDS.get(i.category, "incident")
        alarming = kind in ("face", "lockdown") or i.category == "examinee"
        severity = "alarm" if alarming else "warning"
        if i.code in CAMERA_BACK:
            severity = "info"
        marks.append(
            TimelineMark(
                at=i.at,
                kind=kind,
                code=i.code,
                note=i.note,
                by=i.reported_by,
                severity=severity,
                incident_id=i.id,
                has_thumbnail=i.thumbnail_path(thumbnails).exists(),
                finding=i.finding,
                finding_note=i.finding_note,
            )
        )
        if i.code in CAMERA_LOST and camera_lost is None:
            camera_lost = i.at
        elif i.code in CAMERA_BACK and camera_lost is not None:
            gaps.append(TimelineGap(starts_at=camera_lost, ends_at=i.at, why="camera_lost"))
            camera_lost = None
    if camera_lost is not None:
        gaps.append(TimelineGap(starts_at=camera_lost, ends_at=end, why="camera_lost"))
    seat = attempt.seat_code or ""
    for e in db.execute(
        select(AuditEntry)
        .where(
            AuditEntry.session_id == attempt.session_id,
            AuditEntry.at >= start - GAP,
            AuditEntry.at <= end + GAP,
            or_(
                AuditEntry.action.in_(SEAT_ACTIONS),
                AuditEntry.action.in_(("session.pause", "session.resume")),
            ),
        )
        .order_by(AuditEntry.seq)
    ).scalars():
        d = e.detail if isinstance(e.detail, dict) else {}
        if e.action.startswith("seat.") and seat not in (
            d.get("seat", e.subject),
            d.get("to_seat"),
        ):
            continue
        pause = e.action in ("seat.pause", "session.pause", "seat.lock")
        marks.append(
            TimelineMark(
                at=e.at,
                kind="pause" if pause or e.action.endswith("resume") else "seat_action",
                code=e.action,
                note=" ".join(
                    str(x) for x in (d.get("code"), d.get("minutes"), d.get("note")) if x
                ),
                by=e.actor,
                severity="warning" if pause or e.action == "seat.terminate" else "info",
            )
        )
    marks.sort(key=lambda m: m.at)
    cursor = start
    for s in segments:
        if s.starts_at - cursor > GAP:
            gaps.append(
                TimelineGap(
                    starts_at=cursor,
                    ends_at=s.starts_at,
                    why="no_recording" if cursor == start and not gaps else "segment_missing",
                )
            )
        if not s.available:
            missing = TimelineGap(starts_at=s.starts_at, ends_at=s.ends_at, why="segment_missing")
            gaps.append(missing)
        cursor = max(cursor, s.ends_at)
    if end - cursor > GAP:
        gaps.append(TimelineGap(starts_at=cursor, ends_at=end, why="no_recording"))
    gaps.sort(key=lambda g: g.starts_at)
    return ReviewTimeline(
        attempt=item, starts_at=start, ends_at=end, segments=segments, gaps=gaps, marks=marks
    )
