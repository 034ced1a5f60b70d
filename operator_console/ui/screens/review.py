"""The proctor's review: the queue of finished attempts, the player with one timeline of the
whole sitting, a finding on each flag, and the verdict (clear, or a violation that annuls the
result and bans the candidate for 6 to 12 months)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operator_console.core.playback import SPEEDS, Playback, Reel, Shown
from operator_console.protocol.console_api import (
    FlagFinding,
    ReviewItem,
    ReviewTimeline,
    TimelineMark,
    VerdictRequest,
)
from operator_console.ui import hall_time, texts
from operator_console.ui.dialogs import ReasonPicker
from operator_console.ui.model import ConsoleModel
from operator_console.ui.player import TimelineBar, VideoView
from operator_console.ui.widgets import data_table, named

FLAG_KINDS = ("face", "lockdown", "camera", "incident")
"""Marks that are flags: each gets a finding. Seat actions and pauses are context."""


class _Frames(QObject):
    """Carries the player thread's frames to the screen's thread."""

    frame = Signal(object, object)
    stopped = Signal(str)


class VerdictConfirmation(QMessageBox):
    """Asked before a violation, which cannot be undone here: it names the candidate, the reason
    and the ban, and the flags still without a finding. Enter and Escape go back."""

    def __init__(
        self, parent: QWidget | None, attempt: ReviewItem, reason: str, months: int, open_flags: int
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verdict_confirmation")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Annul the result and ban the candidate?"))
        words = (
            self.tr("%1 (%2): the result is annulled and the candidate is banned from testing "
                    "for %3 months. Reason: %4. This cannot be undone here.")
            .replace("%1", attempt.full_name)
            .replace("%2", texts.program(attempt.program))
            .replace("%3", str(months))
            .replace("%4", reason)
        )  # fmt: skip
        if open_flags:
            words += "\n\n" + self.tr(
                "%1 flags have no finding: the violation is given regardless of them."
            ).replace("%1", str(open_flags))
        self.setText(words)
        self.go = self.addButton(self.tr("Annul and ban"), QMessageBox.ButtonRole.AcceptRole)
        self.go.setObjectName("verdict_confirm")
        self.back = self.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        self.back.setObjectName("verdict_go_back")
        self.setDefaultButton(self.back)
        self.setEscapeButton(self.back)

    @classmethod
    def ask(
        cls, parent: QWidget | None, attempt: ReviewItem, reason: str, months: int, open_flags: int
    ) -> bool:
        dialog = cls(parent, attempt, reason, months, open_flags)
        dialog.exec()
        return dialog.clickedButton() is dialog.go


class ReviewScreen(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.items: list[ReviewItem] = []
        self.line: ReviewTimeline | None = None
        self.player: Playback | None = None
        self.watched: set[str] = set()
        """Attempts whose recording the proctor played or sought in, this sitting at the console."""
        self.findings: dict[int, FlagFinding] = {}
        self._frames = _Frames()
        self._frames.frame.connect(self._show_frame)
        self._frames.stopped.connect(self._stopped)

        self.queue = data_table("review_queue", 4, single=False)
        self.queue.itemSelectionChanged.connect(self._selection)
        self.queue.cellDoubleClicked.connect(lambda row, _c: self.open_row(row))
        self.open_button = named(QPushButton(), "review_open")
        self.open_button.clicked.connect(lambda: self.open_row(self.queue.currentRow()))
        self.clear_bulk = named(QPushButton(), "review_clear_bulk")
        self.clear_bulk.clicked.connect(self._clear_bulk)
        self.sample = named(QLabel(), "review_sample")
        self.sample.setWordWrap(True)
        self.reload = named(QPushButton(), "review_reload")
        self.reload.clicked.connect(self.refresh)

        self.video = VideoView()
        self.timeline = TimelineBar()
        self.timeline.seek.connect(self._seek)
        self.timeline.picked.connect(self._picked)
        self.play = named(QPushButton(), "review_play")
        self.play.clicked.connect(self._play_pause)
        self.speed = named(QComboBox(), "review_speed")
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.currentIndexChanged.connect(self._speed)
        self.back = named(QPushButton("◀|"), "review_frame_back")
        self.back.clicked.connect(lambda: self._step(-1))
        self.forward = named(QPushButton("|▶"), "review_frame_forward")
        self.forward.clicked.connect(lambda: self._step(1))
        self.next_flag = named(QPushButton(), "review_next_flag")
        self.next_flag.clicked.connect(self._next_flag)
        self.where = named(QLabel(), "review_position")
        self.title = named(QLabel(), "review_title")
        self.title.setProperty("role", "title")

        self.flags = data_table("review_flags", 4)
        self.flags.cellClicked.connect(lambda row, _c: self._flag_row(row))
        self.note = named(QLineEdit(), "flag_note")
        self.confirm = named(QPushButton(), "flag_confirm")
        self.confirm.clicked.connect(lambda: self._find("confirmed"))
        self.dismiss = named(QPushButton(), "flag_dismiss")
        self.dismiss.clicked.connect(lambda: self._find("dismissed"))

        self.reason = ReasonPicker(only=("examinee", "other"))
        # No reason is chosen for the proctor: the rule proposes one, or the proctor picks it.
        self.reason.category.currentIndexChanged.connect(self._no_reason)
        self._no_reason()
        self.ban = named(QSpinBox(), "ban_months")
        self.ban.setRange(6, 12)
        self.ban.setValue(6)
        self.clear = named(QPushButton(), "verdict_clear")
        self.clear.setProperty("role", "primary")
        self.clear.clicked.connect(lambda: self._verdict("clear"))
        self.violation = named(QPushButton(), "verdict_violation")
        self.violation.clicked.connect(lambda: self._verdict("violation"))
        self._lay_out()
        model.news.connect(self.on_news)
        self.retranslate()
        self._enable()

    def _lay_out(self) -> None:
        self.queue_box = QGroupBox()
        left = QVBoxLayout(self.queue_box)
        left.addWidget(self.queue, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.reload)
        left.addLayout(row)
        left.addWidget(self.sample)
        left.addWidget(self.clear_bulk)
        controls = QHBoxLayout()
        for w in (self.play, self.speed, self.back, self.forward, self.next_flag):
            controls.addWidget(w)
        controls.addStretch(1)
        controls.addWidget(self.where)
        self.flags_box = QGroupBox()
        flags = QVBoxLayout(self.flags_box)
        flags.addWidget(self.flags, 1)
        finding = QHBoxLayout()
        finding.addWidget(self.note, 1)
        finding.addWidget(self.confirm)
        finding.addWidget(self.dismiss)
        flags.addLayout(finding)
        self.verdict_box = QGroupBox()
        verdict = QVBoxLayout(self.verdict_box)
        verdict.addWidget(self.clear)
        verdict.addWidget(self.reason)
        ban = QHBoxLayout()
        self.ban_label = QLabel()
        ban.addWidget(self.ban_label)
        ban.addWidget(self.ban)
        verdict.addLayout(ban)
        verdict.addWidget(self.violation)
        verdict.addStretch(1)
        player = QVBoxLayout()
        player.setContentsMargins(0, 0, 0, 0)
        player.addWidget(self.title)
        player.addWidget(self.video, 1)
        player.addLayout(controls)
        player.addWidget(self.timeline)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.flags_box, 1)
        side.addWidget(self.verdict_box)
        right = QWidget()
        columns = QHBoxLayout(right)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(player, 3)
        columns.addLayout(side, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.queue_box)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 1040])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(split)

    def retranslate(self) -> None:
        self.queue_box.setTitle(self.tr("Waiting for a verdict (oldest first)"))
        self.queue.setHorizontalHeaderLabels(
            [self.tr("Candidate"), self.tr("Test"), self.tr("Ended"), self.tr("Flags")]
        )
        self.open_button.setText(self.tr("Open"))
        self.reload.setText(self.tr("Refresh"))
        self.play.setText(
            self.tr("Pause") if self.player and self.player.playing else self.tr("Play")
        )
        self.next_flag.setText(self.tr("Next flag"))
        self.flags_box.setTitle(self.tr("Flags: confirm or dismiss each"))
        self.flags.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("What"), self.tr("By"), self.tr("Finding")]
        )
        self.note.setPlaceholderText(self.tr("Note on the finding"))
        self.confirm.setText(self.tr("Confirm"))
        self.dismiss.setText(self.tr("Dismiss"))
        self.verdict_box.setTitle(self.tr("Verdict"))
        self.clear.setText(self.tr("Clear: no violation"))
        self.violation.setText(self.tr("Violation: annul and ban"))
        self.ban_label.setText(self.tr("Ban (months, 6 to 12)"))
        self._sample_words()
        self._show_queue()
        self._title()

    # ----- the queue ----------------------------------------------------------------------------

    def on_news(self, kinds: set[str]) -> None:
        if kinds & {"review"}:
            self._show_queue()

    def showEvent(self, event: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        def got(items: list[ReviewItem]) -> None:
            self.items = items
            self._show_queue()
            self.model.news.emit({"review"})

        self.model.call(self.model.client.reviews, got)

    def _show_queue(self) -> None:
        self.queue.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            flags = ", ".join(
                f"{texts.reason(code)} ×{n}" if n > 1 else texts.reason(code)
                for code, n in sorted(item.flags.items())
            )
            cells = [
                f"{item.full_name} · {item.seat or '—'}",
                texts.program(item.program),
                f"{hall_time.hall(item.finished_at):%H:%M}" if item.finished_at else "",
                flags or self.tr("no flag"),
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.attempt_id)
                self.queue.setItem(row, col, cell)
        self._sample_words()
        self._selection()

    def _unflagged(self) -> list[ReviewItem]:
        return [i for i in self.items if not i.flags]

    def _sample_words(self) -> None:
        unflagged = {i.attempt_id for i in self._unflagged()}
        seen = len(self.watched & unflagged)
        self.sample.setText(
            self.tr("Attempts with no flag: %1. You watched %2 of them here.")
            .replace("%1", str(len(unflagged)))
            .replace("%2", str(seen))
        )
        self.clear_bulk.setText(
            self.tr("Clear the %1 unflagged after the sample").replace("%1", str(len(unflagged)))
        )
        self.clear_bulk.setEnabled(bool(unflagged) and seen > 0)

    def _selection(self) -> None:
        self.open_button.setEnabled(self.queue.currentRow() >= 0 and bool(self.items))

    def _clear_bulk(self) -> None:
        batch = [i.attempt_id for i in self._unflagged()]
        watched = [a for a in batch if a in self.watched]
        if not batch or not watched:
            return
        self.clear_bulk.setEnabled(False)
        self.model.call(
            lambda: self.model.client.clear_unflagged(batch, watched),
            lambda _done: self.refresh(),
            done=self.tr("%1 attempts cleared (%2 watched)")
            .replace("%1", str(len(batch)))
            .replace("%2", str(len(watched))),
        )

    # ----- the player ---------------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        self.open_attempt(self.items[row].attempt_id)

    def open_attempt(self, attempt_id: str) -> None:
        self.close_player()
        self.findings = {}

        def got(line: ReviewTimeline) -> None:
            # Opened twice in a hurry (a double click, then Enter): the later answer replaces
            # the earlier player, whose thread ends here.
            self.close_player()
            self.line = line
            reel = Reel(line.segments, lambda seq: self.model.client.segment(attempt_id, seq))
            self.player = Playback(
                reel,
                line.starts_at,
                line.ends_at,
                lambda shown, at: self._frames.frame.emit(shown, at),
                lambda why: self._frames.stopped.emit(why),
            )
            self.player.stops = [m.at for m in line.marks if m.kind in FLAG_KINDS]
            self.timeline.set_line(line)
            self._propose(line.attempt)
            self._show_flags()
            self._title()
            self._enable()
            self.model.news.emit({"review_open"})

        self.model.call(lambda: self.model.client.timeline(attempt_id), got)

    def shut(self) -> None:
        """The window closes: the player's thread ends with it."""
        self.close_player()

    def close_player(self) -> None:
        if self.player is not None:
            self.player.close()
            self.player = None
        self.line = None
        self.timeline.set_line(None)
        self.video.show_frame(None)

    def _title(self) -> None:
        if self.line is None:
            self.title.setText(self.tr("Choose an attempt to review"))
            return
        a = self.line.attempt
        self.title.setText(f"{a.full_name} · {texts.program(a.program)} · {a.seat or '—'}")

    def _show_frame(self, shown: Shown | None, at: datetime) -> None:
        words = f"{hall_time.hall(at):%H:%M:%S}"
        if shown is None and self.line is not None:
            gap = next((g for g in self.line.gaps if g.starts_at <= at < g.ends_at), None)
            words += "  " + (
                self.tr("No recording: the camera was lost")
                if gap is not None and gap.why == "camera_lost"
                else self.tr("No recording here")
            )
        self.video.show_frame(shown.image if shown is not None else None, words)
        self.timeline.set_position(at)
        self.where.setText(f"{hall_time.hall(at):%H:%M:%S}")
        self.model.news.emit({"review_frame"})

    def _stopped(self, why: str) -> None:
        if why.startswith("error"):
            self.model.say(
                self.tr("The recording cannot be played: %1").replace("%1", why), error=True
            )
        self.retranslate_play()
        self.model.news.emit({"review_stopped"})

    def retranslate_play(self) -> None:
        playing = self.player is not None and self.player.playing
        self.play.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _watch(self) -> None:
        if self.line is not None:
            self.watched.add(self.line.attempt.attempt_id)
            self._sample_words()

    def _play_pause(self) -> None:
        if self.player is None:
            return
        if self.player.playing:
            self.player.pause()
        else:
            self._watch()
            self.player.play()
        self.retranslate_play()

    def _speed(self) -> None:
        if self.player is not None:
            self.player.set_speed(float(self.speed.currentData()))

    def _step(self, frames: int) -> None:
        if self.player is not None:
            self.player.step(frames)
            self.retranslate_play()

    def _seek(self, at: datetime) -> None:
        if self.player is not None:
            self._watch()
            self.player.seek(at)

    def _picked(self, mark: TimelineMark) -> None:
        self._seek(mark.at)
        if self.line is not None and mark in self._flag_marks():
            self.flags.selectRow(self._flag_marks().index(mark))

    def _next_flag(self) -> None:
        if self.player is not None:
            self._watch()
            at = self.player.next_stop()
            marks = self._flag_marks()
            found = next((n for n, m in enumerate(marks) if m.at == at), None)
            if found is not None:
                self.flags.selectRow(found)
            self.retranslate_play()

    # ----- flags and the verdict ----------------------------------------------------------------

    def _flag_marks(self) -> list[TimelineMark]:
        if self.line is None:
            return []
        return [m for m in self.line.marks if m.kind in FLAG_KINDS and m.incident_id is not None]

    def _show_flags(self) -> None:
        marks = self._flag_marks()
        self.flags.setRowCount(len(marks))
        for row, m in enumerate(marks):
            finding = self.findings.get(m.incident_id or 0)
            state = finding.finding if finding else m.finding
            cells = [
                f"{hall_time.hall(m.at):%H:%M:%S}",
                f"{self.kind(m.kind)}: {texts.reason(m.code)}" + (f" — {m.note}" if m.note else ""),
                m.by,
                {"confirmed": self.tr("confirmed"), "dismissed": self.tr("dismissed")}.get(
                    state or "", self.tr("not reviewed")
                ),
            ]
            for col, text in enumerate(cells):
                self.flags.setItem(row, col, QTableWidgetItem(text))
            if m.has_thumbnail and m.incident_id is not None:
                self._thumbnail(row, m.incident_id)

    def kind(self, kind: str) -> str:
        return {
            "face": self.tr("Face"),
            "lockdown": self.tr("Kiosk lockdown"),
            "camera": self.tr("Camera"),
            "incident": self.tr("Incident"),
        }.get(kind, kind)

    def _thumbnail(self, row: int, incident_id: int) -> None:
        def got(data: bytes) -> None:
            picture = QPixmap()
            item = self.flags.item(row, 1)
            if picture.loadFromData(data, "JPG") and item is not None:
                item.setIcon(QIcon(picture))

        self.model.call(lambda: self.model.client.thumbnail(incident_id), got)

    def _flag_row(self, row: int) -> None:
        marks = self._flag_marks()
        if 0 <= row < len(marks):
            self._seek(marks[row].at)
        self._enable()

    def _find(self, finding: str) -> None:
        marks = self._flag_marks()
        row = self.flags.currentRow()
        if not 0 <= row < len(marks):
            return
        incident = marks[row].incident_id
        assert incident is not None
        self.findings[incident] = FlagFinding(
            incident_id=incident,
            finding=finding,
            note=self.note.text().strip(),
        )
        self.note.clear()
        self._show_flags()
        if row + 1 < len(marks):
            self.flags.selectRow(row + 1)

    def _no_reason(self) -> None:
        self.reason.code.setCurrentIndex(-1)

    def _propose(self, attempt: ReviewItem) -> None:
        """The reason the server's rule proposes (a termination for a violation), or none."""
        if attempt.proposed is not None:
            p = attempt.proposed
            self.reason.choose(p.category, p.code, p.note)
        else:
            self._no_reason()
            self.reason.note.clear()

    def open_flags(self) -> list[int]:
        """The attempt's flags that have no finding, neither on the server nor chosen here."""
        if self.line is None:
            return []
        return [i for i in self.line.attempt.open_flags if i not in self.findings]

    def _verdict(self, verdict: str) -> None:
        if self.line is None:
            return
        attempt = self.line.attempt.attempt_id
        if verdict == "clear":
            body = VerdictRequest(verdict="clear", flags=list(self.findings.values()))
        else:
            reason = self.reason.reason()
            if reason is None:
                self.model.say(self.tr("Choose the violation's reason (and a note for 'other')."),
                               error=True)  # fmt: skip
                return
            left = len(self.open_flags())
            words = texts.reason(reason.code) + (f" — {reason.note}" if reason.note else "")
            if not VerdictConfirmation.ask(self, self.line.attempt, words, self.ban.value(), left):
                return
            body = VerdictRequest(
                verdict="violation",
                reasons=[reason],
                ban_months=self.ban.value(),
                flags=list(self.findings.values()),
                despite_open_flags=left > 0,
            )
        self.clear.setEnabled(False)
        self.violation.setEnabled(False)

        def done(_record: object) -> None:
            self.close_player()
            self._title()
            self._enable()
            self.refresh()

        def failed(error: BaseException) -> None:
            self._enable()
            self.model._failed(error)

        said = (
            self.tr("Cleared: the result stands")
            if verdict == "clear"
            else self.tr("Violation recorded: the result is annulled and the ban sent")
        )

        def recorded(record: object) -> None:
            done(record)
            self.model.say(said)

        self.model.background.call(
            lambda: self.model.client.verdict(attempt, body), recorded, failed
        )

    def _enable(self) -> None:
        has = self.player is not None
        for w in (self.play, self.speed, self.back, self.forward, self.next_flag, self.clear,
                  self.violation, self.confirm, self.dismiss, self.note):  # fmt: skip
            w.setEnabled(has)
        self.reason.setEnabled(has)
        self.ban.setEnabled(has)
