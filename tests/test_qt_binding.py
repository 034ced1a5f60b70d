"""The Qt binding keeps Python's reference counts: a kiosk or a console that paints for hours
must not drain the count of None (PySide6 6.12.0 on Python 3.11 took one per void call and
killed the process with "none_dealloc" after a few minutes of painting)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

CALLS = 500


def test_methods_that_return_nothing_leave_none_s_count_alone(qtbot: QtBot) -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    label, widget = QLabel(), QWidget()
    qtbot.addWidget(label)
    qtbot.addWidget(widget)
    colour, area = QColor("#123456"), QRect(0, 0, 8, 8)
    painter = QPainter(image)
    try:
        calls = {
            "QPainter.setPen": lambda: painter.setPen(colour),
            "QPainter.setBrush": lambda: painter.setBrush(Qt.GlobalColor.white),
            "QPainter.fillRect": lambda: painter.fillRect(area, colour),
            "QLabel.setText": lambda: label.setText("x"),
            "QWidget.update": lambda: widget.update(area),
        }
        drained = {}
        for name, call in calls.items():
            before = sys.getrefcount(None)
            for _ in range(CALLS):
                call()
            drained[name] = before - sys.getrefcount(None)
    finally:
        painter.end()
    assert {name: n for name, n in drained.items() if n > CALLS // 10} == {}
