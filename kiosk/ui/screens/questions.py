"""The test: a question with its options, previous / next, flags, the overview, the timer, submit.

Everything works from the keyboard alone: Tab moves between controls, Space or Enter presses
them; 1–9 pick an option, ← / → (or Page Up / Page Down) move between questions, F flags,
+ / − change the text size.
"""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk import countdown
from kiosk.stages import Stage
from kiosk.ui import texts
from kiosk.ui.model import KioskModel
from kiosk.ui.screens.base import Screen, button, card, label, restyle
from kiosk.ui.screens.instructions import SETTLE_MS
from kiosk.ui.screens.overview import Overview
from kiosk.ui.screens.review import Review

MAX_OPTIONS = 8
LETTERS = "ABCDEFGH"
IMAGE_BOX = (560, 220)


class OptionRow(QFrame):
    """One option: a letter and its text; click, tap, Space or Enter chooses it."""

    chosen = Signal(int)
    pressed_by_key = Signal(int)
    """Space or Enter on the option: a choice, unless the key was meant for the screen before."""
    struck = Signal(int)

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n
        self.setObjectName(f"option_{n}")
        self.setProperty("role", "option")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(56)
        self.badge = label("badge", wrap=False, center=True)
        self.text = label("option_text")
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 14, 8)
        row.setSpacing(12)
        self.strike = button(name=f"strike_{n}")
        self.strike.setProperty("role", "strike")
        self.strike.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.strike.clicked.connect(lambda: self.struck.emit(self.n))
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.text, 1)
        row.addWidget(self.strike, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_option(self, text: str, checked: bool, multiple: bool, ruled_out: bool) -> None:
        letter = LETTERS[self.n]
        mark = ("☑" if checked else "☐") if multiple else ("●" if checked else "○")
        self.badge.setText(f"{mark} {letter}")
        self.text.setText(text)
        if self.text.font().strikeOut() != ruled_out:
            font = self.text.font()
            font.setStrikeOut(ruled_out)
            self.text.setFont(font)
        chosen = "true" if checked else "false"
        restyle(self, checked=chosen)
        restyle(self.text, struck="true" if ruled_out else "false", chosen=chosen)
        restyle(self.badge, chosen=chosen)
        self.strike.setText(self.tr("Bring back") if ruled_out else self.tr("Rule out"))
        if self.strike.isVisibleTo(self) == checked:
            self.strike.setVisible(not checked)
        said = self.tr("%1 (ruled out)") if ruled_out else "%1"
        self.setAccessibleName(said.replace("%1", f"{letter}. {text}"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.chosen.emit(self.n)

    def keyPressEvent(self, event: object) -> None:
        assert isinstance(event, QKeyEvent)
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not event.isAutoRepeat():
                self.pressed_by_key.emit(self.n)
        else:
            super().keyPressEvent(event)


class QuestionsScreen(Screen):
    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)

        header = self._header(model)
        self.banner = label("banner", center=True)
        self.banner.setObjectName("time_warning")
        self.banner.hide()
        self._banner_timer = QTimer(self, singleShot=True, interval=15000)
        self._banner_timer.timeout.connect(self.banner.hide)
        self._focused_item: tuple[str, str] | None = None
        self._banner_for: str | None = None
        """The attempt the shown warning is about: a warning belongs to its part."""

        self.body = QWidget()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(16)
        body.addWidget(self._question(), 1)
        body.addWidget(self._side(model))

        self._footer(model)
        self.confirm = Review(model)
        self.confirm.hide()

        self.status = label("muted", wrap=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.nav)
        layout.addWidget(self.confirm, 1)
        layout.addWidget(self.status)

        self.settled = False
        self.settling = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.settling.timeout.connect(lambda: setattr(self, "settled", True))
        self._shortcuts()
        model.question_changed.connect(self._refresh_if_shown)
        model.tick.connect(self._tick)
        model.warned.connect(self._warn)
        model.section_closed.connect(self._section_closed)

    def _header(self, model: KioskModel) -> QHBoxLayout:
        """Where the candidate is, the call for the operator, text size, contrast, the timer."""
        self.where = label("subtitle", wrap=False)
        self.where.setObjectName("where")
        self.where.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.timer = label("timer", wrap=False)
        self.timer.setObjectName("timer")
        self.timer_caption = label("bar", wrap=False)
        self.timer_caption.setObjectName("timer_caption")
        self.toggle_timer = button(name="toggle_timer")
        self.toggle_timer.clicked.connect(model.toggle_timer)
        self.smaller = button(name="text_smaller")
        self.bigger = button(name="text_bigger")
        self.contrast = button(name="contrast")
        self.call = button(name="call_operator")
        self.call.clicked.connect(self._call_operator)
        self.smaller.clicked.connect(model.smaller)
        self.bigger.clicked.connect(model.bigger)
        self.contrast.clicked.connect(model.toggle_contrast)
        header = QHBoxLayout()
        header.addWidget(self.where, 1)
        header.addWidget(self.call)
        header.addWidget(self.smaller)
        header.addWidget(self.bigger)
        header.addWidget(self.contrast)
        header.addSpacing(12)
        header.addWidget(self.toggle_timer)
        header.addWidget(self.timer_caption)
        header.addWidget(self.timer)
        return header

    def _question(self) -> QWidget:
        """The prompt, its pictures and the options, scrolled when they are long."""
        self.prompt = label("question")
        self.prompt.setObjectName("prompt")
        self.hint = label("muted")
        self.images = [QLabel() for _ in range(2)]
        self.options = [OptionRow(n) for n in range(MAX_OPTIONS)]
        for row in self.options:
            row.chosen.connect(self._choose)
            row.pressed_by_key.connect(self._choose_by_key)
            row.struck.connect(self._strike)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 4, 12, 4)
        column.setSpacing(10)
        column.addWidget(self.prompt)
        for image in self.images:
            column.addWidget(image, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.hint)
        for row in self.options:
            column.addWidget(row)
        column.addStretch(1)
        self.question_scroll = QScrollArea()
        self.question_scroll.setWidgetResizable(True)
        self.question_scroll.setWidget(page)
        self.question_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.question_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        question = card()
        inner = QVBoxLayout(question)
        inner.setContentsMargins(20, 16, 12, 16)
        inner.addWidget(self.question_scroll)
        return question

    def _side(self, model: KioskModel) -> QWidget:
        """Every question at a glance: answered, flagged, the one open."""
        self.overview = Overview(model)
        side = card()
        side.setFixedWidth(Overview.width_needed() + 32)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(16, 14, 16, 14)
        side_layout.addWidget(self.overview)
        return side

    def _footer(self, model: KioskModel) -> QWidget:
        """Navigation, the saved mark and the hand-in, on one row."""
        self.previous = button(name="previous")
        self.flag = button(name="flag")
        self.next = button("primary", name="next")
        self.saved = label("saved", wrap=False)
        self.saved.setObjectName("saved")
        self.submit = button(name="submit")
        self.clear = button(name="clear_answer")
        self.clear.clicked.connect(model.parts.clear_answer)
        self.previous.clicked.connect(model.parts.previous)
        self.next.clicked.connect(self._next_or_review)
        self.flag.clicked.connect(model.parts.toggle_flag)
        self.submit.clicked.connect(model.parts.request_submit)
        self.nav = QWidget()
        nav = QHBoxLayout(self.nav)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.addWidget(self.previous)
        nav.addWidget(self.flag)
        nav.addWidget(self.next)
        nav.addWidget(self.clear)
        nav.addSpacing(16)
        nav.addWidget(self.saved, 1)
        nav.addWidget(self.submit)
        return self.nav

    def _shortcuts(self) -> None:
        def bind(keys: str, action: object) -> None:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

        parts = self.model.parts
        for keys in ("Left", "PgUp"):
            bind(keys, parts.previous)
        for keys in ("Right", "PgDown"):
            bind(keys, parts.next)
        bind("F", parts.toggle_flag)
        for keys in ("Delete", "Backspace"):
            bind(keys, parts.clear_answer)
        for keys in ("+", "=", "Ctrl++", "Ctrl+="):
            bind(keys, self.model.bigger)
        for keys in ("-", "Ctrl+-"):
            bind(keys, self.model.smaller)
        for n in range(1, 10):
            bind(str(n), lambda n=n: self._choose(n - 1))

    def _choose(self, n: int) -> None:
        item = self.model.parts.item
        if item is not None and n < len(item.choices):
            self.model.parts.choose(item.choices[n].id)

    def showEvent(self, event: object) -> None:
        self.settled = False
        self.settling.start()
        super().showEvent(event)
        self._focus_question()  # back from a lock, a pause or the review: the question again

    def _call_operator(self) -> None:
        # The button disables itself once pressed and Qt hands the keyboard to the next one
        # (text smaller): it goes back to the question instead, so Space never shrinks the text.
        self.model.watch.call_operator()
        self._focus_question()

    def _choose_by_key(self, n: int) -> None:
        # The Enter that pressed Begin, pressed again, lands on the first option: ignored.
        if self.settled:
            self._choose(n)

    def _next_or_review(self) -> None:
        """On the last question the step forward is the review before handing in."""
        parts = self.model.parts
        if parts.index >= len(parts.items) - 1:
            parts.request_submit()
        else:
            parts.next()

    def _strike(self, n: int) -> None:
        item = self.model.parts.item
        if item is not None and n < len(item.choices):
            self.model.parts.toggle_struck(item.choices[n].id)

    # ----- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.banner.isVisibleTo(self) and self._banner_for != self._current_attempt():
            self._banner_timer.stop()
            self.banner.hide()
        model, parts = self.model, self.model.parts
        sitting = parts.sitting
        if model.progress.stage is not Stage.TEST or sitting is None or parts.item is None:
            return
        item = parts.item
        total = len(parts.items)
        if self._focused_item != (sitting.attempt_id, item.item_id):
            self._focused_item = (sitting.attempt_id, item.item_id)
            self._focus_question()
        self._show_where()
        self.smaller.setText("A−")
        self.bigger.setText("A+")
        self.smaller.setAccessibleName(self.tr("Smaller text"))
        self.bigger.setAccessibleName(self.tr("Larger text"))
        self.contrast.setText(self.tr("Contrast"))
        called = model.watch.operator_called
        self.call.setText(
            self.tr("The operator is coming") if called else self.tr("Call the operator")
        )
        self.call.setEnabled(not called)
        self.prompt.setText(item.prompt)
        self._show_images(item.images)
        self.hint.setText(self.tr("Choose all that apply.") if item.multiple else "")
        self.hint.setVisible(item.multiple)
        chosen = set(parts.answers.get(item.item_id, []))
        struck = parts.struck.get(item.item_id, set())
        for n, row in enumerate(self.options):
            if n < len(item.choices):
                choice = item.choices[n]
                row.show_option(
                    choice.text, choice.id in chosen, item.multiple, choice.id in struck
                )
                row.show()
            else:
                row.hide()
        flagged = item.item_id in parts.flags
        self.flag.setText(self.tr("Remove flag") if flagged else self.tr("Flag for review"))
        self.previous.setText(self.tr("← Previous"))
        last = parts.index >= total - 1
        self.next.setText(self.tr("Review and finish") if last else self.tr("Next →"))
        self.previous.setEnabled(parts.index > 0)
        self.submit.setText(self.tr("Finish the test"))
        hidden = model.timer_hidden
        self.toggle_timer.setText(self.tr("Show time") if hidden else self.tr("Hide time"))
        self.timer_caption.setText(self.tr("Time left:"))
        self.timer_caption.setVisible(not hidden)
        self.timer.setVisible(not hidden)
        answer = parts.answers.get(item.item_id, [])
        self.clear.setText(self.tr("Clear answer"))
        self.clear.setEnabled(bool(answer))
        if parts.saved_item == item.item_id and answer:
            order = [c.id for c in item.choices]
            letters = ", ".join(LETTERS[order.index(c)] for c in answer if c in order)
            self.saved.setText(self.tr("✓ Saved: %1").replace("%1", letters))
        elif parts.saved_item == item.item_id:
            self.saved.setText(self.tr("✓ Answer cleared"))
        else:
            self.saved.setText("")
        self.overview.refresh()
        self._refresh_confirm()
        message = model.progress.message
        self.status.setText(texts.message(message) if message else "")
        self._tick()

    def _show_images(self, images: list[str]) -> None:
        for n, slot in enumerate(self.images):
            pixmap = QPixmap()
            if n < len(images):
                try:
                    pixmap.loadFromData(base64.b64decode(images[n], validate=True))
                except (binascii.Error, ValueError):
                    pixmap = QPixmap()
            if pixmap.isNull():
                slot.hide()
                continue
            if pixmap.width() > IMAGE_BOX[0] or pixmap.height() > IMAGE_BOX[1]:
                pixmap = pixmap.scaled(
                    *IMAGE_BOX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            slot.setPixmap(pixmap)
            slot.show()

    def _focus_question(self) -> None:
        """The question takes the keyboard (its chosen option, or the first): the number and
        arrow keys work at once, and Space never lands on a header button (calling the
        operator by accident)."""
        item = self.model.parts.item
        if item is None:
            return
        chosen = set(self.model.parts.answers.get(item.item_id, []))
        shown = [row for n, row in enumerate(self.options) if n < len(item.choices)]
        first = next(
            (row for row, c in zip(shown, item.choices, strict=False) if c.id in chosen),
            shown[0] if shown else None,
        )
        if first is not None:
            first.setFocus()

    def _refresh_confirm(self) -> None:
        confirming = self.model.progress.confirming_submit
        if self.confirm.isVisibleTo(self) and not confirming:
            self.confirm.setVisible(False)  # "back to the test": the question has the keyboard
            self._focus_question()
        # The review takes the question's place: the test is handed in from a page of its own.
        self.nav.setVisible(not confirming)
        self.body.setVisible(not confirming)
        self.confirm.setVisible(confirming)
        if confirming:
            self.confirm.refresh()

    def _tick(self) -> None:
        if not self.isVisible():
            return
        left = self.model.parts.remaining()
        seconds = int(left.total_seconds() + 0.999)
        hours, rest = divmod(seconds, 3600)
        text = (
            f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
            if hours
            else f"{rest // 60:02d}:{rest % 60:02d}"
        )
        self._show_where()
        if self.timer.text() != text:
            self.timer.setText(text)
            self.timer.setAccessibleName(self.tr("Time left: %1").replace("%1", text))
        restyle(self.timer, level=countdown.level(left))

    def _current_attempt(self) -> str | None:
        sitting = self.model.parts.sitting
        return sitting.attempt_id if sitting else None

    def _show_where(self) -> None:
        """The section and the question's number; a section with a time of its own says how
        many minutes it has left, or that it is closed."""
        parts = self.model.parts
        item = parts.item
        if item is None:
            return
        section = texts.section_name(item.section)
        own = parts.section_left(item.section)
        if own is not None and item.section in parts.closed_sections():
            section = self.tr("%1 (closed)").replace("%1", section)
        elif own is not None:
            minutes = -(-int(own.total_seconds()) // 60)
            section = self.tr("%1 (%n min left)", "", minutes).replace("%1", section)
        text = (
            self.tr("%1 · Question %2 of %3")
            .replace("%1", section)
            .replace("%2", str(parts.index + 1))
            .replace("%3", str(len(parts.items)))
        )
        if self.where.text() != text:
            self.where.setText(text)

    def _section_closed(self, code: str) -> None:
        self._banner_for = self._current_attempt()
        self.banner.setText(
            self.tr("%1 is closed: its time is over. Go on with the other questions.").replace(
                "%1", texts.section_name(code)
            )
        )
        restyle(self.banner, level="")
        self.banner.show()
        self._banner_timer.start()

    def _warn(self, minutes: int) -> None:
        self._banner_for = self._current_attempt()
        if minutes == 1:
            self.banner.setText(self.tr("1 minute left. Answers you have chosen are saved."))
        else:
            self.banner.setText(self.tr("%n minute(s) left.", "", minutes))
        restyle(self.banner, level="danger" if minutes == 1 else "")
        self.banner.show()
        self._banner_timer.start()
