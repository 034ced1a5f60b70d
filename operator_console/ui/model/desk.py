"""The model's desk: the candidate chosen at the desk, the server's check of the rules for them,
their admission or refusal, and the walk-throughs of the metal detector it goes with."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from operator_console.core import finder
from operator_console.protocol.console_api.desk import (
    AdmissionCheck,
    AdmissionView,
    DetectorEventView,
    DetectorStateView,
    RegistrationView,
    RuleCode,
)
from operator_console.protocol.reasons import Reason
from operator_console.ui.model.sessions import SessionsModel

KEPT_WALKS = 50


class DeskModel(SessionsModel):
    """The desk's operations; it takes the registrations of the chosen session again after each
    decision."""

    def find(self, text: str) -> list[RegistrationView]:
        return finder.find(self.registrations, text)

    def choose(
        self, registration: RegistrationView | None, presented_iin: str | None = None
    ) -> None:
        """The candidate at the desk; the rules' verdict for them follows from the server."""
        self.chosen, self.check = registration, None
        self.presented_iin = (
            presented_iin
            if presented_iin is not None
            else (registration.iin if registration else "")
        )
        self.news.emit({"desk"})
        self.recheck()

    def recheck(self) -> None:
        """Asks the server's check again for the chosen candidate, with the walk-through the
        admission would go with: the rules and the detector gate are the server's to decide."""
        registration = self.chosen
        if registration is None or self.session_id is None:
            return
        sid, rid, iin = self.session_id, registration.registration_id, self.presented_iin
        walk = self.walk
        walk_id = walk.id if walk else None

        def got(check: AdmissionCheck) -> None:
            if (
                self.chosen is not None
                and self.chosen.registration_id == check.registration_id
                and self.presented_iin == iin
            ):
                self.check = check
                self.news.emit({"desk"})

        self._call(lambda: self.client.check_admission(sid, rid, iin, walk_id), got)

    def scanned(self, text: str) -> bool:
        """A scanner's IIN and Enter: picks the candidate outright. False when nobody matches."""
        found = finder.exact_iin(self.registrations, text)
        if found is None:
            return False
        self.choose(found, "".join(text.split()))
        return True

    @property
    def walk(self) -> DetectorEventView | None:
        """The walk-through the admission goes with: the picked one, or the latest."""
        transits = [w for w in self.walks if w.kind in ("pass", "alarm")]
        if self.walk_id is not None:
            picked = next((w for w in transits if w.id == self.walk_id), None)
            if picked is not None:
                return picked
        return transits[-1] if transits else None

    def pick_walk(self, event_id: int | None) -> None:
        self.walk_id = event_id
        self.news.emit({"desk"})
        self.recheck()

    def admit(self, seat: str | None) -> None:
        """Admits the chosen candidate and seats them (the next free seat when none is given)."""
        reg, sid = self.chosen, self.session_id
        if reg is None or sid is None:
            return
        walk = self.walk
        walk_id = walk.id if walk else None
        target = seat or next(iter(self.picture.free_seats()), None)
        client, iin = self.client, self.presented_iin

        def work() -> AdmissionView:
            decision = client.admit(sid, reg.registration_id, iin, walk_id)
            if (
                decision.status == "admitted"
                and not decision.already
                and target
                and decision.seat is None
            ):
                decision = client.bind_seat(decision.admission_id, target)
            return decision

        def got(decision: AdmissionView) -> None:
            if decision.already:
                at = decision.decided_at.astimezone() if decision.decided_at else None
                self.say(
                    QCoreApplication.translate("ConsoleModel", "%1 already admitted by %2 at %3")
                    .replace("%1", decision.full_name)
                    .replace("%2", decision.decided_by or "")
                    .replace("%3", f"{at:%H:%M}" if at else "")
                )
            elif decision.status == "admitted":
                where = decision.seat or QCoreApplication.translate("ConsoleModel", "no seat yet")
                self.say(
                    QCoreApplication.translate("ConsoleModel", "%1 admitted: seat %2")
                    .replace("%1", decision.full_name)
                    .replace("%2", where)
                )
            else:
                self.say(
                    QCoreApplication.translate("ConsoleModel", "%1 refused: %2")
                    .replace("%1", decision.full_name)
                    .replace("%2", decision.reason or ""),
                    error=True,
                )
            self.walk_id = None
            self.refresh_registrations()
            self._done_with(reg)

        self._call(work, got)

    def refuse(self, reason: Reason | None, rule: RuleCode | None = None) -> None:
        """Refuses the chosen candidate: by the rule the server's check named (the server checks
        it still applies), or for the operator's reason of the list."""
        reg, sid = self.chosen, self.session_id
        if reg is None or sid is None:
            return
        walk = self.walk
        walk_id = walk.id if walk else None
        iin = self.presented_iin

        def got(decision: AdmissionView) -> None:
            self.say(
                QCoreApplication.translate("ConsoleModel", "%1 refused").replace(
                    "%1", decision.full_name
                )
            )
            self.refresh_registrations()
            self._done_with(reg)

        self._call(
            lambda: self.client.refuse(
                sid, reg.registration_id, reason, walk_id, rule=rule, presented_iin=iin
            ),
            got,
        )

    def _done_with(self, reg: RegistrationView) -> None:
        """The desk moves on, unless the operator has already moved on to someone else."""
        if self.chosen is not None and self.chosen.registration_id == reg.registration_id:
            self.choose(None)

    def wand(self, kind: str) -> None:
        """The wand's result for the chosen candidate (the server refuses one for no one)."""
        rid = self.chosen.registration_id if self.chosen else None

        def got(event: DetectorEventView) -> None:
            self.walk_id = event.id
            self.refresh_detector()

        self._call(lambda: self.client.wand(kind, rid), got)

    def refresh_detector(self) -> None:
        after = self.walks[-1].id if self.walks else 0

        def got(found: tuple[DetectorStateView, list[DetectorEventView]]) -> None:
            self.detector, fresh = found
            known = {w.id for w in self.walks}
            self.walks = (self.walks + [w for w in fresh if w.id not in known])[-KEPT_WALKS:]
            self.news.emit({"detector"})
            if any(w.kind in ("pass", "alarm") for w in fresh if w.id not in known):
                self.recheck()

        client = self.client
        self._call(lambda: (client.detector_state(), client.detector_events(after)), got)
