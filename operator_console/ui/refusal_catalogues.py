"""Writes the console's refusal words, in each language, for the programs that have no Qt.

The `admin` command and the room server say refusals in the words the console uses: this takes
the English sentences of `refusal_texts` (read from its source, as lupdate reads it) and their
Kazakh and Russian from the console's translation sources (.ts), and writes
`protocol/refusals.<lang>.json`. `scripts/translations` runs it after compiling; a test fails
when the files are not current. It reads files only: no Qt, no translator installed.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import defusedxml.ElementTree as ET

import operator_console.protocol
from operator_console.protocol.refusals import CATALOGUE_LANGUAGES

UI = Path(__file__).parent
DIRECTORY = Path(operator_console.protocol.__file__).parent
CONTEXT = "Refusals"
TABLES = ("sentences", "kinds")
"""The functions of `refusal_texts` that return a code -> words table."""


def english() -> dict[str, dict[str, str]]:
    """Table -> code -> the English source of `refusal_texts`."""
    tree = ast.parse((UI / "refusal_texts.py").read_text("utf-8"))
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and node.name in TABLES):
            continue
        returned = next(n.value for n in ast.walk(node) if isinstance(n, ast.Return))
        if not isinstance(returned, ast.Dict):
            raise ValueError(f"refusal_texts.{node.name} does not return a dict literal")
        table: dict[str, str] = {}
        for key, value in zip(returned.keys, returned.values, strict=True):
            if not (
                isinstance(key, ast.Constant)
                and isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute)
                and value.func.attr == "translate"
                and [getattr(a, "value", None) for a in value.args[:1]] == [CONTEXT]
                and isinstance(value.args[1], ast.Constant)
            ):
                where = f"refusal_texts.{node.name}, line {value.lineno}"
                raise ValueError(f"{where}: not a literal translate({CONTEXT!r}, ...)")
            table[str(key.value)] = str(value.args[1].value)
        found[node.name] = table
    return found


def translated(language: str) -> dict[str, str]:
    """Source -> its finished translation in the console's .ts of `language`."""
    root = ET.parse(UI / "i18n" / f"console_{language}.ts").getroot()
    if root is None:
        raise ValueError(f"console_{language}.ts is empty")
    said: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                said[message.findtext("source") or ""] = translation.text
    return said


def catalogues() -> dict[str, str]:
    """File name -> its text, for each language."""
    sources = english()
    made = {}
    for code in CATALOGUE_LANGUAGES:
        words = {} if code == "en" else translated(code)
        data = {
            table: {key: words.get(source, source) for key, source in sources[table].items()}
            for table in TABLES
        }
        made[f"refusals.{code}.json"] = (
            json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        )
    return made


def main() -> int:
    for name, text in catalogues().items():
        (DIRECTORY / name).write_text(text, "utf-8")
        print(DIRECTORY / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
