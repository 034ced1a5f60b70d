"""`operator-console upstream-stub`: the reference central-system receiver (contracts §3)."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError

from operator_console.central.store import Stored, StubStore
from operator_console.protocol.records import AuditHeadRecord, ResultRecord, VerificationRecord
from operator_console.protocol.signing import (
    HALL_ID,
    SIGNATURE,
    TIMESTAMP,
    request_problem,
    sign_document,
)


@dataclass
class FaultPlan:
    """Failures the stub plays on purpose, so halls can be tested against a bad network."""

    fail_first: int = 0
    """Answer 503 to this many PUTs before storing anything."""
    lose_ack_every: int = 0
    """Store every n-th PUT, then answer 503 as if the acknowledgement was lost."""
    ack_delay_seconds: float = 0.0
    """Store, then wait this long before answering (clients with shorter timeouts give up)."""

    def __post_init__(self) -> None:
        self._puts = 0
        self._lock = threading.Lock()

    def count_put(self) -> int:
        with self._lock:
            self._puts += 1
            return self._puts


@dataclass(frozen=True)
class Caller:
    hall_id: str
    body: bytes


def _problem(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


class Refused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        self.status, self.detail = status, detail


SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


async def signed_caller(request: Request) -> Caller:
    """The calling hall, once its signature and timestamp check out; 401 otherwise."""
    store: StubStore = request.app.state.store
    body = await request.body()
    hall_id = request.headers.get(HALL_ID, "")
    key = store.hall_key(hall_id) if SAFE_ID.fullmatch(hall_id) else None
    if key is None:
        raise Refused(401, f"unknown hall {hall_id!r}")
    target = request.scope["raw_path"].decode()
    if request.scope.get("query_string"):
        target += "?" + request.scope["query_string"].decode()
    problem = request_problem(
        key,
        request.method,
        target,
        body,
        request.headers.get(TIMESTAMP, ""),
        request.headers.get(SIGNATURE, ""),
        request.app.state.now(),
    )
    if problem:
        raise Refused(401, problem)
    return Caller(hall_id, body)


CallerDep = Annotated[Caller, Depends(signed_caller)]


def create_stub_app(
    store: StubStore,
    faults: FaultPlan | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> FastAPI:
    plan = faults or FaultPlan()
    app = FastAPI(title="Central system (reference receiver)", version="1")
    app.state.store, app.state.now = store, now

    @app.exception_handler(Refused)
    async def _refused(_request: Request, exc: Refused) -> JSONResponse:
        return _problem(exc.status, exc.detail)

    async def put_record(
        kind: str, record_id: str, caller: Caller, model: type[BaseModel], id_field: str
    ) -> Response:
        n = plan.count_put()
        if n <= plan.fail_first:
            return _problem(503, "upstream busy (planned failure)")
        try:
            raw = json.loads(caller.body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return _problem(400, "body is not JSON")
        try:
            parsed = model.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            return _problem(422, f"invalid record: {where}: {first['msg']}")
        if id_field and getattr(parsed, id_field) != record_id:
            return _problem(422, f"{id_field} in the body does not match the path")
        if getattr(parsed, "hall_id", caller.hall_id) != caller.hall_id:
            return _problem(422, "hall_id in the body is not the signing hall")
        stored = await asyncio.to_thread(store.store, kind, record_id, raw)
        if stored is Stored.CONFLICT:
            return _problem(409, f"{record_id} already holds different content")
        if plan.lose_ack_every and n % plan.lose_ack_every == 0:
            return _problem(503, "acknowledgement lost (planned failure)")
        if plan.ack_delay_seconds:
            await asyncio.sleep(plan.ack_delay_seconds)
        status = 201 if stored is Stored.NEW else 200
        return JSONResponse({"stored": record_id}, status_code=status)

    @app.get("/v1/halls/{hall_id}/rosters")
    async def roster(hall_id: str, date: str, caller: CallerDep) -> Any:
        if caller.hall_id != hall_id:
            raise Refused(403, "a hall may read only its own rosters")
        doc = store.roster(hall_id, date)
        if doc is None:
            raise Refused(404, f"no roster for hall {hall_id} on {date}")
        return {"roster": doc, "signature": sign_document(store.authority, doc)}

    @app.put("/v1/results/{result_id}")
    async def put_result(result_id: str, caller: CallerDep) -> Response:
        return await put_record("results", result_id, caller, ResultRecord, "result_id")

    @app.put("/v1/verifications/{attempt_id}")
    async def put_verification(attempt_id: str, caller: CallerDep) -> Response:
        return await put_record(
            "verifications", attempt_id, caller, VerificationRecord, "attempt_id"
        )

    @app.get("/v1/audit-heads/{hall_id}/latest")
    async def latest_audit_head(hall_id: str, caller: CallerDep) -> Any:
        """The newest head this hall has sent: a hall's auditor compares its chain with it, a
        copy the hall's own database cannot rewrite (404: none yet)."""
        if caller.hall_id != hall_id:
            raise Refused(403, "a hall may read only its own audit heads")
        head = store.latest_audit_head(hall_id)
        if head is None:
            raise Refused(404, f"no audit head from hall {hall_id}")
        return head

    @app.put("/v1/audit-heads/{hall_id}/{seq}")
    async def put_audit_head(hall_id: str, seq: int, caller: CallerDep) -> Response:
        if caller.hall_id != hall_id:
            raise Refused(403, "a hall may write only its own audit heads")
        try:
            sent_seq = json.loads(caller.body).get("seq")
        except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
            sent_seq = None
        if sent_seq != seq:
            return _problem(422, "seq in the body does not match the path")
        return await put_record("audit-heads", f"{hall_id}-{seq}", caller, AuditHeadRecord, "")

    @app.get("/v1/banks/{bank_id}")
    async def bank(bank_id: str, _caller: CallerDep) -> Response:
        data = store.bank(bank_id) if SAFE_ID.fullmatch(bank_id) and ".." not in bank_id else None
        if data is None:
            raise Refused(404, f"no bank {bank_id}")
        return Response(data, media_type="application/octet-stream")

    return app
