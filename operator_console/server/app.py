"""The room server's ASGI application."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from operator_console.server.body_limits import BodyLimits, hall_limits
from operator_console.server.errors import Refusal
from operator_console.server.routes import (
    administration,
    detector,
    hall,
    kiosks,
    operators,
    proctoring,
)
from operator_console.server.runtime import HallRuntime

log = logging.getLogger(__name__)


def settle_heap() -> None:
    """What exists once the server has started (modules, routes, the banks' questions) lives to
    its end: it leaves the cyclic collector's view (`gc.freeze`).

    A full collection walks every tracked object with the interpreter lock held. Measured with
    bench/load.py at 200 kiosks: one every 5 s, 130 to 210 ms each over the 210,000 objects of a
    started server, and every request in flight waited for it (seat polls' p99 went from 9 ms
    to 110 ms). Frozen, the same collections take 8 to 35 ms. What is made afterwards is
    collected as before. No collection here: this runs on the server's thread, and in a
    process with windows a cycle of Qt objects must be freed on theirs."""
    gc.freeze()


def create_app(runtime: HallRuntime, *, run_workers: bool = True, settle: bool = False) -> FastAPI:
    """`settle`: `settle_heap` once started; for a process that runs this server alone (the
    `serve` command, a demo hall), not for one that starts servers by the dozen (the tests)."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Few threads for the routes that block: the work is under one interpreter lock, and
        # forty threads spend the processor handing it to each other.
        anyio.to_thread.current_default_thread_limiter().total_tokens = (
            runtime.config.server.threads
        )
        if run_workers:
            runtime.start()
        if settle:
            settle_heap()
        try:
            yield
        finally:
            if run_workers:
                runtime.stop()

    docs = runtime.config.server.api_docs
    app = FastAPI(
        title="Testing hall room server",
        version="1",
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.state.runtime = runtime
    app.add_middleware(
        BodyLimits,
        limit_for=hall_limits(runtime.config.recordings.max_segment_mb * 1024 * 1024),
    )

    @app.exception_handler(Refusal)
    async def refusal(_request: Request, exc: Refusal) -> JSONResponse:
        return JSONResponse(exc.problem(), status_code=exc.status)

    @app.exception_handler(OperationalError)
    async def database_down(_request: Request, exc: OperationalError) -> JSONResponse:
        # The transaction was rolled back: nothing of this request was stored or acknowledged.
        said = str(exc.orig or exc).splitlines()[0]
        if "disk is full" in said or "No space left" in said:
            log.error("the database's disk is full: %s", said)
            refused = Refusal(503, "disk_full")
        else:
            log.error("database did not answer: %s", said)
            refused = Refusal(503, "database_unavailable")
        return JSONResponse(refused.problem(), status_code=503)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"] if p != "body")
        said = Refusal(422, "invalid_request", field=where or "body", problem=first["msg"])
        return JSONResponse(said.problem(), status_code=422)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "hall_id": runtime.hall_id}

    # Routes are matched in this order, one by one: the kiosks' (most of a full hall's
    # requests) first, then the consoles' in their own order.
    app.include_router(kiosks.router)
    app.include_router(operators.router)
    app.include_router(hall.router)
    app.include_router(detector.router)
    app.include_router(proctoring.router)
    app.include_router(administration.router)
    return app
