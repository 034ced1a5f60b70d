"""The countdown of one part, without Qt: what the time left means, in one place.

The timer's colour, the 5- and 1-minute warnings, the closing of a section with a time of its
own (Program III's logical thinking) and the end all follow from the time left, which the
sitting measures (the server's deadline, run on the monotonic clock).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from question_banks.programs import Program, program

WARNINGS = (5, 1)
"""Minutes left at which the candidate is warned, each once per part."""


def level(left: timedelta) -> str:
    """The timer's state for the stylesheet: danger in the last minute, warning in the last five."""
    if left <= timedelta(minutes=1):
        return "danger"
    if left <= timedelta(minutes=5):
        return "warning"
    return ""


@dataclass(frozen=True)
class Tick:
    """What one look at the clock found new."""

    warnings: list[int]
    closed: list[str]
    expired: bool


@dataclass
class Countdown:
    program: Program
    warned: set[int] = field(default_factory=set)
    closed: set[str] = field(default_factory=set)

    @classmethod
    def begin(cls, program_code: str, left: timedelta) -> Countdown:
        """A part opened (or resumed) with `left` to go: warnings already past are not given,
        sections already closed close again (the candidate is taken past them)."""
        countdown = cls(program(program_code))
        countdown.warned = {m for m in WARNINGS if left <= timedelta(minutes=m)}
        return countdown

    def _tail(self, code: str) -> timedelta | None:
        spec = next((s for s in self.program.sections if s.code == code), None)
        if spec is None or spec.minutes is None:
            return None
        return timedelta(minutes=self.program.minutes - spec.minutes)

    def closed_sections(self, left: timedelta) -> set[str]:
        """Sections whose own time is over (counted back from the part's end, as the room
        server counts them)."""
        return {
            s.code
            for s in self.program.sections
            if (tail := self._tail(s.code)) is not None and left <= tail
        }

    def section_left(self, code: str, left: timedelta) -> timedelta | None:
        """Time left in a section with a time of its own, or None for the others."""
        tail = self._tail(code)
        return None if tail is None else max(timedelta(0), left - tail)

    def tick(self, left: timedelta) -> Tick:
        warnings = [m for m in WARNINGS if left <= timedelta(minutes=m) and m not in self.warned]
        self.warned.update(warnings)
        closed = sorted(self.closed_sections(left) - self.closed)
        self.closed.update(closed)
        return Tick(warnings, closed, left <= timedelta(0))
