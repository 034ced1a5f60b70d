"""`python -m installer build --role kiosk|room-server|console [--suite trixie|bookworm] --out DIR`:
the role's Debian package for Debian 13 (the default) or Debian 12."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from installer.build import DEFAULT_SUITE, ROLES, SUITES, BuildError, build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m installer", description="Debian packages of the hall's machines."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="build the Debian package of a role (wheelhouse inside)")
    p.add_argument("--role", choices=sorted(ROLES), required=True)
    p.add_argument(
        "--suite",
        choices=sorted(SUITES),
        default=DEFAULT_SUITE,
        help=f"the Debian release: trixie (13) or bookworm (12); default {DEFAULT_SUITE}",
    )
    p.add_argument("--out", type=Path, required=True, help="folder for the .deb")
    p.add_argument("--version", help="the package's version (default: the project's)")
    p.add_argument("--wheels", type=Path, help="a wheelhouse already built, to reuse")
    args = parser.parse_args(argv)
    try:
        deb = build(args.role, args.out, args.version, args.wheels, args.suite)
    except BuildError as exc:
        print(f"python -m installer build: {exc}", file=sys.stderr)
        return 2
    print(f"{deb} ({deb.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
