"""A simulated `line` detector on a new pseudo-terminal: for demos, installation checks, tests."""

from __future__ import annotations

import contextlib
import os
import select
import threading
import tty

from hardware.detector.line import STATUS_REQUEST, frame, next_seq


class LineSimulator:
    """Speaks the line protocol on the master side of a pty; the reader opens `path`."""

    def __init__(
        self, *, model: str = "WTMD-6", serial_number: str = "SIM0001", with_checksum: bool = True
    ) -> None:
        self._master, slave = os.openpty()
        tty.setraw(slave)
        self.path = os.ttyname(slave)
        # Only the master is kept: the line reads as hung up until a reader opens the device.
        os.close(slave)
        self.seq = 0
        self.transits = 0
        self.alarms = 0
        self._checksum = with_checksum
        self._model, self._serial = model, serial_number
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self.requests = 0
        self._listener = threading.Thread(target=self._answer, name="detector-sim", daemon=True)
        self._listener.start()

    def _send(self, kind: str, fields: dict[str, str] | None = None) -> bytes:
        with self._lock:
            self.seq = next_seq(self.seq)
            data = frame(self.seq, kind, fields, with_checksum=self._checksum)
            os.write(self._master, data)
            return data

    def hello(self) -> bytes:
        return self._send("HELLO", {"model": self._model, "serial": self._serial, "fw": "2.1"})

    def pass_(self) -> bytes:
        self.transits += 1
        return self._send("PASS")

    def alarm(self, zones: tuple[int, ...] = (2, 3), level: int = 72) -> bytes:
        self.transits += 1
        self.alarms += 1
        return self._send("ALARM", {"zones": ",".join(map(str, zones)), "level": str(level)})

    def status(self) -> bytes:
        return self._send("STATUS", {"transits": str(self.transits), "alarms": str(self.alarms)})

    def fault(self, code: str = "E12", text: str = "coil 3 open") -> bytes:
        return self._send("FAULT", {"code": code, "text": text})

    def tamper(self) -> bytes:
        return self._send("TAMPER")

    def lose(self, frames: int = 1, transits: int = 0) -> None:
        """Frames the line ate: the sequence moves on, the device's counters too."""
        with self._lock:
            for _ in range(frames):
                self.seq = next_seq(self.seq)
        self.transits += transits

    def raw(self, data: bytes) -> None:
        os.write(self._master, data)

    def _answer(self) -> None:
        # select with a timeout, never a blocking read: a read in flight would keep the master
        # open after unplug(), and the reader would never see the line drop.
        buffer = b""
        while not self._closed.is_set():
            try:
                ready, _, _ = select.select([self._master], [], [], 0.05)
                data = os.read(self._master, 256) if ready else b""
            except (OSError, ValueError):
                if self._closed.wait(0.05):
                    return
                continue  # no reader has the port open yet
            buffer += data
            while STATUS_REQUEST in buffer:
                buffer = buffer.replace(STATUS_REQUEST, b"", 1)
                self.requests += 1
                self.status()

    def wait_for_reader(self, timeout: float) -> bool:
        """True once some process has the device open (the master stops reporting a hang-up)."""
        poller = select.poll()
        poller.register(self._master, select.POLLHUP)
        for _ in range(max(1, int(timeout / 0.05))):
            if not any(ev & select.POLLHUP for _fd, ev in poller.poll(50)):
                return True
            self._closed.wait(0.05)
        return False

    def unplug(self) -> None:
        """Closes the master: the reader sees the device vanish."""
        self._closed.set()
        self._listener.join(timeout=5)
        with contextlib.suppress(OSError):
            os.close(self._master)

    close = unplug
