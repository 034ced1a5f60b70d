"""`python -m hardware.detector`: a simulated detector, or a reader for installation checks."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading

from hardware.detector import DetectorEvent
from hardware.detector.events import event_json
from hardware.detector.protocols import PROTOCOLS
from hardware.detector.reader import DetectorReader, ReaderStatus
from hardware.detector.simulator import LineSimulator

STEPS = "hello, pass, alarm[:Z+Z[:LEVEL]], status, fault[:CODE], tamper, garbage, lose[:N], wait:S"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hardware.detector", description="Metal-detector installation tools."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sim = sub.add_parser("simulate", help="a simulated detector on a new pseudo-terminal")
    sim.add_argument("--protocol", choices=list(PROTOCOLS), required=True)
    sim.add_argument(
        "--script",
        help=f"comma-separated steps: {STEPS}; default: read "
        "steps from standard input, one per line",
    )
    read = sub.add_parser("read", help="print each parsed detector event")
    read.add_argument("--port", required=True, help="device path, or usb-serial:SERIALNUMBER")
    read.add_argument("--protocol", choices=list(PROTOCOLS), required=True)
    read.add_argument("--baudrate", type=int, default=9600)
    read.add_argument("--json", action="store_true", help="one JSON object per line")
    return parser


def run_step(sim: LineSimulator, step: str, pause: threading.Event) -> None:
    name, _, arg = step.strip().partition(":")
    if name == "hello":
        sim.hello()
    elif name == "pass":
        sim.pass_()
    elif name == "alarm":
        zones, _, level = arg.partition(":")
        sim.alarm(
            tuple(int(z) for z in zones.split("+")) if zones else (2, 3),
            int(level) if level else 72,
        )
    elif name == "status":
        sim.status()
    elif name == "fault":
        sim.fault(arg or "E12")
    elif name == "tamper":
        sim.tamper()
    elif name == "garbage":
        sim.raw(b"\x00\xffnoise 17 PASS *ZZ\r\n")
    elif name == "lose":
        sim.lose(int(arg or 1))
    elif name in ("wait", "silence"):
        pause.wait(float(arg or 1))
    elif name:
        raise ValueError(f"unknown step {name!r}; steps: {STEPS}")


def simulate(args: argparse.Namespace) -> int:
    if args.protocol == "relay":
        print(
            "python -m hardware.detector simulate: a pseudo-terminal has no modem lines; the "
            "relay protocol is simulated in-process on pyserial's loop:// port",
            file=sys.stderr,
        )
        return 2
    sim = LineSimulator()
    print(sim.path, flush=True)
    pause = threading.Event()
    try:
        if args.script:
            # A real detector's frames before the host opens the port are lost; a script waits.
            sim.wait_for_reader(timeout=3600)
            pause.wait(0.3)  # the opener flushes its input buffer once it has the port
        steps = args.script.split(",") if args.script else (line for line in sys.stdin)
        for step in steps:
            run_step(sim, step, pause)
        if args.script:
            pause.wait()  # keep the device plugged in until interrupted
    except ValueError as exc:
        print(f"python -m hardware.detector simulate: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    finally:
        sim.unplug()
    return 0


def read(args: argparse.Namespace) -> int:
    def on_event(event: DetectorEvent) -> None:
        if args.json:
            print(json.dumps(event_json(event), ensure_ascii=False), flush=True)
        else:
            print(
                f"{event.received_at:%H:%M:%S} #{event.sequence} {event.kind.value} {event.fields}",
                flush=True,
            )

    def on_state(status: ReaderStatus) -> None:
        print(
            f"detector {status.state.value}"
            + (f": {status.last_error}" if status.last_error else ""),
            file=sys.stderr,
        )

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    reader = DetectorReader(
        args.port, args.protocol, baudrate=args.baudrate, on_event=on_event, on_state=on_state
    ).start()
    with contextlib.suppress(KeyboardInterrupt):
        done.wait()
    reader.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return simulate(args) if args.command == "simulate" else read(args)


if __name__ == "__main__":
    sys.exit(main())
