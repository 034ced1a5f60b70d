"""The candidate's answer sheet for one part, without Qt.

Which question is open, the answers (each durable in the journal before the sheet holds it),
the flags, and the options the candidate has ruled out (a view aid: never saved, never sent).
Sections with a time of their own refuse answers once their time is over.
"""

from __future__ import annotations

from datetime import timedelta
from enum import Enum, auto

from kiosk.countdown import Countdown
from kiosk.sitting import Sitting
from operator_console.protocol.kiosk_api import FormItemView


class Mark(Enum):
    """What an answer given on the sheet came to."""

    CHANGED = auto()
    """A new answer, on disk."""
    SAME = auto()
    """The answer it already had: nothing written, still shown as saved."""
    CLOSED = auto()
    """The question's section has closed: nothing written."""
    IGNORED = auto()
    """Not an option of the open question."""


class AnswerSheet:
    def __init__(self, sitting: Sitting, countdown: Countdown) -> None:
        self.sitting, self.countdown = sitting, countdown
        self.items: list[FormItemView] = sitting.form.items
        self.index = 0
        self.answers: dict[str, list[str]] = sitting.answers()
        self.flags: set[str] = sitting.flags()
        self.saved_item: str | None = None
        """The item whose answer was last made durable: the screen shows 'saved' for it."""
        self.struck: dict[str, set[str]] = {}
        """Options ruled out, per question."""

    @property
    def item(self) -> FormItemView | None:
        return self.items[self.index] if self.items else None

    def closed_sections(self) -> set[str]:
        """Sections whose own time is over (Program III's logical thinking after 30 minutes)."""
        return self.countdown.closed_sections(self.sitting.remaining())

    def section_left(self, code: str) -> timedelta | None:
        """Time left in a section with a time of its own, or None."""
        return self.countdown.section_left(code, self.sitting.remaining())

    def choose(self, choice_id: str) -> Mark:
        """Picks one option (in a multiple-choice question, ticks or unticks it); durable on
        return. Choosing the chosen option again changes nothing."""
        item = self.item
        if item is None or choice_id not in {c.id for c in item.choices}:
            return Mark.IGNORED
        if item.section in self.closed_sections():
            return Mark.CLOSED
        self.struck.get(item.item_id, set()).discard(choice_id)  # a chosen option is not ruled out
        current = self.answers.get(item.item_id, [])
        # A multiple-choice option is a box of its own; a single choice chosen again stays chosen
        # (taking an answer back is its own control, `clear`).
        chosen = sorted(set(current) ^ {choice_id}) if item.multiple else [choice_id]
        return self._record(item, chosen)

    def clear(self) -> Mark:
        """Takes the open question's answer back; durable on return, like a choice."""
        item = self.item
        if item is None:
            return Mark.IGNORED
        if item.section in self.closed_sections():
            return Mark.CLOSED
        if item.item_id not in self.answers:
            return Mark.IGNORED
        return self._record(item, [])

    def _record(self, item: FormItemView, chosen: list[str]) -> Mark:
        mark = Mark.SAME
        if chosen != self.answers.get(item.item_id, []):
            self.sitting.answer(item.item_id, chosen)
            if chosen:
                self.answers[item.item_id] = chosen
            else:
                self.answers.pop(item.item_id, None)
            mark = Mark.CHANGED
        self.saved_item = item.item_id
        return mark

    def go_to(self, index: int) -> bool:
        if 0 <= index < len(self.items) and index != self.index:
            self.index, self.saved_item = index, None
            return True
        return False

    def toggle_flag(self) -> bool:
        item = self.item
        if item is None:
            return False
        flagged = item.item_id not in self.flags
        self.sitting.flag(item.item_id, flagged)
        (self.flags.add if flagged else self.flags.discard)(item.item_id)
        return True

    def toggle_struck(self, choice_id: str) -> bool:
        item = self.item
        if item is None:
            return False
        struck = self.struck.setdefault(item.item_id, set())
        (struck.discard if choice_id in struck else struck.add)(choice_id)
        return True

    def unanswered(self) -> int:
        return sum(1 for i in self.items if i.item_id not in self.answers)

    def first_open_after(self, code: str) -> int | None:
        """Where a candidate in a section that has just closed goes on: the next open question,
        or the first open one; None when they are not in that section."""
        item = self.item
        if item is None or item.section != code:
            return None
        closed = self.closed_sections()
        later = [n for n, i in enumerate(self.items) if n > self.index and i.section not in closed]
        first = later or [n for n, i in enumerate(self.items) if i.section not in closed]
        return first[0] if first else None
