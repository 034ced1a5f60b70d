"""The live hall: the seat map, the problems first, and what the operator does to a seat."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from operator_console.core.hall_watch import Problem
from operator_console.protocol.console_api.hall import SEAT_ACTS
from operator_console.protocol.values import DESK, LockSource
from operator_console.ui import hall_time, texts
from operator_console.ui.dialogs import ConfirmDialog, MoveDialog, ReasonDialog, TimeDialog
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.model.seats import SeatRetry
from operator_console.ui.seat_map import SeatMap, clock
from operator_console.ui.widgets import named


class HallScreen(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.map = SeatMap(model.picture)
        self.map.picked.connect(lambda _seat: self._show_seat())
        scroll = QScrollArea()
        scroll.setWidget(self.map)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.paused = named(QLabel(), "room_paused")
        self.paused.setWordWrap(True)
        self.paused.setProperty("level", "alarm")
        self.paused.hide()
        self.counts = named(QLabel(), "hall_counts")
        map_side = QVBoxLayout()
        map_side.setContentsMargins(0, 0, 0, 0)
        map_side.addWidget(self.paused)
        map_side.addWidget(self.counts)
        map_side.addWidget(scroll, 1)

        self.problems = named(QListWidget(), "problems")
        self.problems.setWordWrap(True)
        self.problems.itemActivated.connect(self._problem_picked)
        self.problems.itemClicked.connect(self._problem_picked)
        self.acknowledge = named(QPushButton(), "acknowledge")
        self.acknowledge.clicked.connect(self._acknowledge)
        problems = QGroupBox()
        self.problems_box = problems
        col = QVBoxLayout(problems)
        col.addWidget(self.problems)
        col.addWidget(self.acknowledge)

        self.detail = named(QLabel(), "seat_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = {act: named(QPushButton(), f"seat_{act}") for act in SEAT_ACTS}
        for act, button in self.buttons.items():
            button.clicked.connect(lambda _c=False, a=act: self.act(a))
        seat_box = QGroupBox()
        self.seat_box = seat_box
        grid = QVBoxLayout(seat_box)
        grid.addWidget(self.detail)
        for pair in (("pause", "resume"), ("time", "move"), ("terminate", "incident")):
            line = QHBoxLayout()
            for act in pair:
                line.addWidget(self.buttons[act])
            grid.addLayout(line)

        self.room_pause = named(QPushButton(), "room_pause")
        self.room_resume = named(QPushButton(), "room_resume")
        self.room_incident = named(QPushButton(), "room_incident")
        self.room_pause.clicked.connect(self._pause_room)
        self.room_resume.clicked.connect(self._resume_room)
        self.room_incident.clicked.connect(self._room_incident)
        room_box = QGroupBox()
        self.room_box = room_box
        room = QVBoxLayout(room_box)
        line = QHBoxLayout()
        line.addWidget(self.room_pause)
        line.addWidget(self.room_resume)
        room.addLayout(line)
        room.addWidget(self.room_incident)

        side = QVBoxLayout()
        side.addWidget(problems, 3)
        side.addWidget(seat_box, 0)
        side.addWidget(room_box, 0)
        side_w = QWidget()
        side_w.setLayout(side)
        side_w.setFixedWidth(340)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(map_side, 1)
        layout.addWidget(side_w)

        self._shown_problems: list[Problem] = []
        self.lists = QTimer(self, interval=250, singleShot=True)
        self.lists.timeout.connect(self._show_lists)
        self.ticker = QTimer(self, interval=1000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        model.news.connect(self.on_news)
        model.seat_changed.connect(self._seat_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.problems_box.setTitle(self.tr("Problems first"))
        self.acknowledge.setText(self.tr("Acknowledge"))
        self.room_box.setTitle(self.tr("The whole room"))
        self.room_pause.setText(self.tr("Pause the room"))
        self.room_resume.setText(self.tr("Resume the room"))
        self.room_incident.setText(self.tr("Room incident…"))
        words = {
            "pause": self.tr("Pause"),
            "resume": self.tr("Resume (code)"),
            "time": self.tr("Time…"),
            "terminate": self.tr("Terminate…"),
            "move": self.tr("Move…"),
            "incident": self.tr("Incident…"),
        }
        for act, button in self.buttons.items():
            button.setText(words[act])
        self._show_seat()
        self._show_problems()

    # ----- news ---------------------------------------------------------------------------------

    def on_news(self, kinds: set[str]) -> None:
        if "link" in kinds:
            self.map.refresh()
        elif "seat" in kinds:
            self.map.refresh(self.model.picture.touched)
        if kinds & {"seat", "link", "incident", "heard"} and not self.lists.isActive():
            self.lists.start()  # the lists beside the map follow at most four times a second
        if kinds & {"session", "link"}:
            self._show_room()
        if "link" in kinds:
            self._show_acknowledge()

    def _show_lists(self) -> None:
        self._show_problems()
        self._show_seat()
        self._show_counts()

    def _show_counts(self) -> None:
        c = self.model.picture.counts()
        words = [
            self.tr("In test: %1").replace("%1", str(c["in_test"])),
            self.tr("Locked: %1").replace("%1", str(c["locked"])),
            self.tr("Silent: %1").replace("%1", str(c["silent"])),
            self.tr("Done: %1").replace("%1", str(c["done"])),
            self.tr("Asking for help: %1").replace("%1", str(c["help"])),
        ]
        self.counts.setText("   ·   ".join(words))

    def _tick(self) -> None:
        """Once a second: the clocks run and silent kiosks change colour, with no request."""
        if self.isVisible():
            self.map.refresh()
            self._show_problems()
            self._show_counts()
            self._show_seat()  # its time left runs with the tile's

    # ----- problems -----------------------------------------------------------------------------

    def _show_problems(self) -> None:
        problems = self.model.picture.problems()
        if problems == self._shown_problems:
            return
        self._shown_problems = problems
        picked = self.problems.currentRow()
        self.problems.clear()
        for p in problems:
            if p.kind == "silent":
                words = self.tr("%1: kiosk silent").replace("%1", p.seat)
            else:
                words = f"{p.seat}: {texts.reason(p.code)}"
            if len(p.incident_ids) > 1:
                words += f" (×{len(p.incident_ids)})"
            if p.since is not None:
                words += f"  {hall_time.hall(p.since):%H:%M:%S}"
            item = QListWidgetItem(words)
            item.setForeground(Qt.GlobalColor.darkRed if p.level >= 3 else Qt.GlobalColor.black)
            self.problems.addItem(item)
        if 0 <= picked < self.problems.count():
            self.problems.setCurrentRow(picked)
        self._show_acknowledge()

    def _show_acknowledge(self) -> None:
        live = not self.model.picture.stale
        self.acknowledge.setEnabled(live and any(p.incident_ids for p in self._shown_problems))

    def _problem_picked(self, item: QListWidgetItem) -> None:
        row = self.problems.row(item)
        if 0 <= row < len(self._shown_problems):
            self.map.select(self._shown_problems[row].seat)

    def _acknowledge(self) -> None:
        """Acknowledges the chosen row's alerts (the first row with alerts when none is chosen)."""
        row = self.problems.currentRow()
        chosen = self._shown_problems[row] if 0 <= row < len(self._shown_problems) else None
        if chosen is None or not chosen.incident_ids:
            chosen = next((p for p in self._shown_problems if p.incident_ids), None)
        if chosen is not None:
            for incident_id in chosen.incident_ids:
                self.model.acknowledge(incident_id)

    # ----- the chosen seat ----------------------------------------------------------------------

    def _show_seat(self) -> None:
        seat = self.model.picture.seats.get(self.map.selected or "")
        can_act = self.model.role in DESK and not self.model.picture.stale
        if seat is None:
            self.detail.setText(self.tr("Click a seat on the map."))
            for button in self.buttons.values():
                button.setEnabled(False)
            self.seat_box.setTitle(self.tr("Seat"))
            return
        self.seat_box.setTitle(self.tr("Seat %1").replace("%1", seat.seat))
        lines = [texts.seat_state(seat.state)]
        if seat.full_name:
            lines.append(seat.full_name)
        if seat.program:
            lines.append(
                texts.program(seat.program) + (f" · {seat.language}" if seat.language else "")
            )
        if seat.total:
            lines.append(
                self.tr("Answered %1 of %2")
                .replace("%1", str(seat.answered))
                .replace("%2", str(seat.total))
            )
        left = self.model.picture.time_left(seat)
        if left is not None and seat.state in ("in_test", "locked"):
            lines.append(self.tr("Time left %1").replace("%1", clock(left)))
        if seat.lock_reason:
            lines.append(self.tr("Locked: %1").replace("%1", texts.reason(seat.lock_reason)))
        self.detail.setText("\n".join(lines))
        for act, button in self.buttons.items():
            button.setEnabled(act in seat.actions and (can_act or act == "incident"))

    def _show_room(self) -> None:
        session = self.model.session
        desk = self.model.role in DESK and not self.model.picture.stale
        running = session is not None and session.status == "running"
        paused = session is not None and session.paused_at is not None
        self.room_pause.setEnabled(desk and running and not paused)
        self.room_resume.setEnabled(desk and running and paused)
        if paused and session is not None and session.paused_at is not None:
            self.paused.setText(
                self.tr(
                    "The whole room is paused since %1: every running seat's clock stands."
                ).replace("%1", f"{hall_time.hall(session.paused_at):%H:%M:%S}")
            )
        self.paused.setVisible(paused)

    def act(self, act: str) -> None:
        """Asks for what the act needs, then does it for the sitting the operator saw when the
        dialog opened (the server refuses it if the seat's sitting changed meanwhile)."""
        seat = self.map.selected
        if seat is None:
            return
        m = self.model
        view = m.picture.seats.get(seat)
        sitting = view.admission_id if view is not None else None
        if act == "incident":
            reason = ReasonDialog.ask(self, self.tr("Incident at seat %1").replace("%1", seat))
            if reason:
                m.log_incident(reason, seat)
            return
        if sitting is None:
            return
        if act == "pause":
            reason = ReasonDialog.ask(self, self.tr("Pause seat %1").replace("%1", seat))
            if reason:
                m.pause_seat(seat, sitting, reason)
        elif act == "resume":
            m.resume_seat(seat, sitting)
        elif act == "time":
            answer = TimeDialog.ask(self, seat)
            if answer:
                m.change_time(seat, sitting, answer.minutes, answer.reason)
        elif act == "terminate":
            reason = ReasonDialog.ask(
                self, self.tr("Terminate the test at seat %1").replace("%1", seat)
            )
            if reason:
                m.terminate(seat, sitting, reason)
        elif act == "move":
            moving = MoveDialog.ask(self, seat, m.picture.free_seats())
            if moving:
                m.move(seat, sitting, moving.to_seat, moving.reason)

    def _seat_changed(self, retry: SeatRetry) -> None:
        """The seat's sitting changed before the act reached the server: nothing was done. The
        operator is told who sits there now and asked again; never is it done for them unasked."""
        now = retry.now
        if now is None or now.admission_id is None:
            self.model.say(
                self.tr("Seat %1 is free now: nothing was done.").replace("%1", retry.seat),
                error=True,
            )
            return
        name = now.full_name or ""
        if retry.act not in now.actions:
            self.model.say(
                self.tr("Seat %1 has changed: %2 sits there now. Nothing was done.")
                .replace("%1", retry.seat)
                .replace("%2", name),
                error=True,
            )
            return
        asked = ConfirmDialog.ask(
            self,
            self.tr("Seat %1 has changed").replace("%1", retry.seat),
            self.tr("%2 sits at seat %1 now, not the candidate you chose. Do it for %2?")
            .replace("%1", retry.seat)
            .replace("%2", name),
        )
        if asked:
            retry.again(now.admission_id)
        else:
            self.model.say(self.tr("Nothing was done at seat %1.").replace("%1", retry.seat))

    def _pause_room(self) -> None:
        reason = ReasonDialog.ask(
            self, self.tr("Pause the whole room"), only=("environment", "technical", "other")
        )
        if reason:
            self.model.pause_room(reason)

    def _resume_room(self) -> None:
        stopped = sum(
            1 for s in self.model.picture.seats.values() if s.lock_source == LockSource.ROOM
        )
        if ConfirmDialog.ask(
            self,
            self.tr("Resume the whole room?"),
            self.tr(
                "Every seat the room pause stopped (%1) goes on at once, with its time."
            ).replace("%1", str(stopped)),
        ):
            self.model.resume_room()

    def _room_incident(self) -> None:
        reason = ReasonDialog.ask(self, self.tr("Incident for the whole room"))
        if reason:
            self.model.log_incident(reason, None)
