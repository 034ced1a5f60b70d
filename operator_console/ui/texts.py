"""The console's words for the server's codes: reasons, seat states, rule verdicts, alerts.

Every text goes through Qt's translation system (context "ConsoleTexts"); a code the console
does not know is shown as it came, never hidden.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from question_banks.programs import PROGRAMS


def category(code: str) -> str:
    return {
        "environment": QCoreApplication.translate("ConsoleTexts", "Environment"),
        "examinee": QCoreApplication.translate("ConsoleTexts", "Candidate"),
        "staff": QCoreApplication.translate("ConsoleTexts", "Staff"),
        "technical": QCoreApplication.translate("ConsoleTexts", "Technical"),
        "other": QCoreApplication.translate("ConsoleTexts", "Other"),
        "lockdown": QCoreApplication.translate("ConsoleTexts", "Kiosk lockdown"),
        "camera": QCoreApplication.translate("ConsoleTexts", "Camera"),
        "proctoring": QCoreApplication.translate("ConsoleTexts", "Proctoring"),
    }.get(code, code)


def reason(code: str) -> str:
    """A reason code of contracts §6, an automatic incident or a lock reason."""
    return {
        "noise": QCoreApplication.translate("ConsoleTexts", "Noise"),
        "disturbance": QCoreApplication.translate("ConsoleTexts", "Disturbance"),
        "power_cut": QCoreApplication.translate("ConsoleTexts", "Power cut"),
        "fire_alarm": QCoreApplication.translate("ConsoleTexts", "Fire alarm"),
        "comfort": QCoreApplication.translate("ConsoleTexts", "Comfort (heat, light, toilet)"),
        "other": QCoreApplication.translate("ConsoleTexts", "Other"),
        "illness": QCoreApplication.translate("ConsoleTexts", "Illness"),
        "help_requested": QCoreApplication.translate("ConsoleTexts", "Help requested"),
        "identity": QCoreApplication.translate("ConsoleTexts", "Identity doubt"),
        "talking": QCoreApplication.translate("ConsoleTexts", "Talking"),
        "materials_exchanged": QCoreApplication.translate("ConsoleTexts", "Materials exchanged"),
        "device_found": QCoreApplication.translate("ConsoleTexts", "Device found"),
        "left_seat": QCoreApplication.translate("ConsoleTexts", "Left the seat"),
        "late": QCoreApplication.translate("ConsoleTexts", "Late"),
        "no_show": QCoreApplication.translate("ConsoleTexts", "Did not come"),
        "error": QCoreApplication.translate("ConsoleTexts", "Staff error"),
        "kiosk_frozen": QCoreApplication.translate("ConsoleTexts", "Kiosk frozen"),
        "kiosk_silent": QCoreApplication.translate("ConsoleTexts", "Kiosk silent"),
        "kiosk_dead": QCoreApplication.translate("ConsoleTexts", "Kiosk dead"),
        "network": QCoreApplication.translate("ConsoleTexts", "Network"),
        "camera": QCoreApplication.translate("ConsoleTexts", "Camera"),
        "detector": QCoreApplication.translate("ConsoleTexts", "Metal detector"),
        # what kiosks report by themselves
        "focus_lost": QCoreApplication.translate("ConsoleTexts", "Test window lost focus"),
        "extra_screen": QCoreApplication.translate("ConsoleTexts", "Second screen connected"),
        "prohibited_program": QCoreApplication.translate(
            "ConsoleTexts", "Prohibited program running"
        ),
        "unclean_exit": QCoreApplication.translate(
            "ConsoleTexts", "Kiosk restarted after a failure"
        ),
        "virtual_machine": QCoreApplication.translate("ConsoleTexts", "Virtual machine"),
        "remote_session": QCoreApplication.translate("ConsoleTexts", "Remote session"),
        "shortcut_blocked": QCoreApplication.translate("ConsoleTexts", "Blocked shortcut pressed"),
        "close_attempt": QCoreApplication.translate("ConsoleTexts", "Tried to close the test"),
        "identity_disputed": QCoreApplication.translate("ConsoleTexts", "Candidate says: not me"),
        "camera_check_failed": QCoreApplication.translate("ConsoleTexts", "Camera check failed"),
        "camera_unavailable": QCoreApplication.translate("ConsoleTexts", "Camera lost"),
        "camera_lost": QCoreApplication.translate("ConsoleTexts", "Camera lost"),
        "camera_frozen": QCoreApplication.translate("ConsoleTexts", "Camera picture frozen"),
        "recording_failed": QCoreApplication.translate(
            "ConsoleTexts", "Recording failed: a segment was lost"
        ),
        "recording_resumed": QCoreApplication.translate("ConsoleTexts", "Recording works again"),
        "no_face": QCoreApplication.translate("ConsoleTexts", "No face in view"),
        "several_faces": QCoreApplication.translate("ConsoleTexts", "Two or more faces"),
        "operator_pause": QCoreApplication.translate("ConsoleTexts", "Paused by the operator"),
        "room_paused": QCoreApplication.translate("ConsoleTexts", "Room paused"),
        "moved_here": QCoreApplication.translate(
            "ConsoleTexts", "Moved here, waiting for the code"
        ),
        "submitted": QCoreApplication.translate("ConsoleTexts", "submitted by the candidate"),
        "time_expired": QCoreApplication.translate("ConsoleTexts", "time ran out"),
        "terminated": QCoreApplication.translate("ConsoleTexts", "terminated by the operator"),
    }.get(code, code.replace("_", " "))


def seat_state(code: str) -> str:
    return {
        "free": QCoreApplication.translate("ConsoleTexts", "free"),
        "seated": QCoreApplication.translate("ConsoleTexts", "seated"),
        "in_test": QCoreApplication.translate("ConsoleTexts", "in test"),
        "between": QCoreApplication.translate("ConsoleTexts", "between parts"),
        "locked": QCoreApplication.translate("ConsoleTexts", "locked"),
        "finished": QCoreApplication.translate("ConsoleTexts", "finished"),
        "terminated": QCoreApplication.translate("ConsoleTexts", "terminated"),
    }.get(code, code)


def language() -> str:
    """The language the console speaks now: the installed catalogue says which ("en" if none)."""
    return QCoreApplication.translate("ConsoleTexts", "en", "the code of this catalogue's language")


def program(code: str) -> str:
    """A program's short name, from its definition, in the console's language."""
    defined = PROGRAMS.get(code)
    return defined.name.said(language()) if defined else code.replace("_", " ")


def verdict(code: str | None, facts: Mapping[str, str]) -> str:
    """The rule's verdict in the operator's language, with its facts filled in."""
    if code is None:
        return QCoreApplication.translate("ConsoleTexts", "May be admitted")
    words = {
        "invalid_iin": QCoreApplication.translate("ConsoleTexts", "Invalid IIN: %1"),
        "iin_mismatch": QCoreApplication.translate(
            "ConsoleTexts", "The IIN on the document does not match the roster"
        ),
        "not_on_roster": QCoreApplication.translate(
            "ConsoleTexts", "Not on this session's roster for %1"
        ),
        "banned": QCoreApplication.translate("ConsoleTexts", "Banned from testing until %1"),
        "late": QCoreApplication.translate(
            "ConsoleTexts", "Late: admission closed at %1 (%2 min ago)"
        ),
        "retake_too_soon": QCoreApplication.translate(
            "ConsoleTexts", "Retake too soon: %1 allowed from %2"
        ),
        "attempts_this_month": QCoreApplication.translate(
            "ConsoleTexts", "%1: %2 attempts already this month"
        ),
        "already_admitted": QCoreApplication.translate(
            "ConsoleTexts", "Already admitted (seat %1)"
        ),
        "already_refused": QCoreApplication.translate("ConsoleTexts", "Already refused"),
        "session_closed": QCoreApplication.translate("ConsoleTexts", "The session is closed"),
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
        "pass": QCoreApplication.translate("ConsoleTexts", "PASS"),
        "alarm": QCoreApplication.translate("ConsoleTexts", "ALARM"),
        "fault": QCoreApplication.translate("ConsoleTexts", "FAULT"),
        "tamper": QCoreApplication.translate("ConsoleTexts", "TAMPER"),
        "status": QCoreApplication.translate("ConsoleTexts", "status"),
        "hello": QCoreApplication.translate("ConsoleTexts", "connected"),
    }.get(kind, kind)


def detector_state(state: str) -> str:
    return {
        "connected": QCoreApplication.translate("ConsoleTexts", "online"),
        "connecting": QCoreApplication.translate("ConsoleTexts", "connecting"),
        "reconnecting": QCoreApplication.translate("ConsoleTexts", "offline, reconnecting"),
        "faulted": QCoreApplication.translate("ConsoleTexts", "fault"),
        "stopped": QCoreApplication.translate("ConsoleTexts", "stopped"),
        "off": QCoreApplication.translate("ConsoleTexts", "not configured"),
    }.get(state, state)


def history_action(action: str) -> str:
    return {
        "admission.admit": QCoreApplication.translate("ConsoleTexts", "admitted"),
        "admission.refuse": QCoreApplication.translate("ConsoleTexts", "refused"),
        "seat.bind": QCoreApplication.translate("ConsoleTexts", "seated"),
        "seat.lock": QCoreApplication.translate("ConsoleTexts", "seat locked"),
        "seat.pause": QCoreApplication.translate("ConsoleTexts", "seat paused"),
        "seat.resume_code": QCoreApplication.translate("ConsoleTexts", "resume code issued"),
        "seat.resume": QCoreApplication.translate("ConsoleTexts", "seat resumed"),
        "seat.resume_refused": QCoreApplication.translate("ConsoleTexts", "wrong resume code"),
        "seat.resume_held": QCoreApplication.translate(
            "ConsoleTexts", "code typed during room pause"
        ),
        "seat.time": QCoreApplication.translate("ConsoleTexts", "time changed"),
        "seat.terminate": QCoreApplication.translate("ConsoleTexts", "terminated"),
        "seat.move": QCoreApplication.translate("ConsoleTexts", "moved"),
        "session.start": QCoreApplication.translate("ConsoleTexts", "session started"),
        "session.pause": QCoreApplication.translate("ConsoleTexts", "room paused"),
        "session.resume": QCoreApplication.translate("ConsoleTexts", "room resumed"),
        "attempt.start": QCoreApplication.translate("ConsoleTexts", "test begun"),
        "attempt.finish": QCoreApplication.translate("ConsoleTexts", "test finished"),
        "incident.report": QCoreApplication.translate("ConsoleTexts", "kiosk incident"),
        "incident.log": QCoreApplication.translate("ConsoleTexts", "incident logged"),
        "incident.acknowledge": QCoreApplication.translate("ConsoleTexts", "alert acknowledged"),
        "detector.pass": QCoreApplication.translate("ConsoleTexts", "walk-through PASS"),
        "detector.alarm": QCoreApplication.translate("ConsoleTexts", "walk-through ALARM"),
        "detector.fault": QCoreApplication.translate("ConsoleTexts", "detector FAULT"),
        "detector.tamper": QCoreApplication.translate("ConsoleTexts", "detector TAMPER"),
    }.get(action, action)
