"""Text cells that a spreadsheet shows as text, never runs (OWASP, "CSV Injection").

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula: a candidate named `=HYPERLINK(...)` would put a
link (or worse) into the report of everyone who opens it. Such a cell gets a leading `'`, which
the spreadsheet shows as text and hides; control characters (NUL, ESC, ...) are dropped. Read
back, a cell that starts with `'` followed by one of those characters had the `'` added.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_cell(value: object) -> str:
    """`value` as text a spreadsheet shows and does not evaluate; numbers stay numbers."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = _CONTROLS.sub("", str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def read_cell(text: str) -> str:
    """What `safe_cell` was given (as text): the `'` it added taken off again."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text
