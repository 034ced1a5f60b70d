"""`hall-provision kiosk`: a seat's machine locked down to the candidate app under cage, its USB
ports and network closed to everything but the keyboard, the camera and the room server."""

from __future__ import annotations

import argparse
import grp
import socket
from pathlib import Path

from installer.provision import firewall, units, usb
from installer.provision.layout import (
    FIREWALL_RULES,
    FIREWALL_UNIT,
    KIOSK_DATA,
    KIOSK_PAM,
    KIOSK_UNIT,
    KIOSK_USER,
    VAR,
)
from installer.provision.machine import Machine, ProvisionError, which
from kiosk.credential import CREDENTIAL, Credential, read_credential
from kiosk.enrollment import EnrollmentError, take_credential
from operator_console.protocol.tls import fingerprint

SYSTEMD = Path("/etc/systemd/system")
LOGIND = Path("/etc/systemd/logind.conf.d/testing-hall-kiosk.conf")
JOURNALD = Path("/etc/systemd/journald.conf.d/testing-hall-kiosk.conf")
SYSCTL = Path("/etc/sysctl.d/90-testing-hall-kiosk.conf")
USBGUARD_RULES = Path("/etc/usbguard/rules.conf")
USBGUARD_DAEMON = Path("/etc/usbguard/usbguard-daemon.conf")
PAM = Path("/etc/pam.d") / KIOSK_PAM

LOGIND_TEXT = """# The kiosk: no other virtual terminals, and no key or lid puts it to sleep or off.
[Login]
NAutoVTs=0
ReserveVT=0
HandlePowerKey=ignore
HandleSuspendKey=ignore
HandleHibernateKey=ignore
HandleRebootKey=ignore
HandleLidSwitch=ignore
HandleLidSwitchExternalPower=ignore
HandleLidSwitchDocked=ignore
"""
JOURNALD_TEXT = """# The kiosk's journal survives a restart: it tells a crash from a network outage.
[Journal]
Storage=persistent
"""
SYSCTL_TEXT = """# The kiosk: no magic SysRq keys.
kernel.sysrq = 0
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("kiosk", help="make this machine a locked-down kiosk of a hall")
    p.add_argument("--hall", required=True, help="the room server's URL (https://HOST:PORT)")
    p.add_argument("--code", required=True, help="the seat's one-time enrollment code")
    p.add_argument(
        "--fingerprint",
        help="the room server's certificate fingerprint; enrollment stops if it differs",
    )
    p.add_argument("--sysfs", type=Path, default=Path("/sys"), help=argparse.SUPPRESS)


def _enrolled(hall: str) -> Credential | None:
    try:
        held = read_credential(KIOSK_DATA)
    except ValueError:
        return None
    return held if held is not None and held.hall == hall.rstrip("/") else None


def provision(args: argparse.Namespace, machine: Machine) -> list[str]:
    # Everything that can be wrong is found before anything is changed.
    for program in ("cage", "usbguard", "nft"):
        which(program)
    addresses, port = firewall.resolve(args.hall)
    devices = usb.present_devices(args.sysfs)
    if not any(d.is_camera for d in devices):
        raise ProvisionError(
            "no USB camera is plugged in: the seat records the candidate; plug its webcam in"
        )
    notes = []
    if not any(d.is_keyboard for d in devices):
        notes.append("no USB keyboard seen: only a built-in keyboard will work at this seat")
    credential = _enrolled(args.hall)
    fresh = credential is None
    if credential is None:
        try:
            credential = take_credential(
                args.hall, args.code, socket.gethostname(), expected_fingerprint=args.fingerprint
            )
        except EnrollmentError as exc:
            raise ProvisionError(f"enrollment: {exc}") from exc

    groups = [g for g in ("video", "render", "input") if _group_exists(g)]
    machine.system_user(KIOSK_USER, KIOSK_DATA, groups=groups)
    machine.directory(VAR, 0o755)
    machine.directory(KIOSK_DATA, 0o700, KIOSK_USER)
    machine.file(
        KIOSK_DATA / CREDENTIAL,
        credential.to_json(),
        0o600,
        KIOSK_USER,
        what=f"enrolled as the kiosk of seat {credential.seat}" + ("" if fresh else " (already)"),
    )
    machine.file(LOGIND, LOGIND_TEXT, what=f"logind: no VTs, power and lid keys ignored ({LOGIND})")
    machine.file(SYSCTL, SYSCTL_TEXT, what=f"sysctl kernel.sysrq=0 ({SYSCTL})")
    machine.mask("ctrl-alt-del.target")
    machine.file(JOURNALD, JOURNALD_TEXT, what=f"journal kept on disk ({JOURNALD})")
    machine.directory(Path("/var/log/journal"), 0o2755, "root", "systemd-journal")
    machine.file(
        USBGUARD_RULES, usb.policy(devices), 0o600, what=f"usbguard policy {USBGUARD_RULES}"
    )
    current = USBGUARD_DAEMON.read_text("utf-8") if USBGUARD_DAEMON.exists() else ""
    machine.file(
        USBGUARD_DAEMON, usb.daemon_config(current), 0o600, what="usbguard blocks by default"
    )
    machine.enable("usbguard.service")
    machine.file(
        FIREWALL_RULES, firewall.kiosk_rules(addresses, port), what=f"firewall {FIREWALL_RULES}"
    )
    machine.file(SYSTEMD / FIREWALL_UNIT, units.firewall_unit())
    machine.enable(FIREWALL_UNIT)
    machine.file(PAM, units.kiosk_pam(), what=f"PAM service {PAM}")
    machine.file(SYSTEMD / KIOSK_UNIT, units.kiosk_unit())
    machine.enable(KIOSK_UNIT)
    machine.default_target("graphical.target")
    machine.remember()
    machine.start([FIREWALL_UNIT, "usbguard.service", "systemd-sysctl.service", KIOSK_UNIT])
    pinned = credential.certificate
    return [
        *notes,
        f"room server certificate SHA-256 {fingerprint(pinned)}"
        if pinned
        else "the room server speaks plain HTTP: nothing pinned (development only)",
        "  (compare it with the one the room server's provisioning showed)",
    ]


def _group_exists(name: str) -> bool:
    try:
        grp.getgrnam(name)
    except KeyError:
        return False
    return True
