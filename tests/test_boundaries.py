"""Dependency direction (architecture §2): no Qt below the screens; kiosks speak protocol."""

from __future__ import annotations

import subprocess
import sys

PURE = (
    "question_banks",
    "hardware",
    "operator_console.server",
    "operator_console.protocol",
    "operator_console.upstream",
    # the kiosk's parts below its screens (architecture §2)
    "kiosk.journal",
    "kiosk.hall_client",
    "kiosk.sitting",
    "kiosk.replicator",
    "kiosk.recording_upload",
    "kiosk.proctoring",
    "kiosk.lockdown",
    "kiosk.config",
    "kiosk.courier",
    "kiosk.camera_session",
    "operator_console.settings",
)

PROBE = """
import importlib, pkgutil, sys
for name in sys.argv[1:]:
    module = importlib.import_module(name)
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
        if not info.name.endswith(".migrations.env"):  # runs only inside alembic
            importlib.import_module(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6"))
print(",".join(qt))
"""


def imported_qt(*packages: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *packages],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


def test_pure_packages_never_import_qt() -> None:
    assert imported_qt(*PURE) == ""


def test_the_probe_sees_qt_when_it_is_imported() -> None:
    # Guards the guard: the same probe notices PySide6 the moment anything pulls it in.
    done = subprocess.run(
        [sys.executable, "-c", "import PySide6.QtCore\n" + PROBE, "hardware"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "PySide6.QtCore" in done.stdout


def test_kiosk_core_imports_nothing_of_the_server() -> None:
    probe = (
        "import sys, kiosk.journal, kiosk.hall_client, kiosk.sitting, kiosk.scripted,"
        " kiosk.config, kiosk.courier, kiosk.camera_session, kiosk.ui.app;"
        "print(sorted(m for m in sys.modules if m.startswith('operator_console.server')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"


def test_pure_packages_import_no_higher_package() -> None:
    probe = (
        "import sys, importlib, pkgutil\n"
        "for name in ('question_banks', 'hardware'):\n"
        "    m = importlib.import_module(name)\n"
        "    for i in pkgutil.walk_packages(m.__path__, name + '.'):\n"
        "        importlib.import_module(i.name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'operator_console', 'kiosk', 'installer'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"
