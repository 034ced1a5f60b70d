"""`hall-provision room-server`: the hall's room server as a hardened service, its keys, TLS
certificate, database, detector name, backups and firewall."""

from __future__ import annotations

import argparse
import re
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hardware.detector.protocols import PROTOCOLS
from installer.provision import firewall, units
from installer.provision.layout import (
    BACKUP_SERVICE,
    BACKUP_TIMER,
    BACKUPS,
    DETECTOR_LINK,
    ETC,
    FIREWALL_RULES,
    FIREWALL_UNIT,
    HALL_TOML,
    KEYS,
    SERVER_DATA,
    SERVER_UNIT,
    SERVER_USER,
    TLS_CERT,
    TLS_KEY,
    VAR,
    VENV,
)
from installer.provision.machine import Machine, ProvisionError
from installer.provision.tls import check_pair, self_signed
from operator_console.protocol.tls import fingerprint
from question_banks.keys import KeyFileError, generate_hall_keys, load_verify_key

SYSTEMD = Path("/etc/systemd/system")
UDEV_RULE = Path("/etc/udev/rules.d/70-testing-hall-detector.rules")
DROP_IN = Path(str(HALL_TOML) + ".d") / "50-provision.toml"
PG_SOCKETS = "/var/run/postgresql"
PG_DATABASE = "testing_hall"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("room-server", help="make this machine the hall's room server")
    p.add_argument("--hall-id", required=True, help="this hall's id at the central system")
    p.add_argument("--upstream", required=True, help="the central system's URL")
    p.add_argument("--authority-pub", type=Path, help="the authority's public key (authority.pub)")
    p.add_argument("--name", default="Testing hall", help="the hall's name on screens and paper")
    p.add_argument("--timezone", default="Asia/Almaty")
    p.add_argument("--listen", default="0.0.0.0:8443", help="HOST:PORT of the API (HTTPS)")
    p.add_argument(
        "--lan", action="append", default=[], required=True, metavar="CIDR",
        help="the hall LAN allowed to reach the API (repeat for several)",
    )  # fmt: skip
    p.add_argument(
        "--address", action="append", default=[],
        help="a name or address kiosks and consoles use for this server (for the certificate)",
    )  # fmt: skip
    p.add_argument(
        "--tls-cert", type=Path, help="a provided certificate (PEM) instead of one made here"
    )
    p.add_argument("--tls-key", type=Path, help="its private key (PEM)")
    p.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    p.add_argument("--detector-serial", help="the serial number of the detector's USB adapter")
    p.add_argument("--detector-protocol", choices=list(PROTOCOLS), default="line")
    p.add_argument("--backup-days", type=int, default=14, help="days of backups kept")
    p.add_argument("--sysfs", type=Path, default=Path("/sys"), help=argparse.SUPPRESS)


@dataclass
class Plan:
    args: argparse.Namespace
    port: int
    authority: bytes | None
    provided_tls: tuple[bytes, bytes] | None
    pg_port: int | None


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ProvisionError(f"{what} {path}: {exc.strerror}") from exc


def detector_serials(sysfs: Path) -> dict[str, str]:
    """Serial number → tty name of every USB serial adapter plugged in."""
    found = {}
    root = sysfs / "class" / "tty"
    for tty in sorted(root.iterdir()) if root.is_dir() else []:
        device = (tty / "device").resolve()
        for parent in (device, *device.parents):
            serial = parent / "serial"
            if serial.is_file():
                found[serial.read_text("utf-8", "replace").strip()] = tty.name
                break
            if parent == sysfs:
                break
    return found


def postgres_port(machine: Machine) -> int:
    listed = machine.run(["pg_lsclusters", "--no-header"], check=False)
    for line in listed.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[3].startswith("online"):
            return int(fields[2])
    raise ProvisionError(
        "--database postgresql: no local PostgreSQL cluster is running "
        "(apt install postgresql, or leave it out for SQLite)"
    )


def check(args: argparse.Namespace, machine: Machine) -> Plan:
    """Everything that can be wrong is found before anything is changed."""
    host, _, port = args.listen.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ProvisionError(f"--listen: expected HOST:PORT, got {args.listen!r}")
    if not 1 <= args.backup_days <= 3650:
        raise ProvisionError("--backup-days: from 1 to 3650")
    firewall.server_rules(args.lan, int(port))  # names a bad --lan
    if not args.upstream.startswith(("https://", "http://")):
        raise ProvisionError(f"--upstream: expected an https:// URL, got {args.upstream!r}")
    authority = None
    if args.authority_pub is not None:
        try:
            load_verify_key(args.authority_pub)
        except KeyFileError as exc:
            raise ProvisionError(f"--authority-pub: {exc}") from exc
        authority = _read(args.authority_pub, "--authority-pub")
    elif not (KEYS / "authority.pub").exists():
        raise ProvisionError("--authority-pub: the authority's public key is needed the first time")
    provided = None
    if (args.tls_cert is None) != (args.tls_key is None):
        raise ProvisionError("--tls-cert and --tls-key go together: give both, or neither")
    if args.tls_cert is not None:
        provided = (_read(args.tls_cert, "--tls-cert"), _read(args.tls_key, "--tls-key"))
        try:
            check_pair(*provided)
        except ValueError as exc:
            raise ProvisionError(f"--tls-cert/--tls-key: {exc}") from exc
    if args.detector_serial:
        seen = detector_serials(args.sysfs)
        if args.detector_serial not in seen:
            listed = ", ".join(sorted(seen)) or "none"
            raise ProvisionError(
                f"--detector-serial: no serial adapter {args.detector_serial!r} is plugged in "
                f"(adapters seen: {listed})"
            )
    pg_port = postgres_port(machine) if args.database == "postgresql" else None
    return Plan(args, int(port), authority, provided, pg_port)


def _names(args: argparse.Namespace) -> list[str]:
    """The certificate's names: the ones given, this host's, and loopback for a local console."""
    return list(dict.fromkeys([*args.address, socket.gethostname(), "localhost", "127.0.0.1"]))


def _toml_str(value: object) -> str:
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def drop_in(plan: Plan) -> str:
    a = plan.args
    lines = [
        "# Written by hall-provision room-server. Local changes belong in a later drop-in",
        "# (for example 90-local.toml): this file is rewritten when provisioning runs again.",
        "[hall]",
        f"name = {_toml_str(a.name)}",
        f"timezone = {_toml_str(a.timezone)}",
        "",
        "[server]",
        f"listen = {_toml_str(a.listen)}",
        f"data_dir = {_toml_str(SERVER_DATA)}",
        f"tls_cert = {_toml_str(TLS_CERT)}",
        f"tls_key = {_toml_str(TLS_KEY)}",
        "",
        "[upstream]",
        f"url = {_toml_str(a.upstream)}",
        f"hall_id = {_toml_str(a.hall_id)}",
        "",
        "[keys]",
        f"dir = {_toml_str(KEYS)}",
    ]
    if plan.pg_port is not None:
        url = f"postgresql+psycopg://{SERVER_USER}@/{PG_DATABASE}?host={PG_SOCKETS}&port={plan.pg_port}"
        lines += ["", "[database]", f"url = {_toml_str(url)}"]
    if a.detector_serial:
        lines += [
            "",
            "[detector]",
            f"port = {_toml_str('/dev/' + DETECTOR_LINK)}",
            f"protocol = {_toml_str(a.detector_protocol)}",
        ]
    return "\n".join(lines) + "\n"


def udev_rule(serial: str) -> str:
    quoted = serial.replace('"', "")
    return (
        "# The metal detector's USB serial adapter, by its serial number (hall-provision).\n"
        f'SUBSYSTEM=="tty", ATTRS{{serial}}=="{quoted}", SYMLINK+="{DETECTOR_LINK}", '
        'GROUP="dialout", MODE="0660"\n'
    )


def _keys(machine: Machine, plan: Plan) -> None:
    machine.directory(KEYS, 0o750, "root", SERVER_USER)
    if not (KEYS / "hall-sign.key").exists():
        with tempfile.TemporaryDirectory() as made:
            generate_hall_keys(Path(made))
            for name in ("hall-sign", "hall-box"):
                key = (Path(made) / f"{name}.key").read_bytes()
                pub = (Path(made) / f"{name}.pub").read_bytes()
                machine.file(
                    KEYS / f"{name}.key", key, 0o600, SERVER_USER, what=f"new key {name}.key"
                )
                machine.file(KEYS / f"{name}.pub", pub, 0o644, what=f"new key {name}.pub")
    else:
        for name in ("hall-sign", "hall-box"):
            key_path = KEYS / f"{name}.key"
            machine.file(
                key_path, key_path.read_bytes(), 0o600, SERVER_USER, what=f"key {name}.key"
            )
            pub_path = KEYS / f"{name}.pub"
            machine.file(pub_path, pub_path.read_bytes(), 0o644, what=f"key {name}.pub")
    authority = plan.authority or (KEYS / "authority.pub").read_bytes()
    machine.file(KEYS / "authority.pub", authority, 0o644, what="the authority's key authority.pub")


def _tls(machine: Machine, plan: Plan) -> None:
    machine.directory(TLS_CERT.parent, 0o750, "root", SERVER_USER)
    if plan.provided_tls is not None:
        cert, key = plan.provided_tls
    elif TLS_CERT.exists() and TLS_KEY.exists():
        cert, key = TLS_CERT.read_bytes(), TLS_KEY.read_bytes()
    else:
        cert, key = self_signed(_names(plan.args))
    machine.file(TLS_CERT, cert, 0o644, what=f"TLS certificate {TLS_CERT}")
    machine.file(TLS_KEY, key, 0o600, SERVER_USER, what=f"TLS key {TLS_KEY}")


def _postgres(machine: Machine, port: int) -> None:
    def psql(sql: str) -> str:
        argv = ["runuser", "-u", "postgres", "--", "psql", "-p", str(port), "-tAc", sql]
        return machine.run(argv).stdout.strip()

    role = psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{SERVER_USER}'") == "1"
    if not role:
        psql(f'CREATE ROLE "{SERVER_USER}" LOGIN')
    machine.report(not role, f"PostgreSQL role {SERVER_USER} (peer login from the service user)")
    db = psql(f"SELECT 1 FROM pg_database WHERE datname = '{PG_DATABASE}'") == "1"
    if not db:
        psql(f'CREATE DATABASE {PG_DATABASE} OWNER "{SERVER_USER}"')
    machine.report(not db, f"PostgreSQL database {PG_DATABASE} owned by {SERVER_USER}")


def _migrate(machine: Machine) -> None:
    command = [
        str(VENV / "bin" / "operator-console"),
        "admin",
        "--config",
        str(HALL_TOML),
        "migrate",
    ]
    done = machine.run(["runuser", "-u", SERVER_USER, "--", *command])
    said = done.stdout.strip().splitlines()
    last = said[-1] if said else "database ready"
    machine.report("upgraded" in last, last)


def exposure(machine: Machine) -> str:
    """systemd's own score of the service's sandbox (0 is the tightest, 10 the loosest)."""
    unit = str(SYSTEMD / SERVER_UNIT)
    done = machine.run(["systemd-analyze", "security", "--offline=true", unit], check=False)
    found = re.search(r"Overall exposure level for \S+: (\d+\.\d+) (\S+)", done.stdout)
    if found is None:
        return "systemd-analyze security: no score here"
    return f"systemd-analyze security {SERVER_UNIT}: exposure {found[1]} {found[2]}"


def provision(args: argparse.Namespace, machine: Machine) -> list[str]:
    plan = check(args, machine)
    machine.system_user(SERVER_USER, VAR, groups=["dialout"])
    machine.directory(ETC, 0o755)
    machine.directory(VAR, 0o750, SERVER_USER)
    machine.directory(SERVER_DATA, 0o750, SERVER_USER)
    machine.directory(BACKUPS, 0o750, SERVER_USER)
    for data in (SERVER_DATA, BACKUPS):
        machine.owned_tree(data, SERVER_USER)
    _keys(machine, plan)
    _tls(machine, plan)
    machine.file(DROP_IN, drop_in(plan), 0o640, "root", SERVER_USER, what=f"settings {DROP_IN}")
    if plan.pg_port is not None:
        _postgres(machine, plan.pg_port)
    _migrate(machine)
    if args.detector_serial:
        machine.file(UDEV_RULE, udev_rule(args.detector_serial), what=f"detector name {UDEV_RULE}")
    machine.file(
        FIREWALL_RULES,
        firewall.server_rules(args.lan, plan.port),
        0o644,
        what=f"firewall {FIREWALL_RULES}",
    )
    machine.file(SYSTEMD / FIREWALL_UNIT, units.firewall_unit())
    machine.file(SYSTEMD / SERVER_UNIT, units.room_server_unit())
    machine.file(SYSTEMD / BACKUP_SERVICE, units.backup_service(days=args.backup_days))
    machine.file(SYSTEMD / BACKUP_TIMER, units.backup_timer())
    for unit in (FIREWALL_UNIT, SERVER_UNIT, BACKUP_TIMER):
        machine.enable(unit)
    machine.remember()
    machine.start([FIREWALL_UNIT, SERVER_UNIT, BACKUP_TIMER])
    return [
        exposure(machine),
        f"room server certificate SHA-256 {fingerprint(TLS_CERT.read_text('ascii'))}",
        "  (each kiosk's enrollment shows the same; compare them)",
        f"register this hall's signing key with the central system: {KEYS / 'hall-sign.pub'}",
        f"next: operator-console admin --config {HALL_TOML} create-user --username NAME "
        "--role administrator",
    ]
