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
    "attempt_not_running": "attempt {attempt} is {status}, not running",
    "bank_not_loaded": "bank {bank} {version} is no longer loaded",
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
