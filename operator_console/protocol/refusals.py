"""Every refusal the room server can give, by code (contracts §6, "Refusals").

A refusal on the wire is `{"detail": words, "code": code, "params": {name: value}}`. `detail` is
the English of the template below with the parameters put in, for logs and for `curl`; each
program that shows a refusal to a person (console, kiosk, report, `admin` CLI) says the code in
its own language from `params` instead, with times in the hall's time zone. A parameter whose
name ends in `_at` or is `until` is a moment in RFC 3339 (UTC); every other parameter is plain
text or a number in decimal.

The list only grows: a code, once sent, keeps its meaning. Its sections follow the server's
concepts; a test fails on a refusal raised with a code that is not here, and on a code here that
the console or the kiosk has no kk and ru words for.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from importlib.resources import files

REFUSALS: dict[str, str] = {
    # ----- the request itself -------------------------------------------------------------------
    "invalid_request": "{field}: {problem}",
    "body_too_large": "the request body is larger than this route takes ({limit} bytes)",
    "not_found": "{what} {id} not found",
    "database_unavailable": "the hall's database did not answer; nothing was stored, try again",
    "disk_full": "the hall's disk is full; nothing was stored: free space on the room server",
    "busy": "too many consoles are following the {what}; try again shortly",
    # ----- who is asking ------------------------------------------------------------------------
    "sign_in_first": "sign in first (no bearer token)",
    "sign_in_ended": "session expired or unknown; sign in again",
    "role_required": "this needs one of the roles {roles}",
    "kiosk_not_enrolled": "this kiosk is not enrolled in this hall",
    "wrong_credentials": "wrong user name or password",
    "too_many_tries": "too many wrong tries; try again after {until}",
    #
    #
    # ----- the admission desk -------------------------------------------------------------------
    "session_closed": "session {session} is closed",
    "already_admitted": "already admitted by {by} at {decided_at}; terminate at the seat instead",
    "detector_check_required": (
        "admission needs a detector check: a walk-through, or a wand check for this candidate"
    ),
    "detector_event_unknown": "detector event {event} not found",
    "detector_not_a_check": "detector event {event} is a {kind}, not a walk-through or wand check",
    "detector_alarm": (
        "the detector check {event} alarmed: walk through again or record the wand's result"
    ),
    "detector_alarm_newer": (
        "the door alarmed at {alarm_at}, after the walk-through {event}: walk through again or "
        "record the wand's result for this candidate"
    ),
    "walk_through_stale": (
        "the detector check {event} is older than {minutes} min: walk through again"
    ),
    "walk_through_used": "the detector check {event} was used for registration {registration}",
    "wand_other_candidate": (
        "the wand check {event} was recorded for registration {registration}, not this one"
    ),
    "wand_needs_candidate": "a wand check names the candidate it is for: choose the candidate",
    "no_roster_upstream": "the central system has no roster for {day}",
    "rule_does_not_apply": (
        "the rule {rule} does not refuse this candidate now: refuse for a reason of the list"
    ),
    #
    #
    #
    # ----- seats and the room -------------------------------------------------------------------
    "seat_changed": "seat {seat} is no longer as you saw it; sitting there now: {full_name}",
    "seat_free": "seat {seat} has no candidate",
    "seat_no_kiosk": "seat {seat} has no enrolled kiosk",
    "seat_already_locked": "seat {seat} is already locked since {since_at}; resume it with a code",
    "seat_not_locked": "seat {seat} is not locked",
    "seat_locked_with_room": "seat {seat} stopped with the room: resume the room",
    "seat_not_running": "seat {seat} has no running test whose time could change",
    "seat_nothing_to_terminate": "seat {seat} has no unfinished test to terminate",
    "seat_same": "the new seat is the same seat",
    "time_too_short": "removing {minutes} min would leave {left} min; at least 1 min must remain",
    "room_not_running": "session {session} is {status}, not running",
    "room_already_paused": "the room is already paused since {since_at}",
    "room_not_paused": "the room is not paused",
    "refused_not_seated": "a refused candidate cannot be seated",
    "thumbnail_without_attempt": "a thumbnail belongs to an attempt's incident",
    "thumbnail_not_jpeg": "the thumbnail is not a base64 JPEG image",
    #
    #
    #
    # ----- kiosks, answers and recordings -------------------------------------------------------
    "not_your_attempt": "attempt {attempt} does not belong to seat {seat}",
    "attempt_not_started": "attempt {attempt} has not started",
    "attempt_not_running": "attempt {attempt} is {status}, not running",
    "attempt_finished": "attempt {attempt} is finished",
    "bank_not_loaded": "bank {bank} {version} is not loaded",
    "no_bank_for_program": "no bank is loaded for {program}; call the administrator",
    "not_questions_of_form": "not questions of this form: {items}",
    "language_not_offered": "language {language} is not among this candidate's: {languages}",
    "seat_locked": "the seat is locked: the operator's resume code opens it first",
    "session_not_started": "the session has not started; wait for the operator",
    "room_paused": "the room is paused; wait for the operator to resume it",
    "earlier_part_unfinished": "an earlier part of this sitting is not finished yet",
    "changes_not_received": "changes {first}..{last} have not reached the server yet",
    "change_stored_otherwise": "change {seq} was already stored with other content",
    "deadline_not_passed": "the deadline has not passed yet",
    "resume_code_wrong": "wrong resume code",
    "resume_code_void": "wrong resume code; the code is now void",
    "no_resume_code": "no valid resume code for this seat; ask the operator for a new one",
    "enrollment_code_invalid": "enrollment code unknown, used or expired; ask for a new one",
    "chunk_too_large": "a chunk is at most {limit} bytes",
    "segment_numbering": "segment numbers start at 1 and offsets at 0",
    "segment_new": "segment {seq} is new: start at offset 0 with its description",
    "segment_too_large": "segment {seq} is {size} bytes; at most {limit}",
    "segment_overflow": "segment {seq}: more bytes than the {size} declared",
    "segment_resume_at": "segment {seq}: the server has {received} bytes; resume there",
    "segment_changed": "segment {seq} changed meanwhile; ask its state and resume",
    "segment_hash_mismatch": (
        "segment {seq}: SHA-256 {got}… is not the declared {declared}…; upload it again"
    ),
    "segment_purged": "segment {seq} was purged on {purged_at}",
    "segment_altered": "segment {seq} on disk does not match its hash; it was altered",
    "segment_damaged": "segment {seq}: {problem}",
    #
    #
    #
    # ----- review, verdicts and the outbox ------------------------------------------------------
    "verdict_needs_finished": "only a finished attempt can be verified",
    "verdict_given": "attempt {attempt} already has a verdict; it cannot be changed here",
    "flag_not_of_attempt": "incident {incident} is not a flag of this attempt",
    "watched_not_in_batch": "watched names an attempt that is not in the batch",
    "attempt_has_flags": "attempt {attempt} has flags: review it on its own",
    "flags_unresolved": (
        "attempt {attempt} has {count} unresolved flags: give each a finding, or confirm that the "
        "violation stands regardless"
    ),
    "verdict_reason_not_violation": (
        "{code} does not break the testing rules: a violation names a reason that does, or other "
        "with a note"
    ),
    "outbox_not_parked": "{record} is {status}, not parked",
    #
    #
    #
    # ----- administration: users, kiosks, banks, rosters ----------------------------------------
    "user_exists": "user {username} already exists",
    "password_too_short": "a password needs at least {minimum} characters",
    "last_administrator": "{username} is the last administrator: make another one first",
    "cannot_disable_yourself": "you cannot disable yourself",
    "nothing_to_change": "nothing to change",
    "kiosk_revoked_already": "kiosk {kiosk} is already revoked",
    "bank_package_refused": "{name}: {problem}",
    "bank_loaded_already": "bank {bank} {version} is already loaded",
    "report_no_font": (
        "no font with Kazakh letters found (install fonts-dejavu-core or fonts-noto-core)"
    ),
    "roster_signature_bad": "roster refused: the authority's signature does not verify",
    "roster_invalid": "roster refused: {field}: {problem}",
    "roster_other_hall": "roster refused: it is for hall {roster_hall}, this is {hall}",
    "roster_fixed": "session {session} has already started; its roster is fixed",
    #
    #
    #
    # ----- the central system -------------------------------------------------------------------
    "upstream_failed": "the central system did not answer as it should: {problem}",
    #
    #
    #
}
"""Code -> the English words, with `{name}` for each parameter."""

NOT_FOUND_KINDS = frozenset(
    {
        "admission",
        "attempt",
        "bank",
        "incident",
        "kiosk",
        "kiosk_at_seat",
        "outbox_record",
        "registration",
        "seat",
        "segment",
        "session",
        "thumbnail",
        "user",
    }
)
"""What `not_found` may name: `{"code": "not_found", "params": {"what": KIND, "id": ...}}`."""

SHOWN_TO_CANDIDATES = frozenset(
    {
        "kiosk_not_enrolled",
        "database_unavailable",
        "disk_full",
        "not_your_attempt",
        "attempt_not_started",
        "attempt_finished",
        "bank_not_loaded",
        "no_bank_for_program",
        "language_not_offered",
        "seat_locked",
        "session_not_started",
        "room_paused",
        "earlier_part_unfinished",
        "resume_code_wrong",
        "resume_code_void",
        "no_resume_code",
    }
)
"""The refusals a kiosk says to the candidate, each in its own words (kk, ru): those of opening
a part and of the operator's resume code. The kiosk handles the rest itself (changes sent again,
a segment resumed where the server has it) and says only that the operator is needed."""

LEGACY = "unspecified"
"""The code of a refusal raised in words alone: none should remain (a test looks)."""


def markdown_table() -> str:
    """The list as the README shows it (a test keeps the README's copy current)."""
    rows = ["| code | English words (`{name}`: a parameter) |", "|---|---|"]
    rows += [f"| `{code}` | {text} |" for code, text in REFUSALS.items()]
    return "\n".join(rows) + "\n"


def words(code: str, params: Mapping[str, str]) -> str:
    """The English of a refusal: its template with the parameters put in; unknown names stay."""
    template = REFUSALS.get(code)
    if template is None:
        return params.get("detail", code)
    return template.format_map(_Keep(params))


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# ----- a refusal in a person's language -------------------------------------------------------

CATALOGUE_LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class Catalogue:
    """A refusal's words in one language: a sentence per code (with the protocol's `{name}`
    parameters) and the words for what they name (kinds of things, statuses, roles, rules).

    The console's are its Qt translations (`ui.refusal_texts`); programs without Qt (the `admin`
    command, the room server's report) read the same words from `refusals.<language>.json`,
    written from the console's translations by `scripts/translations` (a test keeps it current).
    """

    sentences: Mapping[str, str]
    kinds: Mapping[str, str]

    @classmethod
    def of(cls, language: str) -> Catalogue:
        """The catalogue of `language` (kk, ru or en) that ships beside this module."""
        if language not in CATALOGUE_LANGUAGES:
            raise ValueError(f"no refusal words in {language!r}: one of {CATALOGUE_LANGUAGES}")
        data = json.loads(
            files("operator_console.protocol")
            .joinpath(f"refusals.{language}.json")
            .read_text("utf-8")
        )
        return cls(sentences=data["sentences"], kinds=data["kinds"])


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """kk or ru when the locale says so (LC_ALL, then LC_MESSAGES, then LANG), else en."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in CATALOGUE_LANGUAGES else "en"
    return "en"


Namer = Callable[[str, str], "str | None"]
"""(parameter name, value) -> its words, for what only the program names (a detector event's
kind, a reason code, a program), or None to say it the common way."""


def say(
    code: str,
    params: Mapping[str, str],
    catalogue: Catalogue,
    *,
    zone: tzinfo,
    name: Namer = lambda _name, _value: None,
    today: datetime | None = None,
) -> str:
    """A refusal in the catalogue's language, its times in `zone` (the hall's): a time of today
    as HH:MM, another day's with its date. A code with no sentence is said in English."""
    sentence = catalogue.sentences.get(code)
    if sentence is None:
        return words(code, params)
    day = (today or datetime.now(zone)).astimezone(zone).date()

    def kind(value: str) -> str:
        return catalogue.kinds.get(value, value)

    def shown(key: str, value: str) -> str:
        named = name(key, value)
        if named is not None:
            return named
        if key.endswith("_at") or key == "until":
            try:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return value
            local = moment.astimezone(zone)
            return f"{local:%H:%M}" if local.date() == day else f"{local:%Y-%m-%d %H:%M}"
        if key in ("what", "roles", "status", "rule", "language", "languages"):
            return ", ".join(kind(part.strip()) for part in value.split(","))
        return value

    return sentence.format_map(_Keep({key: shown(key, value) for key, value in params.items()}))
