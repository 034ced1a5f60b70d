"""Small helpers for building the console's widgets."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """The widget with its object name: tests and style sheets find it by that name."""
    widget.setObjectName(name)
    return widget
