"""The model's sessions: the day's sessions and the one chosen, its registrations, the room paused
or resumed as a whole, and its history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from operator_console.protocol.console_api.desk import RegistrationView
from operator_console.protocol.console_api.hall import HistoryEntry
from operator_console.protocol.console_api.sessions import SessionView
from operator_console.protocol.reasons import Reason
from operator_console.protocol.values import DESK
from operator_console.ui.model.base import ModelBase


class SessionsModel(ModelBase):
    """The sessions' operations; the desk's list, the registrations, follows the chosen one."""

    def refresh_sessions(self) -> None:
        def got(sessions: list[SessionView]) -> None:
            self.sessions = sessions
            if self.session_id not in {s.session_id for s in sessions}:
                open_ones = [s for s in sessions if s.status != "closed"] or sessions
                self.session_id = open_ones[0].session_id if open_ones else None
                self.refresh_registrations()
            self.news.emit({"session"})

        self._call(self.client.sessions, got)
        if self.session_id:
            self.refresh_registrations()

    @property
    def session(self) -> SessionView | None:
        return next((s for s in self.sessions if s.session_id == self.session_id), None)

    def choose_session(self, session_id: str) -> None:
        self.session_id = session_id
        self.chosen = self.check = None
        self.refresh_registrations()
        self.news.emit({"session", "desk"})

    def refresh_registrations(self) -> None:
        session_id = self.session_id
        if session_id is None or self.role not in DESK:
            return

        def got(regs: list[RegistrationView]) -> None:
            if session_id != self.session_id:
                return
            self.registrations = regs
            if self.chosen is not None:
                self.chosen = next(
                    (r for r in regs if r.registration_id == self.chosen.registration_id), None
                )
            self.news.emit({"admission"})

        self._call(lambda: self.client.registrations(session_id), got)

    def start_session(self) -> None:
        if self.session_id:
            sid = self.session_id
            self._call(
                lambda: self.client.start_session(sid),
                lambda _s: self.refresh_sessions(),
                done=QCoreApplication.translate(
                    "ConsoleModel", "Session started: admission is closed"
                ),
            )

    def pause_room(self, reason: Reason) -> None:
        if self.session_id:
            sid = self.session_id
            self._call(
                lambda: self.client.pause_room(sid, reason),
                lambda _r: self.refresh_sessions(),
                done=QCoreApplication.translate(
                    "ConsoleModel", "The room is paused: every running seat's clock is stopped"
                ),
            )

    def resume_room(self) -> None:
        if self.session_id:
            sid = self.session_id
            self._call(
                lambda: self.client.resume_room(sid),
                lambda _r: self.refresh_sessions(),
                done=QCoreApplication.translate(
                    "ConsoleModel", "The room is resumed: every seat got its time back"
                ),
            )

    # ----- history ------------------------------------------------------------------------------

    def refresh_history(self) -> None:
        sid = self.session_id
        if sid is None:
            return

        def got(entries: list[HistoryEntry]) -> None:
            self.history = entries
            self.news.emit({"history"})

        self._call(lambda: self.client.history(sid), got)
