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

from collections.abc import Mapping

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
    #
    #
    #
    # ----- kiosks, answers and recordings -------------------------------------------------------
    #
    #
    #
    # ----- review, verdicts and the outbox ------------------------------------------------------
    #
    #
    #
    # ----- administration: users, kiosks, banks, rosters ----------------------------------------
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

LEGACY = "unspecified"
"""The code of a refusal raised in words alone: none should remain (a test looks)."""


def words(code: str, params: Mapping[str, str]) -> str:
    """The English of a refusal: its template with the parameters put in; unknown names stay."""
    template = REFUSALS.get(code)
    if template is None:
        return params.get("detail", code)
    return template.format_map(_Keep(params))


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
