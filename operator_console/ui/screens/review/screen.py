"""The review screen: the queue on the left; the player with one timeline of the whole sitting,
the flags and the verdict on the right, for the attempt open."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from operator_console.core.playback import SPEEDS, Playback, Reel, Shown
from operator_console.protocol.console_api.review import (
    ReviewTimeline,
    TimelineMark,
    VerdictRequest,
)
from operator_console.ui import hall_time, texts
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.player import TimelineBar, VideoView
from operator_console.ui.screens.review.flags import FLAG_KINDS, FlagsPanel
from operator_console.ui.screens.review.queue import ReviewQueue
from operator_console.ui.screens.review.verdict import VerdictConfirmation, VerdictPanel
from operator_console.ui.widgets import named


class _Frames(QObject):
    """Carries the player thread's frames to the screen's thread."""

    frame = Signal(object, object)
    stopped = Signal(str)


class ReviewScreen(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.line: ReviewTimeline | None = None
        self.player: Playback | None = None
        self._frames = _Frames()
        self._frames.frame.connect(self._show_frame)
        self._frames.stopped.connect(self._stopped)

        self.queue_box = ReviewQueue(model)
        self.queue_box.opened.connect(self.open_attempt)

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

        self.flags_box = FlagsPanel(model, lambda: self.line)
        self.flags_box.flags.cellClicked.connect(lambda row, _c: self._flag_row(row))
        self.verdict_box = VerdictPanel()
        self.verdict_box.given.connect(self._verdict)
        self._lay_out()
        self.retranslate()
        self._enable()

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        for w in (self.play, self.speed, self.back, self.forward, self.next_flag):
            controls.addWidget(w)
        controls.addStretch(1)
        controls.addWidget(self.where)
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
        self.queue_box.retranslate()
        self.retranslate_play()
        self.next_flag.setText(self.tr("Next flag"))
        self.flags_box.retranslate()
        self.verdict_box.retranslate()
        self._title()

    def showEvent(self, event: object) -> None:
        self.queue_box.refresh()

    # ----- the player ---------------------------------------------------------------------------

    def open_attempt(self, attempt_id: str) -> None:
        self.close_player()
        self.flags_box.findings = {}

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
            self.verdict_box.propose(line.attempt)
            self.flags_box.show_flags()
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
            self.queue_box.watch(self.line.attempt.attempt_id)

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
        if self.line is not None and mark in self.flags_box.marks():
            self.flags_box.flags.selectRow(self.flags_box.marks().index(mark))

    def _next_flag(self) -> None:
        if self.player is not None:
            self._watch()
            at = self.player.next_stop()
            marks = self.flags_box.marks()
            found = next((n for n, m in enumerate(marks) if m.at == at), None)
            if found is not None:
                self.flags_box.flags.selectRow(found)
            self.retranslate_play()

    # ----- flags and the verdict ----------------------------------------------------------------

    def _flag_row(self, row: int) -> None:
        marks = self.flags_box.marks()
        if 0 <= row < len(marks):
            self._seek(marks[row].at)
        self._enable()

    def open_flags(self) -> list[int]:
        """The attempt's flags that have no finding, neither on the server nor chosen here."""
        if self.line is None:
            return []
        return [i for i in self.line.attempt.open_flags if i not in self.flags_box.findings]

    def _verdict(self, verdict: str) -> None:
        if self.line is None:
            return
        attempt = self.line.attempt.attempt_id
        if verdict == "clear":
            body = VerdictRequest(verdict="clear", flags=list(self.flags_box.findings.values()))
        else:
            reason = self.verdict_box.reason.reason()
            if reason is None:
                self.model.say(self.tr("Choose the violation's reason (and a note for 'other')."),
                               error=True)  # fmt: skip
                return
            left = len(self.open_flags())
            words = texts.reason(reason.code) + (f" — {reason.note}" if reason.note else "")
            if not VerdictConfirmation.ask(
                self, self.line.attempt, words, self.verdict_box.ban.value(), left
            ):
                return
            body = VerdictRequest(
                verdict="violation",
                reasons=[reason],
                ban_months=self.verdict_box.ban.value(),
                flags=list(self.flags_box.findings.values()),
                despite_open_flags=left > 0,
            )
        self.verdict_box.clear.setEnabled(False)
        self.verdict_box.violation.setEnabled(False)

        def done(_record: object) -> None:
            self.close_player()
            self.flags_box.findings = {}
            self.flags_box.show_flags()  # no attempt open: its flags go with it
            self.verdict_box.forget()
            self._title()
            self._enable()
            self.queue_box.refresh()

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
        for w in (self.play, self.speed, self.back, self.forward, self.next_flag):
            w.setEnabled(has)
        self.flags_box.enable(has)
        self.verdict_box.enable(has)
