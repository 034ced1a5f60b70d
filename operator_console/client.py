"""The console's client of the room server's operator API (no Qt: the demo uses it too)."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

import httpx
from pydantic import BaseModel, TypeAdapter

from operator_console.protocol import (
    AdmissionRequest,
    AdmissionView,
    AttemptResultView,
    DetectorEventView,
    EnrollmentCodeRequest,
    EnrollmentCodeView,
    LoginRequest,
    LoginResponse,
    ManualDetectorEvent,
    OutboxView,
    RegistrationView,
    ResumeCodeView,
    RosterFetch,
    RosterImported,
    SeatBinding,
    SessionView,
    SyncStatus,
)

T = TypeVar("T")


class ServerRefused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status, self.detail = status, detail


class ConsoleClient:
    def __init__(self, base_url: str, *, timeout: float = 15.0) -> None:
        self._client = httpx.Client(base_url=base_url, timeout=timeout)

    def close(self) -> None:
        self._client.close()

    def _call(
        self,
        method: str,
        path: str,
        shape: type[T],
        body: BaseModel | None = None,
        params: dict[str, str] | None = None,
    ) -> T:
        response = self._client.request(
            method,
            path,
            params=params,
            content=None if body is None else body.model_dump_json(),
            headers={"Content-Type": "application/json"},
        )
        if response.status_code >= 400:
            try:
                detail = str(response.json().get("detail"))
            except ValueError:
                detail = response.text[:200]
            raise ServerRefused(response.status_code, detail)
        return TypeAdapter(shape).validate_json(response.content)

    def login(self, username: str, password: str) -> LoginResponse:
        reply = self._call(
            "POST",
            "/api/v1/auth/login",
            LoginResponse,
            LoginRequest(username=username, password=password),
        )
        self._client.headers["Authorization"] = f"Bearer {reply.token}"
        return reply

    def fetch_roster(self, day: date) -> RosterImported:
        return self._call("POST", "/api/v1/rosters/fetch", RosterImported, RosterFetch(date=day))

    def sessions(self, day: date | None = None) -> list[SessionView]:
        params = {"day": day.isoformat()} if day else None
        return self._call("GET", "/api/v1/sessions", list[SessionView], params=params)

    def registrations(self, session_id: str) -> list[RegistrationView]:
        return self._call(
            "GET", f"/api/v1/sessions/{session_id}/registrations", list[RegistrationView]
        )

    def admit(
        self,
        session_id: str,
        registration_id: str,
        presented_iin: str,
        detector_event_id: int | None = None,
    ) -> AdmissionView:
        return self._call(
            "POST",
            f"/api/v1/sessions/{session_id}/admissions",
            AdmissionView,
            AdmissionRequest(
                registration_id=registration_id,
                presented_iin=presented_iin,
                detector_event_id=detector_event_id,
            ),
        )

    def wand(self, kind: str, zones: list[int] | None = None, note: str = "") -> DetectorEventView:
        body = ManualDetectorEvent.model_validate(
            {"kind": kind, "zones": zones or [], "note": note}
        )
        return self._call("POST", "/api/v1/detector/manual", DetectorEventView, body)

    def detector_events(self, after: int = 0, wait: float = 0.0) -> list[DetectorEventView]:
        return self._call(
            "GET",
            "/api/v1/detector/events",
            list[DetectorEventView],
            params={"after": str(after), "wait": str(wait)},
        )

    def bind_seat(self, admission_id: str, seat: str) -> AdmissionView:
        return self._call(
            "PUT", f"/api/v1/admissions/{admission_id}/seat", AdmissionView, SeatBinding(seat=seat)
        )

    def enrollment_code(self, seat: str) -> EnrollmentCodeView:
        return self._call(
            "POST", "/api/v1/enrollment-codes", EnrollmentCodeView, EnrollmentCodeRequest(seat=seat)
        )

    def resume_code(self, seat: str) -> ResumeCodeView:
        return self._call("POST", f"/api/v1/seats/{seat}/resume-code", ResumeCodeView)

    def start_session(self, session_id: str) -> SessionView:
        return self._call("POST", f"/api/v1/sessions/{session_id}/start", SessionView)

    def sync_status(self) -> SyncStatus:
        return self._call("GET", "/api/v1/sync/status", SyncStatus)

    def outbox(self, kind: str | None = None) -> list[OutboxView]:
        return self._call(
            "GET", "/api/v1/outbox", list[OutboxView], params={"kind": kind} if kind else None
        )

    def results(self, session_id: str) -> list[AttemptResultView]:
        return self._call("GET", f"/api/v1/sessions/{session_id}/results", list[AttemptResultView])
