"""How the seat looks: two themes (normal, high contrast), text sizes, fonts with Kazakh letters."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase

TEXT_SIZES = (16, 18, 21, 24, 28)
"""Question text in pixels, A− to A+; the middle one is the default."""
DEFAULT_SIZE = 1
KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
PREFERRED_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial")
TOUCH = 48
"""Smallest height of anything a candidate presses, in pixels."""


@dataclass(frozen=True)
class Palette:
    window: str
    panel: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    answered: str
    flagged: str
    warning: str
    danger: str
    ok: str
    on_alert: str
    current: str
    """The frame of the question on the screen, in the overview."""
    chosen: str
    """The background of a chosen option: a filled state no one mistakes for the focus frame."""
    chosen_text: str


NORMAL = Palette(
    window="#f4f6f8",
    panel="#ffffff",
    text="#1b1f24",
    muted="#55606b",
    accent="#0b5cad",
    accent_text="#ffffff",
    border="#c5ccd3",
    answered="#0b5cad",
    flagged="#c25e00",
    warning="#8a5a00",
    danger="#b00020",
    ok="#1b7a3a",
    on_alert="#ffffff",
    current="#1b1f24",
    chosen="#d4e5fa",
    chosen_text="#0a2a4d",
)
HIGH_CONTRAST = Palette(
    window="#000000",
    panel="#000000",
    text="#ffffff",
    muted="#ffffff",
    accent="#ffff00",
    accent_text="#000000",
    border="#ffffff",
    answered="#00ffff",
    flagged="#ff9900",
    warning="#ffff00",
    danger="#ff6060",
    ok="#00ff66",
    on_alert="#000000",
    current="#ff00ff",
    chosen="#ffff00",
    chosen_text="#000000",
)


def family() -> str:
    """The first installed family that has every Kazakh letter."""
    installed = set(QFontDatabase.families())
    for name in PREFERRED_FAMILIES:
        if name in installed:
            return name
    return QFont().defaultFamily()


def stylesheet(size_step: int, high_contrast: bool) -> str:
    p = HIGH_CONTRAST if high_contrast else NORMAL
    q = TEXT_SIZES[size_step]
    return f"""
* {{ font-family: "{family()}"; color: {p.text}; }}
QWidget#kiosk {{ background: {p.window}; }}
QFrame#topbar {{ background: {p.panel}; border-bottom: 2px solid {p.border}; }}
QFrame#card {{ background: {p.panel}; border: 2px solid {p.border}; border-radius: 10px; }}
QLabel {{ font-size: 18px; background: transparent; }}
QLabel[role="title"] {{ font-size: 30px; font-weight: 600; }}
QLabel[role="subtitle"] {{ font-size: 22px; }}
QLabel[role="muted"] {{ color: {p.muted}; font-size: 16px; }}
QLabel[role="bar"] {{ font-size: 17px; }}
QLabel[role="timer"] {{ font-size: 26px; font-weight: 700; padding: 0 8px; }}
QLabel[role="timer"][level="warning"] {{ color: {p.warning}; }}
QLabel[role="timer"][level="danger"] {{ color: {p.danger}; }}
QLabel[role="question"] {{ font-size: {q + 2}px; font-weight: 600; }}
QLabel[role="option_text"] {{ font-size: {q}px; }}
QLabel[role="badge"] {{ font-size: {q}px; font-weight: 700; min-width: 32px; }}
QLabel[role="saved"] {{ color: {p.ok}; font-size: 16px; }}
QLabel[role="link"][state="offline"] {{ color: {p.danger}; font-weight: 700; }}
QLabel[role="rec"] {{ color: {p.danger}; font-size: 16px; font-weight: 700; }}
QLabel[role="banner"] {{ font-size: 20px; font-weight: 700; padding: 8px; border-radius: 6px;
    background: {p.warning}; color: {p.on_alert}; }}
QLabel[role="banner"][level="danger"] {{ background: {p.danger}; color: {p.on_alert}; }}
QLabel[role="subtitle"][level="ok"] {{ color: {p.ok}; font-weight: 600; }}
QLabel[role="subtitle"][level="danger"] {{ color: {p.danger}; font-weight: 600; }}
QLabel[role="error"] {{ color: {p.danger}; font-size: 18px; font-weight: 600; }}
QPushButton {{ font-size: 18px; min-height: {TOUCH}px; padding: 4px 18px; border-radius: 8px;
    background: {p.panel}; border: 2px solid {p.border}; }}
QPushButton:focus {{ border: 3px solid {p.accent}; }}
QPushButton[role="primary"] {{ background: {p.accent}; color: {p.accent_text};
    border: 2px solid {p.accent}; font-weight: 600; }}
QPushButton[role="primary"]:focus {{ border: 3px solid {p.text}; }}
QPushButton:disabled, QPushButton[role="primary"]:disabled {{ background: {p.panel};
    color: {p.muted}; border: 2px dashed {p.muted}; }}
QPushButton[role="cell"] {{ min-height: {TOUCH - 8}px; max-height: {TOUCH - 8}px;
    min-width: {TOUCH - 8}px; max-width: {TOUCH - 8}px; padding: 0; font-size: 16px;
    border-radius: 6px; border: 4px solid {p.border}; }}
QPushButton[role="cell"][answered="true"] {{ background: {p.answered}; color: {p.accent_text};
    border-color: {p.answered}; }}
QPushButton[role="cell"][flagged="true"] {{ border-color: {p.flagged}; }}
QPushButton[role="cell"][current="true"] {{ border-color: {p.current}; }}
QFrame[role="option"] {{ background: {p.panel}; border: 2px solid {p.border}; border-radius: 8px; }}
QFrame[role="option"][checked="true"] {{ background: {p.chosen}; border: 3px solid {p.accent}; }}
QLabel[role="option_text"][chosen="true"], QLabel[role="badge"][chosen="true"] {{
    color: {p.chosen_text}; font-weight: 700; }}
QFrame[role="option"]:focus {{ border: 4px solid {p.text}; }}
QFrame[role="option"][checked="true"]:focus {{ border: 4px solid {p.text}; }}
QLabel[role="option_text"][struck="true"] {{ color: {p.muted}; }}
QPushButton[role="strike"] {{ font-size: 15px; color: {p.muted}; border-color: {p.border}; }}
QLineEdit {{ font-size: 30px; min-height: {TOUCH + 12}px; padding: 4px 12px;
    border: 2px solid {p.border}; border-radius: 8px; background: {p.panel}; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollBar:vertical {{ width: 28px; margin: 0; background: {p.panel};
    border: 1px solid {p.border}; border-radius: 6px; }}
QScrollBar::handle:vertical {{ min-height: {TOUCH}px; background: {p.muted}; border-radius: 6px;
    margin: 3px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; border: none; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
"""
