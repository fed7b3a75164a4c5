"""What make bench, make audit and make cluster-test share: gunicorn serving the site for a
measurement (started in a process group of its own, waited for until it answers, stopped with
everything it started), wrk's script for many paths and the figures read from its output, and
the line that names the machine in their results."""

from __future__ import annotations

import datetime
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server for port {port} stopped at start")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


class Server:
    """gunicorn on 127.0.0.1:``port``, in a process group of its own. ``command`` replaces the
    usual one (the cluster runs its systemd unit's ExecStart, which binds by GUNICORN_BIND);
    ``output`` takes what it prints; ``wait=False`` returns before it answers (``wait()``)."""

    def __init__(
        self,
        app: str,
        port: int,
        env: dict[str, str],
        *,
        command: Sequence[str] | None = None,
        output=None,
        wait: bool = True,
        preexec_fn=None,
    ):
        self.port = port
        self.process = subprocess.Popen(
            command
            or [
                str(BIN / "gunicorn"),
                app,
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT if output is not None else None,
            preexec_fn=preexec_fn,
        )
        if wait:
            self.wait()

    def wait(self, seconds: float = 30) -> None:
        wait_for_port(self.port, self.process, seconds)

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def peak_memory_mb(self) -> float:
        peaks = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match[1]) / 1024)
        return max(peaks) if peaks else float("nan")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def lua_script(
    path: Path,
    paths: Sequence[str],
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    cookies: Sequence[str] = (),
    body: str = "",
    body_values: Sequence[int] = (),
) -> Path:
    """Writes to ``path`` a wrk script cycling through ``paths`` (and cookies, and POST bodies,
    whose ``%d`` takes each of ``body_values`` in turn)."""
    lines = [
        "local paths = {" + ",".join(f'"{each}"' for each in paths) + "}",
        "local cookies = {" + ",".join(f'"{cookie}"' for cookie in cookies) + "}",
        "local values = {" + ",".join(str(value) for value in body_values) + "}",
        "local i = 0",
        f'wrk.method = "{method}"',
        # Each thread starts at its own place in the list, so that the two never ask for the
        # same path at the same moment.
        "local threads = 0",
        "function setup(thread)",
        "  thread:set('offset', threads * math.floor(#paths / 2))",
        "  threads = threads + 1",
        "end",
    ]
    for name, value in (headers or {}).items():
        lines.append(f'wrk.headers["{name}"] = "{value}"')
    lines += [
        "request = function()",
        "  i = i + 1",
        "  local path = paths[((i + (offset or 0)) % #paths) + 1]",
        "  local headers = {}",
        "  for name, value in pairs(wrk.headers) do headers[name] = value end",
        "  if #cookies > 0 then headers['Cookie'] = cookies[(i % #cookies) + 1] end",
    ]
    if body:
        lines.append(f'  local body = string.format("{body}", values[(i % #values) + 1])')
    else:
        lines.append("  local body = nil")
    lines += ["  return wrk.format(nil, path, headers, body)", "end"]
    path.write_text("\n".join(lines) + "\n")
    return path


@dataclass
class WrkReport:
    """What ``wrk --latency`` printed: the rate, the latencies, and every kind of failure."""

    requests: int
    rps: float
    p50: float  # ms
    p99: float  # ms
    non_2xx_3xx: int
    connect_errors: int = 0
    read_errors: int = 0
    write_errors: int = 0
    timeouts: int = 0

    @classmethod
    def parse(cls, output: str) -> WrkReport:
        def latency(percentile: str) -> float:
            value, unit = re.search(rf"{percentile}%\s+([\d.]+)(us|ms|s)", output).groups()
            return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        # wrk prints this line only when there was a socket error.
        sockets = re.search(
            r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
        )
        connect, read, write, timeout = (int(n) for n in sockets.groups()) if sockets else (0,) * 4
        return cls(
            requests=int(re.search(r"(\d+) requests in", output)[1]),
            rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
            p50=latency("50"),
            p99=latency("99"),
            non_2xx_3xx=int(non_2xx[1]) if non_2xx else 0,
            connect_errors=connect,
            read_errors=read,
            write_errors=write,
            timeouts=timeout,
        )

    @property
    def socket_errors(self) -> int:
        return self.connect_errors + self.read_errors + self.write_errors + self.timeouts

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + self.socket_errors


def wrk_figures(output: str) -> tuple[float, float, float, int]:
    """(requests/s, p50 ms, p99 ms, errors) from what wrk --latency printed."""
    report = WrkReport.parse(output)
    return report.rps, report.p50, report.p99, report.errors


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}"


def conditions(sharing: str, load_at_start, load_at_end, note: str = "") -> list[str]:
    """The lines that open every results file: when, on what, and how busy the machine was
    (``sharing``: what else ran on it for the measurement)."""

    def load(values) -> str:
        return ", ".join(f"{value:.2f}" for value in values)

    return [
        f"- Date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Machine: {machine()}; {sharing}",
        f"- Load average (1, 5, 15 min) at the start: {load(load_at_start)}; at the end: "
        f"{load(load_at_end)}{note}",
    ]
