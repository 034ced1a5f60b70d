"""`operator-console`: the room server, the demo, the upstream stub and hall administration."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.logs import also_to_stderr, fail, setup_logging
from operator_console.server.administration.admin_args import add_admin
from operator_console.server.config import StartupError, load_config


def _add_serve(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="run the room server (API, sync worker, detector reader)")
    p.add_argument("--config", type=Path, help="hall.toml (default: settings from HALL_* only)")


def _add_demo(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="the embedded default: everything on this machine")
    p.add_argument("--headless", action="store_true", help="scripted candidates, no windows")
    p.add_argument("--candidates", type=int, default=3, help="how many candidates (headless)")
    p.add_argument("--kiosks", type=int, default=1, help="how many kiosk windows to open")
    p.add_argument("--upstream", help="URL of a central system instead of the built-in stub")
    p.add_argument("--keys", type=Path, help="directory holding the hall's keys")
    p.add_argument("--hall-id", default="demo-hall")
    p.add_argument(
        "--timeout", type=float, default=120.0, help="seconds to wait for upstream acknowledgements"
    )
    p.add_argument(
        "--report", type=Path, metavar="FILE.pdf", help="also write the session's report (headless)"
    )
    p.add_argument(
        "--language", choices=("kk", "ru", "en"), default="kk", help="the report's language"
    )


def _add_stub(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("upstream-stub", help="the reference central-system receiver")
    p.add_argument("--listen", required=True, help="HOST:PORT")
    p.add_argument("--data", type=Path, required=True, help="directory for keys and records")
    p.add_argument(
        "--register-hall",
        action="append",
        default=[],
        metavar="ID=PUB",
        help="accept hall ID, whose hall-sign.pub is the file PUB",
    )
    p.add_argument(
        "--sample-roster",
        type=int,
        default=0,
        metavar="N",
        help="serve a sample roster of N candidates today for each registered hall",
    )
    p.add_argument("--fail-first", type=int, default=0, help="answer 503 to the first N PUTs")
    p.add_argument(
        "--lose-ack-every", type=int, default=0, help="store every N-th PUT but answer 503"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="operator-console",
        description="Testing hall: with no command, opens the operator console window.",
    )
    parser.add_argument("--server", help="the room server's URL (over console.toml)")
    parser.add_argument(
        "--config", dest="console_config", type=Path, help="console.toml (default: the user's)"
    )
    sub = parser.add_subparsers(dest="command")
    _add_serve(sub)
    _add_demo(sub)
    _add_stub(sub)
    add_admin(sub)
    return parser


def _listen(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit():
        raise StartupError(f"--listen: expected HOST:PORT, got {value!r}")
    return host.strip("[]"), int(port)


def serve(args: argparse.Namespace) -> int:
    from operator_console.server.app import create_app
    from operator_console.server.runtime import HallRuntime
    from operator_console.server.serve import serve_forever

    log = setup_logging("room-server")
    try:
        config = load_config(args.config)
        runtime = HallRuntime(config)
    except StartupError as exc:
        return fail("operator-console serve", str(exc), log)
    also_to_stderr()
    server = config.server
    tls = (server.tls_cert, server.tls_key) if server.tls_cert and server.tls_key else None
    serve_forever(
        create_app(runtime, settle=True),
        server.host,
        server.port,
        tls,
        trusted_proxies=config.server.trusted_proxies,
    )
    return 0


def demo(args: argparse.Namespace) -> int:
    from operator_console.core.desk import NoSession
    from operator_console.demo.hall import DemoSettings
    from operator_console.demo.headless import run_headless

    log = setup_logging("demo")
    if args.candidates < 1:
        return fail("operator-console demo", "--candidates must be at least 1", log)
    with tempfile.TemporaryDirectory(prefix="hall-demo-") as work:
        settings = DemoSettings(
            workdir=Path(work),
            hall_id=args.hall_id,
            upstream_url=args.upstream,
            keys_dir=args.keys,
            settle_heap=True,
        )
        try:
            if args.headless:
                return run_headless(
                    settings,
                    args.candidates,
                    timeout=args.timeout,
                    report_pdf=args.report,
                    language=args.language,
                )
            if args.kiosks < 1:
                return fail("operator-console demo", "--kiosks must be at least 1", log)
            from operator_console.demo.windows import run_windowed

            return run_windowed(settings, args.kiosks)
        except StartupError as exc:
            return fail("operator-console demo", str(exc), log)
        except ServerRefused as exc:  # a roster the hall refused, a session that will not start
            return fail("operator-console demo", f"the room server refused: {exc.detail}", log)
        except NoSession as exc:
            return fail("operator-console demo", str(exc), log)
        except KeyboardInterrupt:
            return 0
    return 0


def console(args: argparse.Namespace) -> int:
    """The console window: sign in, then the desk, the live hall and the history."""
    from operator_console.core.settings import load_console_config

    log = setup_logging("console")
    try:
        config = load_console_config(args.console_config)
        if args.server:
            config = config.model_copy(
                update={"console": config.console.model_copy(update={"server": args.server})}
            )
    except StartupError as exc:
        return fail("operator-console", str(exc), log)
    try:
        from operator_console.ui.app import run_console
    except ImportError as exc:  # the room server's package carries no Qt
        return fail(
            "operator-console",
            f"this machine has no console window ({exc.name} is not installed): install the "
            "testing-hall-console package, or open the console on an operator's machine",
            log,
        )
    return run_console(config)


def hall_user() -> str:
    from operator_console.demo.hall import DEMO_PASSWORD, DEMO_USER

    return f"{DEMO_USER} / {DEMO_PASSWORD}"


def upstream_stub(args: argparse.Namespace) -> int:
    from operator_console.central.samples import sample_roster
    from operator_console.central.store import StubStore
    from operator_console.central.stub import FaultPlan, create_stub_app
    from operator_console.server.serve import serve_forever

    log = setup_logging("upstream-stub", directory=args.data / "logs")
    try:
        host, port = _listen(args.listen)
        store = StubStore(args.data)
        for spec in args.register_hall:
            hall_id, sep, pub = spec.partition("=")
            if not sep:
                raise StartupError(f"--register-hall: expected ID=PUBFILE, got {spec!r}")
            try:
                store.register_hall(hall_id, Path(pub).read_bytes())
            except OSError as exc:
                raise StartupError(f"--register-hall: cannot read {pub}: {exc.strerror}") from exc
            if args.sample_roster:
                now = datetime.now(UTC)
                from datetime import timedelta
                from zoneinfo import ZoneInfo

                day = now.astimezone(ZoneInfo("Asia/Almaty")).date()
                store.put_roster(
                    sample_roster(
                        hall_id,
                        day,
                        args.sample_roster,
                        starts_at=now + timedelta(minutes=30),
                        now=now,
                    )
                )
    except (StartupError, OSError) as exc:
        return fail("operator-console upstream-stub", str(exc), log)
    also_to_stderr()
    faults = FaultPlan(fail_first=args.fail_first, lose_ack_every=args.lose_ack_every)
    serve_forever(create_stub_app(store, faults), host, port)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return console(args)
    if args.command == "admin":
        from operator_console.server.administration.admin import run_admin

        return run_admin(args)
    handlers = {"serve": serve, "demo": demo, "upstream-stub": upstream_stub}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
