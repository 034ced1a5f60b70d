"""Rows to wire views, one converter a view: what the routes, the desk and the report show.

A field named alike on the row and the view is read from the row (as pydantic's `from_attributes`
would); the converter names only what differs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from operator_console.protocol.console_api.desk import (
    AdmissionView,
    DetectorEventView,
    RegistrationView,
)
from operator_console.protocol.console_api.sessions import AttemptResultView, SessionView
from operator_console.protocol.console_api.sync import OutboxView
from operator_console.protocol.kiosk_api import AttemptSummary, IncidentView
from operator_console.protocol.records import SectionResult
from operator_console.protocol.values import AdmissionStatus
from operator_console.server.models import (
    Admission,
    Attempt,
    DetectorEventRow,
    HallSession,
    Incident,
    OutboxRecord,
    Registration,
)

V = TypeVar("V", bound=BaseModel)


def _view(shape: type[V], row: object, **differing: Any) -> V:
    alike = {
        name: getattr(row, name)
        for name in shape.model_fields
        if name not in differing and hasattr(row, name)
    }
    return shape.model_validate({**alike, **differing})


def registration(row: Registration) -> RegistrationView:
    return _view(RegistrationView, row, registration_id=row.id)


def session(row: HallSession, candidates: int) -> SessionView:
    return _view(SessionView, row, session_id=row.id, candidates=candidates)


def admission(row: Admission, reg: Registration) -> AdmissionView:
    admitted = row.status == AdmissionStatus.ADMITTED
    return _view(
        AdmissionView,
        row,
        admission_id=row.id,
        registration_id=reg.id,
        full_name=reg.full_name,
        programs=reg.programs if admitted else [],
        seat=row.seat_code,
    )


def attempt_summary(row: Attempt) -> AttemptSummary:
    return _view(AttemptSummary, row, attempt_id=row.id, paused=row.paused_at is not None)


def attempt_result(row: Attempt, sections: list[SectionResult]) -> AttemptResultView:
    return _view(
        AttemptResultView, row, attempt_id=row.id, total=row.total_score, sections=sections
    )


def detector_event(row: DetectorEventRow) -> DetectorEventView:
    return _view(DetectorEventView, row, zones=list(row.zones))


def incident(row: Incident, thumbnails: Path) -> IncidentView:
    has_thumbnail = row.thumbnail_path(thumbnails).exists()
    return _view(IncidentView, row, seat=row.seat_code, has_thumbnail=has_thumbnail)


def outbox_record(row: OutboxRecord) -> OutboxView:
    return _view(OutboxView, row, record_id=row.id)
