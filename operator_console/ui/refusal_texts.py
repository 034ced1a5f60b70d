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
