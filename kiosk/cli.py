"""`kiosk`: the candidate app on a seat, and `kiosk enroll`."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from kiosk.config import load_kiosk_config
from kiosk.enrollment import EnrollmentError, enroll_kiosk
from operator_console.protocol.settings import StartupError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="The candidate app on a seat.")
    parser.add_argument("--config", type=Path, help="kiosk.toml")
    sub = parser.add_subparsers(dest="command")
    enroll = sub.add_parser("enroll", help="enroll this machine as a kiosk of a hall")
    enroll.add_argument("--hall", required=True, help="room server URL")
    enroll.add_argument("--code", required=True, help="one-time code from the administrator")
    enroll.add_argument("--data-dir", type=Path, help="where the credential is kept")
    enroll.add_argument(
        "--fingerprint",
        help="the SHA-256 fingerprint the room server showed; enrollment stops if it differs",
    )
    return parser


def run(config_path: Path | None) -> int:
    from operator_console.protocol.logs import fail, setup_logging

    try:
        config = load_kiosk_config(config_path)
    except StartupError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    log = setup_logging("kiosk", directory=config.data_dir / "logs")
    try:
        from kiosk.ui.app import run as run_app

        return run_app(config)
    except (ValueError, OSError) as exc:
        return fail("kiosk", str(exc), log)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "enroll":
        try:
            done = enroll_kiosk(
                args.hall,
                args.code,
                socket.gethostname(),
                args.data_dir or load_kiosk_config(args.config).data_dir,
                expected_fingerprint=args.fingerprint,
            )
        except (EnrollmentError, StartupError) as exc:
            print(f"kiosk enroll: {exc}", file=sys.stderr)
            return 2
        for line in done.lines():
            print(line)
        return 0
    return run(args.config)


if __name__ == "__main__":
    sys.exit(main())
