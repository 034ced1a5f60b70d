"""The admission desk: find the candidate, see the photo and the rules' verdict, read the metal
detector, then admit to a seat or refuse with a reason."""

from __future__ import annotations

import base64
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.protocol.console_api.desk import AdmissionCheck, RegistrationView, RuleCode
from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import DESK
from operator_console.ui import hall_time, texts
from operator_console.ui.dialogs import ConfirmDialog, RefusalDialog
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import named

PHOTO = (240, 300)
SHORTCUTS = {"find": "Ctrl+F", "admit": "Ctrl+Return", "refuse": "Ctrl+D", "next": "Ctrl+N"}


class DeskScreen(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        # ----- finding
        self.search = named(QLineEdit(), "find")
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(self._filter)
        self.search.returnPressed.connect(self._entered)
        self.candidates = named(QListWidget(), "candidates")
        self.candidates.currentItemChanged.connect(self._picked)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.candidates, 1)
        # ----- the candidate
        self.photo = named(QLabel(), "photo")
        self.photo.setFixedSize(*PHOTO)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setProperty("role", "photo")
        self.name = named(QLabel(), "candidate_name")
        self.name.setProperty("role", "title")
        self.name.setWordWrap(True)
        self.facts = named(QLabel(), "candidate_facts")
        self.facts.setWordWrap(True)
        self.document = named(QLineEdit(), "document_iin")
        self.document.setMaxLength(12)
        self.document.editingFinished.connect(self._document_typed)
        self.verdict = named(QLabel(), "verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setProperty("role", "verdict")
        self.document_form = QFormLayout()
        self.document_label = QLabel()
        self.document_form.addRow(self.document_label, self.document)
        card_text = QVBoxLayout()
        card_text.addWidget(self.name)
        card_text.addWidget(self.facts)
        card_text.addLayout(self.document_form)
        card_text.addWidget(self.verdict)
        card_text.addStretch(1)
        card = QHBoxLayout()
        card.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        card.addLayout(card_text, 1)
        self.seat = named(QComboBox(), "seat_choice")
        self.admit_button = named(QPushButton(), "admit")
        self.admit_button.setProperty("role", "primary")
        self.refuse_button = named(QPushButton(), "refuse")
        self.identity_button = named(QPushButton(), "identity_doubt")
        self.admit_button.clicked.connect(self.admit)
        self.refuse_button.clicked.connect(self.refuse)
        self.identity_button.clicked.connect(self.identity_doubt)
        decide = QHBoxLayout()
        self.seat_label = QLabel()
        decide.addWidget(self.seat_label)
        decide.addWidget(self.seat, 1)
        decide.addWidget(self.admit_button, 1)
        doubt = QHBoxLayout()
        doubt.addStretch(1)
        doubt.addWidget(self.refuse_button)
        doubt.addWidget(self.identity_button)
        self.candidate_box = QGroupBox()
        middle = QVBoxLayout(self.candidate_box)
        middle.addLayout(card, 1)
        middle.addLayout(decide)
        middle.addLayout(doubt)
        # ----- the detector
        self.detector_state = named(QLabel(), "detector_state")
        self.detector_state.setWordWrap(True)
        self.walks = named(QListWidget(), "walks")
        self.walks.setWordWrap(True)
        self.walks.itemClicked.connect(self._walk_picked)
        self.wand_pass = named(QPushButton(), "wand_pass")
        self.wand_alarm = named(QPushButton(), "wand_alarm")
        self.wand_pass.clicked.connect(lambda: model.wand("pass"))
        self.wand_alarm.clicked.connect(lambda: model.wand("alarm"))
        self.detector_box = QGroupBox()
        right = QVBoxLayout(self.detector_box)
        right.addWidget(self.detector_state)
        right.addWidget(self.walks, 1)
        wand = QHBoxLayout()
        wand.addWidget(self.wand_pass)
        wand.addWidget(self.wand_alarm)
        right.addLayout(wand)
        self.detector_box.setFixedWidth(300)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        lw = QWidget()
        lw.setLayout(left)
        lw.setFixedWidth(280)
        layout.addWidget(lw)
        layout.addWidget(self.candidate_box, 1)
        layout.addWidget(self.detector_box)

        for name, keys in SHORTCUTS.items():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(getattr(self, f"key_{name}"))
        model.news.connect(self.on_news)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("IIN, name or registration number (Ctrl+F)"))
        self.document_label.setText(self.tr("IIN on the document"))
        self.seat_label.setText(self.tr("Seat"))
        self.admit_button.setText(self.tr("Admit (Ctrl+Enter)"))
        self.refuse_button.setText(self.tr("Refuse… (Ctrl+D)"))
        self.identity_button.setText(self.tr("Not the person in the photo"))
        self.candidate_box.setTitle(self.tr("Candidate"))
        self.detector_box.setTitle(self.tr("Metal detector"))
        self.wand_pass.setText(self.tr("Wand: pass"))
        self.wand_alarm.setText(self.tr("Wand: alarm"))
        self._list()
        self._show_candidate()
        self._show_detector()

    # ----- news ---------------------------------------------------------------------------------

    def on_news(self, kinds: set[str]) -> None:
        if kinds & {"admission", "session"}:
            self._list()
        if kinds & {"desk", "admission", "seat", "link", "detector"}:
            self._show_candidate()
        if kinds & {"detector", "desk", "link"}:
            self._show_detector()

    # ----- finding ------------------------------------------------------------------------------

    def _status(self, reg: RegistrationView) -> str:
        if reg.admission == "admitted":
            return self.tr("admitted") + (
                f", {reg.seat}" if reg.seat else ", " + self.tr("no seat yet")
            )
        if reg.admission == "refused":
            return self.tr("refused")
        return ""

    def _list(self) -> None:
        shown = self.model.find(self.search.text())
        chosen = self.model.chosen.registration_id if self.model.chosen else None
        self.candidates.blockSignals(True)
        self.candidates.clear()
        for reg in shown:
            status = self._status(reg)
            item = QListWidgetItem(
                f"{reg.full_name}\n{reg.iin} · {reg.registration_id}"
                + (f" · {status}" if status else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, reg.registration_id)
            self.candidates.addItem(item)
            if reg.registration_id == chosen:
                self.candidates.setCurrentItem(item)
        self.candidates.blockSignals(False)
        if chosen is not None and all(r.registration_id != chosen for r in shown):
            # The card never shows a candidate the list no longer does.
            self.model.choose(None)

    def _filter(self, _text: str) -> None:
        self._list()

    def _entered(self) -> None:
        """Enter in the search field: a scanned IIN picks its candidate; else the first shown."""
        text = self.search.text()
        if self.model.scanned(text):
            self.search.selectAll()
            return
        if self.candidates.count():
            self.candidates.setCurrentRow(0)

    def _picked(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        rid = item.data(Qt.ItemDataRole.UserRole)
        reg = next((r for r in self.model.registrations if r.registration_id == rid), None)
        if reg is not None and (
            self.model.chosen is None or self.model.chosen.registration_id != rid
        ):
            self.model.choose(reg)

    def _document_typed(self) -> None:
        reg = self.model.chosen
        if reg is not None and self.document.text().strip() != self.model.presented_iin:
            self.model.choose(reg, self.document.text().strip())

    # ----- the candidate ------------------------------------------------------------------------

    def _show_candidate(self) -> None:
        reg, check = self.model.chosen, self.model.check
        self.seat.blockSignals(True)
        picked = self.seat.currentData()
        self.seat.clear()
        self.seat.addItem(self.tr("next free seat"), None)
        for code in self.model.picture.free_seats():
            self.seat.addItem(code, code)
        index = self.seat.findData(picked)
        self.seat.setCurrentIndex(max(0, index))
        self.seat.blockSignals(False)
        if reg is None:
            self.name.setText(self.tr("Find a candidate, or scan the identity card"))
            self.facts.setText("")
            self.photo.setText(self.tr("photo"))
            self.photo.setPixmap(QPixmap())
            self.document.setText("")
            self._verdict(None, "")
            for b in (self.admit_button, self.refuse_button, self.identity_button):
                b.setEnabled(False)
            return
        self.name.setText(reg.full_name)
        programs = ", ".join(texts.program(p) for p in reg.programs)
        facts = [
            self.tr("IIN %1").replace("%1", reg.iin),
            self.tr("Registration %1").replace("%1", reg.registration_id),
            self.tr("Programs: %1").replace("%1", programs),
            self.tr("Languages: %1").replace("%1", ", ".join(reg.languages)),
        ]
        status = self._status(reg)
        if status:
            facts.append(status)
        self.facts.setText("\n".join(facts))
        if not self.document.hasFocus():
            self.document.setText(self.model.presented_iin)
        self._photo(reg)
        self._show_check(check)
        ready = check is not None and check.admissible and not self.model.picture.stale
        admitted = reg.admission == "admitted" or (
            check is not None and check.reason_code == "already_admitted"
        )
        self.admit_button.setEnabled(ready)
        self.refuse_button.setEnabled(not admitted)
        self.identity_button.setEnabled(not admitted)

    def _show_check(self, check: AdmissionCheck | None) -> None:
        """The server's check as it says it: the rules first, then the detector gate."""
        if check is None:
            self._verdict(None, self.tr("Checking the rules…"))
        elif check.reason_code == "already_admitted":
            at = hall_time.hall(check.decided_at) if check.decided_at else None
            self._verdict(
                None,
                self.tr("Already admitted by %1 at %2")
                .replace("%1", check.decided_by or "")
                .replace("%2", f"{at:%H:%M}" if at else ""),
            )
        elif check.reason_code is not None:
            self._verdict(False, texts.verdict(check.reason_code, check.facts))
        elif check.detector is not None:
            self._verdict(False, self._gate(check.detector, check.detector_facts))
        else:
            self._verdict(True, texts.verdict(None, {}))

    def _gate(self, code: str, facts: dict[str, str]) -> str:
        """Why the server's detector gate does not admit, in the operator's language."""
        words = {
            "detector_check_required": self.tr(
                "Walk the candidate through the detector, or record the wand's result"
            ),
            "detector_alarm": self.tr(
                "The walk-through alarmed: walk through again or use the wand"
            ),
            "detector_alarm_newer": self.tr(
                "The door alarmed after this walk-through: walk through again or use the wand"
            ),
            "walk_through_stale": self.tr(
                "The detector check is older than %1 min: walk through again"
            ).replace("%1", facts.get("minutes", "")),
            "walk_through_used": self.tr(
                "This detector check was used for another candidate (%1): walk through again"
            ).replace("%1", facts.get("registration", "")),
            "wand_other_candidate": self.tr(
                "This wand check was for another candidate (%1)"
            ).replace("%1", facts.get("registration", "")),
            "detector_not_a_check": self.tr("Pick a walk-through or a wand check"),
        }
        return words.get(code, code)

    def _photo(self, reg: RegistrationView) -> None:
        pixmap = QPixmap()
        if reg.photo_jpeg_b64:
            pixmap.loadFromData(base64.b64decode(reg.photo_jpeg_b64), "JPG")
        if pixmap.isNull():
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("no photo in the roster"))
        else:
            self.photo.setPixmap(
                pixmap.scaled(
                    *PHOTO,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def _verdict(self, ok: bool | None, words: str) -> None:
        self.verdict.setText(words)
        self.verdict.setProperty("verdict", "" if ok is None else ("ok" if ok else "refuse"))
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)

    # ----- the detector -------------------------------------------------------------------------

    def _show_detector(self) -> None:
        state = self.model.detector
        if state is None:
            self.detector_state.setText(self.tr("Detector: …"))
        else:
            words = self.tr("Detector: %1").replace("%1", texts.detector_state(state.state))
            if state.state != "connected" and state.since is not None:
                words += " " + self.tr("since %1").replace(
                    "%1", f"{hall_time.hall(state.since):%H:%M:%S}"
                )
            if state.last_error:
                words += f"\n{state.last_error}"
            self.detector_state.setText(words)
            self.detector_state.setProperty(
                "verdict", "ok" if state.state == "connected" else "refuse"
            )
            self.detector_state.style().polish(self.detector_state)
        chosen = self.model.walk
        self.walks.clear()
        for walk in reversed(self.model.walks):
            words = f"{hall_time.hall(walk.received_at):%H:%M:%S}  {texts.detector_kind(walk.kind)}"
            if walk.zones:
                words += "  " + self.tr("zones %1").replace("%1", ",".join(map(str, walk.zones)))
            if walk.level is not None:
                words += "  " + self.tr("level %1").replace("%1", str(walk.level))
            if walk.source == "manual":
                words += "  " + self.tr("(wand)")
            item = QListWidgetItem(("▶ " if chosen and walk.id == chosen.id else "   ") + words)
            item.setData(Qt.ItemDataRole.UserRole, walk.id)
            if walk.kind == "alarm":
                item.setForeground(Qt.GlobalColor.darkRed)
            elif walk.kind == "pass":
                item.setForeground(Qt.GlobalColor.darkGreen)
            self.walks.addItem(item)
        desk = self.model.role in DESK and not self.model.picture.stale
        chosen_one = self.model.chosen is not None  # a wand check is for one candidate
        self.wand_pass.setEnabled(desk and chosen_one)
        self.wand_alarm.setEnabled(desk and chosen_one)

    def _walk_picked(self, item: QListWidgetItem) -> None:
        self.model.pick_walk(item.data(Qt.ItemDataRole.UserRole))

    # ----- decisions ----------------------------------------------------------------------------

    def admit(self) -> None:
        if self.admit_button.isEnabled():
            self.model.admit(self.seat.currentData())

    def refuse(self) -> None:
        """The refusal dialog preselects the rule the server's check named, if any."""
        if not self.refuse_button.isEnabled():
            return
        check = self.model.check
        rules: list[tuple[str, str]] = []
        if check is not None:
            for code in dict.fromkeys(check.rules):
                rules.append((code, texts.verdict(code, check.rule_facts.get(code, {}))))
        answer = RefusalDialog.ask(self, self.tr("Refuse admission"), rules)
        if answer is not None:
            self.model.refuse(answer.reason, cast(RuleCode | None, answer.rule))

    def identity_doubt(self) -> None:
        chosen = self.model.chosen
        if not self.identity_button.isEnabled() or chosen is None:
            return
        if ConfirmDialog.ask(
            self,
            self.tr("Refuse admission?"),
            self.tr(
                "%1 is refused admission today: not the person in the roster photo. "
                "The refusal is recorded and goes to the central system."
            ).replace("%1", chosen.full_name),
        ):
            self.model.refuse(
                Reason(
                    category="examinee",
                    code="identity",
                    note=self.tr("not the person in the roster photo"),
                )
            )

    def key_find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def key_admit(self) -> None:
        self.admit()

    def key_refuse(self) -> None:
        self.refuse()

    def key_next(self) -> None:
        self.model.choose(None)
        self.search.clear()
        self._list()
        self.key_find()
