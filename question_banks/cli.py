"""`qbank`: question-bank tooling for administrators (contracts §4)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from question_banks.bank import BankError, read_bank, read_media
from question_banks.importer import ImportFailed, import_qti
from question_banks.keys import (
    KeyFileError,
    generate_authority_key,
    generate_hall_keys,
    load_box_key,
    load_box_public,
    load_signing_key,
    load_verify_key,
)
from question_banks.package import (
    PackageError,
    open_package,
    read_metadata,
    seal,
    verify,
    write_package,
)
from question_banks.programs import LANGUAGES, PROGRAMS
from question_banks.stats import item_statistics, load_results, write_csv
from question_banks.validate import validate_bank


def _progress(message: str) -> None:
    print(f"qbank: {message}", file=sys.stderr, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qbank", description="Question-bank tooling.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("keygen", help="create a hall's or the authority's key files")
    p.add_argument("--kind", choices=["hall", "authority"], required=True)
    p.add_argument("--out", type=Path, required=True, help="directory for the key files")
    p = sub.add_parser("import-qti", help="QTI 2.1/2.2/3.0 packages into a new bank directory")
    p.add_argument("packages", type=Path, nargs="+", metavar="PACKAGE")
    p.add_argument("--program", choices=sorted(PROGRAMS), required=True)
    p.add_argument("--lang", choices=LANGUAGES, help="language of items without xml:lang")
    p.add_argument("--section", help="section code for items in no assessmentSection")
    p.add_argument("--bank-id", help="default: the --out folder's name")
    p.add_argument("--version", help="default: the date and time of the import")
    p.add_argument("--out", type=Path, required=True, metavar="BANK_DIR")
    p = sub.add_parser("validate", help="can this bank serve its program in every language?")
    p.add_argument("bank", type=Path, metavar="BANK_DIR")
    p = sub.add_parser("pack", help="seal a bank for one hall and sign it as the authority")
    p.add_argument("bank", type=Path, metavar="BANK_DIR")
    p.add_argument("--authority-key", type=Path, required=True)
    p.add_argument("--hall-pub", type=Path, required=True, help="the hall's hall-box.pub")
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("inspect", help="print a package's clear metadata")
    p.add_argument("package", type=Path)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("verify", help="check a package's signature (and that it opens)")
    p.add_argument("package", type=Path)
    p.add_argument("--authority-pub", type=Path, required=True)
    p.add_argument("--hall-key", type=Path, help="the hall's hall-box.key: also decrypt")
    p = sub.add_parser("stats", help="item statistics from result records, as CSV")
    p.add_argument("bank", type=Path, metavar="BANK_DIR")
    p.add_argument("results", type=Path, nargs="+", help="result record files (.json, .jsonl)")
    p.add_argument("--out", type=Path, help="CSV file (default: standard output)")
    return parser


def _keygen(args: argparse.Namespace) -> int:
    if args.kind == "hall":
        generate_hall_keys(args.out)
        print(f"hall keys written to {args.out}: hall-sign.key/.pub, hall-box.key/.pub")
    else:
        generate_authority_key(args.out)
        print(f"authority key written to {args.out}: authority.key/.pub")
    return 0


def _import(args: argparse.Namespace) -> int:
    started = time.monotonic()
    try:
        bank = import_qti(
            args.packages,
            program_code=args.program,
            out=args.out,
            lang=args.lang,
            section=args.section,
            bank_id=args.bank_id,
            version=args.version,
            progress=_progress,
        )
    except ImportFailed as failed:
        for problem in failed.problems:
            print(problem)
        print(
            f"qbank import-qti: {len(failed.problems)} problem(s); nothing was written. Fix "
            "the files named above and import again.",
            file=sys.stderr,
        )
        return 1
    langs = ", ".join(sorted(bank.languages()))
    print(
        f"{args.out}: bank {bank.bank_id} {bank.version}, {bank.program}, {len(bank.items)} "
        f"questions in {langs} ({time.monotonic() - started:.1f} s)"
    )
    return 0


def _validate(args: argparse.Namespace) -> int:
    bank = read_bank(args.bank)
    media = read_media(args.bank)
    problems = validate_bank(bank, media.__contains__)
    for problem in problems:
        print(problem)
    if problems:
        print(f"qbank validate: {len(problems)} problem(s) in {args.bank}", file=sys.stderr)
        return 1
    print(f"{args.bank}: {bank.program} can be served in {', '.join(sorted(bank.languages()))}")
    return 0


def _pack(args: argparse.Namespace) -> int:
    bank = read_bank(args.bank)
    media = read_media(args.bank)
    problems = validate_bank(bank, media.__contains__)
    if problems:
        for problem in problems:
            print(problem)
        print(
            f"qbank pack: {len(problems)} problem(s); a bank that does not validate is not packed",
            file=sys.stderr,
        )
        return 1
    _progress(f"sealing {len(bank.items)} questions and {len(media)} media files")
    data = seal(
        bank,
        media,
        authority=load_signing_key(args.authority_key),
        hall=load_box_public(args.hall_pub),
    )
    write_package(data, args.out)
    print(f"{args.out}: {bank.bank_id} {bank.version} ({len(data)} bytes)")
    return 0


def _inspect(args: argparse.Namespace) -> int:
    meta = read_metadata(args.package.read_bytes())
    if args.json:
        print(json.dumps(meta, ensure_ascii=False, indent=2))
        return 0
    print(
        f"bank {meta['bank_id']} version {meta['version']} ({meta['program']}), "
        f"{meta['items']} questions, created {meta['created_at']}"
    )
    for section, per in meta["counts"].items():
        print(f"  {section}: " + ", ".join(f"{lang} {n}" for lang, n in sorted(per.items())))
    return 0


def _verify(args: argparse.Namespace) -> int:
    data = args.package.read_bytes()
    authority = load_verify_key(args.authority_pub)
    if args.hall_key:
        opened = open_package(data, authority=authority, hall_key=load_box_key(args.hall_key))
        meta = opened.metadata
    else:
        meta = verify(data, authority)
    print(f"{args.package}: good package {meta['bank_id']} {meta['version']}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    bank = read_bank(args.bank)
    rows = item_statistics(bank, load_results(args.results))
    if args.out:
        with open(args.out, "w", newline="", encoding="utf-8") as fh:
            write_csv(rows, bank, fh)
        print(f"{args.out}: {len(rows)} item rows")
    else:
        write_csv(rows, bank, sys.stdout)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "keygen": _keygen,
    "import-qti": _import,
    "validate": _validate,
    "pack": _pack,
    "inspect": _inspect,
    "verify": _verify,
    "stats": _stats,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except PackageError as exc:
        print(f"qbank {args.command}: {getattr(args, 'package', '')}: {exc}", file=sys.stderr)
        return 1
    except (KeyFileError, BankError, FileExistsError) as exc:
        print(f"qbank {args.command}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"qbank {args.command}: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
