"""`python -m installer room-server-unit`: prints the room server's systemd unit."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from installer.units import room_server_unit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m installer", description="Provisioning of hall machines."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    unit = sub.add_parser("room-server-unit", help="print the room server's systemd unit")
    unit.add_argument("--config", type=Path, default=Path("/etc/testing-hall/hall.toml"))
    unit.add_argument("--user", default="testing-hall")
    args = parser.parse_args(argv)
    beside = Path(sys.executable).with_name("operator-console")
    found = str(beside) if beside.exists() else shutil.which("operator-console")
    if found is None:
        print(
            "python -m installer: operator-console is not on PATH; install the project first",
            file=sys.stderr,
        )
        return 2
    print(room_server_unit(executable=Path(found), config=args.config, user=args.user), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
