"""Uploading sealed segments to the room server, resuming where the server's copy ends."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from hardware.recording.recorder import read_journal
from kiosk.hall_client import HallClient
from operator_console.protocol.kiosk_api import SegmentUpload

log = logging.getLogger(__name__)
CHUNK = 1024 * 1024


class RecordingUploader:
    def __init__(
        self, client: HallClient, folder: Path, attempt_id: str, chunk: int = CHUNK
    ) -> None:
        self._client, self._folder, self._attempt, self._chunk = client, folder, attempt_id, chunk

    def upload_pending(self) -> int:
        """Sends every journalled segment the server lacks; raises ServerUnreachable meanwhile."""
        have = {s.seq: s for s in self._client.recording_state(self._attempt)}
        sent = 0
        for segment in read_journal(self._folder):
            known = have.get(segment.seq)
            if known is not None and known.complete:
                continue
            data = (self._folder / segment.file).read_bytes()
            declared = SegmentUpload(
                sha256=segment.sha256,
                size=segment.bytes,
                frames=segment.frames,
                starts_at=datetime.fromisoformat(segment.starts_at),
                ends_at=datetime.fromisoformat(segment.ends_at),
            )
            offset = known.received if known is not None else 0
            while offset < len(data):
                state = self._client.upload_chunk(
                    self._attempt,
                    segment.seq,
                    offset,
                    data[offset : offset + self._chunk],
                    declared if offset == 0 else None,
                )
                offset = state.received
            sent += 1
        return sent
