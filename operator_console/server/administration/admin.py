"""`operator-console admin`: users, kiosk enrollment codes, rosters and banks (server host)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import UTC, tzinfo
from pathlib import Path

from pydantic import ValidationError

from operator_console.protocol.logs import fail, setup_logging
from operator_console.protocol.roster import SignedRoster
from operator_console.server import auth
from operator_console.server.administration import audit_check
from operator_console.server.admission import roster
from operator_console.server.config import StartupError, load_config
from operator_console.server.errors import Refusal
from operator_console.server.reports.refusal_words import refusal_said
from operator_console.server.reports.report import results_csv
from operator_console.server.reports.report_pdf import ReportError, session_report
from operator_console.server.runtime import HallRuntime
from operator_console.server.seating import enrollment
from operator_console.server.upstream import offline
from question_banks.bank import BankError
from question_banks.package import PackageError, open_package, write_package


def _database_command(args: argparse.Namespace) -> None:
    """migrate, backup and restore: the database alone, without the rest of the hall."""
    from datetime import UTC, datetime

    from sqlalchemy import inspect

    from operator_console.server.administration import backup
    from operator_console.server.db import check_connection, make_engine, migrate

    config = load_config(args.config)
    url, schema = config.database_url, config.database.schema_name
    if args.admin_command == "backup":
        if not 1 <= args.keep_days <= 3650:
            raise StartupError("--keep-days: from 1 to 3650")
        now = datetime.now(UTC)
        made = backup.backup(url, args.dir, now, schema)
        removed = backup.prune(args.dir, args.keep_days, now)
        print(f"{made}: backed up; {len(removed)} older than {args.keep_days} days removed")
        return
    if args.admin_command == "restore":
        backup.restore(url, args.file, schema)
        print(f"{args.file}: restored; the room server migrates it when it starts")
        return
    engine = make_engine(url, schema)
    try:
        check_connection(engine)

        def revision() -> str | None:
            with engine.connect() as conn:
                if not inspect(conn).has_table("alembic_version"):
                    return None
                return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

        before = revision()
        migrate(engine)
        after = revision()
    finally:
        engine.dispose()
    if before == after:
        print(f"database at {after}: nothing to upgrade")
    else:
        print(f"database upgraded from {before or 'empty'} to {after}")


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Again: "):
        raise StartupError("the two passwords differ")
    return first


def _load_bank(runtime: HallRuntime, package: Path) -> None:
    data = package.read_bytes()
    opened = open_package(data, authority=runtime.keys.authority, hall_key=runtime.keys.box)
    bank = opened.bank
    write_package(data, bank.kept_at(runtime.config.banks_dir))
    print(
        f"bank {bank.bank_id} {bank.version} ({bank.program}, {len(bank.items)} questions) "
        f"added; restart the room server to serve it"
    )


def run_admin(args: argparse.Namespace) -> int:
    prog = f"operator-console admin {args.admin_command}"
    log = setup_logging("admin")
    if args.admin_command in ("migrate", "backup", "restore"):
        from operator_console.server.administration.backup import BackupError

        try:
            _database_command(args)
        except (StartupError, BackupError, OSError) as exc:
            return fail(prog, str(exc), log)
        return 0
    runtime: HallRuntime | None = None
    zone: tzinfo = UTC
    try:
        config = load_config(args.config)
        zone = config.zone
        runtime = HallRuntime(config)
        now = runtime.clock.now()
        if args.admin_command in ("report", "verify-audit"):
            reading, runtime = runtime, None  # it closes the runtime itself
            return _read_command(reading, args, prog, log)
        with runtime.tx() as db:
            if args.admin_command == "create-user":
                auth.create_user(
                    db,
                    username=args.username,
                    password=_password(args),
                    role=args.role,
                    now=now,
                    full_name=args.full_name,
                )
                print(f"user {args.username} ({args.role}) created")
            elif args.admin_command == "enrollment-code":
                view = enrollment.issue_code(
                    db, seat_code=args.seat, hall_id=runtime.hall_id, now=now, actor="admin-cli"
                )
                print(
                    f"seat {view.seat}: code {view.code} "
                    f"(valid until {view.expires_at:%Y-%m-%d %H:%M} UTC)"
                )
            elif args.admin_command == "import-roster":
                signed = SignedRoster.model_validate(json.loads(args.file.read_text("utf-8")))
                checked = roster.verified_roster(signed, runtime.keys.authority, runtime.hall_id)
                done = roster.import_roster(
                    db,
                    checked,
                    hall_name=runtime.config.hall.name,
                    zone=runtime.config.zone,
                    now=now,
                    actor="admin-cli",
                )
                print(f"roster imported: {done.sessions} sessions, {done.candidates} candidates")
            elif args.admin_command == "load-bank":
                _load_bank(runtime, args.package)
            elif args.admin_command == "export-offline":
                bundle = offline.bundle(
                    db, hall_id=runtime.hall_id, key=runtime.keys.sign, now=now, actor="admin-cli"
                )
                offline.write_bundle(bundle, args.out)
                print(
                    f"{args.out}: {len(bundle['bundle']['records'])} undelivered records, "
                    "signed by this hall"
                )
    except PackageError as exc:
        return fail(prog, f"{args.package}: {exc}", log)
    except (StartupError, ValueError, BankError, OSError) as exc:
        if isinstance(exc, ValidationError | json.JSONDecodeError):
            return fail(prog, f"{getattr(args, 'file', '')}: not a signed roster file", log)
        return fail(prog, str(exc), log)
    except Refusal as exc:
        return fail(prog, refusal_said(exc, zone=zone), log)
    finally:
        if runtime is not None:  # its database connections, the upstream link
            runtime.close()

    return 0


def _read_command(
    runtime: HallRuntime, args: argparse.Namespace, prog: str, log: Path | None
) -> int:
    """report and verify-audit: they read the hall and change nothing in it."""
    try:
        if args.admin_command == "report":
            pdf, data = session_report(runtime, args.session, language=args.language)
            write_package(pdf, args.out)
            if args.csv:
                write_package(results_csv(data).encode("utf-8"), args.csv)
            print(
                f"{args.out}: session {args.session}, {len(data.results)} results, "
                f"{len(pdf) // 1024} KiB" + (f"; {args.csv}: CSV" if args.csv else "")
            )
            return 0
        found = audit_check.check(runtime, ask_upstream=not args.offline)
        print(found.summary())
        return 0 if found.holds else 1
    except Refusal as exc:
        return fail(prog, refusal_said(exc, zone=runtime.config.zone), log)
    except (ReportError, OSError) as exc:
        return fail(prog, str(exc), log)
    finally:
        runtime.close()
