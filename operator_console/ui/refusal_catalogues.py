"""Writes the console's refusal words, in each language, for the programs that have no Qt.

The `admin` command and the room server say refusals in the words the console uses: this turns
the console's translations (`refusal_texts`, compiled .qm) into `protocol/refusals.<lang>.json`.
`scripts/translations` runs it after compiling; a test fails when the files are not current.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

import operator_console.protocol
from operator_console.protocol.refusals import CATALOGUE_LANGUAGES
from operator_console.ui import refusal_texts
from operator_console.ui.app import Language

DIRECTORY = Path(operator_console.protocol.__file__).parent


def catalogues() -> dict[str, str]:
    """File name -> its text, for each language."""
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    language = Language(app)
    made = {}
    try:
        for code in CATALOGUE_LANGUAGES:
            language.use(code)
            words = refusal_texts.catalogue()
            data = {"sentences": dict(words.sentences), "kinds": dict(words.kinds)}
            made[f"refusals.{code}.json"] = (
                json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            )
    finally:
        language.use("en")
    return made


def main() -> int:
    for name, text in catalogues().items():
        (DIRECTORY / name).write_text(text, "utf-8")
        print(DIRECTORY / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
