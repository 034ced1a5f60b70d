"""The kiosk's USB policy for usbguard, from the devices plugged in at provisioning.

`usbguard generate-policy` would allow every device present, the technician's USB stick with the
hall's packages among them. This reads the same sysfs attributes it reads, allows the hubs and
the human-interface and video devices by id, serial and port, and leaves mass storage (and any
device that also presents storage) to the daemon's block-by-default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HUB, HID, STORAGE, VIDEO = "09", "03", "08", "0e"
KEYBOARD = "03:01:01"


@dataclass(frozen=True)
class UsbDevice:
    port: str
    """The sysfs name: `1-2`, `1-2.4`, or `usb1` for a root hub."""
    vendor: str
    product: str
    serial: str
    name: str
    device_class: str
    interfaces: tuple[str, ...]
    """Each interface as `class:subclass:protocol`, as usbguard writes them."""

    @property
    def classes(self) -> set[str]:
        return {i.split(":")[0] for i in self.interfaces} | {self.device_class}

    @property
    def is_storage(self) -> bool:
        return STORAGE in self.classes

    @property
    def is_keyboard(self) -> bool:
        return KEYBOARD in self.interfaces

    @property
    def is_camera(self) -> bool:
        return VIDEO in self.classes

    @property
    def allowed(self) -> bool:
        return not self.is_storage and bool(self.classes & {HUB, HID, VIDEO})

    def rule(self) -> str:
        def quoted(value: str) -> str:
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

        interfaces = " ".join(self.interfaces)
        return (
            f"allow id {self.vendor}:{self.product} serial {quoted(self.serial)} "
            f"name {quoted(self.name)} via-port {quoted(self.port)} "
            f"with-interface {{ {interfaces} }}"
        )


def _attr(path: Path, name: str) -> str:
    try:
        return (path / name).read_text("utf-8", "replace").strip()
    except OSError:
        return ""


def present_devices(sysfs: Path = Path("/sys")) -> list[UsbDevice]:
    """The USB devices sysfs lists (interfaces folded into their device), in port order."""
    root = sysfs / "bus" / "usb" / "devices"
    if not root.is_dir():
        return []
    devices = []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if ":" in entry.name or not (entry / "idVendor").exists():
            continue
        interfaces = []
        for sub in sorted(entry.resolve().iterdir(), key=lambda p: p.name):
            if sub.name.startswith(f"{entry.name}:") and (sub / "bInterfaceClass").exists():
                interfaces.append(
                    ":".join(
                        _attr(sub, f"bInterface{part}").lower()
                        for part in ("Class", "SubClass", "Protocol")
                    )
                )
        devices.append(
            UsbDevice(
                port=entry.name,
                vendor=_attr(entry, "idVendor").lower(),
                product=_attr(entry, "idProduct").lower(),
                serial=_attr(entry, "serial"),
                name=_attr(entry, "product"),
                device_class=_attr(entry, "bDeviceClass").lower(),
                interfaces=tuple(interfaces),
            )
        )
    return devices


def policy(devices: list[UsbDevice]) -> str:
    lines = [
        "# Written by hall-provision from the devices present at provisioning.",
        "# Anything not allowed here is blocked (ImplicitPolicyTarget=block).",
    ]
    for device in devices:
        if device.allowed:
            lines.append(device.rule())
        else:
            why = "mass storage" if device.is_storage else "not a hub, input device or camera"
            lines.append(f"# refused ({why}): {device.vendor}:{device.product} {device.name!r}")
    return "\n".join(lines) + "\n"


DAEMON_SETTINGS = {
    "ImplicitPolicyTarget": "block",
    "PresentDevicePolicy": "apply-policy",
    "PresentControllerPolicy": "keep",
    "InsertedDevicePolicy": "apply-policy",
    "RuleFile": "/etc/usbguard/rules.conf",
}


def daemon_config(current: str) -> str:
    """usbguard-daemon.conf with the settings the kiosk needs, the rest as the package left it."""
    seen: set[str] = set()
    out = []
    for line in current.splitlines():
        key = line.split("=", 1)[0].strip()
        if key in DAEMON_SETTINGS and not line.lstrip().startswith("#"):
            out.append(f"{key}={DAEMON_SETTINGS[key]}")
            seen.add(key)
        else:
            out.append(line)
    out += [f"{key}={value}" for key, value in DAEMON_SETTINGS.items() if key not in seen]
    return "\n".join(out) + "\n"
