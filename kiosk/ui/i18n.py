"""The interface languages: English in the source, Kazakh and Russian from compiled .qm files."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

log = logging.getLogger(__name__)
DIRECTORY = Path(__file__).parent / "i18n"
LANGUAGES = ("kk", "ru", "en")


_BOTH: dict[str, QTranslator] = {}
BILINGUAL = "Bilingual"
"""The context of the lines shown in both test languages before a candidate has chosen one."""


def bilingual(source: object, separator: str = " / ", context: str = BILINGUAL) -> str:
    """The line in Kazakh and in Russian: for the screens before the candidate's choice.

    `source` is a QT_TRANSLATE_NOOP(context, ...) so that lupdate collects it.
    """
    text = str(source)
    if not _BOTH:
        for language in ("kk", "ru"):
            translator = QTranslator()
            if translator.load(str(DIRECTORY / f"kiosk_{language}.qm")):
                _BOTH[language] = translator
    words = [_BOTH[lang].translate(context, text) or text for lang in ("kk", "ru") if lang in _BOTH]
    return separator.join(dict.fromkeys(words or [text]))


class Translations:
    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._current: QTranslator | None = None
        self.language = "en"

    def use(self, language: str) -> None:
        """Switches every screen: each gets a LanguageChange event and sets its texts again."""
        if language == self.language:
            return
        if self._current is not None:
            self._app.removeTranslator(self._current)
            self._current = None
        self.language = language
        if language == "en":
            return
        translator = QTranslator(self._app)
        path = DIRECTORY / f"kiosk_{language}.qm"
        if not translator.load(str(path)):
            raise FileNotFoundError(f"no compiled translation at {path}")
        self._app.installTranslator(translator)
        self._current = translator
