"""The stages of a seat, where the seat is among them, and what the flow asks of its driver.

Seat, confirmation, language, camera, tutorial, instructions, test, finish, lock: every kiosk
runs this order of things (`kiosk.seat_flow` composes it). `Progress` is the one place the stage
and the candidate's status message change; `FlowHooks` is what the flow asks of whoever drives it
(the kiosk window's model, the scripted candidate). No Qt.
"""

from __future__ import annotations

from enum import StrEnum

from kiosk.sitting import Sitting
from operator_console.protocol.kiosk_api import LockReport, SeatAssignment


class Stage(StrEnum):
    IDLE = "idle"
    CONFIRM = "confirm"
    LANGUAGE = "language"
    CAMERA = "camera"
    TUTORIAL = "tutorial"
    """Before the first timed part: the tools, and a practice question that counts for nothing."""
    INSTRUCTIONS = "instructions"
    TEST = "test"
    BETWEEN = "between"
    """One program finished, the next (legislation after the state language) still to come."""
    FINISH = "finish"
    LOCKED = "locked"


BEFORE_THE_TEST = (Stage.CONFIRM, Stage.LANGUAGE, Stage.CAMERA, Stage.TUTORIAL, Stage.INSTRUCTIONS)


class FlowHooks:
    """What the flow asks of whoever drives it. Each does nothing here; the kiosk's model makes
    them signals, camera calls and background jobs."""

    def changed(self) -> None:
        """The stage, the seat or a status message changed."""

    def question_changed(self) -> None:
        """The open question, an answer, a flag or the sheet's status changed."""

    def language_chosen(self, language: str) -> None:
        """The screens speak this language from now on."""

    def take_over(self, attempt_id: str, seat: SeatAssignment) -> None:
        """Fetch the form of a running attempt this kiosk never had; answer with
        `SeatFlow.taken_over` (or `take_over_failed`)."""

    def start_camera(self, attempt_id: str | None) -> None:
        """A candidate is at the seat: the camera opens and records `attempt_id` (None: the
        next program of the sitting)."""

    def record(self, attempt_id: str | None) -> None:
        """The camera records this attempt from now on; None stops the recording."""

    def report(self, category: str, code: str, note: str) -> None:
        """An incident for the operator."""

    def report_lock(self, report: LockReport) -> None:
        """The kiosk locked itself: the operator must know before they can lift it."""

    def sitting_opened(self, sitting: Sitting) -> None:
        """A part opened here: its answers are to be carried to the room server."""

    def sitting_closing(self) -> None:
        """The part is being handed in: nothing more is carried on its own."""

    def answered(self) -> None:
        """A new answer is on disk."""


class Progress:
    """Where the seat is: its stage, the status message for the candidate, and whether the
    hand-in is being confirmed. Every change of stage goes through `go`."""

    def __init__(self, hooks: FlowHooks, *, message: str | None = None) -> None:
        self.hooks = hooks
        self.stage = Stage.IDLE
        self.message = message
        self.confirming_submit = False
        """The candidate asked to hand the part in and is asked once more (a new stage closes
        the question)."""

    def go(self, stage: Stage) -> None:
        self.stage = stage
        self.message = None
        self.confirming_submit = False
        self.hooks.changed()

    def say(self, message: str | None) -> None:
        self.message = message
        self.hooks.changed()
