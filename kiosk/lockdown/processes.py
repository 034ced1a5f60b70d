"""Watching for prohibited programs: remote desktops, screen recorders, messengers, browsers."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PROHIBITED: tuple[str, ...] = (
    # remote desktop and screen sharing
    "anydesk",
    "teamviewer",
    "rustdesk",
    "x11vnc",
    "vncserver",
    "xrdp",
    "remmina",
    "zoom",
    # screen recording
    "obs",
    "simplescreenrecorder",
    "kazam",
    "vokoscreen",
    "peek",
    "ffmpeg",
    # messengers
    "telegram-desktop",
    "whatsapp",
    "discord",
    "skype",
    "slack",
    "viber",
    # browsers
    "firefox",
    "firefox-esr",
    "chromium",
    "chrome",
    "google-chrome",
    "opera",
    "brave",
    "yandex_browser",
)


@dataclass(frozen=True)
class Found:
    pid: int
    name: str
    command: str


def _read(path: Path) -> str:
    try:
        return path.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return ""  # the process ended while we looked


class ProcessWatch:
    """Matches each running process's name (and its program's file name) against the list."""

    def __init__(
        self, prohibited: Iterable[str] = DEFAULT_PROHIBITED, proc: Path = Path("/proc")
    ) -> None:
        self._names = {name.lower() for name in prohibited}
        self._proc = proc
        self._own = os.getpid()

    def scan(self) -> list[Found]:
        found = []
        for entry in self._proc.iterdir() if self._proc.is_dir() else []:
            if not entry.name.isdigit() or int(entry.name) == self._own:
                continue
            comm = _read(entry / "comm").lower()
            command = _read(entry / "cmdline")
            program = Path(command.split(" ", 1)[0]).name.lower() if command else ""
            name = next((n for n in (comm, program) if n in self._names), None)
            if name:
                found.append(Found(int(entry.name), name, command or comm))
        return sorted(found, key=lambda f: f.pid)
