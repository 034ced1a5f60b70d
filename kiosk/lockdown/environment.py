"""What kind of machine and session the kiosk runs in: reported to the operator, not blocking."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

VM_MARKERS = (
    "qemu",
    "kvm",
    "virtualbox",
    "vmware",
    "xen",
    "hyper-v",
    "bochs",
    "parallels",
    "bhyve",
    "innotek",
)
REMOTE_VARIABLES = (
    "SSH_CONNECTION",
    "SSH_CLIENT",
    "SSH_TTY",
    "XRDP_SESSION",
    "VNCDESKTOP",
    "CHROME_REMOTE_DESKTOP_DEFAULT_DESKTOP_SIZES",
)


def virtual_machine(
    dmi: Path = Path("/sys/class/dmi/id"), *, use_systemd: bool = True
) -> str | None:
    """The hypervisor's name when the kiosk is a virtual machine, else None."""
    if use_systemd and (tool := shutil.which("systemd-detect-virt")):
        done = subprocess.run([tool, "--vm"], capture_output=True, text=True, timeout=5)
        name = done.stdout.strip()
        if done.returncode == 0 and name and name != "none":
            return name
    for field in ("sys_vendor", "product_name", "board_vendor", "bios_vendor"):
        try:
            text = (dmi / field).read_text().strip()
        except OSError:
            continue
        if any(marker in text.lower() for marker in VM_MARKERS):
            return text
    return None


def remote_session(environ: Mapping[str, str]) -> str | None:
    """Why this looks like a remote session (a variable, or a display on another host)."""
    for name in REMOTE_VARIABLES:
        if environ.get(name):
            return f"{name} is set"
    display = environ.get("DISPLAY", "")
    host = display.split(":", 1)[0]
    if host and host not in ("localhost", "unix", "127.0.0.1"):
        return f"DISPLAY {display} is on another host"
    return None
