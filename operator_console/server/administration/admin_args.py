"""The arguments of `operator-console admin`: parsed without loading the room server, so the
command's help and its mistakes are answered on any machine of the hall."""

from __future__ import annotations

import argparse
from pathlib import Path

from operator_console.protocol.values import Role
from operator_console.server.reports.report_texts import LANGUAGES


def add_admin(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("admin", help="users, kiosk enrollment codes, roster import, bank loading")
    p.add_argument("--config", type=Path, help="hall.toml")
    admin = p.add_subparsers(dest="admin_command", required=True)
    user = admin.add_parser("create-user", help="add an administrator, operator or proctor")
    user.add_argument("--username", required=True)
    user.add_argument("--role", choices=[r.value for r in Role], required=True)
    user.add_argument("--full-name", default="")
    user.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of asking",
    )
    code = admin.add_parser("enrollment-code", help="a one-time code that enrolls a seat's kiosk")
    code.add_argument("--seat", required=True)
    imp = admin.add_parser("import-roster", help="import a roster file signed by the authority")
    imp.add_argument("file", type=Path)
    bank = admin.add_parser("load-bank", help="check a bank package and add it to this hall")
    bank.add_argument("package", type=Path)
    export = admin.add_parser(
        "export-offline", help="every undelivered result and verdict, signed, to carry upstream"
    )
    export.add_argument("--out", type=Path, required=True)
    admin.add_parser("migrate", help="bring the database to this version's schema")
    back = admin.add_parser("backup", help="a consistent copy of the database, old ones pruned")
    back.add_argument("--dir", type=Path, required=True, help="where backups are kept")
    back.add_argument("--keep-days", type=int, default=14, help="remove backups older than this")
    rest = admin.add_parser(
        "restore", help="put a backup back in place of the database (stop the room server first)"
    )
    rest.add_argument("file", type=Path)
    rep = admin.add_parser("report", help="the session report as PDF (and its results as CSV)")
    rep.add_argument("--session", required=True, help="the session's id")
    rep.add_argument("--out", type=Path, required=True, help="the PDF to write")
    rep.add_argument("--csv", type=Path, help="also write the results as CSV here")
    rep.add_argument("--language", choices=LANGUAGES, default="kk", help="kk (default), ru or en")
    check = admin.add_parser(
        "verify-audit",
        help="check the audit chain, and its head against what the central system acknowledged",
    )
    check.add_argument(
        "--offline", action="store_true", help="do not ask the central system to confirm the head"
    )
