"""Recordings on the room server: resumable segment uploads, a signed manifest, proctor access.

Segments stay sealed on disk; only a proctor's (or administrator's) request opens one, in memory.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from hardware.recording.seal import SegmentDamaged, open_segment
from operator_console.protocol.kiosk_api import RecordingManifest, SegmentState, SegmentUpload
from operator_console.protocol.signing import sign_document
from operator_console.protocol.values import rfc3339
from operator_console.server.errors import Refusal, conflict, not_found
from operator_console.server.models import RecordingSegment

MAX_CHUNK = 8 * 1024 * 1024


def _folder(root: Path, attempt_id: str) -> Path:
    return root / attempt_id


def _part(root: Path, attempt_id: str, seq: int) -> Path:
    return _folder(root, attempt_id) / f"{seq:05d}.hseg.part"


def _final(root: Path, attempt_id: str, seq: int) -> Path:
    return _folder(root, attempt_id) / f"{seq:05d}.hseg"


def state(row: RecordingSegment) -> SegmentState:
    return SegmentState(
        seq=row.seq, received=row.received, size=row.size, complete=row.completed_at is not None
    )


def segments(db: Session, attempt_id: str) -> list[RecordingSegment]:
    return list(
        db.execute(
            select(RecordingSegment)
            .where(RecordingSegment.attempt_id == attempt_id)
            .order_by(RecordingSegment.seq)
        ).scalars()
    )


@dataclass(frozen=True)
class Chunk:
    """One chunk of a segment as a kiosk sent it."""

    attempt_id: str
    seq: int
    offset: int
    data: bytes
    declared: SegmentUpload | None


def _segment(db: Session, chunk: Chunk, *, lock: bool) -> RecordingSegment | None:
    query = select(RecordingSegment).where(
        RecordingSegment.attempt_id == chunk.attempt_id, RecordingSegment.seq == chunk.seq
    )
    return db.execute(query.with_for_update() if lock else query).scalar_one_or_none()


def _check(row: RecordingSegment | None, chunk: Chunk, max_bytes: int) -> int | None:
    """The segment's declared size when the chunk is to be written; None for a retry of what
    is stored already; a refusal for the rest."""
    seq, offset, size = chunk.seq, chunk.offset, len(chunk.data)
    if size > MAX_CHUNK:
        raise Refusal(413, "chunk_too_large", limit=MAX_CHUNK)
    if row is None:
        if chunk.declared is None or offset != 0:
            raise conflict("segment_new", seq=seq)
        if chunk.declared.size > max_bytes:
            raise Refusal(
                413, "segment_too_large", seq=seq, size=chunk.declared.size, limit=max_bytes
            )
        if size > chunk.declared.size:
            raise Refusal(422, "segment_overflow", seq=seq, size=chunk.declared.size)
        return chunk.declared.size
    if row.completed_at is not None or offset + size <= row.received:
        return None  # a retry of something already stored
    if offset != row.received:
        raise conflict("segment_resume_at", seq=seq, received=row.received)
    if row.received + size > row.size:
        raise Refusal(422, "segment_overflow", seq=seq, size=row.size)
    return row.size


def plan_chunk(db: Session, chunk: Chunk, max_bytes: int) -> int | None:
    """Before the bytes touch the disk (a read): the segment's size when they are to be
    written, None when they are stored already; refuses what cannot be taken."""
    return _check(_segment(db, chunk, lock=False), chunk, max_bytes)


def write_chunk(root: Path, chunk: Chunk, size: int) -> str | None:
    """The chunk's bytes on disk, synced, outside any transaction (the database's writers do
    not wait for a disk write of a megabyte). One writer per segment file at a time (a file
    lock, across processes). Returns the SHA-256 of the whole segment when this chunk ends it."""
    part = _part(root, chunk.attempt_id, chunk.seq)
    part.parent.mkdir(parents=True, exist_ok=True)
    end = chunk.offset + len(chunk.data)
    with open(part, "ab") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        if not _holds(part, chunk.offset, chunk.data):
            # Whatever lies past the counted bytes was never acknowledged. (A retry of a chunk
            # whose bytes are here already leaves them, and the chunks after them, alone.)
            fh.truncate(chunk.offset)
            fh.write(chunk.data)
            fh.flush()
            os.fsync(fh.fileno())
        if end != size:
            return None
        return hashlib.sha256(part.read_bytes()).hexdigest()


def _holds(part: Path, offset: int, data: bytes) -> bool:
    """The file has exactly `data` at `offset` already."""
    if part.stat().st_size < offset + len(data):
        return False
    with open(part, "rb") as fh:
        fh.seek(offset)
        return fh.read(len(data)) == data


def count_chunk(
    db: Session,
    *,
    root: Path,
    chunk: Chunk,
    written: bool,
    digest: str | None,
    now: datetime,
    max_bytes: int,
) -> tuple[RecordingSegment, Refusal | None]:
    """Counts a chunk written by `write_chunk` (the short write transaction); a chunk already
    counted is acknowledged again, unchanged.

    The second value is a problem to report *after* committing: a whole segment whose hash is
    wrong is discarded (file and count together), and the kiosk must send it again.
    """
    row = _segment(db, chunk, lock=True)
    if _check(row, chunk, max_bytes) is None:
        assert row is not None
        return row, None
    if not written:  # the segment was discarded since the bytes were found stored: send again
        raise conflict("segment_changed", seq=chunk.seq)
    if row is None:
        declared = chunk.declared
        assert declared is not None
        row = RecordingSegment(
            attempt_id=chunk.attempt_id,
            seq=chunk.seq,
            sha256=declared.sha256,
            size=declared.size,
            received=0,
            frames=declared.frames,
            starts_at=declared.starts_at,
            ends_at=declared.ends_at,
        )
        db.add(row)
        db.flush()
    row.received += len(chunk.data)
    if row.received == row.size:
        part = _part(root, chunk.attempt_id, chunk.seq)
        return row, _complete(row, part, _final(root, chunk.attempt_id, chunk.seq), digest, now)
    return row, None


def _complete(
    row: RecordingSegment, part: Path, final: Path, digest: str | None, now: datetime
) -> Refusal | None:
    digest = digest or hashlib.sha256(part.read_bytes()).hexdigest()
    if digest != row.sha256:
        part.unlink()
        row.received = 0
        return Refusal(
            422, "segment_hash_mismatch", seq=row.seq, got=digest[:12], declared=row.sha256[:12]
        )
    os.replace(part, final)
    row.completed_at = now
    return None


def manifest(
    db: Session, *, attempt_id: str, hall_id: str, key: Ed25519PrivateKey, now: datetime
) -> RecordingManifest:
    """The attempt's complete segments, signed by the hall: what the proctor reviews."""
    body: dict[str, Any] = {
        "schema": "hall-recording-manifest/1",
        "hall_id": hall_id,
        "attempt_id": attempt_id,
        "signed_at": rfc3339(now),
        "segments": [
            {
                "seq": s.seq,
                "sha256": s.sha256,
                "bytes": s.size,
                "frames": s.frames,
                "starts_at": rfc3339(s.starts_at),
                "ends_at": rfc3339(s.ends_at),
                "received_at": rfc3339(s.completed_at),
                "purged": s.purged_at is not None,
            }
            for s in segments(db, attempt_id)
            if s.completed_at is not None
        ],
    }
    return RecordingManifest(manifest=body, signature=sign_document(key, body))


def open_for_proctor(
    db: Session, *, root: Path, attempt_id: str, seq: int, hall_key: X25519PrivateKey
) -> bytes:
    row = db.execute(
        select(RecordingSegment).where(
            RecordingSegment.attempt_id == attempt_id, RecordingSegment.seq == seq
        )
    ).scalar_one_or_none()
    if row is None or row.completed_at is None:
        raise not_found("segment", f"{attempt_id}/{seq}")
    if row.purged_at is not None:
        raise Refusal(410, "segment_purged", seq=seq, purged_at=row.purged_at)
    sealed = _final(root, attempt_id, seq).read_bytes()
    if hashlib.sha256(sealed).hexdigest() != row.sha256:
        raise Refusal(500, "segment_altered", seq=seq)
    try:
        return open_segment(sealed, hall_key)
    except SegmentDamaged as exc:
        raise Refusal(500, "segment_damaged", seq=seq, problem=exc) from exc


def purge(db: Session, *, root: Path, now: datetime, retention_days: int) -> int:
    cutoff = now - timedelta(days=retention_days)
    old = db.execute(
        select(RecordingSegment).where(
            RecordingSegment.completed_at < cutoff, RecordingSegment.purged_at.is_(None)
        )
    ).scalars()
    count = 0
    for row in old:
        _final(root, row.attempt_id, row.seq).unlink(missing_ok=True)
        row.purged_at = now
        count += 1
    return count


def segment_records(db: Session, attempt_id: str) -> list[dict[str, str]]:
    """The result record's `recording.segments`."""
    return [
        {"sha256": s.sha256, "starts_at": rfc3339(s.starts_at), "ends_at": rfc3339(s.ends_at)}
        for s in segments(db, attempt_id)
        if s.completed_at is not None
    ]
