"""The console's look: calm, dense enough for a hall of seats, readable from a standing distance."""

SHEET = """
QWidget { font-size: 10.5pt; color: #1d2733; }
QMainWindow, QDialog { background: #f6f7f9; }
QGroupBox { border: 1px solid #d5dbe1; border-radius: 8px; margin-top: 14px; padding: 8px;
            background: #ffffff; font-weight: 600; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QPushButton { padding: 6px 12px; border: 1px solid #b8c2cc; border-radius: 6px;
              background: #ffffff; }
QPushButton:hover { background: #eef3f8; }
QPushButton:disabled { color: #9aa5b1; background: #f1f3f5;
                       border-color: #dde2e6; }
QPushButton[role="primary"] { background: #1f6feb; color: white; border-color: #1f6feb;
                              font-weight: 600; }
QPushButton[role="primary"]:disabled { background: #a9c4f5; border-color: #a9c4f5;
                                       color: #f4f7fd; }
QLineEdit, QComboBox, QSpinBox, QPlainTextEdit { padding: 4px 6px; border: 1px solid #b8c2cc;
            border-radius: 5px; background: white; }
QLineEdit#find { font-size: 13pt; padding: 8px; }
QLabel[role="title"] { font-size: 15pt; font-weight: 700; }
QLabel[role="photo"] { background: #eef1f4; border: 1px solid #d5dbe1; border-radius: 6px;
                       color: #5b6776; }
QLabel[role="verdict"] { font-size: 12.5pt; font-weight: 600; padding: 10px; border-radius: 6px;
            background: #eef1f4; }
QLabel[verdict="ok"] { background: #dff3e4; color: #11632f; }
QLabel[verdict="refuse"] { background: #fbe0e0; color: #8a1c1c; }
QLabel[role="code"] { font-size: 54pt; font-weight: 800; letter-spacing: 6px; padding: 16px; }
QLabel[role="error"] { color: #a61b1b; }
QLabel#banner { background: #fff1c2; color: #6b4e00; padding: 6px 10px; font-weight: 600; }
QLabel#banner[level="alarm"] { background: #fbe0e0; color: #8a1c1c; }
QLabel#room_paused { background: #ffe3b3; color: #6b3a00; padding: 6px 10px; font-weight: 700;
                     border-radius: 4px; }
QLabel#hall_counts { padding: 2px 4px; color: #33414f; font-weight: 600; }
QLabel#message { padding: 2px 10px; color: #33414f; }
QLabel#message[error="true"] { color: #a61b1b; font-weight: 600; }
QLabel#sync_level[level="ok"], QLabel#status_sync[level="ok"] { color: #11632f; }
QLabel#sync_level[level="warning"], QLabel#status_sync[level="warning"] { color: #8a5a00; }
QLabel#sync_level[level="alarm"], QLabel#status_sync[level="alarm"] { color: #a61b1b;
            font-weight: 700; }
QLabel#sync_level[level="unknown"], QLabel#status_sync[level="unknown"] { color: #555b66; }
QLabel#status_sync { padding: 0 8px; font-weight: 600; }
QTabWidget::pane { border: none; }
QTabBar::tab { padding: 8px 18px; font-weight: 600; }
QListWidget, QTableWidget { background: white; border: 1px solid #d5dbe1; border-radius: 6px; }
QListWidget#candidates::item { padding: 5px; border-bottom: 1px solid #eef1f4; }
QListWidget#candidates::item:selected { background: #dceafe; color: #1d2733; }
"""
