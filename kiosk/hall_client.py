"""The kiosk's HTTP client for the room server's kiosk API."""

from __future__ import annotations

from typing import TypeVar

import httpx
from pydantic import BaseModel, TypeAdapter

from operator_console.protocol import (
    AnswerAck,
    AnswerBatch,
    AnswerChange,
    AttemptStart,
    EnrollRequest,
    EnrollResponse,
    FinishRequest,
    FinishResponse,
    FormView,
    IncidentReport,
    IncidentView,
    LockReport,
    SeatAssignment,
    SegmentState,
    SegmentUpload,
    UnlockRequest,
)

T = TypeVar("T")


class HallUnavailable(Exception):
    """The room server did not answer; the journal keeps everything until it does."""


class HallRefused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status, self.detail = status, detail


def _send(
    client: httpx.Client,
    method: str,
    path: str,
    *,
    content: bytes | str | None = None,
    headers: dict[str, str] | None = None,
    params: dict[str, int] | None = None,
) -> httpx.Response:
    """One request; no answer is HallUnavailable, a refusal is HallRefused with its reason."""
    try:
        response = client.request(method, path, content=content, headers=headers, params=params)
    except httpx.TransportError as exc:
        raise HallUnavailable(str(exc) or type(exc).__name__) from exc
    if response.status_code >= 400:
        try:
            detail = str(response.json().get("detail", response.text))
        except ValueError:
            detail = response.text[:200]
        raise HallRefused(response.status_code, detail)
    return response


def _call(
    client: httpx.Client, method: str, path: str, shape: type[T], body: BaseModel | None = None
) -> T:
    response = _send(
        client,
        method,
        path,
        content=None if body is None else body.model_dump_json(by_alias=True),
        headers={"Content-Type": "application/json"},
    )
    return TypeAdapter(shape).validate_json(response.content)


class HallClient:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._client = httpx.Client(
            base_url=base_url,
            timeout=timeout,
            transport=transport,
            headers={"Authorization": f"Bearer {token}"},
        )

    @staticmethod
    def enroll(base_url: str, code: str, machine: str, *, timeout: float = 10.0) -> EnrollResponse:
        with httpx.Client(base_url=base_url, timeout=timeout) as client:
            return _call(
                client,
                "POST",
                "/kiosk/v1/enroll",
                EnrollResponse,
                EnrollRequest(code=code, machine=machine),
            )

    def close(self) -> None:
        self._client.close()

    def seat(self) -> SeatAssignment:
        return _call(self._client, "GET", "/kiosk/v1/seat", SeatAssignment)

    def recording_key(self) -> bytes:
        return _send(self._client, "GET", "/kiosk/v1/recording-key").content

    def seat_incident(self, incident: IncidentReport) -> IncidentView:
        return _call(self._client, "POST", "/kiosk/v1/incidents", IncidentView, incident)

    def lock(self, report: LockReport) -> SeatAssignment:
        return _call(self._client, "POST", "/kiosk/v1/lock", SeatAssignment, report)

    def unlock(self, code: str) -> SeatAssignment:
        return _call(
            self._client, "POST", "/kiosk/v1/unlock", SeatAssignment, UnlockRequest(code=code)
        )

    def start_attempt(self, attempt_id: str, language: str) -> FormView:
        return _call(
            self._client,
            "POST",
            f"/kiosk/v1/attempts/{attempt_id}/start",
            FormView,
            AttemptStart(language=language),
        )

    def form(self, attempt_id: str) -> FormView:
        return _call(self._client, "GET", f"/kiosk/v1/attempts/{attempt_id}/form", FormView)

    def send_answers(self, attempt_id: str, changes: list[AnswerChange]) -> AnswerAck:
        return _call(
            self._client,
            "POST",
            f"/kiosk/v1/attempts/{attempt_id}/answers",
            AnswerAck,
            AnswerBatch(changes=changes),
        )

    def recording_state(self, attempt_id: str) -> list[SegmentState]:
        return _call(
            self._client, "GET", f"/kiosk/v1/attempts/{attempt_id}/recording", list[SegmentState]
        )

    def upload_chunk(
        self, attempt_id: str, seq: int, offset: int, data: bytes, declared: SegmentUpload | None
    ) -> SegmentState:
        headers = {"Content-Type": "application/octet-stream"}
        if declared is not None:
            headers["X-Segment"] = declared.model_dump_json()
        response = _send(
            self._client,
            "PUT",
            f"/kiosk/v1/attempts/{attempt_id}/recording/{seq}",
            content=data,
            headers=headers,
            params={"offset": offset},
        )
        return SegmentState.model_validate_json(response.content)

    def report(self, attempt_id: str, incident: IncidentReport) -> IncidentView:
        return _call(
            self._client,
            "POST",
            f"/kiosk/v1/attempts/{attempt_id}/incidents",
            IncidentView,
            incident,
        )

    def finish(self, attempt_id: str, reason: str, last_seq: int) -> FinishResponse:
        return _call(
            self._client,
            "POST",
            f"/kiosk/v1/attempts/{attempt_id}/finish",
            FinishResponse,
            FinishRequest(reason=reason, last_seq=last_seq),
        )
