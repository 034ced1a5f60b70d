"""Both packages built, installed into a real Debian 12 root with apt, provisioned there, upgraded,
removed and purged — checked as a technician would check a machine.

Slow: it builds a wheelhouse and two packages, makes a Debian root with mmdebstrap and installs
what apt resolves from the Debian archive. No running systemd in the chroot: what needs one is
written and enabled, and checked with systemd's own offline tools.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from installer.build import build, wheelhouse
from installer.provision.tls import self_signed
from kiosk.credential import read_credential
from operator_console.protocol.tls import fingerprint
from operator_console.server.app import create_app
from operator_console.server.runtime import HallRuntime
from operator_console.server.seating import enrollment
from operator_console.server.serve import ServerThread
from question_banks.keys import generate_authority_key
from tests.conftest import hall_config
from tests.installer.debian_root import SUITE, DebianRoot
from tests.installer.usb_devices import CAMERA, HUB, KEYBOARD, MOUSE, STICK, write_devices

pytestmark = [
    pytest.mark.slow,
    pytest.mark.debian_root,
    # Under pytest-xdist the module's tests share one worker: they share the module's packages
    # and base root (minutes to make), made once.
    pytest.mark.xdist_group("debian_root"),
    pytest.mark.timeout(1500),
]
CHROOT_POSTGRES_PORT = 5433
"""The chroot's cluster listens on its Unix socket only (no TCP, so no port to take from the
host's PostgreSQL or another root's); the port names the socket file, and the hall's settings."""
NEXT = "0.1.1"
FIGURES: dict[str, str] = {}


def figure(name: str, value: str) -> None:
    FIGURES[name] = value
    print(f"installer figure: {name} = {value}")


@pytest.fixture(scope="module")
def debs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("debs")
    house = out / "wheelhouse"
    house.mkdir()
    started = time.monotonic()
    wheelhouse(house, "room-server", SUITE)
    figure("room server wheelhouse for bookworm", f"{time.monotonic() - started:.0f} s")
    made = {
        "server": build("room-server", out, wheels=house, suite_name=SUITE),
        "server-next": build("room-server", out, version=NEXT, wheels=house, suite_name=SUITE),
        "kiosk": build("kiosk", out, suite_name=SUITE),
    }
    for deb in made.values():
        figure(f"{deb.name} size", f"{deb.stat().st_size / 1e6:.0f} MB")
    return made


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> DebianRoot:
    started = time.monotonic()
    root = DebianRoot.create(tmp_path_factory.mktemp("debian") / "base")
    figure("mmdebstrap bookworm", f"{time.monotonic() - started:.0f} s")
    return root


def install(root: DebianRoot, deb: Path, *, network: bool = True) -> tuple[str, float]:
    inside = root.put(deb, f"/root/{deb.name}")
    started = time.monotonic()
    out = root.ok("apt-get", "install", "-y", "-q", inside, network=network)
    return out, time.monotonic() - started


def lines_of(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.strip()]


def verify_units(root: DebianRoot, *units: str) -> None:
    """systemd's own check of each unit, by the systemd the package brought into the root."""
    done = root.run("systemd-analyze", "verify", *(f"/etc/systemd/system/{u}" for u in units))
    assert done.returncode == 0, done.stderr


def test_room_server_package_installs_provisions_upgrades_and_purges(
    debs: dict[str, Path], base: DebianRoot, tmp_path: Path
) -> None:
    root = base.copy(tmp_path / "server")
    out, seconds = install(root, debs["server"])
    figure("room server install into the chroot (apt, deps included)", f"{seconds:.0f} s")
    assert "environment ready in /opt/testing-hall/venv (offline" in out
    for command in ("kiosk", "operator-console", "qbank", "hall-provision"):
        assert "usage:" in root.ok(command, "--help")
    no_qt = root.run("/opt/testing-hall/venv/bin/python", "-c", "import PySide6")
    assert no_qt.returncode == 1 and "No module named 'PySide6'" in no_qt.stderr
    window = root.run("operator-console")  # the room server's package has no console window
    assert window.returncode == 2 and "install the testing-hall-console package" in window.stderr

    keys = tmp_path / "authority"
    generate_authority_key(keys)
    root.put(keys / "authority.pub", "/root/authority.pub")
    provision = (
        "hall-provision", "room-server", "--hall-id", "almaty-7", "--upstream",
        "https://central.example", "--authority-pub", "/root/authority.pub",
        "--lan", "10.20.0.0/24", "--address", "10.20.0.1", "--name", "Алматы, зал 7",
    )  # fmt: skip
    bad = root.run(*provision[:-6], "--lan", "10.20.0.0/33")
    assert bad.returncode == 2 and len(lines_of(bad.stderr)) == 1 and "--lan" in bad.stderr
    assert not (root / "/etc/testing-hall/keys").exists()  # a wrong argument changed nothing

    first = root.ok(*provision)
    assert "changed" in first and re.search(
        r"certificate SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}", first
    )
    again = root.ok(*provision)
    assert again.rstrip().endswith("done, 0 changes"), again
    assert not [line for line in lines_of(again) if line.startswith("changed")]

    cert = (root / "/etc/testing-hall/tls/hall.crt").read_text()
    assert fingerprint(cert) in first
    for name in ("hall-sign.key", "hall-box.key"):
        stat = (root / f"/etc/testing-hall/keys/{name}").stat()
        assert stat.st_mode & 0o777 == 0o600
    assert (root / "/etc/testing-hall/tls/hall.key").stat().st_mode & 0o777 == 0o600
    units = ("testing-hall-server.service", "testing-hall-backup.service",
             "testing-hall-backup.timer", "testing-hall-firewall.service")  # fmt: skip
    verify_units(root, *units)
    assert (
        root / "/etc/systemd/system/multi-user.target.wants/testing-hall-server.service"
    ).is_symlink()
    assert (root / "/etc/systemd/system/timers.target.wants/testing-hall-backup.timer").is_symlink()
    root.ok("nft", "-c", "-f", "/etc/testing-hall/firewall.nft")
    level = re.search(r"testing-hall-server.service: exposure (\d+\.\d+)", first)
    assert level is not None, first
    figure("systemd-analyze security (room server)", level[1])
    assert float(level[1]) <= 2.0

    admin = ("runuser", "-u", "testing-hall", "--", "operator-console", "admin",
             "--config", "/etc/testing-hall/hall.toml")  # fmt: skip
    root.ok(*admin, "create-user", "--username", "chief", "--role", "administrator",
            "--password-stdin", stdin="a long hall password\n")  # fmt: skip
    backed = root.ok(
        *admin, "backup", "--dir", "/var/lib/testing-hall/backups", "--keep-days", "14"
    )
    assert "backed up" in backed and list(
        (root / "/var/lib/testing-hall/backups").glob("hall-*.db")
    )
    conf = root / "/etc/testing-hall/hall.toml"
    conf.write_text(conf.read_text() + "\n# edited on this machine\n")

    out, seconds = install(root, debs["server-next"], network=False)
    figure("room server upgrade, offline", f"{seconds:.0f} s")
    assert "nothing to upgrade" in out  # the migrations ran before the new server would start
    assert "# edited on this machine" in conf.read_text()  # the conffile is the technician's
    database = root / "/var/lib/testing-hall/server/hall.db"

    def users() -> list[str]:
        with sqlite3.connect(database) as db:
            return [row[0] for row in db.execute("SELECT username FROM user_account")]

    assert users() == ["chief"]
    assert (root / "/etc/testing-hall/hall.toml.d/50-provision.toml").exists()

    on_postgresql(root, provision, admin)

    root.ok("apt-get", "remove", "-y", "-q", "testing-hall-server", network=False)
    assert users() == ["chief"] and not (root / "/opt/testing-hall/venv").exists()
    root.ok("apt-get", "purge", "-y", "-q", "testing-hall-server", network=False)
    units_dir = "/etc/systemd/system"
    for gone in ("/var/lib/testing-hall", "/etc/testing-hall", "/opt/testing-hall",
                 f"{units_dir}/testing-hall-server.service",
                 f"{units_dir}/multi-user.target.wants/testing-hall-server.service"):  # fmt: skip
        assert not (root / gone).exists() and not (root / gone).is_symlink(), gone
    passwd = (root / "/etc/passwd").read_text()
    assert re.search(r"^testing-hall:", passwd, re.MULTILINE)  # the user stays, as Debian does


def on_postgresql(root: DebianRoot, provision: tuple[str, ...], admin: tuple[str, ...]) -> None:
    """The same machine provisioned again onto the local PostgreSQL the package recommends: the
    role and database made, peer login from the service user, migrated, backed up with pg_dump.
    The chroot's cluster gets a port of its own and no TCP: the host's PostgreSQL may hold 5432."""
    conf = root / "/etc/postgresql/15/main/postgresql.conf"
    port = CHROOT_POSTGRES_PORT
    text = re.sub(r"(?m)^port = \d+", f"port = {port}", conf.read_text())
    conf.write_text(text + "\nlisten_addresses = ''\n")
    root.ok("pg_ctlcluster", "15", "main", "start")
    try:
        first = root.ok(*provision, "--database", "postgresql")
        assert "changed  PostgreSQL role testing-hall" in first
        assert "database upgraded from empty to" in first
        again = root.ok(*provision, "--database", "postgresql")
        assert again.rstrip().endswith("done, 0 changes"), again
        settings = (root / "/etc/testing-hall/hall.toml.d/50-provision.toml").read_text()
        assert f"host=/var/run/postgresql&port={port}" in settings
        backed = root.ok(*admin, "backup", "--dir", "/var/lib/testing-hall/backups")
        assert list((root / "/var/lib/testing-hall/backups").glob("hall-*.dump")), backed
    finally:
        root.run("pg_ctlcluster", "15", "main", "stop")


@pytest.fixture
def room_server(tmp_path: Path, keys: Path) -> Iterator[tuple[ServerThread, HallRuntime, str]]:
    cert, key = self_signed(["127.0.0.1"])
    (tmp_path / "hall.crt").write_bytes(cert)
    (tmp_path / "hall.key").write_bytes(key)
    tls = (tmp_path / "hall.crt", tmp_path / "hall.key")
    runtime = HallRuntime(hall_config(tmp_path, keys, "http://127.0.0.1:9"))
    server = ServerThread(create_app(runtime, run_workers=False), tls=tls).start()
    try:
        yield server, runtime, cert.decode()
    finally:
        server.stop()
        runtime.close()


def code_for(runtime: HallRuntime, seat: str) -> str:
    with runtime.tx() as db:
        return enrollment.issue_code(
            db, seat_code=seat, hall_id=runtime.hall_id, now=datetime.now(UTC), actor="test"
        ).code


def test_kiosk_package_installs_and_provisions_a_locked_down_seat(
    debs: dict[str, Path], base: DebianRoot, tmp_path: Path,
    room_server: tuple[ServerThread, HallRuntime, str],
) -> None:  # fmt: skip
    server, runtime, cert = room_server
    root = base.copy(tmp_path / "kiosk")
    out, seconds = install(root, debs["kiosk"])
    figure("kiosk install into the chroot (apt, deps included)", f"{seconds:.0f} s")
    assert "environment ready" in out
    root.ok("env", "QT_QPA_PLATFORM=offscreen", "/opt/testing-hall/venv/bin/python", "-c",
            "from PySide6.QtWidgets import QApplication; QApplication([])")  # fmt: skip

    root.put(write_devices(tmp_path / "no-camera", HUB, KEYBOARD, MOUSE), "/root/no-camera")
    root.put(write_devices(tmp_path / "seat", HUB, KEYBOARD, MOUSE, CAMERA, STICK), "/root/seat")
    code = code_for(runtime, "A01")
    provision = ("hall-provision", "kiosk", "--hall", server.url, "--code", code)

    missing = root.run(*provision, "--sysfs", "/root/no-camera")
    assert missing.returncode == 2 and len(lines_of(missing.stderr)) == 1
    assert "no USB camera" in missing.stderr and "kiosk:" not in (root / "/etc/passwd").read_text()
    wrong = root.run(*provision, "--sysfs", "/root/seat", "--fingerprint", "AB" * 32)
    assert wrong.returncode == 2 and "not the hall's room server" in wrong.stderr

    first = root.ok(*provision, "--sysfs", "/root/seat", "--fingerprint", fingerprint(cert))
    assert f"certificate SHA-256 {fingerprint(cert)}" in first
    again = root.ok(*provision, "--sysfs", "/root/seat")
    assert again.rstrip().endswith("done, 0 changes"), again

    credential = read_credential(root / "/var/lib/testing-hall/kiosk")
    assert credential is not None and credential.certificate == cert and credential.seat == "A01"
    assert (root / "/var/lib/testing-hall/kiosk/credential.json").stat().st_mode & 0o777 == 0o600
    client = credential.client()
    try:
        assert client.seat().seat == "A01"  # the pinned credential speaks to its room server
    finally:
        client.close()

    verify_units(root, "testing-hall-kiosk.service", "testing-hall-firewall.service")
    etc = root / "/etc/systemd/system"
    assert (etc / "graphical.target.wants/testing-hall-kiosk.service").is_symlink()
    assert root.ok("systemctl", "get-default").strip() == "graphical.target"
    assert str((etc / "ctrl-alt-del.target").readlink()) == "/dev/null"
    logind = (root / "/etc/systemd/logind.conf.d/testing-hall-kiosk.conf").read_text()
    assert "NAutoVTs=0" in logind and "HandlePowerKey=ignore" in logind
    assert "kernel.sysrq = 0" in (root / "/etc/sysctl.d/90-testing-hall-kiosk.conf").read_text()
    rules = (root / "/etc/usbguard/rules.conf").read_text()
    parsed = root.ok("usbguard-rule-parser", "-f", "/etc/usbguard/rules.conf")
    assert parsed.count("OUTPUT: allow") == 4  # hub, keyboard, mouse, camera
    assert 'allow id 046d:0825 serial "9A7C2B1"' in rules and "allow id 0781:5567" not in rules
    assert "ImplicitPolicyTarget=block" in (root / "/etc/usbguard/usbguard-daemon.conf").read_text()
    root.ok("nft", "-c", "-f", "/etc/testing-hall/firewall.nft")
    unit = (etc / "testing-hall-kiosk.service").read_text()
    assert "ExecStart=/usr/bin/cage -d -- " in unit and "QT_QPA_PLATFORM=wayland" in unit
    assert (
        json.loads((root / "/var/lib/testing-hall/kiosk/credential.json").read_text())["hall"]
        == server.url
    )

    root.ok("apt-get", "purge", "-y", "-q", "testing-hall-kiosk", network=False)
    assert not (etc / "testing-hall-kiosk.service").exists()
    assert not (etc / "ctrl-alt-del.target").is_symlink()
    assert not (root / "/var/lib/testing-hall").exists()
