"""Recordings through the room server: resumable upload, signed manifest, proctor-only access."""

from __future__ import annotations

import hashlib
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from hardware.recording.recorder import SegmentRecorder, read_journal
from hardware.recording.seal import open_segment
from kiosk.hall_client import HallClient
from kiosk.recording_upload import RecordingUploader
from operator_console.central.store import StubStore
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import SegmentUpload
from operator_console.protocol.signing import document_signed
from operator_console.server import auth
from operator_console.server.models import AuditEntry
from operator_console.server.sitting import recordings
from question_banks.keys import load_box_key, load_box_public, load_verify_key
from tests.hall import PASSWORD, Hall
from tests.hardware.video import astronaut, decoded_frames, frames


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


@pytest.fixture
def recorded(tmp_path: Path, keys: Path) -> Path:
    """Three sealed segments of a candidate on camera, as the kiosk's recorder leaves them."""
    folder = tmp_path / "kiosk-rec"
    recorder = SegmentRecorder(folder, load_box_public(keys / "hall-box.pub"), segment_seconds=1)
    for frame in frames(astronaut(640), 38):
        recorder(frame)
    recorder.stop()
    return folder


def seated(hall: Hall) -> tuple[HallClient, str]:
    client = hall.seat(hall.registrations[1], "A01")
    hall.console.start_session(hall.session_id)
    return client, hall.start("A01").attempt_id


def person(hall: Hall, username: str, role: str) -> httpx.Client:
    with hall.runtime.tx() as db:
        auth.create_user(
            db, username=username, password="password-123", role=role, now=hall.clock.now()
        )
    client = httpx.Client(base_url=hall.server.url)
    token = client.post(
        "/api/v1/auth/login", json={"username": username, "password": "password-123"}
    ).json()["token"]
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def test_upload_manifest_and_proctor_review(hall: Hall, recorded: Path, keys: Path) -> None:
    client, attempt = seated(hall)
    assert RecordingUploader(client, recorded, attempt, chunk=50_000).upload_pending() == 3
    assert RecordingUploader(client, recorded, attempt).upload_pending() == 0  # nothing twice
    journal = read_journal(recorded)

    signed = hall.console.recording_manifest(attempt)
    manifest, signature = signed.manifest, signed.signature
    assert document_signed(load_verify_key(keys / "hall-sign.pub"), manifest, signature)
    assert [s["sha256"] for s in manifest["segments"]] == [s.sha256 for s in journal]

    proctor = person(hall, "proctor1", "proctor")
    video = proctor.get(f"/api/v1/attempts/{attempt}/recording/2")
    assert video.status_code == 200
    expected = open_segment(
        (recorded / journal[1].file).read_bytes(), load_box_key(keys / "hall-box.key")
    )
    assert video.content == expected
    played = recorded.parent / "played.mkv"
    played.write_bytes(video.content)
    assert decoded_frames(played) == journal[1].frames
    operator = person(hall, "operator2", "operator")
    assert operator.get(f"/api/v1/attempts/{attempt}/recording/2").status_code == 403
    with hall.runtime.tx() as db:
        views = (
            db.execute(select(AuditEntry).where(AuditEntry.action == "recording.view"))
            .scalars()
            .all()
        )
    assert [(v.actor, v.detail) for v in views] == [("proctor1", {"seq": 2})]
    proctor.close()
    operator.close()

    done = client.finish(attempt, "submitted", 0)
    hall.runtime.sync.run_once()
    assert done.attempt_id == attempt


def test_result_record_lists_the_segments(
    hall: Hall, recorded: Path, stub_store: StubStore
) -> None:
    client, attempt = seated(hall)
    RecordingUploader(client, recorded, attempt).upload_pending()
    client.finish(attempt, "submitted", 0)
    hall.runtime.sync.run_once()
    record = stub_store.records("results")[attempt]
    assert [s["sha256"] for s in record["recording"]["segments"]] == [
        s.sha256 for s in read_journal(recorded)
    ]


def test_an_interrupted_upload_resumes_where_the_server_stopped(hall: Hall, recorded: Path) -> None:
    client, attempt = seated(hall)
    first = read_journal(recorded)[0]
    data = (recorded / first.file).read_bytes()
    declared = SegmentUpload(
        sha256=first.sha256,
        size=first.bytes,
        frames=first.frames,
        starts_at=datetime.fromisoformat(first.starts_at),
        ends_at=datetime.fromisoformat(first.ends_at),
    )
    state = client.upload_chunk(attempt, 1, 0, data[:10_000], declared)
    assert (state.received, state.complete) == (10_000, False)
    with pytest.raises(ServerRefused) as skipped:
        client.upload_chunk(attempt, 1, 20_000, data[20_000:30_000], None)
    assert skipped.value.status == 409 and "resume there" in skipped.value.detail
    again = client.upload_chunk(attempt, 1, 0, data[:10_000], declared)  # a retried chunk
    assert again.received == 10_000
    RecordingUploader(client, recorded, attempt).upload_pending()
    assert all(s.complete for s in client.recording_state(attempt))


def test_a_segment_whose_bytes_do_not_match_its_hash_is_refused(hall: Hall, recorded: Path) -> None:
    client, attempt = seated(hall)
    first = read_journal(recorded)[0]
    data = bytearray((recorded / first.file).read_bytes())
    data[100] ^= 1
    declared = SegmentUpload(
        sha256=first.sha256,
        size=len(data),
        frames=first.frames,
        starts_at=datetime.fromisoformat(first.starts_at),
        ends_at=datetime.fromisoformat(first.ends_at),
    )
    with pytest.raises(ServerRefused) as refused:
        client.upload_chunk(attempt, 1, 0, bytes(data), declared)
    assert refused.value.status == 422 and "SHA-256" in refused.value.detail
    assert [s.received for s in client.recording_state(attempt)] == [0]
    assert not list((hall.runtime.config.recordings_dir / attempt).glob("*.part"))


def test_oversized_and_foreign_uploads_are_refused(hall: Hall, recorded: Path) -> None:
    mine, attempt = seated(hall)
    big = SegmentUpload(
        sha256="0" * 64, size=10**12, frames=1, starts_at=hall.clock.now(), ends_at=hall.clock.now()
    )
    with pytest.raises(ServerRefused) as too_big:
        mine.upload_chunk(attempt, 1, 0, b"x", big)
    assert too_big.value.status == 413
    other = hall.seat(hall.registrations[3], "A02")
    with pytest.raises(ServerRefused) as foreign:
        RecordingUploader(other, recorded, attempt).upload_pending()
    assert foreign.value.status == 403


def test_recordings_are_purged_after_the_retention_period(hall: Hall, recorded: Path) -> None:
    client, attempt = seated(hall)
    RecordingUploader(client, recorded, attempt).upload_pending()
    hall.clock.advance(timedelta(days=29))
    assert hall.runtime.purge_once() == 0
    hall.clock.advance(timedelta(days=2))
    assert hall.runtime.purge_once() == 3
    proctor = person(hall, "proctor1", "proctor")
    assert proctor.get(f"/api/v1/attempts/{attempt}/recording/1").status_code == 410
    folder = hall.runtime.config.recordings_dir / attempt
    assert list(folder.iterdir()) == []
    proctor.close()
    hall.console.login("desk", PASSWORD)  # a month later: the desk signs in again
    manifest = hall.console.recording_manifest(attempt).manifest
    assert all(s["purged"] for s in manifest["segments"])


def test_face_flags_reach_the_proctor_with_thumbnail_and_recording_time(
    hall: Hall, stub_store: StubStore
) -> None:
    import cv2
    import numpy as np
    from skimage import data

    from hardware.camera import Frame
    from hardware.faces import FaceMonitor, HaarFaceDetector
    from kiosk.proctoring import FaceReporter

    client, attempt = seated(hall)
    started = hall.clock.now()
    reporter = FaceReporter(client, attempt, started, started_mono=100.0)
    monitor = FaceMonitor(HaarFaceDetector(), reporter, window=1)
    one = cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)
    monitor.observe(Frame(0, 100.0, one))
    monitor.observe(Frame(1, 112.5, np.hstack([one, one])))
    views = hall.console.attempt_incidents(attempt)
    assert [(v.code, v.has_thumbnail) for v in views] == [("several_faces", True)]
    assert views[0].at == started + timedelta(seconds=12.5)
    proctor = person(hall, "proctor1", "proctor")
    jpeg = proctor.get(f"/api/v1/incidents/{views[0].id}/thumbnail")
    assert jpeg.status_code == 200 and jpeg.content.startswith(b"\xff\xd8\xff")
    proctor.close()
    client.finish(attempt, "submitted", 0)
    hall.runtime.sync.run_once()
    incidents = stub_store.records("results")[attempt]["incidents"]
    assert [(i["category"], i["code"]) for i in incidents] == [("proctoring", "several_faces")]


def test_a_thumbnail_that_is_not_a_jpeg_changes_nothing(hall: Hall) -> None:
    import base64

    from operator_console.protocol.kiosk_api import IncidentReport

    client, attempt = seated(hall)
    bad = IncidentReport(
        at=hall.clock.now(),
        category="proctoring",
        code="no_face",
        thumbnail_jpeg_b64=base64.b64encode(b"<svg/>").decode(),
    )
    with pytest.raises(ServerRefused) as refused:
        client.report(attempt, bad)
    assert refused.value.status == 422
    assert hall.console.attempt_incidents(attempt) == []


def test_proctor_verdicts_go_upstream_and_a_violation_annuls(
    hall: Hall, stub_store: StubStore
) -> None:
    client, attempt = seated(hall)
    client.finish(attempt, "submitted", 0)
    other = hall.seat(hall.registrations[3], "A02")
    second = other.start_attempt(other.seat().attempts[0].attempt_id, "kk").attempt_id
    other.finish(second, "submitted", 0)
    proctor = person(hall, "proctor1", "proctor")
    operator = person(hall, "operator2", "operator")
    url = f"/api/v1/attempts/{attempt}/verification"
    assert operator.post(url, json={"verdict": "clear"}).status_code == 403
    assert proctor.post(url, json={"verdict": "violation"}).status_code == 422  # no reason given
    found = {
        "verdict": "violation",
        "reasons": [
            {"category": "examinee", "code": "device_found", "note": "phone on the desk at 10:42"}
        ],
        "ban_months": 12,
    }
    assert proctor.post(url, json=found).json()["outcome"] == "annulled"
    assert proctor.post(url, json={"verdict": "clear"}).status_code == 409  # one verdict only
    clear = proctor.post(f"/api/v1/attempts/{second}/verification", json={"verdict": "clear"})
    assert clear.status_code == 200 and clear.json()["outcome"] == "reported"  # state language
    hall.runtime.sync.run_once()
    stored = stub_store.records("verifications")
    assert (
        stored[attempt]["verdict"] == "violation" and stored[attempt]["reviewed_by"] == "proctor1"
    )
    assert stored[second]["verdict"] == "clear"
    results = {r.attempt_id: r for r in hall.console.results(hall.session_id)}
    assert results[attempt].outcome == "annulled"
    proctor.close()
    operator.close()


def test_a_chunk_sent_forty_times_at_once_and_again_late_leaves_the_segment_whole(
    hall: Hall,
) -> None:
    """A kiosk that retries a chunk whose answer was slow: forty copies at once, then more
    copies racing the chunks after it. Each is acknowledged; the segment completes with its hash."""
    client, attempt_id = seated(hall)
    chunk = 64 * 1024
    data = bytes(range(256)) * (3 * chunk // 256)
    now = hall.clock.now()
    declared = SegmentUpload(
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        frames=30,
        starts_at=now - timedelta(seconds=2),
        ends_at=now,
    )

    # Each thread its own connection, as separate retries are: one httpx client shared by 40
    # threads at once is not what a kiosk does (and closes sockets under its neighbours).
    token = client._core._client.headers["Authorization"].removeprefix("Bearer ")
    mine = threading.local()
    made: list[HallClient] = []

    def send(offset: int) -> int:
        if not hasattr(mine, "client"):
            mine.client = HallClient(hall.server.url, token)
            made.append(mine.client)
        part = data[offset : offset + chunk]
        return int(mine.client.upload_chunk(attempt_id, 1, offset, part, declared).received)

    with ThreadPoolExecutor(max_workers=40) as pool:
        assert set(pool.map(send, [0] * 40)) == {chunk}
        late = [pool.submit(send, 0) for _ in range(40)]  # the retries of the first chunk ...
        assert send(chunk) == 2 * chunk  # ... racing the chunks after it
        assert send(2 * chunk) == 3 * chunk
        assert {f.result() for f in late} <= {chunk, 2 * chunk, 3 * chunk}
    for each in made:
        each.close()
    (state,) = client.recording_state(attempt_id)
    assert state.complete and state.received == len(data)


def test_a_late_copy_of_a_chunk_leaves_the_chunks_after_it(tmp_path: Path) -> None:
    """The race above, in order: chunk 0, chunk 1, then a retry of chunk 0 that was slower."""
    first, second = b"a" * 1000, b"b" * 1000
    write = recordings.write_chunk
    assert write(tmp_path, recordings.Chunk("att", 1, 0, first, None), 2000) is None
    digest = write(tmp_path, recordings.Chunk("att", 1, 1000, second, None), 2000)
    assert digest == hashlib.sha256(first + second).hexdigest()
    assert write(tmp_path, recordings.Chunk("att", 1, 0, first, None), 2000) is None
    (part,) = (tmp_path / "att").iterdir()
    assert part.read_bytes() == first + second
    different = recordings.Chunk("att", 1, 0, b"c" * 1000, None)  # not a copy: written anew
    write(tmp_path, different, 2000)
    assert part.read_bytes() == b"c" * 1000


def test_a_segment_that_ends_before_it_starts_is_refused_and_nothing_is_kept(
    hall: Hall, recorded: Path
) -> None:
    mine, attempt = seated(hall)
    now = hall.clock.now()
    earlier = now - timedelta(seconds=5)
    backwards = json.dumps(
        {"sha256": "0" * 64, "size": 1, "frames": 1,
         "starts_at": now.isoformat(), "ends_at": earlier.isoformat()}
    )  # fmt: skip
    reply = httpx.put(
        f"{hall.server.url}/kiosk/v1/attempts/{attempt}/recording/1",
        params={"offset": 0},
        content=b"x",
        headers={**mine.authorization, "Content-Type": "application/octet-stream",
                 "X-Segment": backwards},
    )  # fmt: skip
    assert reply.status_code == 422, reply.text
    assert "ends_at is before starts_at" in reply.text
    assert mine.recording_state(attempt) == []
