"""`qbank`: question-bank tooling for administrators."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from question_banks.keys import KeyFileError, generate_authority_key, generate_hall_keys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qbank", description="Question-bank tooling.")
    sub = parser.add_subparsers(dest="command", required=True)
    keygen = sub.add_parser("keygen", help="create a hall's or the authority's key files")
    keygen.add_argument("--kind", choices=["hall", "authority"], required=True)
    keygen.add_argument("--out", type=Path, required=True, help="directory for the key files")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.kind == "hall":
            generate_hall_keys(args.out)
            print(f"hall keys written to {args.out}: hall-sign.key/.pub, hall-box.key/.pub")
        else:
            generate_authority_key(args.out)
            print(f"authority key written to {args.out}: authority.key/.pub")
    except (KeyFileError, OSError) as exc:
        print(f"qbank keygen: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
