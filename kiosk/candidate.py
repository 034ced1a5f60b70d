"""Who sits at the seat, and the steps they take before the test: they confirm that the name on
the screen is theirs, choose the test's language, pass the camera check and the tutorial. No Qt.

The candidate is kept to the end of the sitting (the seat forgets them at the finish). "That is
not me" locks the seat until the operator has checked and resumes it with a code.
"""

from __future__ import annotations

from kiosk.seat_lock import SeatLock
from kiosk.stages import Progress, Stage


class Candidate:
    def __init__(self, progress: Progress, seat_lock: SeatLock, *, ui_language: str) -> None:
        self.progress, self.seat_lock = progress, seat_lock
        self.hooks = progress.hooks
        self.ui_language = ui_language
        self.registration_id: str | None = None
        self.name: str | None = None
        """Who sits here, kept to the end of the sitting (the seat forgets them at the finish)."""
        self.language: str | None = None

    def sits(self, registration_id: str | None, name: str | None) -> None:
        """A candidate at the seat (None: nobody): the language is theirs to choose."""
        self.registration_id, self.name, self.language = registration_id, name, None

    def speaks(self, language: str) -> None:
        """The test's language, and the screens' from now on."""
        self.language = language
        self.ui_language = language
        self.hooks.language_chosen(language)

    # ----- before the test --------------------------------------------------------------------

    def confirm(self, is_me: bool) -> None:
        if self.progress.stage is not Stage.CONFIRM:
            return
        if is_me:
            self.progress.go(Stage.LANGUAGE)
            return
        # The operator comes, checks, re-seats if need be, and resumes with a code.
        self.seat_lock.lock(
            "identity_disputed", "the candidate says the name on the screen is not theirs"
        )

    def choose_language(self, language: str) -> None:
        if self.progress.stage is not Stage.LANGUAGE:
            return
        self.speaks(language)
        self.progress.go(Stage.CAMERA)

    def back_to_language(self) -> None:
        """From the camera check back to the choice of language (nothing has started yet)."""
        if self.progress.stage is Stage.CAMERA:
            self.progress.go(Stage.LANGUAGE)

    def camera_done(self, faces_seen: int) -> None:
        if self.progress.stage is not Stage.CAMERA:
            return
        if faces_seen != 1:
            self.hooks.report(
                "camera", "camera_check_failed", f"{faces_seen} faces seen at the camera check"
            )
        self.progress.go(Stage.TUTORIAL)

    def tutorial_done(self) -> None:
        if self.progress.stage is Stage.TUTORIAL:
            self.progress.go(Stage.INSTRUCTIONS)
