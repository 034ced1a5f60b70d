"""The console's client of the room server's operator API, on the shared call core."""

from __future__ import annotations

from datetime import date

import httpx

from operator_console.protocol.calls import CallCore
from operator_console.protocol.console_api.administration import (
    AuditCheck,
    ItemStatsView,
    KioskView,
    NewUser,
    UserChange,
    UserView,
)
from operator_console.protocol.console_api.desk import (
    AdmissionCheck,
    AdmissionRequest,
    AdmissionView,
    DetectorEventView,
    DetectorStateView,
    ManualDetectorEvent,
    Refusing,
    RegistrationView,
    RuleCode,
    SeatBinding,
)
from operator_console.protocol.console_api.hall import (
    ChangeBatch,
    EnrollmentCodeRequest,
    EnrollmentCodeView,
    HistoryEntry,
    IncidentRequest,
    LoggedIncident,
    Move,
    ResumeCodeView,
    Resumption,
    RoomAction,
    RoomActionView,
    SeatAction,
    SeatActionView,
    SeatMap,
    Termination,
    TimeChange,
)
from operator_console.protocol.console_api.review import (
    BulkClearRequest,
    ReviewItem,
    ReviewTimeline,
    VerdictRequest,
)
from operator_console.protocol.console_api.sessions import (
    AttemptResultView,
    BanksView,
    BankView,
    LoginRequest,
    LoginResponse,
    RosterFetch,
    RosterImported,
    SessionView,
)
from operator_console.protocol.console_api.sync import OfflineExportView, OutboxView, SyncStatus
from operator_console.protocol.kiosk_api import IncidentView, RecordingManifest
from operator_console.protocol.reasons import Reason
from operator_console.protocol.records import VerificationRecord
from operator_console.protocol.roster import SignedRoster
from operator_console.protocol.values import Role


class ConsoleClient:
    """The operator API of contracts §6, one method a route; errors are those of the call core."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 15.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._core = CallCore(base_url, timeout=timeout, transport=transport)
        self.role: Role | None = None
        self.screens: list[str] = []
        self.time_zone = ""

    @property
    def base_url(self) -> str:
        return self._core.base_url

    def close(self) -> None:
        self._core.close()

    def login(self, username: str, password: str) -> LoginResponse:
        reply = self._core.call(
            "POST",
            "/api/v1/auth/login",
            LoginResponse,
            LoginRequest(username=username, password=password),
        )
        self._core.use_token(reply.token)
        self.role = reply.role
        self.screens = list(reply.screens)
        self.time_zone = reply.time_zone
        return reply

    def logout(self) -> None:
        """Ends this sign-in on the server; the client then holds no token."""
        self._core.send("POST", "/api/v1/auth/logout")
        self._core.use_token(None)
        self.role = None

    def fetch_roster(self, day: date) -> RosterImported:
        return self._core.call(
            "POST", "/api/v1/rosters/fetch", RosterImported, RosterFetch(date=day)
        )

    def import_roster(self, signed: SignedRoster) -> RosterImported:
        return self._core.call("POST", "/api/v1/rosters/import", RosterImported, signed)

    def sessions(self, day: date | None = None) -> list[SessionView]:
        params = {"day": day.isoformat()} if day else None
        return self._core.call("GET", "/api/v1/sessions", list[SessionView], params=params)

    def registrations(self, session_id: str) -> list[RegistrationView]:
        return self._core.call(
            "GET", f"/api/v1/sessions/{session_id}/registrations", list[RegistrationView]
        )

    def admit(
        self,
        session_id: str,
        registration_id: str,
        presented_iin: str,
        detector_event_id: int | None = None,
    ) -> AdmissionView:
        return self._core.call(
            "POST",
            f"/api/v1/sessions/{session_id}/admissions",
            AdmissionView,
            AdmissionRequest(
                registration_id=registration_id,
                presented_iin=presented_iin,
                detector_event_id=detector_event_id,
            ),
        )

    def wand(
        self,
        kind: str,
        registration_id: str | None,
        zones: list[int] | None = None,
        note: str = "",
    ) -> DetectorEventView:
        """A wand check for the candidate (the server refuses one for no one)."""
        body = ManualDetectorEvent.model_validate(
            {"kind": kind, "zones": zones or [], "note": note, "registration_id": registration_id}
        )
        return self._core.call("POST", "/api/v1/detector/manual", DetectorEventView, body)

    def detector_events(self, after: int = 0, wait: float = 0.0) -> list[DetectorEventView]:
        return self._core.call(
            "GET",
            "/api/v1/detector/events",
            list[DetectorEventView],
            params={"after": after, "wait": wait},
            timeout=wait + 10,
        )

    def bind_seat(self, admission_id: str, seat: str) -> AdmissionView:
        return self._core.call(
            "PUT", f"/api/v1/admissions/{admission_id}/seat", AdmissionView, SeatBinding(seat=seat)
        )

    def enrollment_code(self, seat: str) -> EnrollmentCodeView:
        return self._core.call(
            "POST", "/api/v1/enrollment-codes", EnrollmentCodeView, EnrollmentCodeRequest(seat=seat)
        )

    def resume_code(self, seat: str) -> ResumeCodeView:
        return self._core.call("POST", f"/api/v1/seats/{seat}/resume-code", ResumeCodeView)

    def start_session(self, session_id: str) -> SessionView:
        return self._core.call("POST", f"/api/v1/sessions/{session_id}/start", SessionView)

    def sync_status(self) -> SyncStatus:
        return self._core.call("GET", "/api/v1/sync/status", SyncStatus)

    def outbox(self, kind: str | None = None, status: tuple[str, ...] = ()) -> list[OutboxView]:
        params = httpx.QueryParams({"kind": kind} if kind else {}).merge({"status": list(status)})
        return self._core.call("GET", "/api/v1/outbox", list[OutboxView], params=params)

    def results(self, session_id: str) -> list[AttemptResultView]:
        return self._core.call(
            "GET", f"/api/v1/sessions/{session_id}/results", list[AttemptResultView]
        )

    def recording_manifest(self, attempt_id: str) -> RecordingManifest:
        return self._core.call(
            "GET", f"/api/v1/attempts/{attempt_id}/recording/manifest", RecordingManifest
        )

    def attempt_incidents(self, attempt_id: str) -> list[IncidentView]:
        return self._core.call(
            "GET", f"/api/v1/attempts/{attempt_id}/incidents", list[IncidentView]
        )

    # ----- the desk's decisions -----------------------------------------------------------------

    def check_admission(
        self,
        session_id: str,
        registration_id: str,
        presented_iin: str,
        detector_event_id: int | None = None,
    ) -> AdmissionCheck:
        return self._core.call(
            "POST",
            f"/api/v1/sessions/{session_id}/admissions/check",
            AdmissionCheck,
            AdmissionRequest(
                registration_id=registration_id,
                presented_iin=presented_iin,
                detector_event_id=detector_event_id,
            ),
        )

    def refuse(
        self,
        session_id: str,
        registration_id: str,
        reason: Reason | None = None,
        detector_event_id: int | None = None,
        *,
        rule: RuleCode | None = None,
        presented_iin: str | None = None,
    ) -> AdmissionView:
        """Refuses for a reason of the list, or by the `rule` the server's check named."""
        return self._core.call(
            "POST",
            f"/api/v1/sessions/{session_id}/refusals",
            AdmissionView,
            Refusing(
                registration_id=registration_id,
                reason=reason,
                rule=rule,
                presented_iin=presented_iin,
                detector_event_id=detector_event_id,
            ),
        )

    # ----- the hall -------------------------------------------------------------------------------

    def seats(self) -> SeatMap:
        return self._core.call("GET", "/api/v1/seats", SeatMap)

    def changes(self, after: str | None, wait: float = 0.0) -> ChangeBatch:
        params: dict[str, str | float] = {"wait": wait}
        if after:
            params["after"] = after
        return self._core.call(
            "GET", "/api/v1/changes", ChangeBatch, params=params, timeout=wait + 10
        )

    def pause_room(self, session_id: str, reason: Reason) -> RoomActionView:
        return self._core.call(
            "POST",
            f"/api/v1/sessions/{session_id}/pause",
            RoomActionView,
            RoomAction(reason=reason),
        )

    def resume_room(self, session_id: str, reason: Reason | None = None) -> RoomActionView:
        body = RoomAction(reason=reason) if reason else None
        return self._core.call(
            "POST", f"/api/v1/sessions/{session_id}/resume", RoomActionView, body
        )

    # Every seat action names the sitting the operator saw (`SeatView.admission_id`); a seat
    # whose sitting changed meanwhile is refused with `seat_changed` and nothing is done.

    def pause_seat(self, seat: str, admission_id: str, reason: Reason) -> SeatActionView:
        body = SeatAction(admission_id=admission_id, reason=reason)
        return self._core.call("POST", f"/api/v1/seats/{seat}/pause", SeatActionView, body)

    def resume_seat(self, seat: str, admission_id: str) -> SeatActionView:
        body = Resumption(admission_id=admission_id)
        return self._core.call("POST", f"/api/v1/seats/{seat}/resume", SeatActionView, body)

    def change_time(
        self, seat: str, admission_id: str, minutes: int, reason: Reason
    ) -> SeatActionView:
        body = TimeChange(admission_id=admission_id, minutes=minutes, reason=reason)
        return self._core.call("POST", f"/api/v1/seats/{seat}/time", SeatActionView, body)

    def terminate(self, seat: str, admission_id: str, reason: Reason) -> SeatActionView:
        body = Termination(admission_id=admission_id, reason=reason)
        return self._core.call("POST", f"/api/v1/seats/{seat}/terminate", SeatActionView, body)

    def move(self, seat: str, admission_id: str, to_seat: str, reason: Reason) -> SeatActionView:
        body = Move(admission_id=admission_id, to_seat=to_seat, reason=reason)
        return self._core.call("POST", f"/api/v1/seats/{seat}/move", SeatActionView, body)

    def log_incident(
        self, reason: Reason, *, seat: str | None = None, session_id: str | None = None
    ) -> LoggedIncident:
        return self._core.call(
            "POST",
            "/api/v1/incidents",
            LoggedIncident,
            IncidentRequest(seat=seat, session_id=session_id, reason=reason),
        )

    def acknowledge(self, incident_id: int) -> LoggedIncident:
        return self._core.call(
            "POST", f"/api/v1/incidents/{incident_id}/acknowledge", LoggedIncident
        )

    def history(self, session_id: str, **filters: str) -> list[HistoryEntry]:
        return self._core.call(
            "GET",
            f"/api/v1/sessions/{session_id}/history",
            list[HistoryEntry],
            params=filters or None,
        )

    def detector_state(self) -> DetectorStateView:
        return self._core.call("GET", "/api/v1/detector/state", DetectorStateView)

    # ----- review ---------------------------------------------------------------------------------

    def reviews(self) -> list[ReviewItem]:
        return self._core.call("GET", "/api/v1/reviews", list[ReviewItem])

    def timeline(self, attempt_id: str) -> ReviewTimeline:
        return self._core.call("GET", f"/api/v1/attempts/{attempt_id}/timeline", ReviewTimeline)

    def segment(self, attempt_id: str, seq: int) -> bytes:
        """A recording segment, decrypted by the room server for this proctor (and audited)."""
        return self._core.send(
            "GET", f"/api/v1/attempts/{attempt_id}/recording/{seq}", timeout=120
        ).content

    def thumbnail(self, incident_id: int) -> bytes:
        return self._core.send("GET", f"/api/v1/incidents/{incident_id}/thumbnail").content

    def verdict(self, attempt_id: str, body: VerdictRequest) -> VerificationRecord:
        return self._core.call(
            "POST", f"/api/v1/attempts/{attempt_id}/verification", VerificationRecord, body
        )

    def clear_unflagged(self, attempt_ids: list[str], watched: list[str]) -> list[str]:
        return self._core.call(
            "POST",
            "/api/v1/reviews/clear",
            list[str],
            BulkClearRequest(attempt_ids=attempt_ids, watched=watched),
        )

    # ----- sync, report, audit --------------------------------------------------------------------

    def retry(self, record_id: str) -> OutboxView:
        return self._core.call("POST", f"/api/v1/outbox/{record_id}/retry", OutboxView)

    def export_offline(self) -> OfflineExportView:
        return self._core.call("POST", "/api/v1/outbox/export", OfflineExportView, timeout=120)

    def report_pdf(self, session_id: str, language: str) -> bytes:
        return self._core.send(
            "GET",
            f"/api/v1/sessions/{session_id}/report.pdf",
            params={"language": language},
            timeout=120,
        ).content

    def results_csv(self, session_id: str) -> bytes:
        return self._core.send("GET", f"/api/v1/sessions/{session_id}/results.csv").content

    def verify_audit(self, ask_upstream: bool = True) -> AuditCheck:
        return self._core.call(
            "GET",
            "/api/v1/audit/verify",
            AuditCheck,
            params={"ask_upstream": str(ask_upstream).lower()},
            timeout=60,
        )

    # ----- administration -------------------------------------------------------------------------

    def users(self) -> list[UserView]:
        return self._core.call("GET", "/api/v1/users", list[UserView])

    def create_user(self, body: NewUser) -> UserView:
        return self._core.call("POST", "/api/v1/users", UserView, body)

    def change_user(self, username: str, body: UserChange) -> UserView:
        return self._core.call("PATCH", f"/api/v1/users/{username}", UserView, body)

    def unlock_user(self, username: str) -> UserView:
        """The user's wrong sign-in tries no longer count, from any address."""
        return self._core.call("POST", f"/api/v1/users/{username}/unlock", UserView)

    def kiosks(self) -> list[KioskView]:
        return self._core.call("GET", "/api/v1/kiosks", list[KioskView])

    def revoke_kiosk(self, kiosk_id: str) -> KioskView:
        return self._core.call("POST", f"/api/v1/kiosks/{kiosk_id}/revoke", KioskView)

    def banks(self) -> BanksView:
        return self._core.call("GET", "/api/v1/banks", BanksView)

    def load_bank(self, data: bytes, file_name: str) -> BankView:
        response = self._core.send(
            "POST",
            "/api/v1/banks",
            content=data,
            headers={"Content-Type": "application/octet-stream", "X-File-Name": file_name},
            timeout=300,
        )
        return BankView.model_validate_json(response.content)

    def item_stats(self, program: str) -> ItemStatsView:
        return self._core.call("GET", f"/api/v1/banks/{program}/stats", ItemStatsView)

    def item_stats_csv(self, program: str) -> bytes:
        return self._core.send("GET", f"/api/v1/banks/{program}/stats.csv").content
