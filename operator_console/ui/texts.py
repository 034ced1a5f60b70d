"""The console's words for the server's codes: reasons, seat states, rule verdicts, alerts.

Every text goes through Qt's translation system (context "ConsoleTexts"); a code the console
does not know is shown as it came, never hidden.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("ConsoleTexts", text)


def category(code: str) -> str:
    return {
        "environment": _t("Environment"),
        "examinee": _t("Candidate"),
        "staff": _t("Staff"),
        "technical": _t("Technical"),
        "other": _t("Other"),
        "lockdown": _t("Kiosk lockdown"),
        "camera": _t("Camera"),
        "proctoring": _t("Proctoring"),
    }.get(code, code)


def reason(code: str) -> str:
    """A reason code of contracts §6, an automatic incident or a lock reason."""
    return {
        "noise": _t("Noise"),
        "disturbance": _t("Disturbance"),
        "power_cut": _t("Power cut"),
        "fire_alarm": _t("Fire alarm"),
        "comfort": _t("Comfort (heat, light, toilet)"),
        "other": _t("Other"),
        "illness": _t("Illness"),
        "help_requested": _t("Help requested"),
        "identity": _t("Identity doubt"),
        "talking": _t("Talking"),
        "materials_exchanged": _t("Materials exchanged"),
        "device_found": _t("Device found"),
        "left_seat": _t("Left the seat"),
        "late": _t("Late"),
        "no_show": _t("Did not come"),
        "error": _t("Staff error"),
        "kiosk_frozen": _t("Kiosk frozen"),
        "kiosk_silent": _t("Kiosk silent"),
        "kiosk_dead": _t("Kiosk dead"),
        "network": _t("Network"),
        "camera": _t("Camera"),
        "detector": _t("Metal detector"),
        # what kiosks report by themselves
        "focus_lost": _t("Test window lost focus"),
        "extra_screen": _t("Second screen connected"),
        "prohibited_program": _t("Prohibited program running"),
        "unclean_exit": _t("Kiosk restarted after a failure"),
        "virtual_machine": _t("Virtual machine"),
        "remote_session": _t("Remote session"),
        "shortcut_blocked": _t("Blocked shortcut pressed"),
        "close_attempt": _t("Tried to close the test"),
        "identity_disputed": _t("Candidate says: not me"),
        "camera_check_failed": _t("Camera check failed"),
        "camera_unavailable": _t("Camera lost"),
        "no_face": _t("No face in view"),
        "several_faces": _t("Two or more faces"),
        "operator_pause": _t("Paused by the operator"),
        "room_paused": _t("Room paused"),
        "moved_here": _t("Moved here, waiting for the code"),
    }.get(code, code.replace("_", " "))


def seat_state(code: str) -> str:
    return {
        "free": _t("free"),
        "seated": _t("seated"),
        "in_test": _t("in test"),
        "between": _t("between parts"),
        "locked": _t("locked"),
        "finished": _t("finished"),
        "terminated": _t("terminated"),
    }.get(code, code)


def program(code: str) -> str:
    return {
        "state_language": _t("State language"),
        "legislation": _t("Legislation"),
    }.get(code, code.replace("_", " "))


def verdict(code: str | None, facts: Mapping[str, str]) -> str:
    """The rule's verdict in the operator's language, with its facts filled in."""
    if code is None:
        return _t("May be admitted")
    words = {
        "invalid_iin": _t("Invalid IIN: %1"),
        "iin_mismatch": _t("The IIN on the document does not match the roster"),
        "not_on_roster": _t("Not on this session's roster for %1"),
        "banned": _t("Banned from testing until %1"),
        "late": _t("Late: admission closed at %1 (%2 min ago)"),
        "retake_too_soon": _t("Retake too soon: %1 allowed from %2"),
        "attempts_this_month": _t("%1: %2 attempts already this month"),
        "already_admitted": _t("Already admitted (seat %1)"),
        "already_refused": _t("Already refused"),
        "session_closed": _t("The session is closed"),
    }.get(code)
    if words is None:
        return code
    order = {
        "invalid_iin": ("problem",),
        "not_on_roster": ("programs",),
        "banned": ("until",),
        "late": ("closed_at", "minutes"),
        "retake_too_soon": ("program", "allowed"),
        "attempts_this_month": ("program", "attempts"),
        "already_admitted": ("seat",),
    }.get(code, ())
    for n, name in enumerate(order, start=1):
        value = facts.get(name, "")
        if name == "program":
            value = program(value)
        words = words.replace(f"%{n}", value or "—")
    return words


def detector_kind(kind: str) -> str:
    return {
        "pass": _t("PASS"),
        "alarm": _t("ALARM"),
        "fault": _t("FAULT"),
        "tamper": _t("TAMPER"),
        "status": _t("status"),
        "hello": _t("connected"),
    }.get(kind, kind)


def detector_state(state: str) -> str:
    return {
        "connected": _t("online"),
        "connecting": _t("connecting"),
        "reconnecting": _t("offline, reconnecting"),
        "faulted": _t("fault"),
        "stopped": _t("stopped"),
        "off": _t("not configured"),
    }.get(state, state)


def history_action(action: str) -> str:
    return {
        "admission.admit": _t("admitted"),
        "admission.refuse": _t("refused"),
        "seat.bind": _t("seated"),
        "seat.lock": _t("seat locked"),
        "seat.pause": _t("seat paused"),
        "seat.resume_code": _t("resume code issued"),
        "seat.resume": _t("seat resumed"),
        "seat.resume_refused": _t("wrong resume code"),
        "seat.resume_held": _t("code typed during room pause"),
        "seat.time": _t("time changed"),
        "seat.terminate": _t("terminated"),
        "seat.move": _t("moved"),
        "session.start": _t("session started"),
        "session.pause": _t("room paused"),
        "session.resume": _t("room resumed"),
        "attempt.start": _t("test begun"),
        "attempt.finish": _t("test finished"),
        "incident.report": _t("kiosk incident"),
        "incident.log": _t("incident logged"),
        "incident.acknowledge": _t("alert acknowledged"),
        "detector.pass": _t("walk-through PASS"),
        "detector.alarm": _t("walk-through ALARM"),
        "detector.fault": _t("detector FAULT"),
        "detector.tamper": _t("detector TAMPER"),
    }.get(action, action)
