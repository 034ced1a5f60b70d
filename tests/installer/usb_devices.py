"""USB devices as sysfs shows them, for provisioning a kiosk on a machine with no USB bus.

The layout is the kernel's: /sys/bus/usb/devices/PORT with idVendor, idProduct, serial, product
and bDeviceClass, and an interface folder PORT:1.N each with its class, subclass and protocol;
a tty of a USB serial adapter under /sys/class/tty/NAME/device pointing into it.
"""

from __future__ import annotations

import os
from pathlib import Path

KEYBOARD = ("1-1", "046d", "c31c", "", "USB Keyboard", "00", [("03", "01", "01")])
MOUSE = ("1-2", "046d", "c077", "", "USB Optical Mouse", "00", [("03", "01", "02")])
CAMERA = (
    "1-3", "046d", "0825", "9A7C2B1", "Webcam C270", "ef",
    [("0e", "01", "00"), ("0e", "02", "00"), ("01", "01", "00")],
)  # fmt: skip
STICK = ("1-4", "0781", "5567", "4C5300", "Cruzer Blade", "00", [("08", "06", "50")])
HUB = ("usb1", "1d6b", "0002", "0000:00:14.0", "xHCI Host Controller", "09", [("09", "00", "00")])
DETECTOR = ("1-5", "0403", "6001", "A1B2C3", "FT232R USB UART", "00", [("ff", "ff", "ff")])


def write_devices(
    sysfs: Path, *devices: tuple[str, str, str, str, str, str, list[tuple[str, str, str]]]
) -> Path:
    root = sysfs / "bus" / "usb" / "devices"
    root.mkdir(parents=True, exist_ok=True)
    for port, vendor, product, serial, name, device_class, interfaces in devices:
        device = root / port
        device.mkdir()
        for attr, value in (("idVendor", vendor), ("idProduct", product), ("product", name),
                            ("bDeviceClass", device_class)):  # fmt: skip
            (device / attr).write_text(value + "\n")
        if serial:
            (device / "serial").write_text(serial + "\n")
        for n, (cls, sub, proto) in enumerate(interfaces):
            interface = device / f"{port}:1.{n}"
            interface.mkdir()
            (interface / "bInterfaceClass").write_text(cls + "\n")
            (interface / "bInterfaceSubClass").write_text(sub + "\n")
            (interface / "bInterfaceProtocol").write_text(proto + "\n")
        if port == DETECTOR[0]:
            tty = sysfs / "class" / "tty" / "ttyUSB0"
            tty.mkdir(parents=True)
            (tty / "device").symlink_to(os.path.relpath(device / f"{port}:1.0", tty))
    return sysfs
