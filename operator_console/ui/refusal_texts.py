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
from operator_console.protocol.refusals import Catalogue, say
from operator_console.ui import texts


def sentences() -> dict[str, str]:
    """Code -> the sentence in the language installed now (made on each call: the language can
    change while the console runs)."""
    return {
        # ----- the request itself ---------------------------------------------------------------
        "invalid_request": QCoreApplication.translate(
            "Refusals", "The request was not understood ({field}: {problem})"
        ),
        "body_too_large": QCoreApplication.translate(
            "Refusals", "The file is larger than the hall takes ({limit} bytes)"
        ),
        "not_found": QCoreApplication.translate("Refusals", "Not found: {what} {id}"),
        "database_unavailable": QCoreApplication.translate(
            "Refusals", "The hall's database did not answer; nothing was stored. Try again."
        ),
        "disk_full": QCoreApplication.translate(
            "Refusals",
            "The room server's disk is full; nothing was stored. Free space on the room server.",
        ),
        "busy": QCoreApplication.translate(
            "Refusals", "Too many consoles are following the {what}; try again in a moment"
        ),
        # ----- who is asking --------------------------------------------------------------------
        "sign_in_first": QCoreApplication.translate("Refusals", "Sign in first"),
        "sign_in_ended": QCoreApplication.translate(
            "Refusals", "Your sign-in has ended; sign in again"
        ),
        "role_required": QCoreApplication.translate("Refusals", "This needs the role: {roles}"),
        "kiosk_not_enrolled": QCoreApplication.translate(
            "Refusals", "This kiosk is not enrolled in this hall"
        ),
        "wrong_credentials": QCoreApplication.translate("Refusals", "Wrong user name or password"),
        "too_many_tries": QCoreApplication.translate(
            "Refusals", "Too many wrong tries; try again after {until}"
        ),
        # ----- the admission desk ---------------------------------------------------------------
        "session_closed": QCoreApplication.translate("Refusals", "Session {session} is closed"),
        "already_admitted": QCoreApplication.translate(
            "Refusals",
            "Already admitted by {by} at {decided_at}; to stop the test, terminate it at the seat",
        ),
        "detector_check_required": QCoreApplication.translate(
            "Refusals",
            "Admission needs a metal detector check: a walk-through, or a wand check of this "
            "candidate",
        ),
        "detector_event_unknown": QCoreApplication.translate(
            "Refusals", "Metal detector check {event} was not found"
        ),
        "detector_not_a_check": QCoreApplication.translate(
            "Refusals", "Metal detector event {event} is {kind}, not a walk-through or a wand check"
        ),
        "detector_alarm": QCoreApplication.translate(
            "Refusals",
            "Metal detector check {event} alarmed: walk through again or record the wand's result",
        ),
        "detector_alarm_newer": QCoreApplication.translate(
            "Refusals",
            "The walk-through alarmed at {alarm_at}, after check {event}: walk through again or "
            "record the wand's result for this candidate",
        ),
        "walk_through_stale": QCoreApplication.translate(
            "Refusals",
            "Metal detector check {event} is older than {minutes} min: walk through again",
        ),
        "walk_through_used": QCoreApplication.translate(
            "Refusals", "Metal detector check {event} was already used for candidate {registration}"
        ),
        "wand_other_candidate": QCoreApplication.translate(
            "Refusals", "Wand check {event} was recorded for another candidate ({registration})"
        ),
        "wand_needs_candidate": QCoreApplication.translate(
            "Refusals", "A wand check is for one candidate: choose the candidate"
        ),
        "no_roster_upstream": QCoreApplication.translate(
            "Refusals", "The central system has no roster for {day}"
        ),
        "rule_does_not_apply": QCoreApplication.translate(
            "Refusals",
            "The rule \u201c{rule}\u201d does not refuse this candidate now: refuse for a reason "
            "of the list",
        ),
        # ----- seats and the room ---------------------------------------------------------------
        "seat_changed": QCoreApplication.translate(
            "Refusals", "Seat {seat} has changed since you looked; sitting there now: {full_name}"
        ),
        "seat_free": QCoreApplication.translate("Refusals", "Seat {seat} has no candidate"),
        "seat_no_kiosk": QCoreApplication.translate(
            "Refusals", "Seat {seat} has no enrolled kiosk"
        ),
        "seat_already_locked": QCoreApplication.translate(
            "Refusals", "Seat {seat} is already locked (since {since_at}); resume it with a code"
        ),
        "seat_not_locked": QCoreApplication.translate("Refusals", "Seat {seat} is not locked"),
        "seat_locked_with_room": QCoreApplication.translate(
            "Refusals", "Seat {seat} was stopped with the room: resume the room"
        ),
        "seat_not_running": QCoreApplication.translate(
            "Refusals", "Seat {seat} has no running test whose time could change"
        ),
        "seat_nothing_to_terminate": QCoreApplication.translate(
            "Refusals", "Seat {seat} has no unfinished test to terminate"
        ),
        "seat_same": QCoreApplication.translate("Refusals", "The new seat is the same seat"),
        "time_too_short": QCoreApplication.translate(
            "Refusals", "Removing {minutes} min would leave {left} min; at least 1 min must remain"
        ),
        "room_not_running": QCoreApplication.translate(
            "Refusals", "Session {session} is not running (now: {status})"
        ),
        "room_already_paused": QCoreApplication.translate(
            "Refusals", "The room is already paused (since {since_at})"
        ),
        "room_not_paused": QCoreApplication.translate("Refusals", "The room is not paused"),
        "refused_not_seated": QCoreApplication.translate(
            "Refusals", "A candidate refused admission cannot be seated"
        ),
        "thumbnail_without_attempt": QCoreApplication.translate(
            "Refusals", "A picture belongs to an incident of a test"
        ),
        "thumbnail_not_jpeg": QCoreApplication.translate(
            "Refusals", "The picture is not a JPEG image"
        ),
        # ----- kiosks, answers and recordings ---------------------------------------------------
        "not_your_attempt": QCoreApplication.translate(
            "Refusals", "Test {attempt} does not belong to seat {seat}"
        ),
        "attempt_not_started": QCoreApplication.translate(
            "Refusals", "Test {attempt} has not started"
        ),
        "attempt_not_running": QCoreApplication.translate(
            "Refusals", "Test {attempt} is not running (now: {status})"
        ),
        "attempt_finished": QCoreApplication.translate("Refusals", "Test {attempt} is finished"),
        "bank_not_loaded": QCoreApplication.translate(
            "Refusals", "Question bank {bank} {version} is not loaded"
        ),
        "no_bank_for_program": QCoreApplication.translate(
            "Refusals", "No question bank is loaded for: {program}. Call the administrator."
        ),
        "not_questions_of_form": QCoreApplication.translate(
            "Refusals", "Not questions of this test: {items}"
        ),
        "language_not_offered": QCoreApplication.translate(
            "Refusals", "Language {language} is not offered to this candidate; offered: {languages}"
        ),
        "seat_locked": QCoreApplication.translate(
            "Refusals", "The seat is locked: the operator's resume code opens it"
        ),
        "session_not_started": QCoreApplication.translate(
            "Refusals", "The session has not started; wait for the operator"
        ),
        "room_paused": QCoreApplication.translate(
            "Refusals", "The room is paused; wait for the operator to resume it"
        ),
        "earlier_part_unfinished": QCoreApplication.translate(
            "Refusals", "An earlier part of this sitting is not finished yet"
        ),
        "changes_not_received": QCoreApplication.translate(
            "Refusals", "Changes {first}..{last} have not reached the server yet"
        ),
        "change_stored_otherwise": QCoreApplication.translate(
            "Refusals", "Change {seq} was already stored with other content"
        ),
        "deadline_not_passed": QCoreApplication.translate(
            "Refusals", "The time of the test has not run out yet"
        ),
        "resume_code_wrong": QCoreApplication.translate("Refusals", "Wrong resume code"),
        "resume_code_void": QCoreApplication.translate(
            "Refusals", "Wrong resume code; the code is now void: ask for a new one"
        ),
        "no_resume_code": QCoreApplication.translate(
            "Refusals", "This seat has no valid resume code; issue a new one"
        ),
        "enrollment_code_invalid": QCoreApplication.translate(
            "Refusals", "The enrollment code is unknown, used or expired; issue a new one"
        ),
        "chunk_too_large": QCoreApplication.translate(
            "Refusals", "A part of a recording is at most {limit} bytes"
        ),
        "segment_numbering": QCoreApplication.translate(
            "Refusals", "Recording segments are numbered from 1 and offsets from 0"
        ),
        "segment_new": QCoreApplication.translate(
            "Refusals", "Recording segment {seq} is new: start at offset 0 with its description"
        ),
        "segment_too_large": QCoreApplication.translate(
            "Refusals", "Recording segment {seq} is {size} bytes; at most {limit}"
        ),
        "segment_overflow": QCoreApplication.translate(
            "Refusals", "Recording segment {seq}: more bytes than the {size} declared"
        ),
        "segment_resume_at": QCoreApplication.translate(
            "Refusals", "Recording segment {seq}: the server has {received} bytes; go on from there"
        ),
        "segment_changed": QCoreApplication.translate(
            "Refusals", "Recording segment {seq} changed meanwhile; ask for its state and go on"
        ),
        "segment_hash_mismatch": QCoreApplication.translate(
            "Refusals",
            "Recording segment {seq}: SHA-256 {got}… is not the declared {declared}…; upload it "
            "again",
        ),
        "segment_purged": QCoreApplication.translate(
            "Refusals",
            "Recording segment {seq} was deleted at {purged_at}: its keeping time was over",
        ),
        "segment_altered": QCoreApplication.translate(
            "Refusals", "Recording segment {seq} on disk does not match its hash: it was altered"
        ),
        "segment_damaged": QCoreApplication.translate(
            "Refusals", "Recording segment {seq} cannot be read: {problem}"
        ),
        # ----- review, verdicts and the outbox --------------------------------------------------
        "verdict_needs_finished": QCoreApplication.translate(
            "Refusals", "Only a finished test can be verified"
        ),
        "verdict_given": QCoreApplication.translate(
            "Refusals", "Test {attempt} already has a verdict; it cannot be changed here"
        ),
        "flag_not_of_attempt": QCoreApplication.translate(
            "Refusals", "Incident {incident} is not a flag of this test"
        ),
        "watched_not_in_batch": QCoreApplication.translate(
            "Refusals", "A watched test is not in this batch"
        ),
        "attempt_has_flags": QCoreApplication.translate(
            "Refusals", "Test {attempt} has flags: review it on its own"
        ),
        "flags_unresolved": QCoreApplication.translate(
            "Refusals",
            "Test {attempt} has unresolved flags ({count}): give each a finding, or confirm that "
            "the violation stands regardless",
        ),
        "verdict_reason_not_violation": QCoreApplication.translate(
            "Refusals",
            "\u201c{code}\u201d does not break the testing rules: choose a reason that does, or "
            "\u201cOther\u201d with a note",
        ),
        "outbox_not_parked": QCoreApplication.translate(
            "Refusals", "Record {record} is not parked (now: {status})"
        ),
        # ----- administration: users, kiosks, banks, rosters ------------------------------------
        "user_exists": QCoreApplication.translate("Refusals", "User {username} already exists"),
        "password_too_short": QCoreApplication.translate(
            "Refusals", "A password needs at least {minimum} characters"
        ),
        "last_administrator": QCoreApplication.translate(
            "Refusals", "{username} is the last administrator: make another administrator first"
        ),
        "cannot_disable_yourself": QCoreApplication.translate(
            "Refusals", "You cannot disable yourself"
        ),
        "nothing_to_change": QCoreApplication.translate("Refusals", "Nothing to change"),
        "kiosk_revoked_already": QCoreApplication.translate(
            "Refusals", "Kiosk {kiosk} is already revoked"
        ),
        "bank_package_refused": QCoreApplication.translate(
            "Refusals", "Question bank file {name} refused: {problem}"
        ),
        "bank_loaded_already": QCoreApplication.translate(
            "Refusals", "Question bank {bank} {version} is already loaded"
        ),
        "report_no_font": QCoreApplication.translate(
            "Refusals",
            "No font with Kazakh letters on the room server (install fonts-dejavu-core or "
            "fonts-noto-core)",
        ),
        "roster_signature_bad": QCoreApplication.translate(
            "Refusals", "Roster refused: the authority's signature does not verify"
        ),
        "roster_invalid": QCoreApplication.translate(
            "Refusals", "Roster refused: {field}: {problem}"
        ),
        "roster_other_hall": QCoreApplication.translate(
            "Refusals", "Roster refused: it is for hall {roster_hall}, this is {hall}"
        ),
        "roster_fixed": QCoreApplication.translate(
            "Refusals", "Session {session} has already started; its roster is fixed"
        ),
        # ----- the central system ---------------------------------------------------------------
        "upstream_failed": QCoreApplication.translate(
            "Refusals", "The central system did not answer as it should: {problem}"
        ),
    }


@cache
def _zone_fallback() -> tzinfo:
    return datetime.now().astimezone().tzinfo or UTC


def kinds() -> dict[str, str]:
    """What a `not_found` or `busy` names, and the roles a refusal lists."""
    return {
        "admission": QCoreApplication.translate("Refusals", "admission"),
        "attempt": QCoreApplication.translate("Refusals", "test"),
        "bank": QCoreApplication.translate("Refusals", "question bank"),
        "incident": QCoreApplication.translate("Refusals", "incident"),
        "kiosk": QCoreApplication.translate("Refusals", "kiosk"),
        "kiosk_at_seat": QCoreApplication.translate("Refusals", "enrolled kiosk at seat"),
        "outbox_record": QCoreApplication.translate("Refusals", "record to send"),
        "registration": QCoreApplication.translate("Refusals", "candidate"),
        "seat": QCoreApplication.translate("Refusals", "seat"),
        "segment": QCoreApplication.translate("Refusals", "recording segment"),
        "session": QCoreApplication.translate("Refusals", "session"),
        "thumbnail": QCoreApplication.translate("Refusals", "picture of incident"),
        "user": QCoreApplication.translate("Refusals", "user"),
        "hall": QCoreApplication.translate("Refusals", "hall"),
        "detector": QCoreApplication.translate("Refusals", "metal detector"),
        "operator": QCoreApplication.translate("Refusals", "operator"),
        "proctor": QCoreApplication.translate("Refusals", "proctor"),
        "administrator": QCoreApplication.translate("Refusals", "administrator"),
        # what a status names (a session, a test, a record to send)
        "scheduled": QCoreApplication.translate("Refusals", "not started yet"),
        "running": QCoreApplication.translate("Refusals", "running"),
        "closed": QCoreApplication.translate("Refusals", "closed"),
        "pending": QCoreApplication.translate("Refusals", "waiting"),
        "finished": QCoreApplication.translate("Refusals", "finished"),
        "delivered": QCoreApplication.translate("Refusals", "delivered"),
        "parked": QCoreApplication.translate("Refusals", "parked"),
        # the admission rules
        "invalid_iin": QCoreApplication.translate("Refusals", "invalid IIN"),
        "iin_mismatch": QCoreApplication.translate("Refusals", "IIN does not match the roster"),
        "not_on_roster": QCoreApplication.translate("Refusals", "not on the roster"),
        "banned": QCoreApplication.translate("Refusals", "banned from testing"),
        "late": QCoreApplication.translate("Refusals", "late"),
        "retake_too_soon": QCoreApplication.translate("Refusals", "retake too soon"),
        "attempts_this_month": QCoreApplication.translate("Refusals", "attempts this month"),
        "already_admitted": QCoreApplication.translate("Refusals", "already admitted"),
        "already_refused": QCoreApplication.translate("Refusals", "already refused"),
        "session_closed": QCoreApplication.translate("Refusals", "session closed"),
        # the languages of a test
        "kk": QCoreApplication.translate("Refusals", "Kazakh"),
        "ru": QCoreApplication.translate("Refusals", "Russian"),
    }


def _named(name: str, value: str) -> str | None:
    """What only the console names: a detector event's kind, a reason code, programs."""
    if name == "kind":
        return texts.detector_kind(value)
    if name == "code":
        return texts.reason(value)
    if name in ("program", "programs"):
        return ", ".join(texts.program(part.strip()) for part in value.split(","))
    return None


def catalogue() -> Catalogue:
    """The refusal words in the language installed now."""
    return Catalogue(sentences=sentences(), kinds=kinds())


def said(code: str, params: Mapping[str, str], *, zone: tzinfo | None = None) -> str:
    """A refusal in the operator's language; times in `zone` (the hall's). A code the console
    has no sentence for is said in the protocol's English."""
    return say(code, params, catalogue(), zone=zone or _zone_fallback(), name=_named)


def refused(error: ServerRefused, *, zone: tzinfo | None = None) -> str:
    """What the console says of a refusal: its code's sentence, or the server's words."""
    if error.code not in sentences():
        return error.detail
    return said(error.code, error.params, zone=zone)
