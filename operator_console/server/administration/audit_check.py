"""The audit chain, checked for an auditor (`admin verify-audit`, `GET /api/v1/audit/verify`).

Three questions, each of which a rewrite of history must get past (the last decides):
1. Does every entry hash to the next one from the genesis, and does the head row agree?
   The first entry that does not is named (who, when, what).
2. Is the head the central system acknowledged still in the chain? The sync worker sends the head
   upstream every time it moves; the last delivered one must equal the chain's hash at its number.
3. What is the newest head the central system holds from this hall (`GET /v1/audit-heads/
   {hall}/latest`)? It must be the chain's hash at its number. Someone who recomputed every hash,
   or cut the chain's last entries together with their outbox rows, is caught by the copy they
   cannot reach. Offline, the answer says plainly that this was not proven.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.administration import AuditBreak, AuditCheck
from operator_console.protocol.records import AuditHeadRecord
from operator_console.protocol.values import OutboxStatus
from operator_console.server.models import AuditEntry, AuditHead, OutboxRecord
from operator_console.server.upstream.audit import GENESIS, entry_hash
from operator_console.server.upstream.upstream_link import UpstreamUnreachable

if TYPE_CHECKING:
    from operator_console.server.runtime import HallRuntime


@dataclass
class _Acknowledged:
    record_id: str
    path: str
    body: str
    seq: int
    head: str
    delivered_at: datetime | None


def check_database(
    db: Session, hall_id: str
) -> tuple[AuditCheck, _Acknowledged | None, dict[int, str]]:
    prev, count, broken = GENESIS, 0, None
    hashes: dict[int, str] = {}
    entries = db.execute(
        select(AuditEntry).where(AuditEntry.hall_id == hall_id).order_by(AuditEntry.seq)
    ).scalars()
    for expected, e in enumerate(entries, start=1):
        count = expected
        digest = entry_hash(prev, e.seq, e.at, e.actor, e.action, e.subject, e.detail)
        if broken is None and (e.seq != expected or e.prev_hash != prev or e.hash != digest):
            why = (
                f"entry {e.seq} stands where {expected} should"
                if e.seq != expected
                else "its content does not hash to the hash it holds"
                if e.hash != digest
                else "it does not follow the entry before it"
            )
            broken = AuditBreak(
                seq=e.seq, at=e.at, actor=e.actor, action=e.action, subject=e.subject, why=why
            )
        hashes[e.seq] = e.hash
        prev = e.hash
    head = db.get(AuditHead, hall_id)
    if broken is None and head is not None and (head.seq != count or head.hash != prev):
        broken = AuditBreak(
            seq=head.seq,
            at=None,
            actor="",
            action="",
            subject="",
            why=f"the head names entry {head.seq} but the chain ends at entry {count}",
        )
    rows = db.execute(
        select(OutboxRecord).where(
            OutboxRecord.hall_id == hall_id,
            OutboxRecord.kind == "audit_head",
            OutboxRecord.status == OutboxStatus.DELIVERED,
        )
    ).scalars()
    acknowledged: _Acknowledged | None = None
    for row in rows:
        record = json.loads(row.body)
        if acknowledged is None or record["seq"] > acknowledged.seq:
            acknowledged = _Acknowledged(
                row.id,
                row.path,
                row.body,
                int(record["seq"]),
                str(record["head"]),
                row.delivered_at,
            )
    found = AuditCheck(
        entries=count,
        head=prev,
        broken=broken,
        acknowledged_seq=acknowledged.seq if acknowledged else None,
        acknowledged_head=acknowledged.head if acknowledged else None,
        acknowledged_at=acknowledged.delivered_at if acknowledged else None,
        acknowledged_matches=(
            None if acknowledged is None else hashes.get(acknowledged.seq) == acknowledged.head
        ),
        upstream="not asked",
    )
    return found, acknowledged, hashes


def check(runtime: HallRuntime, *, ask_upstream: bool) -> AuditCheck:
    with runtime.read() as db:
        found, acknowledged, hashes = check_database(db, runtime.hall_id)
    if not ask_upstream:
        return found
    try:
        reply = runtime.link.get(f"/v1/audit-heads/{runtime.hall_id}/latest")
    except UpstreamUnreachable as exc:
        found.upstream = f"unreachable: {exc}"
        return found
    if reply.status == 404:
        found.upstream = (
            "nothing acknowledged yet" if acknowledged is None else ("had no record of it")
        )
        return found
    try:
        if reply.status != 200:
            raise ValueError(reply.status)
        latest = AuditHeadRecord.model_validate_json(reply.body)
    except ValueError:  # ValidationError is one too
        found.upstream = f"answered {reply.status}"
        return found
    found.upstream_seq, found.upstream_head = latest.seq, latest.head
    # The central system's copy, which the hall's database cannot reach, decides: its newest
    # head must be the chain's at that number (the chain may have grown since).
    if latest.seq > found.entries:
        found.upstream = "holds a later head"
    elif hashes.get(latest.seq) != latest.head:
        found.upstream = "holds a different head"
    else:
        found.upstream = "confirmed"
    return found
