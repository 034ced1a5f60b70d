"""A TCP gate in front of a server: open, it forwards every connection; closed, it refuses new
ones and cuts those open, as a server that has stopped does. Tests put it between the room
server and PostgreSQL to take the database away and give it back."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from types import TracebackType


class TcpGate:
    def __init__(self, host: str, port: int) -> None:
        self._target = (host, port)
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._open: set[socket.socket] = set()
        self._pumps: list[threading.Thread] = []
        self.port = 0

    def __enter__(self) -> TcpGate:
        self.open()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def open(self) -> None:
        """Listens (on the same port as before, once it has one) and forwards."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        with self._lock:
            self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def close(self) -> None:
        """Refuses new connections and resets every open one."""
        with self._lock:
            listener, self._listener = self._listener, None
            cut, self._open = self._open, set()
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        for sock in cut:
            with contextlib.suppress(OSError):
                # A reset, not a polite close: the peer learns at once that the link is gone.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.shutdown(socket.SHUT_RD)  # wakes the pump waiting on it
        with self._lock:
            pumps, self._pumps = self._pumps, []
        for pump in pumps:
            pump.join(timeout=5)
        for sock in cut:
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        with self._lock:
            self._pumps.append(threading.current_thread())
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # closed
            try:
                upstream = socket.create_connection(self._target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not listener:
                    client.close()
                    upstream.close()
                    return
                self._open.update((client, upstream))
                pumps = [
                    threading.Thread(target=self._pump, args=(a, b), daemon=True)
                    for a, b in ((client, upstream), (upstream, client))
                ]
                self._pumps += pumps
            for pump in pumps:
                pump.start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class HeldPort:
    """A loopback port held for the test, so that nothing else takes it: bound but not listening,
    so a connection there is refused, as where no server runs, until a server listens on it
    (`ServerThread(app, sock=held.socket())`; it then stays listening until `close`)."""

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self.port: int = self._sock.getsockname()[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def socket(self) -> socket.socket:
        """The port's socket for a server to listen on and close (the port stays held)."""
        return self._sock.dup()

    def close(self) -> None:
        self._sock.close()
