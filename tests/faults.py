"""Real faults for the tests: a Redis server of the test's own that can be paused, stalled and
stopped. Never a mock: the code under test meets the same errors it meets in production.

The server is a child process on a free port, so a fault made here touches no other test run
on the machine (CI runs two suites side by side, against the machine's shared Redis).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """``redis-server`` on 127.0.0.1 on a port of its own.

    - ``pause(ms)``: ``CLIENT PAUSE ms ALL``, Redis answering no client for that long;
    - ``stall()`` / ``resume()``: the process stopped (SIGSTOP) and continued: connections
      stay open and nothing answers, as when a host freezes;
    - ``stop()`` / ``start()``: killed (the port refuses connections), and started again on
      the same port, empty.
    """

    def __init__(self):
        self.port = free_port()
        self.folder = tempfile.mkdtemp(prefix="almene-test-redis-")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                self.folder,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.answers():
                return
            time.sleep(0.02)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def command(self, *parts: str) -> bytes:
        payload = f"*{len(parts)}\r\n" + "".join(f"${len(p)}\r\n{p}\r\n" for p in parts)
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
            sock.sendall(payload.encode())
            return sock.recv(4096)

    def pause(self, milliseconds: int) -> None:
        assert self.command("CLIENT", "PAUSE", str(milliseconds), "ALL").startswith(b"+OK")

    def stall(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None:
            os.kill(self.process.pid, signal.SIGCONT)  # a stalled server must be able to die
            self.process.kill()
            self.process.wait()
            self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def private_redis(settings):
    """The site's cache on a Redis server of this test's own (``PrivateRedis``), with the
    site's production options (short socket timeouts)."""
    from articles.caching import forget_local_state

    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    server = PrivateRedis()
    server.start()
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "articles.caching.redis.RedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "almene-fault",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
    }
    forget_local_state()
    try:
        yield server
    finally:
        server.close()
        forget_local_state()


class CuttableProxy:
    """A TCP proxy of the test's own in front of a server (PostgreSQL, say) on 127.0.0.1, on a
    port of its own, that the test can cut and restore: the process under test is pointed at
    the proxy's port, and the shared server itself is never touched.

    - ``cut()``: every connection through the proxy is closed at once, and the port refuses
      new ones, as when the database server goes down or restarts;
    - ``restore()``: the port takes connections again, passed on to the server.
    """

    def __init__(self, host: str, port: int):
        import threading

        self.target = (host, port)
        self.port = free_port()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None

    def start(self) -> None:
        import threading

        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    restore = start

    def _accept(self, listener: socket.socket) -> None:
        import threading

        while True:
            try:
                client, _ = listener.accept()
            except OSError:  # the listener was closed: cut
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                if self._listener is not listener:  # cut meanwhile
                    client.close()
                    server.close()
                    continue
                self._sockets |= {client, server}
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            self._drop(source, sink)

    def _drop(self, *sockets: socket.socket) -> None:
        import contextlib

        with self._lock:
            for each in sockets:
                self._sockets.discard(each)
                with contextlib.suppress(OSError):
                    each.shutdown(socket.SHUT_RDWR)
                each.close()

    def cut(self) -> None:
        import contextlib

        with self._lock:
            listener, self._listener = self._listener, None
            sockets, self._sockets = set(self._sockets), set()
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)  # wakes the thread waiting in accept()
            listener.close()
        self._drop(*sockets)

    close = cut
