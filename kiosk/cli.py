"""`kiosk`: the candidate app on a seat, and `kiosk enroll`."""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
from pathlib import Path

from kiosk.config import load_kiosk_config
from kiosk.hall_client import HallClient
from operator_console.protocol.calls import ServerRefused, ServerUnreachable

CREDENTIAL = "credential.json"


def data_dir() -> Path:
    return load_kiosk_config(None).data_dir


def save_credential(directory: Path, hall_url: str, kiosk_id: str, seat: str, token: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / CREDENTIAL
    tmp = directory / f".{CREDENTIAL}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"hall": hall_url, "kiosk_id": kiosk_id, "seat": seat, "token": token}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="The candidate app on a seat.")
    parser.add_argument("--config", type=Path, help="kiosk.toml")
    sub = parser.add_subparsers(dest="command")
    enroll = sub.add_parser("enroll", help="enroll this machine as a kiosk of a hall")
    enroll.add_argument("--hall", required=True, help="room server URL")
    enroll.add_argument("--code", required=True, help="one-time code from the administrator")
    enroll.add_argument("--data-dir", type=Path, help="where the credential is kept")
    return parser


def run(config_path: Path | None) -> int:
    from operator_console.protocol.logs import fail, setup_logging
    from operator_console.protocol.settings import StartupError

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
            done = HallClient.enroll(args.hall, args.code, socket.gethostname())
        except ServerRefused as exc:
            print(f"kiosk enroll: the hall refused: {exc.detail}", file=sys.stderr)
            return 2
        except ServerUnreachable as exc:
            print(f"kiosk enroll: cannot reach {args.hall}: {exc}", file=sys.stderr)
            return 2
        path = save_credential(
            args.data_dir or data_dir(), args.hall, done.kiosk_id, done.seat, done.token
        )
        print(f"enrolled as the kiosk of seat {done.seat}; credential in {path}")
        return 0
    return run(args.config)


if __name__ == "__main__":
    sys.exit(main())
