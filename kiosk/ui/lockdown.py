"""The screen-side lockdown: full screen, covered side screens, swallowed shortcuts, a keyboard
grab, focus watching, a cleared clipboard, and the watchers for programs, VMs and remote sessions.

Every event goes to the model as an incident (or a lock); the model queues it for the operator.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import LockdownSection
from kiosk.lockdown.environment import remote_session, virtual_machine
from kiosk.lockdown.processes import Found, ProcessWatch
from kiosk.ui.model import KioskModel

log = logging.getLogger(__name__)
K = Qt.Key
CTRL_BLOCKED = {K.Key_W: "W", K.Key_Q: "Q", K.Key_C: "C", K.Key_V: "V", K.Key_X: "X"}
SUPER_KEYS = {K.Key_Super_L, K.Key_Super_R, K.Key_Meta, K.Key_Hyper_L, K.Key_Hyper_R}
XF86_SWITCH_VT = 0x1008FE01
"""X keysym XF86Switch_VT_1: the console switch a keyboard map makes of Ctrl+Alt+F1."""
REPORT_EVERY = 60.0
"""Seconds between two reports of the same swallowed shortcut."""


def blocked_name(event: QKeyEvent) -> str | None:
    """The shortcut this key event is, if the kiosk must swallow it."""
    key, mods = event.key(), event.modifiers()
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    if K.Key_F1 <= key <= K.Key_F35:
        n = key - K.Key_F1 + 1
        prefix = "Ctrl+Alt+" if ctrl and alt else "Alt+" if alt else "Ctrl+" if ctrl else ""
        return f"{prefix}F{n}"
    if key == K.Key_Escape:
        return "Escape"
    if key in (K.Key_Print, K.Key_SysReq):
        return "PrintScreen"
    if key in SUPER_KEYS or mods & Qt.KeyboardModifier.MetaModifier:
        return "Super"
    if alt and key in (K.Key_Tab, K.Key_Backtab):
        return "Alt+Tab"
    if ctrl and key in CTRL_BLOCKED:
        return f"Ctrl+{CTRL_BLOCKED[K(key)]}"
    if key == K.Key_Insert and mods & (
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    ):
        return "Insert"  # the other copy and paste
    native = event.nativeVirtualKey()
    if XF86_SWITCH_VT <= native < XF86_SWITCH_VT + 12:
        return f"Ctrl+Alt+F{native - XF86_SWITCH_VT + 1}"  # what X makes of Ctrl+Alt+Fn
    if ctrl and alt and key in (K.Key_Backspace, K.Key_Delete):
        return "Ctrl+Alt+" + ("Backspace" if key == K.Key_Backspace else "Delete")
    return None


class KeyGuard(QObject):
    """An application-wide event filter: listed shortcuts never reach any widget."""

    swallowed = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            name = blocked_name(event)
            if name is not None:
                if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
                    self.swallowed.emit(name)
                event.accept()
                return True
        return False


class Cover(QWidget):
    """Black over a screen other than the primary one."""

    def __init__(self, screen: QScreen) -> None:
        super().__init__(
            None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setObjectName("cover")
        self.setStyleSheet("background: black;")
        self.setGeometry(screen.geometry())
        self.screen_name = screen.name()


class Lockdown(QObject):
    def __init__(
        self,
        window: QWidget,
        model: KioskModel,
        settings: LockdownSection,
        *,
        watch: ProcessWatch | None = None,
        environ: Mapping[str, str] | None = None,
        vm_check: Callable[[], str | None] = virtual_machine,
    ) -> None:
        super().__init__(window)
        self.window, self.model, self.settings = window, model, settings
        self.guard = KeyGuard(self)
        self.guard.swallowed.connect(self._swallowed)
        self.watch = watch if watch is not None else ProcessWatch(settings.prohibited)
        self._environ = dict(os.environ if environ is None else environ)
        self._vm_check = vm_check
        self.covers: list[Cover] = []
        self.swallowed: list[str] = []
        self._reported: dict[str, float] = {}
        self.grabbed = False
        self.engaged = False
        """The application-wide signals are connected (engage() ran to the end)."""
        self._clipboard = QTimer(self, interval=int(settings.clipboard_seconds * 1000))
        self._clipboard.timeout.connect(self.clear_clipboard)
        self._scan = QTimer(self, interval=int(settings.scan_seconds * 1000))
        self._scan.timeout.connect(self.scan)

    @property
    def app(self) -> QApplication:
        instance = QApplication.instance()
        assert isinstance(instance, QApplication)
        return instance

    def engage(self) -> None:
        app = self.app
        app.installEventFilter(self.guard)
        self.clear_clipboard()
        self._clipboard.start()
        self._scan.start()
        self.scan()
        self.check_environment()
        if not self.settings.enabled:
            self.window.show()
            return
        self.window.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        primary = QGuiApplication.primaryScreen()
        self.window.setGeometry(primary.geometry())
        self.window.showFullScreen()
        self.cover_screens()
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        app.applicationStateChanged.connect(self._state_changed)
        self.engaged = True
        QTimer.singleShot(0, self.grab)

    def _screens_changed(self, _screen: object) -> None:
        self.cover_screens()

    def release(self) -> None:
        """Everything engage() set up, undone: nothing reports once the kiosk has closed."""
        if self.engaged:
            self.engaged = False
            self.app.screenAdded.disconnect(self._screens_changed)
            self.app.screenRemoved.disconnect(self._screens_changed)
            self.app.applicationStateChanged.disconnect(self._state_changed)
        self.app.removeEventFilter(self.guard)
        self._clipboard.stop()
        self._scan.stop()
        handle = self.window.windowHandle()
        if self.grabbed and handle is not None:
            handle.setKeyboardGrabEnabled(False)
        for cover in self.covers:
            cover.close()

    def grab(self) -> None:
        """An X11 keyboard grab where the platform has one: keys come to the kiosk first."""
        handle = self.window.windowHandle()
        if handle is None or QGuiApplication.platformName() not in ("xcb",):
            return
        self.grabbed = handle.setKeyboardGrabEnabled(True)
        if not self.grabbed:
            log.warning("keyboard grab refused by the X server")

    def cover_screens(self) -> None:
        for cover in self.covers:
            cover.close()
        primary = QGuiApplication.primaryScreen()
        self.covers = [Cover(s) for s in QGuiApplication.screens() if s is not primary]
        for cover in self.covers:
            cover.show()
            self.model.report("lockdown", "extra_screen", f"screen {cover.screen_name} covered")

    def clear_clipboard(self) -> None:
        QGuiApplication.clipboard().clear()

    def _swallowed(self, name: str) -> None:
        self.swallowed.append(name)
        now = time.monotonic()
        if now - self._reported.get(name, -REPORT_EVERY) >= REPORT_EVERY:
            self._reported[name] = now
            self.model.report("lockdown", "shortcut_blocked", f"{name} pressed and swallowed")

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            return
        now = time.monotonic()
        if now - self._reported.get("focus", -10.0) >= 10.0:
            self._reported["focus"] = now
            self.model.report("lockdown", "focus_lost", f"application state {state.name}")
        self.window.raise_()
        self.window.activateWindow()
        self.grab()

    def scan(self) -> None:
        watch = self.watch
        self.model.jobs.run(watch.scan, self._found)

    def _found(self, found: list[Found]) -> None:
        if not found:
            return
        names = sorted({f.name for f in found})
        note = ", ".join(f"{f.name} (pid {f.pid})" for f in found)[:2000]
        log.warning("prohibited programs running: %s", note)
        self.model.seat_lock.lock("prohibited_program", f"running: {', '.join(names)}; {note}")

    def check_environment(self) -> None:
        environ, vm_check = self._environ, self._vm_check

        def work() -> tuple[str | None, str | None]:
            return vm_check(), remote_session(environ)

        self.model.jobs.run(work, self._environment)

    def _environment(self, found: tuple[str | None, str | None]) -> None:
        vm, remote = found
        if vm:
            self.model.report("lockdown", "virtual_machine", f"running under {vm}")
            if self.settings.block_virtual_machine:
                self.model.seat_lock.lock("virtual_machine", vm)
        if remote:
            self.model.report("lockdown", "remote_session", remote)
            if self.settings.block_remote_session:
                self.model.seat_lock.lock("remote_session", remote)
