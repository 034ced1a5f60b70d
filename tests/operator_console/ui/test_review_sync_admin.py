"""The staff's second half through the real window against a real room server: a proctor reviews a
recorded attempt end to end, an operator watches the 20-minute clock and exports for a courier,
an administrator manages users, kiosks and banks and checks the audit chain."""

from __future__ import annotations

import json
import os
import threading
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from hardware.recording.recorder import SegmentRecorder
from kiosk.recording_upload import RecordingUploader
from operator_console.central.store import StubStore
from operator_console.protocol.console_api.hall import EnrollmentCodeView
from operator_console.protocol.kiosk_api import IncidentReport
from operator_console.protocol.reasons import Reason
from operator_console.server.models import Registration
from operator_console.ui.dialogs import CodeDialog
from operator_console.ui.screens.admin.screen import AdminScreen
from operator_console.ui.screens.review.screen import ReviewScreen
from operator_console.ui.screens.review.verdict import VerdictConfirmation
from operator_console.ui.screens.sync import SyncScreen
from question_banks.keys import load_box_public, load_signing_key
from question_banks.package import seal
from question_banks.samples import sample_bank
from tests.hall import Hall
from tests.hardware.video import astronaut, frames
from tests.kiosk.fit import problems
from tests.operator_console.ui.conftest import WAIT_MS, console_for
from tests.operator_console.ui.modal import Answers
from tests.operator_console.ui.test_console_screenshots import PADDING
from tests.operator_console.ui.test_desk_and_hall import child, click, kiosk_at


def said_and_yes(box: QMessageBox) -> str:
    """Answers a yes-or-no question Yes; what it said."""
    said = f"{box.windowTitle()}\n{box.text()}"
    box.button(QMessageBox.StandardButton.Yes).click()
    return said


def said_and_no(box: QMessageBox) -> str:
    said = f"{box.windowTitle()}\n{box.text()}"
    box.button(QMessageBox.StandardButton.No).click()
    return said


def recorded_attempt(hall: Hall, keys: Path, folder: Path) -> tuple[str, int]:
    """A sitting at A01 recorded by the real recorder and uploaded by the real uploader: 4 s of
    a face on camera, a second face flagged at 2.5 s, a focus-lost at 3 s, an operator's incident.
    Answers the attempt and the face flag's incident."""
    client = hall.seat(hall.registrations[1], "A01")
    hall.console.start_session(hall.session_id)
    attempt = hall.start("A01").attempt_id
    started = hall.clock.now()
    recorder = SegmentRecorder(
        folder, load_box_public(keys / "hall-box.pub"), segment_seconds=2, clock=hall.clock.now
    )
    for frame in frames(astronaut(640), 60, fps=15):
        recorder(frame)
        hall.clock.advance(timedelta(seconds=1 / 15))
    recorder.stop()
    RecordingUploader(client, folder, attempt).upload_pending()
    second_face = started + timedelta(seconds=2.5)
    face = client.report(
        attempt, IncidentReport(at=second_face, category="proctoring", code="several_faces")
    )
    lost = started + timedelta(seconds=3)
    client.report(attempt, IncidentReport(at=lost, category="lockdown", code="focus_lost"))
    hall.console.log_incident(Reason(category="examinee", code="talking"), seat="A01")
    hall.clock.advance(timedelta(seconds=10))
    client.finish(attempt, "submitted", 0)
    return attempt, face.id


def confirm_verdict(dialog: VerdictConfirmation) -> str:
    said = dialog.text()
    dialog.go.click()
    return said


def test_a_proctor_reviews_a_recorded_attempt_and_a_violation_annuls_and_bans(
    qtbot: QtBot, hall: Hall, keys: Path, tmp_path: Path, stub_store: StubStore
) -> None:
    attempt, face_id = recorded_attempt(hall, keys, tmp_path / "rec")
    windows = console_for(qtbot, hall, "proctor")
    window = next(windows)
    try:
        assert set(window.screens) == {"hall", "history", "review", "sync"}
        screen = window.show_screen("review")
        assert isinstance(screen, ReviewScreen)
        qtbot.waitUntil(lambda: len(screen.queue_box.items) == 1, timeout=WAIT_MS)
        queue = child(window, "review_queue")
        assert isinstance(queue, QTableWidget)
        flags_cell, test_cell = queue.item(0, 3), queue.item(0, 1)
        assert flags_cell is not None and test_cell is not None
        assert "Talking" in flags_cell.text() and "×" not in test_cell.text()
        queue.selectRow(0)
        # Opened twice in a hurry: one player remains (the suite checks no thread is left).
        screen.queue_box.open_row(0)  # what a double click on the row does, before *Open*
        click(qtbot, window, "review_open")
        qtbot.waitUntil(lambda: screen.model.background.busy == 0, timeout=WAIT_MS)
        players = [t for t in threading.enumerate() if t.name == "review-player"]
        assert len(players) == 1
        qtbot.waitUntil(lambda: screen.line is not None and screen.video.image is not None,
                        timeout=WAIT_MS)  # fmt: skip
        line = screen.line
        assert line is not None
        # Markers at their recording time, on the bar: the face flag 2.5 s after the start.
        face = next(m for m in line.marks if m.incident_id == face_id)
        assert face.at == line.starts_at + timedelta(seconds=2.5)
        bar = screen.timeline
        assert abs(bar.x_of(face.at) - bar.x_of(line.starts_at) - (bar.width() - 16) * 2.5
                   / (line.ends_at - line.starts_at).total_seconds()) < 1  # fmt: skip
        # "Next flag" seeks to the face flag and stops there with its frame on screen.
        click(qtbot, window, "review_next_flag")
        qtbot.waitUntil(lambda: bar.position == face.at, timeout=WAIT_MS)
        assert screen.video.image is not None and screen.video.image.width() == 640
        flags = child(window, "review_flags")
        assert isinstance(flags, QTableWidget) and flags.currentRow() == 0
        # Click on the timeline just after the recording: a gap, drawn and said as such.
        gap_at = line.starts_at + timedelta(seconds=8)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                         pos=QPoint(int(bar.x_of(gap_at)), 20))  # fmt: skip
        qtbot.waitUntil(lambda: screen.video.image is None, timeout=WAIT_MS)
        assert "No recording" in screen.video.words
        # Play at 8x from the start: it stops at the first flag.
        screen.speed.setCurrentIndex(3)
        screen.player.seek(line.starts_at)  # type: ignore[union-attr]
        click(qtbot, window, "review_play")
        qtbot.waitUntil(lambda: bar.position == face.at and not screen.player.playing,  # type: ignore[union-attr]
                        timeout=WAIT_MS)  # fmt: skip
        note = child(window, "flag_note")
        assert isinstance(note, QLineEdit)
        flags.selectRow(0)
        note.setText("a second face beside the candidate")
        click(qtbot, window, "flag_confirm")
        flags.selectRow(1)
        click(qtbot, window, "flag_dismiss")
        # Nothing preselected: no rule proposes a reason.
        assert screen.verdict_box.reason.reason() is None
        screen.verdict_box.reason.choose("examinee", "materials_exchanged", "a paper passed")
        screen.verdict_box.ban.setValue(9)
        # Asked first; the operator's incident still has no finding, and the proctor goes on.
        asked = Answers(VerdictConfirmation, [confirm_verdict])
        click(qtbot, window, "verdict_violation")
        qtbot.waitUntil(
            lambda: screen.line is None and screen.queue_box.items == [], timeout=WAIT_MS
        )
        assert asked.done and "1 flags have no finding" in str(asked.seen[0])
        assert "annulled" in child(window, "message").text()  # type: ignore[attr-defined]
        hall.runtime.sync.run_once()
        stored = stub_store.records("verifications")[attempt]
        assert stored["verdict"] == "violation" and stored["ban_months"] == 9
        assert stored["reasons"][0]["code"] == "materials_exchanged"
        with hall.runtime.read() as db:
            reg = db.get(Registration, hall.registrations[1].registration_id)
            assert reg is not None and reg.banned_until is not None
        findings = {m.incident_id: m.finding for m in hall.console.timeline(attempt).marks}
        assert findings[face_id] == "confirmed"
        assert "dismissed" in findings.values()
    finally:
        windows.close()


def test_the_sync_screen_shows_a_parked_record_retries_it_and_exports_for_a_courier(
    qtbot: QtBot, hall: Hall, stub_store: StubStore, tmp_path: Path
) -> None:
    client = hall.seat(hall.registrations[1], "A01")
    hall.console.start_session(hall.session_id)
    attempt = hall.start("A01").attempt_id
    stub_store.store("results", attempt, {"schema": "something else"})
    client.finish(attempt, "submitted", 0)
    hall.runtime.sync.run_once()
    windows = console_for(qtbot, hall, "operator")
    window = next(windows)
    try:
        screen = window.show_screen("sync")
        assert isinstance(screen, SyncScreen)
        parked = child(window, "parked")
        assert isinstance(parked, QTableWidget)
        qtbot.waitUntil(lambda: parked.rowCount() == 1, timeout=WAIT_MS)
        said = parked.item(0, 4)
        assert said is not None and "other content" in said.text()
        assert "ALARM" in window.sync_state.text() and "1 parked" in window.sync_state.text()
        qtbot.waitUntil(
            lambda: bool(screen.chart.deliveries) and screen.chart.deliveries[0].pending,
            timeout=WAIT_MS,
        )
        (stub_store.root / "results" / f"{attempt}.json").unlink()
        parked.selectRow(0)
        click(qtbot, window, "retry")
        qtbot.waitUntil(lambda: parked.rowCount() == 0, timeout=WAIT_MS)
        hall.runtime.sync.run_once()
        qtbot.waitUntil(lambda: "on time" in window.sync_state.text(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not screen.chart.deliveries[0].pending, timeout=WAIT_MS)
        # A second result that cannot leave: exported for a courier, with progress.
        other = hall.seat(hall.registrations[4], "A02")
        second = hall.start("A02").attempt_id
        other.finish(second, "submitted", 0)
        stick = tmp_path / "usb" / "bundle.json"
        stick.parent.mkdir()
        screen._export(str(stick))
        qtbot.waitUntil(lambda: "records" in screen.export_said.text(), timeout=WAIT_MS)
        assert screen.progress.value() == 100
        bundle = json.loads(stick.read_text("utf-8"))
        assert second in {r["id"] for r in bundle["bundle"]["records"]}
        assert bundle["signature"]
    finally:
        windows.close()


def test_an_administrator_manages_users_kiosks_and_banks_and_checks_the_audit_chain(
    qtbot: QtBot, hall: Hall, keys: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk_at(hall, "A05")
    windows = console_for(qtbot, hall, "administrator")
    window = next(windows)
    try:
        screen = window.show_screen("admin")
        assert isinstance(screen, AdminScreen)
        users = screen.users
        qtbot.waitUntil(lambda: len(users.users) >= 2, timeout=WAIT_MS)
        users.username.setText("aigerim")
        users.full_name.setText("Айгерім Жұмабаева")
        users.role.setCurrentIndex(users.role.findData("proctor"))
        users.password.setText("long-password")
        # A hurried administrator presses Enter twice: one user, and no "already exists".
        qtbot.keyClick(users.password, Qt.Key.Key_Return)
        qtbot.keyClick(users.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "aigerim" in [u.username for u in users.users], timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.model.background.busy == 0, timeout=WAIT_MS)
        assert "created" in (window.model.message or "") and not window.model.message_is_error
        row = [u.username for u in users.users].index("aigerim")
        users.table.selectRow(row)
        asked = Answers(QMessageBox, [said_and_yes])
        click(qtbot, users, "user_toggle")  # asked first: every sign-in of hers ends
        qtbot.waitUntil(lambda: asked.done, timeout=WAIT_MS)
        assert "aigerim" in str(asked.seen[0])
        qtbot.waitUntil(
            lambda: not next(u for u in users.users if u.username == "aigerim").active,
            timeout=WAIT_MS,
        )
        # Another administrator becomes an operator; then the last one cannot: the server says why.
        users.table.selectRow([u.username for u in users.users].index("desk"))
        users.set_role.setCurrentIndex(users.set_role.findData("operator"))
        click(qtbot, users, "user_apply_role")
        qtbot.waitUntil(
            lambda: next(u for u in users.users if u.username == "desk").role == "operator",
            timeout=WAIT_MS,
        )
        users.table.selectRow([u.username for u in users.users].index("administrator"))
        click(qtbot, users, "user_apply_role")
        qtbot.waitUntil(
            lambda: "last administrator" in (window.model.message or ""), timeout=WAIT_MS
        )

        screen.tabs.setCurrentWidget(screen.kiosks)
        kiosks = screen.kiosks
        qtbot.waitUntil(lambda: len(kiosks.kiosks) == 1, timeout=WAIT_MS)
        shown: list[object] = []
        monkeypatch.setattr(CodeDialog, "ask", classmethod(lambda _c, _p, code: shown.append(code)))
        kiosks.seat.setText("b07")
        click(qtbot, kiosks, "enroll_issue")
        qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
        code = shown[0]
        assert isinstance(code, EnrollmentCodeView) and code.seat == "B07"
        dialog = CodeDialog(None, code)
        qtbot.addWidget(dialog)
        dialog.show()
        assert code.code in [w.text() for w in dialog.findChildren(QLabel)]
        assert problems(dialog, touch=None, padding=PADDING) == []
        dialog.close()
        kiosks.table.selectRow(0)
        asked = Answers(QMessageBox, [said_and_no, said_and_yes])
        click(qtbot, kiosks, "kiosk_revoke")  # No: nothing happens
        qtbot.waitUntil(lambda: len(asked.seen) == 1, timeout=WAIT_MS)
        assert not kiosks.kiosks[0].revoked
        click(qtbot, kiosks, "kiosk_revoke")
        qtbot.waitUntil(lambda: asked.done, timeout=WAIT_MS)
        assert kiosks.kiosks[0].seat in str(asked.seen[1])
        qtbot.waitUntil(lambda: bool(kiosks.kiosks) and kiosks.kiosks[0].revoked, timeout=WAIT_MS)

        screen.tabs.setCurrentWidget(screen.banks)
        banks = screen.banks
        qtbot.waitUntil(lambda: banks.banks is not None, timeout=WAIT_MS)
        package = tmp_path / "pq1.hallbank"
        package.write_bytes(seal(sample_bank("pq_program_1"), {},
                                 authority=load_signing_key(keys / "authority.key"),
                                 hall=load_box_public(keys / "hall-box.pub")))  # fmt: skip
        damaged = tmp_path / "damaged.hallbank"
        damaged.write_bytes(package.read_bytes()[:500])
        banks.load_file(str(damaged))
        qtbot.waitUntil(
            lambda: banks.banks is not None and "damaged.hallbank" in banks.banks.refused,
            timeout=WAIT_MS,
        )
        banks.load_file(str(package))
        qtbot.waitUntil(
            lambda: (
                banks.banks is not None
                and "pq_program_1" in [b.program for b in banks.banks.loaded]
            ),
            timeout=WAIT_MS,
        )

        # Item statistics of the legislation bank: the table, the chart, the CSV.
        screen.tabs.setCurrentWidget(screen.items)
        items = screen.items
        qtbot.waitUntil(lambda: items.stats is not None, timeout=WAIT_MS)
        legislation = items.program.findData("legislation")
        assert legislation >= 0
        items.program.setCurrentIndex(legislation)
        items.refresh()
        qtbot.waitUntil(lambda: items.stats is not None and items.stats.program == "legislation",
                        timeout=WAIT_MS)  # fmt: skip
        table = tmp_path / "items.csv"
        items.export_csv(str(table))
        qtbot.waitUntil(table.exists, timeout=WAIT_MS)
        assert table.read_text("utf-8").startswith("item_id,language,section")

        screen.tabs.setCurrentWidget(screen.audit)
        click(qtbot, screen.audit, "audit_check")
        qtbot.waitUntil(lambda: screen.audit.found is not None, timeout=WAIT_MS)
        assert screen.audit.found is not None and screen.audit.found.broken is None
        assert "holds" in screen.audit.verdict.text()

        report = tmp_path / "report.pdf"
        window.save_report(str(report))
        qtbot.waitUntil(report.exists, timeout=WAIT_MS)
        qtbot.waitUntil(report.with_suffix(".csv").exists, timeout=WAIT_MS)
        assert report.read_bytes().startswith(b"%PDF-")
    finally:
        windows.close()


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_review_sync_and_administration_screens_fit_in_every_language(
    qtbot: QtBot, hall: Hall, keys: Path, tmp_path: Path, language: str
) -> None:
    out = Path(os.environ.get("CONSOLE_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    recorded_attempt(hall, keys, tmp_path / "rec")
    kiosk_at(hall, "A05")
    windows = console_for(qtbot, hall, "administrator", language)
    window = next(windows)
    found: dict[str, list[str]] = {}
    try:
        window.resize(1366, 768)

        def shoot(name: str) -> None:
            def fits() -> bool:
                return not problems(window, touch=None, padding=PADDING)

            with suppress(qtbot.TimeoutError):
                qtbot.waitUntil(fits, timeout=2000)
            window.grab().save(str(out / f"console-{language}-1366x768-{name}.png"))
            found[name] = problems(window, touch=None, padding=PADDING)
            if window.width() > 1366 or window.height() > 768:
                found[name].append(f"the window grew to {window.width()}x{window.height()}")

        review = window.show_screen("review")
        assert isinstance(review, ReviewScreen)
        qtbot.waitUntil(lambda: len(review.queue_box.items) == 1, timeout=WAIT_MS)
        review.queue_box.open_row(0)
        qtbot.waitUntil(lambda: review.video.image is not None, timeout=WAIT_MS)
        review.player.seek(review.line.marks[0].at)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: review.timeline.position == review.line.marks[0].at,  # type: ignore[union-attr]
                        timeout=WAIT_MS)  # fmt: skip
        shoot("review")
        sync = window.show_screen("sync")
        assert isinstance(sync, SyncScreen)
        qtbot.waitUntil(lambda: window.model.sync is not None, timeout=WAIT_MS)
        shoot("sync")
        admin = window.show_screen("admin")
        assert isinstance(admin, AdminScreen)
        for tab in (admin.users, admin.kiosks, admin.banks, admin.items, admin.audit):
            admin.tabs.setCurrentWidget(tab)
            if tab is admin.audit:
                click(qtbot, tab, "audit_check")
                qtbot.waitUntil(lambda: admin.audit.found is not None, timeout=WAIT_MS)
            else:
                field = {admin.users: "users", admin.kiosks: "kiosks", admin.banks: "banks",
                         admin.items: "stats"}[tab]  # fmt: skip

                def loaded(t: object = tab, f: str = field) -> bool:
                    return bool(getattr(t, f))

                qtbot.waitUntil(loaded, timeout=WAIT_MS)
            shoot(f"admin-{type(tab).__name__.removesuffix('Tab').lower()}")
        assert {k: v for k, v in found.items() if v} == {}
    finally:
        windows.close()
