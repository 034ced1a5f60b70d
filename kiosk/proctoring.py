"""From the kiosk's camera to the hall: face flags become incidents with their thumbnails."""

from __future__ import annotations

import base64
import logging
from datetime import UTC, datetime, timedelta

from hardware.faces import FaceFlag
from kiosk.hall_client import HallClient
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.kiosk_api import IncidentReport

log = logging.getLogger(__name__)
CODES = {0: "no_face", 2: "several_faces"}


def face_incident(
    flag: FaceFlag, recording_started: datetime, started_mono: float
) -> IncidentReport:
    """The flag's recording time, as a wall time the proctor can find in the segments."""
    at = recording_started.astimezone(UTC) + timedelta(seconds=flag.at - started_mono)
    note = "no face in view" if flag.faces == 0 else "two or more faces in view"
    return IncidentReport(
        at=at,
        category="proctoring",
        code=CODES[flag.faces],
        note=note,
        thumbnail_jpeg_b64=base64.b64encode(flag.thumbnail_jpeg).decode(),
    )


class FaceReporter:
    def __init__(
        self, client: HallClient, attempt_id: str, recording_started: datetime, started_mono: float
    ) -> None:
        self._client, self._attempt = client, attempt_id
        self._started, self._mono = recording_started, started_mono
        self.unsent: list[IncidentReport] = []

    def __call__(self, flag: FaceFlag) -> None:
        self.unsent.append(face_incident(flag, self._started, self._mono))
        self.flush()

    def flush(self) -> None:
        while self.unsent:
            try:
                self._client.report(self._attempt, self.unsent[0])
            except ServerUnreachable:
                return  # kept; sent on the next flag or flush
            except ServerRefused as exc:
                log.error("hall refused a face incident: %s", exc)
            self.unsent.pop(0)
