"""The kiosk's client of the room server's kiosk API, on the shared call core."""

from __future__ import annotations

import ssl

import httpx

from operator_console.protocol.calls import CallCore
from operator_console.protocol.kiosk_api import (
    AnswerAck,
    AnswerBatch,
    AnswerChange,
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


def enroll(
    base_url: str,
    code: str,
    machine: str,
    *,
    timeout: float = 10.0,
    transport: httpx.BaseTransport | None = None,
    verify: ssl.SSLContext | bool = True,
) -> EnrollResponse:
    """Exchanges a one-time enrollment code for this kiosk's credential."""
    core = CallCore(base_url, timeout=timeout, transport=transport, verify=verify)
    try:
        return core.call(
            "POST", "/kiosk/v1/enroll", EnrollResponse, EnrollRequest(code=code, machine=machine)
        )
    finally:
        core.close()


class HallClient:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self._core = CallCore(
            base_url, token=token, timeout=timeout, transport=transport, verify=verify
        )
        self.authorization = {"Authorization": f"Bearer {token}"}
        """The header this kiosk's requests carry."""

    enroll = staticmethod(enroll)

    def close(self) -> None:
        self._core.close()

    def seat(self) -> SeatAssignment:
        return self._core.call("GET", "/kiosk/v1/seat", SeatAssignment)

    def recording_key(self) -> bytes:
        return self._core.send("GET", "/kiosk/v1/recording-key").content

    def seat_incident(self, incident: IncidentReport) -> IncidentView:
        return self._core.call("POST", "/kiosk/v1/incidents", IncidentView, incident)

    def lock(self, report: LockReport) -> SeatAssignment:
        return self._core.call("POST", "/kiosk/v1/lock", SeatAssignment, report)

    def unlock(self, code: str) -> SeatAssignment:
        return self._core.call("POST", "/kiosk/v1/unlock", SeatAssignment, UnlockRequest(code=code))

    def start_attempt(self, attempt_id: str, language: str) -> FormView:
        return self._core.call(
            "POST",
            f"/kiosk/v1/attempts/{attempt_id}/start",
            FormView,
            AttemptStart.model_validate({"language": language}),
        )

    def form(self, attempt_id: str) -> FormView:
        return self._core.call("GET", f"/kiosk/v1/attempts/{attempt_id}/form", FormView)

    def send_answers(self, attempt_id: str, changes: list[AnswerChange]) -> AnswerAck:
        return self._core.call(
            "POST",
            f"/kiosk/v1/attempts/{attempt_id}/answers",
            AnswerAck,
            AnswerBatch(changes=changes),
        )

    def put_flags(self, attempt_id: str, items: list[str]) -> None:
        self._core.send(
            "PUT",
            f"/kiosk/v1/attempts/{attempt_id}/flags",
            content=FlagSet(items=items).model_dump_json(),
            headers={"Content-Type": "application/json"},
        )

    def recording_state(self, attempt_id: str) -> list[SegmentState]:
        return self._core.call(
            "GET", f"/kiosk/v1/attempts/{attempt_id}/recording", list[SegmentState]
        )

    def upload_chunk(
        self, attempt_id: str, seq: int, offset: int, data: bytes, declared: SegmentUpload | None
    ) -> SegmentState:
        headers = {"Content-Type": "application/octet-stream"}
        if declared is not None:
            headers["X-Segment"] = declared.model_dump_json()
        response = self._core.send(
            "PUT",
            f"/kiosk/v1/attempts/{attempt_id}/recording/{seq}",
            content=data,
            headers=headers,
            params={"offset": offset},
        )
        return SegmentState.model_validate_json(response.content)

    def report(self, attempt_id: str, incident: IncidentReport) -> IncidentView:
        return self._core.call(
            "POST", f"/kiosk/v1/attempts/{attempt_id}/incidents", IncidentView, incident
        )

    def finish(self, attempt_id: str, reason: str, last_seq: int) -> FinishResponse:
        return self._core.call(
            "POST",
            f"/kiosk/v1/attempts/{attempt_id}/finish",
            FinishResponse,
            FinishRequest.model_validate({"reason": reason, "last_seq": last_seq}),
        )
