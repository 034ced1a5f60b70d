"""The room server's refusals said to an administrator at the `admin` command, in the language
of the administrator's locale (kk, ru, else English) and with times in the hall's zone.

The words are the console's (`protocol.Catalogue`): one sentence per code for every program.
"""

from __future__ import annotations

from datetime import tzinfo

from operator_console.protocol.refusals import Catalogue, locale_language, say
from operator_console.server.errors import Refusal
from operator_console.server.reports.report_texts import REASONS, Words


def refusal_said(refusal: Refusal, *, zone: tzinfo, language: str | None = None) -> str:
    """The refusal in the administrator's language."""
    language = language or locale_language()
    words = Words(language)

    def named(name: str, value: str) -> str | None:
        if name == "kind":
            return words.detector(value)
        if name == "code" and value in REASONS:
            return words.reason_alone(value)
        if name in ("program", "programs"):
            return ", ".join(words.program(part.strip()) for part in value.split(","))
        return None

    return say(refusal.code, refusal.params, Catalogue.of(language), zone=zone, name=named)
