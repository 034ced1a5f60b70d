"""`hall-provision kiosk|room-server|fingerprint`: installed by the hall's Debian packages."""

from __future__ import annotations

import argparse
import os
import sys

from installer.provision import kiosk, room_server
from installer.provision.layout import TLS_CERT
from installer.provision.machine import Machine, ProvisionError
from operator_console.protocol.tls import CertificateError, fingerprint


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hall-provision",
        description="Turns this Debian machine into a kiosk or the room server of a testing hall. "
        "Safe to run again: a second run changes nothing.",
    )
    sub = parser.add_subparsers(dest="role", required=True)
    kiosk.add_parser(sub)
    room_server.add_parser(sub)
    sub.add_parser("fingerprint", help="show the room server's certificate fingerprint again")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    prog = f"hall-provision {args.role}"
    try:
        if args.role == "fingerprint":
            print(f"room server certificate SHA-256 {fingerprint(TLS_CERT.read_text('ascii'))}")
            return 0
        if os.geteuid() != 0:
            raise ProvisionError("run it as root (sudo hall-provision …)")
        machine = Machine()
        role = kiosk if args.role == "kiosk" else room_server
        said = role.provision(args, machine)
    except ProvisionError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    except (OSError, CertificateError) as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    for line in said:
        print(line)
    print(f"{prog}: done, {machine.changes} change{'s' * (machine.changes != 1)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
