"""`python -m hardware.detector`: simulate a detector or read one (installation checks)."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hardware.detector", description="Metal-detector installation tools."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sim = sub.add_parser("simulate", help="a simulated detector on a new pseudo-terminal")
    sim.add_argument("--protocol", choices=["line", "relay"], required=True)
    read = sub.add_parser("read", help="print each parsed detector event")
    read.add_argument("--port", required=True)
    read.add_argument("--protocol", choices=["line", "relay"], required=True)
    read.add_argument("--json", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    print(
        f"hardware.detector {args.command}: the serial drivers are not part of this build yet",
        file=sys.stderr,
    )
    return 3


if __name__ == "__main__":
    sys.exit(main())
