"""The proctor's review through the API: the queue, the timeline, findings, verdicts and bans."""

from __future__ import annotations

import base64
from datetime import timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest
from sqlalchemy import select

from hardware.recording.recorder import SegmentRecorder
from kiosk.recording_upload import RecordingUploader
from operator_console.central.store import StubStore
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.console_api.review import FlagFinding, VerdictRequest
from operator_console.protocol.kiosk_api import IncidentReport
from operator_console.protocol.reasons import Reason
from operator_console.server.models import AuditEntry, Registration
from question_banks.keys import load_box_public
from tests.hall import Hall
from tests.hardware.video import astronaut, frames
from tests.operator_console.server.test_recordings_api import person, seated
from tests.operator_console.server.test_seat_actions import forty_at_once


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


def _jpeg() -> str:
    ok, data = cv2.imencode(".jpg", np.full((48, 64, 3), 128, np.uint8))
    assert ok
    return base64.b64encode(data.tobytes()).decode()


def record(hall: Hall, folder: Path, keys: Path, seconds: float, fps: float = 15) -> None:
    """The kiosk's recorder on the hall's clock: one-second segments of a face on camera."""
    recorder = SegmentRecorder(
        folder, load_box_public(keys / "hall-box.pub"), segment_seconds=1, fps=fps,
        clock=hall.clock.now,
    )  # fmt: skip
    for frame in frames(astronaut(640), int(seconds * fps), fps=fps):
        recorder(frame)
        hall.clock.advance(timedelta(seconds=1 / fps))
    recorder.stop()


def test_the_timeline_puts_flags_incidents_seat_actions_and_gaps_on_the_recording_clock(
    hall: Hall, tmp_path: Path, keys: Path
) -> None:
    client, attempt = seated(hall)
    started = hall.clock.now()
    record(hall, tmp_path / "rec", keys, 3)
    # The camera is lost for a minute, then the recorder starts again.
    hall.clock.advance(timedelta(seconds=1))
    client.report(attempt, IncidentReport(at=hall.clock.now(), category="camera",
                                          code="camera_lost"))  # fmt: skip
    hall.clock.advance(timedelta(seconds=60))
    client.report(attempt, IncidentReport(at=hall.clock.now(), category="camera",
                                          code="camera_ok"))  # fmt: skip
    record(hall, tmp_path / "rec", keys, 2)
    RecordingUploader(client, tmp_path / "rec", attempt).upload_pending()
    face_at = started + timedelta(seconds=2)
    client.report(
        attempt,
        IncidentReport(
            at=face_at, category="proctoring", code="several_faces", thumbnail_jpeg_b64=_jpeg()
        ),
    )
    client.report(
        attempt, IncidentReport(at=face_at + timedelta(seconds=1), category="lockdown",
                                code="focus_lost", note="application state Inactive"),
    )  # fmt: skip
    hall.clock.advance(timedelta(seconds=60))
    talking = Reason(category="examinee", code="talking", note="spoke to A02")
    hall.console.log_incident(talking, seat="A01")
    hall.clock.advance(timedelta(seconds=30))
    hall.console.pause_seat("A01", hall.sitting("A01"), talking)
    hall.clock.advance(timedelta(seconds=30))
    code = hall.console.resume_seat("A01", hall.sitting("A01")).resume_code
    assert code is not None
    client.unlock(code.code)
    hall.clock.advance(timedelta(seconds=10))
    client.finish(attempt, "submitted", 0)

    proctor = person(hall, "proctor1", "proctor")
    queue = proctor.get("/api/v1/reviews").json()
    assert [q["attempt_id"] for q in queue] == [attempt]
    assert queue[0]["flags"] == {
        "several_faces": 1, "focus_lost": 1, "talking": 2, "camera_lost": 1, "camera_ok": 1
    }  # fmt: skip
    assert queue[0]["segments"] == 5

    line = proctor.get(f"/api/v1/attempts/{attempt}/timeline").json()
    kinds = [(m["kind"], m["code"]) for m in line["marks"]]
    assert kinds == [
        ("face", "several_faces"), ("lockdown", "focus_lost"), ("camera", "camera_lost"),
        ("camera", "camera_ok"), ("incident", "talking"), ("incident", "talking"),
        ("pause", "seat.pause"), ("pause", "seat.resume"),
    ]  # fmt: skip
    face = line["marks"][0]
    assert face["at"] == face_at.isoformat().replace("+00:00", "Z")
    assert face["has_thumbnail"] and face["severity"] == "alarm"
    assert [s["seq"] for s in line["segments"]] == [1, 2, 3, 4, 5]
    assert all(s["available"] for s in line["segments"])
    at = {s["seq"]: s["starts_at"] for s in line["segments"]}
    assert at[1] == line["starts_at"]
    # The minute without a camera is a gap, and so is the rest of the sitting after segment 5.
    gaps = [(g["why"], g["starts_at"], g["ends_at"]) for g in line["gaps"]]
    lost = [g for g in gaps if g[0] == "camera_lost"]
    assert len(lost) == 1 and lost[0][2] <= at[4]
    missing = [g for g in gaps if g[0] == "segment_missing"]
    assert len(missing) == 1 and missing[0][2] == at[4]
    assert gaps[-1][0] == "no_recording" and gaps[-1][2] == line["ends_at"]
    operator = person(hall, "operator2", "operator")
    assert operator.get("/api/v1/reviews").status_code == 403
    assert operator.get(f"/api/v1/attempts/{attempt}/timeline").status_code == 403
    operator.close()
    proctor.close()


def test_a_violation_records_findings_annuls_and_bans_and_goes_upstream(
    hall: Hall, stub_store: StubStore
) -> None:
    client, attempt = seated(hall)
    shown = client.report(
        attempt, IncidentReport(at=hall.clock.now(), category="proctoring", code="several_faces")
    )
    client.report(
        attempt, IncidentReport(at=hall.clock.now(), category="lockdown", code="focus_lost")
    )
    client.finish(attempt, "submitted", 0)
    proctor = person(hall, "proctor1", "proctor")
    url = f"/api/v1/attempts/{attempt}/verification"
    reason = {"category": "examinee", "code": "materials_exchanged", "note": "paper at 10:42"}
    # A violation without the ban the rules require, or with one outside 6..12 months: refused.
    assert proctor.post(url, json={"verdict": "violation", "reasons": [reason]}).status_code == 422
    too_long = {"verdict": "violation", "reasons": [reason], "ban_months": 13}
    assert proctor.post(url, json=too_long).status_code == 422
    not_listed = {"verdict": "violation", "ban_months": 6,
                  "reasons": [{"category": "examinee", "code": "phone"}]}  # fmt: skip
    assert proctor.post(url, json=not_listed).status_code == 422
    stranger = {"verdict": "clear", "flags": [{"incident_id": 999999, "finding": "dismissed"}]}
    assert proctor.post(url, json=stranger).status_code == 422
    body = VerdictRequest(
        verdict="violation",
        reasons=[Reason.model_validate(reason)],
        ban_months=6,
        flags=[FlagFinding(incident_id=shown.id, finding="confirmed", note="a second face")],
    )
    # focus_lost has no finding: the violation waits for it unless the proctor decides anyway.
    waiting = proctor.post(url, json=body.model_dump(mode="json"))
    assert waiting.status_code == 409 and waiting.json()["code"] == "flags_unresolved"
    assert waiting.json()["params"] == {"attempt": attempt, "count": "1"}
    refused_whole = proctor.get("/api/v1/reviews").json()[0]["open_flags"]
    assert len(refused_whole) == 2 and shown.id in refused_whole  # the findings were not kept
    body = body.model_copy(update={"despite_open_flags": True})
    sent = proctor.post(url, json=body.model_dump(mode="json")).json()
    assert sent["outcome"] == "annulled" and sent["ban_months"] == 6
    # The test was on 2026-03-10 in Almaty: six months later is 2026-09-10, the ban's last day.
    assert sent["banned_until"] == "2026-09-10"
    registration = hall.registrations[1]
    with hall.runtime.read() as db:
        reg = db.get(Registration, registration.registration_id)
        assert reg is not None and reg.banned_until is not None
        assert reg.banned_until.isoformat() == "2026-09-10T19:00:00+00:00"  # 00:00 in Almaty
        entry = db.execute(
            select(AuditEntry).where(AuditEntry.action == "attempt.verdict")
        ).scalar_one()
        assert entry.detail["flags"] == {str(shown.id): "confirmed"}
        assert entry.detail["despite_open_flags"] is True
    line = proctor.get(f"/api/v1/attempts/{attempt}/timeline").json()
    findings = {m["code"]: (m["finding"], m["finding_note"]) for m in line["marks"]}
    assert findings == {"several_faces": ("confirmed", "a second face"), "focus_lost": (None, None)}
    assert proctor.get("/api/v1/reviews").json() == []
    hall.runtime.sync.run_once()
    stored = stub_store.records("verifications")[attempt]
    assert stored["verdict"] == "violation" and stored["banned_until"] == "2026-09-10"
    assert [r["code"] for r in stored["reasons"]] == ["materials_exchanged"]
    proctor.close()


def test_attempts_with_no_flag_are_cleared_in_bulk_and_one_with_a_flag_stops_the_batch(
    hall: Hall, stub_store: StubStore
) -> None:
    first, one = seated(hall)
    second = hall.seat(hall.registrations[4], "A02")
    two = hall.start("A02").attempt_id
    first.finish(one, "submitted", 0)
    second.finish(two, "submitted", 0)
    third = hall.seat(hall.registrations[3], "A03")
    flagged = hall.start("A03").attempt_id
    third.report(flagged, IncidentReport(at=hall.clock.now(), category="lockdown", code="focus"))
    third.finish(flagged, "submitted", 0)
    proctor = hall.console
    with pytest.raises(ServerRefused) as refused:
        proctor.clear_unflagged([one, two, flagged], watched=[one])
    assert refused.value.status == 409 and flagged in refused.value.detail
    assert {r.attempt_id for r in proctor.reviews()} == {one, two, flagged}  # nothing cleared
    with pytest.raises(ServerRefused) as outside:
        proctor.clear_unflagged([one], watched=[two])
    assert outside.value.status == 422
    assert sorted(proctor.clear_unflagged([one, two], watched=[two])) == sorted([one, two])
    assert [r.attempt_id for r in proctor.reviews()] == [flagged]
    with hall.runtime.read() as db:
        bulk = [
            e.detail["bulk"]
            for e in db.execute(select(AuditEntry).where(AuditEntry.action == "attempt.verdict"))
            .scalars()
        ]  # fmt: skip
    assert bulk == [{"watched": 1, "of": 2}] * 2
    hall.runtime.sync.run_once()
    verdicts = stub_store.records("verifications")
    assert {verdicts[one]["verdict"], verdicts[two]["verdict"]} == {"clear"}


def test_forty_verdicts_at_once_leave_one_verdict_and_one_record_upstream(
    hall: Hall, stub_store: StubStore
) -> None:
    client, attempt = seated(hall)
    client.finish(attempt, "submitted", 0)
    other = hall.seat(hall.registrations[4], "A02")
    second = hall.start("A02").attempt_id
    other.finish(second, "submitted", 0)
    violation = VerdictRequest(
        verdict="violation",
        reasons=[Reason(category="examinee", code="talking")],
        ban_months=6,
    )
    verdicts = forty_at_once(lambda: hall.console.verdict(attempt, violation))
    assert verdicts == [200] + [409] * 39
    cleared = forty_at_once(lambda: hall.console.clear_unflagged([second], watched=[second]))
    assert cleared == [200] + [409] * 39
    with hall.runtime.read() as db:
        entries = (
            db.execute(select(AuditEntry).where(AuditEntry.action == "attempt.verdict"))
            .scalars()
            .all()
        )
    assert sorted(e.subject for e in entries) == sorted([attempt, second])
    hall.runtime.sync.run_once()
    stored = stub_store.records("verifications")
    assert stored[attempt]["verdict"] == "violation" and stored[second]["verdict"] == "clear"


def test_a_violation_names_a_reason_that_breaks_the_rules(hall: Hall) -> None:
    client, attempt = seated(hall)
    client.finish(attempt, "submitted", 0)
    ill = VerdictRequest(
        verdict="violation", reasons=[Reason(category="examinee", code="illness")], ban_months=6
    )
    with pytest.raises(ServerRefused) as refused:
        hall.console.verdict(attempt, ill)
    assert (refused.value.status, refused.value.code) == (422, "verdict_reason_not_violation")
    assert refused.value.params == {"code": "illness"}
    other = Reason(category="examinee", code="other", note="answers read out from a sleeve")
    ill = ill.model_copy(update={"reasons": [other]})
    assert hall.console.verdict(attempt, ill).verdict == "violation"


def test_the_rule_proposes_the_termination_reason_only_for_a_violation(hall: Hall) -> None:
    seated(hall)
    hall.seat(hall.registrations[4], "A02")
    hall.start("A02")
    talking = Reason(category="examinee", code="talking", note="to A03")
    hall.console.terminate("A01", hall.sitting("A01"), talking)
    hall.console.terminate("A02", hall.sitting("A02"), Reason(category="examinee", code="illness"))
    items = {i.seat: i for i in hall.console.reviews()}
    assert items["A01"].proposed == talking
    assert items["A02"].proposed is None  # no rule applies: the proctor chooses
    # The termination is a flag of the attempt: it waits for the proctor's finding.
    assert len(items["A01"].open_flags) == 1
