"""The reader on real pseudo-terminals and on pyserial's loop:// port."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import serial

from hardware.clock import FakeClock
from hardware.detector import DetectorEvent, EventKind
from hardware.detector.protocols import PROTOCOLS
from hardware.detector.reader import DetectorReader, ReaderState
from hardware.detector.simulator import LineSimulator
from tests.hall import wait_until


class Collected:
    def __init__(self) -> None:
        self.events: list[DetectorEvent] = []
        self._lock = threading.Lock()

    def __call__(self, event: DetectorEvent) -> None:
        with self._lock:
            self.events.append(event)

    def kinds(self) -> list[EventKind]:
        with self._lock:
            return [e.kind for e in self.events]


@pytest.fixture
def sim() -> Iterator[LineSimulator]:
    simulator = LineSimulator()
    yield simulator
    simulator.unplug()


def connected(reader: DetectorReader) -> None:
    wait_until(lambda: reader.status.state is ReaderState.CONNECTED, what="the reader to connect")


def test_events_partial_frames_and_garbage_on_a_pty(sim: LineSimulator) -> None:
    got = Collected()
    reader = DetectorReader(sim.path, "line", on_event=got).start()
    try:
        connected(reader)
        sim.hello()
        sim.raw(b"2 PA")
        sim.raw(b"SS\r")
        sim.raw(b"\n")
        sim.seq = 2
        sim.raw(b"\x00\x01garbage *ZZ\r\n3 ALARM zones=9 *00\r\n")
        sim.seq = 3
        sim.alarm((1, 4), 90)
        # The skipped frame 3 is a gap: the reader asks for STATUS, which arrives fourth.
        wait_until(lambda: len(got.events) == 4, what="four events")
        assert got.kinds() == [EventKind.HELLO, EventKind.PASS, EventKind.ALARM, EventKind.STATUS]
        assert got.events[2].zones == (1, 4) and reader.status.parse_errors == 2
    finally:
        reader.stop()


def test_what_the_reader_reads_is_stamped_with_the_clock_it_is_given(sim: LineSimulator) -> None:
    clock = FakeClock(datetime(2026, 3, 10, 4, 0, tzinfo=UTC))
    got = Collected()
    reader = DetectorReader(sim.path, "line", on_event=got, clock=clock.now).start()
    try:
        connected(reader)
        assert reader.status.since == clock.now()
        clock.advance(timedelta(minutes=7))
        sim.pass_()
        wait_until(lambda: len(got.events) == 1, what="the transit")
        assert got.events[0].received_at == clock.now() == reader.status.last_event_at
    finally:
        reader.stop()


def test_a_protocol_the_reader_does_not_speak_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="unknown detector protocol 'smoke'; known: line, relay"):
        DetectorReader("/dev/null", "smoke", on_event=Collected())
    assert list(PROTOCOLS) == ["line", "relay"]


def test_unplug_and_replug_by_the_same_path(tmp_path: Path) -> None:
    """The configured path is a link (as /dev/serial/by-id is); a replug points it anew."""
    first, link = LineSimulator(), tmp_path / "detector"
    link.symlink_to(first.path)
    got = Collected()
    reader = DetectorReader(str(link), "line", on_event=got, backoff_max=0.2).start()
    second = None
    try:
        connected(reader)
        first.pass_()
        wait_until(lambda: len(got.events) == 1)
        first.unplug()
        wait_until(
            lambda: reader.status.disconnects == 1,
            what=lambda: f"the unplug noticed (the reader then: {reader.status})",
        )
        second = LineSimulator()
        link.unlink()
        link.symlink_to(second.path)
        connected(reader)
        second.hello()
        second.pass_()
        wait_until(lambda: len(got.events) == 3, what="events after the replug")
        assert got.kinds() == [EventKind.PASS, EventKind.HELLO, EventKind.PASS]
    finally:
        reader.stop()
        if second is not None:
            second.unplug()


def test_sequence_gap_asks_for_status_and_reconciles_counters(sim: LineSimulator) -> None:
    got = Collected()
    reader = DetectorReader(sim.path, "line", on_event=got).start()
    try:
        connected(reader)
        sim.status()
        sim.pass_()
        sim.lose(frames=2, transits=2)  # two transits the line ate
        sim.pass_()
        wait_until(lambda: sim.requests == 1, what="a STATUS? request after the gap")
        wait_until(lambda: got.kinds().count(EventKind.STATUS) == 2, what="the answered STATUS")
        assert reader.status.gaps == 1 and reader.status.missing_transits == 2
    finally:
        reader.stop()


def test_silent_device_is_asked_then_reconnected(sim: LineSimulator) -> None:
    reader = DetectorReader(sim.path, "line", on_event=Collected(), silence_seconds=0.3).start()
    try:
        connected(reader)
        wait_until(lambda: sim.requests >= 1, what="a STATUS? request to the silent device")
    finally:
        reader.stop()


class CountingLoop:
    """pyserial's loop:// port (RTS drives CTS, DTR drives DSR), counting the reader's polls."""

    def __init__(self) -> None:
        self.port = serial.serial_for_url("loop://", timeout=0.1)
        self.port.rts = self.port.dtr = False  # pyserial asserts both on open: idle them
        self.polls = 0

    @property
    def cts(self) -> bool:
        return bool(self.port.cts)

    @property
    def dsr(self) -> bool:
        self.polls += 1
        return bool(self.port.dsr)

    def close(self) -> None:
        self.port.close()

    def set(self, *, alarm: bool | None = None, transit: bool | None = None) -> None:
        before = self.polls
        if alarm is not None:
            self.port.rts = alarm
        if transit is not None:
            self.port.dtr = transit
        wait_until(lambda: self.polls >= before + 2, what="the reader to see the lines")


def test_relay_pulses_become_pass_and_alarm_events() -> None:
    loop, got = CountingLoop(), Collected()

    def opener(*_a: Any, **_k: Any) -> CountingLoop:
        return loop

    reader = DetectorReader("loop://", "relay", on_event=got, opener=opener).start()
    try:
        connected(reader)
        loop.set(transit=True)
        loop.set(transit=False)  # a clean transit
        loop.set(transit=True)
        loop.set(alarm=True)  # the alarm relay closes during the pulse
        loop.set(alarm=False)
        loop.set(transit=False)
        loop.set(alarm=True)  # an alarm with nobody passing is not a transit
        loop.set(alarm=False)
        wait_until(lambda: len(got.events) == 2)
        assert got.kinds() == [EventKind.PASS, EventKind.ALARM]
        assert [e.sequence for e in got.events] == [1, 2]
    finally:
        reader.stop()


def test_read_command_prints_json_lines_through_garbage(sim: LineSimulator) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hardware.detector",
            "read",
            "--port",
            sim.path,
            "--protocol",
            "line",
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None and proc.stdout is not None
        assert "detector connected" in proc.stderr.readline()
        sim.hello()
        sim.raw(b"garbage\r\n")
        sim.alarm((3,), 55)
        lines = [json.loads(proc.stdout.readline()) for _ in range(2)]
        assert [line["kind"] for line in lines] == ["hello", "alarm"]
        assert lines[1]["zones"] == [3] and lines[1]["raw"].startswith("2 ALARM")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()


def test_simulate_command_prints_a_device_that_speaks_the_protocol() -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hardware.detector",
            "simulate",
            "--protocol",
            "line",
            "--script",
            "hello,pass,alarm:1+4:80",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        path = proc.stdout.readline().strip()
        assert os.path.exists(path)
        with serial.Serial(path, timeout=5) as port:
            lines = [port.readline() for _ in range(3)]
            port.write(b"STATUS?\r\n")
            lines.append(port.readline())
        assert lines[0].startswith(b"1 HELLO model=")
        assert lines[2].startswith(b"3 ALARM zones=1,4 level=80 *")
        assert lines[3].startswith(b"4 STATUS transits=2 alarms=1")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


class Plugged:
    """What pyserial's comports() reports for one USB adapter."""

    def __init__(self, device: str, serial_number: str) -> None:
        self.device, self.serial_number = device, serial_number


def test_the_adapter_is_found_by_its_usb_serial_number_wherever_it_is_plugged() -> None:
    first, second = LineSimulator(), LineSimulator()
    plugged = [Plugged("/dev/ttyS0", "OTHER"), Plugged(first.path, "FT4XQ2")]
    got = Collected()
    reader = DetectorReader(
        "usb-serial:FT4XQ2", "line", on_event=got, backoff_max=0.2, ports=lambda: list(plugged)
    ).start()
    try:
        connected(reader)
        first.pass_()
        wait_until(lambda: len(got.events) == 1)
        first.unplug()
        plugged[1] = Plugged(second.path, "FT4XQ2")  # replugged into another socket
        wait_until(lambda: reader.status.disconnects == 1, what="the unplug noticed")
        connected(reader)
        second.pass_()
        wait_until(lambda: len(got.events) == 2, what="an event from the new socket")
    finally:
        reader.stop()
        second.unplug()


def test_a_missing_adapter_is_named() -> None:
    from hardware.detector.reader import resolve_port

    with pytest.raises(serial.SerialException, match="serial number NOPE"):
        resolve_port("usb-serial:NOPE", lambda: [Plugged("/dev/ttyUSB0", "FT4XQ2")])
    assert resolve_port("/dev/ttyUSB3") == "/dev/ttyUSB3"
