"""The console's words for the room server's refusals (`protocol.refusals`), in the operator's
language, with times in the hall's time zone.

Every code of the protocol's list has a sentence here (context "Refusals"), with the same
`{name}` parameters as the protocol's English; a test holds the two lists together and finds a
sentence with no Kazakh or Russian. A code the console does not know (a newer server) is shown in
the server's English words, never hidden.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, tzinfo
from functools import cache

from PySide6.QtCore import QCoreApplication

from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.refusals import words
from operator_console.ui import texts


def _t(source: str) -> str:
    return QCoreApplication.translate("Refusals", source)


def sentences() -> dict[str, str]:
    """Code -> the sentence in the language installed now (made on each call: the language can
    change while the console runs)."""
    return {
        # ----- the request itself ---------------------------------------------------------------
        "invalid_request": _t("The request was not understood ({field}: {problem})"),
        "body_too_large": _t("The file is larger than the hall takes ({limit} bytes)"),
        "not_found": _t("Not found: {what} {id}"),
        "database_unavailable": _t(
            "The hall's database did not answer; nothing was stored. Try again."
        ),
        "disk_full": _t(
            "The room server's disk is full; nothing was stored. Free space on the room server."
        ),
        "busy": _t("Too many consoles are following the {what}; try again in a moment"),
        # ----- who is asking --------------------------------------------------------------------
        "sign_in_first": _t("Sign in first"),
        "sign_in_ended": _t("Your sign-in has ended; sign in again"),
        "role_required": _t("This needs the role: {roles}"),
        "kiosk_not_enrolled": _t("This kiosk is not enrolled in this hall"),
        "wrong_credentials": _t("Wrong user name or password"),
        "too_many_tries": _t("Too many wrong tries; try again after {until}"),
        # ----- the admission desk ---------------------------------------------------------------
        "session_closed": _t("Session {session} is closed"),
        "already_admitted": _t(
            "Already admitted by {by} at {decided_at}; to stop the test, terminate it at the seat"
        ),
        "detector_check_required": _t(
            "Admission needs a metal detector check: a walk-through, or a wand check of this "
            "candidate"
        ),
        "detector_event_unknown": _t("Metal detector check {event} was not found"),
        "detector_not_a_check": _t(
            "Metal detector event {event} is {kind}, not a walk-through or a wand check"
        ),
        "detector_alarm": _t(
            "Metal detector check {event} alarmed: walk through again or record the wand's result"
        ),
        "detector_alarm_newer": _t(
            "The walk-through alarmed at {alarm_at}, after check {event}: walk through again or "
            "record the wand's result for this candidate"
        ),
        "walk_through_stale": _t(
            "Metal detector check {event} is older than {minutes} min: walk through again"
        ),
        "walk_through_used": _t(
            "Metal detector check {event} was already used for candidate {registration}"
        ),
        "wand_other_candidate": _t(
            "Wand check {event} was recorded for another candidate ({registration})"
        ),
        "wand_needs_candidate": _t("A wand check is for one candidate: choose the candidate"),
        "no_roster_upstream": _t("The central system has no roster for {day}"),
        "rule_does_not_apply": _t(
            "The rule \u201c{rule}\u201d does not refuse this candidate now: refuse for a reason "
            "of the list"
        ),
        # ----- seats and the room ---------------------------------------------------------------
        "seat_changed": _t(
            "Seat {seat} has changed since you looked; sitting there now: {full_name}"
        ),
        "seat_free": _t("Seat {seat} has no candidate"),
        "seat_no_kiosk": _t("Seat {seat} has no enrolled kiosk"),
        "seat_already_locked": _t(
            "Seat {seat} is already locked (since {since_at}); resume it with a code"
        ),
        "seat_not_locked": _t("Seat {seat} is not locked"),
        "seat_locked_with_room": _t("Seat {seat} was stopped with the room: resume the room"),
        "seat_not_running": _t("Seat {seat} has no running test whose time could change"),
        "seat_nothing_to_terminate": _t("Seat {seat} has no unfinished test to terminate"),
        "seat_same": _t("The new seat is the same seat"),
        "time_too_short": _t(
            "Removing {minutes} min would leave {left} min; at least 1 min must remain"
        ),
        "room_not_running": _t("Session {session} is not running (now: {status})"),
        "room_already_paused": _t("The room is already paused (since {since_at})"),
        "room_not_paused": _t("The room is not paused"),
        "refused_not_seated": _t("A candidate refused admission cannot be seated"),
        "thumbnail_without_attempt": _t("A picture belongs to an incident of a test"),
        "thumbnail_not_jpeg": _t("The picture is not a JPEG image"),
        # ----- kiosks, answers and recordings ---------------------------------------------------
        "not_your_attempt": _t("Test {attempt} does not belong to seat {seat}"),
        "attempt_not_started": _t("Test {attempt} has not started"),
        "attempt_not_running": _t("Test {attempt} is not running (now: {status})"),
        "attempt_finished": _t("Test {attempt} is finished"),
        "bank_not_loaded": _t("Question bank {bank} {version} is not loaded"),
        "no_bank_for_program": _t(
            "No question bank is loaded for: {program}. Call the administrator."
        ),
        "not_questions_of_form": _t("Not questions of this test: {items}"),
        "language_not_offered": _t(
            "Language {language} is not offered to this candidate; offered: {languages}"
        ),
        "seat_locked": _t("The seat is locked: the operator's resume code opens it"),
        "session_not_started": _t("The session has not started; wait for the operator"),
        "room_paused": _t("The room is paused; wait for the operator to resume it"),
        "earlier_part_unfinished": _t("An earlier part of this sitting is not finished yet"),
        "changes_not_received": _t("Changes {first}..{last} have not reached the server yet"),
        "change_stored_otherwise": _t("Change {seq} was already stored with other content"),
        "deadline_not_passed": _t("The time of the test has not run out yet"),
        "resume_code_wrong": _t("Wrong resume code"),
        "resume_code_void": _t("Wrong resume code; the code is now void: ask for a new one"),
        "no_resume_code": _t("This seat has no valid resume code; issue a new one"),
        "enrollment_code_invalid": _t(
            "The enrollment code is unknown, used or expired; issue a new one"
        ),
        "chunk_too_large": _t("A part of a recording is at most {limit} bytes"),
        "segment_numbering": _t("Recording segments are numbered from 1 and offsets from 0"),
        "segment_new": _t("Recording segment {seq} is new: start at offset 0 with its description"),
        "segment_too_large": _t("Recording segment {seq} is {size} bytes; at most {limit}"),
        "segment_overflow": _t("Recording segment {seq}: more bytes than the {size} declared"),
        "segment_resume_at": _t(
            "Recording segment {seq}: the server has {received} bytes; go on from there"
        ),
        "segment_changed": _t(
            "Recording segment {seq} changed meanwhile; ask for its state and go on"
        ),
        "segment_hash_mismatch": _t(
            "Recording segment {seq}: SHA-256 {got}… is not the declared {declared}…; upload it "
            "again"
        ),
        "segment_purged": _t(
            "Recording segment {seq} was deleted at {purged_at}: its keeping time was over"
        ),
        "segment_altered": _t(
            "Recording segment {seq} on disk does not match its hash: it was altered"
        ),
        "segment_damaged": _t("Recording segment {seq} cannot be read: {problem}"),
        # ----- review, verdicts and the outbox --------------------------------------------------
        "verdict_needs_finished": _t("Only a finished test can be verified"),
        "verdict_given": _t("Test {attempt} already has a verdict; it cannot be changed here"),
        "flag_not_of_attempt": _t("Incident {incident} is not a flag of this test"),
        "watched_not_in_batch": _t("A watched test is not in this batch"),
        "attempt_has_flags": _t("Test {attempt} has flags: review it on its own"),
        "flags_unresolved": _t(
            "Test {attempt} has unresolved flags ({count}): give each a finding, or confirm that "
            "the violation stands regardless"
        ),
        "verdict_reason_not_violation": _t(
            "\u201c{code}\u201d does not break the testing rules: choose a reason that does, or "
            "\u201cOther\u201d with a note"
        ),
        "outbox_not_parked": _t("Record {record} is not parked (now: {status})"),
        # ----- administration: users, kiosks, banks, rosters ------------------------------------
        "user_exists": _t("User {username} already exists"),
        "last_administrator": _t(
            "{username} is the last administrator: make another administrator first"
        ),
        "cannot_disable_yourself": _t("You cannot disable yourself"),
        "nothing_to_change": _t("Nothing to change"),
        "kiosk_revoked_already": _t("Kiosk {kiosk} is already revoked"),
        "bank_package_refused": _t("Question bank file {name} refused: {problem}"),
        "bank_loaded_already": _t("Question bank {bank} {version} is already loaded"),
        "report_no_font": _t(
            "No font with Kazakh letters on the room server (install fonts-dejavu-core or "
            "fonts-noto-core)"
        ),
        "roster_signature_bad": _t("Roster refused: the authority's signature does not verify"),
        "roster_invalid": _t("Roster refused: {field}: {problem}"),
        "roster_other_hall": _t("Roster refused: it is for hall {roster_hall}, this is {hall}"),
        "roster_fixed": _t("Session {session} has already started; its roster is fixed"),
        # ----- the central system ---------------------------------------------------------------
        "upstream_failed": _t("The central system did not answer as it should: {problem}"),
    }


@cache
def _zone_fallback() -> tzinfo:
    return datetime.now().astimezone().tzinfo or UTC


def kinds() -> dict[str, str]:
    """What a `not_found` or `busy` names, and the roles a refusal lists."""
    return {
        "admission": _t("admission"),
        "attempt": _t("test"),
        "bank": _t("question bank"),
        "incident": _t("incident"),
        "kiosk": _t("kiosk"),
        "kiosk_at_seat": _t("enrolled kiosk at seat"),
        "outbox_record": _t("record to send"),
        "registration": _t("candidate"),
        "seat": _t("seat"),
        "segment": _t("recording segment"),
        "session": _t("session"),
        "thumbnail": _t("picture of incident"),
        "user": _t("user"),
        "hall": _t("hall"),
        "detector": _t("metal detector"),
        "operator": _t("operator"),
        "proctor": _t("proctor"),
        "administrator": _t("administrator"),
        # what a status names (a session, a test, a record to send)
        "scheduled": _t("not started yet"),
        "running": _t("running"),
        "closed": _t("closed"),
        "pending": _t("waiting"),
        "finished": _t("finished"),
        "delivered": _t("delivered"),
        "parked": _t("parked"),
        # the admission rules
        "invalid_iin": _t("invalid IIN"),
        "iin_mismatch": _t("IIN does not match the roster"),
        "not_on_roster": _t("not on the roster"),
        "banned": _t("banned from testing"),
        "late": _t("late"),
        "retake_too_soon": _t("retake too soon"),
        "attempts_this_month": _t("attempts this month"),
        "already_admitted": _t("already admitted"),
        "already_refused": _t("already refused"),
        "session_closed": _t("session closed"),
        # the languages of a test
        "kk": _t("Kazakh"),
        "ru": _t("Russian"),
    }


def _kind(value: str) -> str:
    return kinds().get(value, value)


def _shown(name: str, value: str, zone: tzinfo) -> str:
    if name.endswith("_at") or name == "until":
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
        local = moment.astimezone(zone)
        today = datetime.now(zone).date()
        return f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"
    if name in ("what", "roles"):
        return ", ".join(_kind(part) for part in value.split(","))
    if name in ("status", "rule", "language", "languages"):
        return ", ".join(_kind(part.strip()) for part in value.split(","))
    if name == "kind":
        return texts.detector_kind(value)
    if name == "code":
        return texts.reason(value)
    if name in ("program", "programs"):
        return ", ".join(texts.program(part.strip()) for part in value.split(","))
    return value


class _Filled(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def said(code: str, params: Mapping[str, str], *, zone: tzinfo | None = None) -> str:
    """A refusal in the operator's language; times in `zone` (the hall's). A code the console
    has no sentence for is said in the protocol's English."""
    sentence = sentences().get(code)
    if sentence is None:
        return words(code, params)
    where = zone or _zone_fallback()
    return sentence.format_map(
        _Filled({name: _shown(name, value, where) for name, value in params.items()})
    )


def refused(error: ServerRefused, *, zone: tzinfo | None = None) -> str:
    """What the console says of a refusal: its code's sentence, or the server's words."""
    if error.code not in sentences():
        return error.detail
    return said(error.code, error.params, zone=zone)
