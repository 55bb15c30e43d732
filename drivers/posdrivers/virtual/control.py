"""The virtual printer's control channel: a second loopback TCP port with a one-line text protocol.

Send one command per line (UTF-8, ``\\n``-terminated); each gets one reply line starting with ``OK``
or ``ERR``. Several commands may share a connection. Commands (case-insensitive)::

    PING                      OK pong
    FAULT <name>              OK fault=<name>      simulate a fault (posdrivers.virtual.faults); FAULT none clears
    DRAWER open|closed        OK drawer=<state>    set the cash drawer sensor
    STATUS                    OK fault=<name> drawer=<open|closed> jobs=<count> port=<printer port>
    JOBS                      OK <count>
    LAST                      OK <number> <path of job-NNNN.txt>   (ERR when no job yet)
    WAIT <n> [seconds]        OK <n> <path of job-n.txt> once job n is stored (ERR after seconds, default 10)

From a shell: ``printf 'FAULT paper_out\\n' | nc 127.0.0.1 9101``; from Python: :func:`send_control`.
"""

from __future__ import annotations

import socket
import threading
from typing import Any

from posdrivers.virtual.faults import FAULTS

TICK = 0.05


def send_control(address: tuple[str, int], command: str, timeout: float = 5.0) -> str:
    """Send one command to a virtual printer's control port and return its reply line."""
    with socket.create_connection(address, timeout=timeout) as sock:
        sock.sendall(command.strip().encode("utf-8") + b"\n")
        reply = sock.makefile("rb").readline()
    return reply.decode("utf-8").strip()


def execute(printer: Any, line: str) -> str:
    """Run one command line against ``printer`` (a VirtualPrinter) and return the reply line."""
    words = line.split()
    if not words:
        return "ERR empty command: send PING, FAULT, DRAWER, STATUS, JOBS, LAST or WAIT"
    command, args = words[0].upper(), words[1:]
    if command == "PING":
        return "OK pong"
    if command == "FAULT" and len(args) == 1 and args[0].lower() in FAULTS:
        printer.set_fault(args[0].lower())
        return f"OK fault={printer.fault}"
    if command == "FAULT":
        return f"ERR FAULT needs one of: {' '.join(FAULTS)}"
    if command == "DRAWER" and len(args) == 1 and args[0].lower() in ("open", "closed"):
        printer.set_drawer(args[0].lower() == "open")
        return f"OK drawer={args[0].lower()}"
    if command == "DRAWER":
        return "ERR DRAWER needs open or closed"
    jobs = printer.jobs
    if command == "STATUS":
        drawer = "open" if printer.drawer_open else "closed"
        return f"OK fault={printer.fault} drawer={drawer} jobs={len(jobs)} port={printer.port}"
    if command == "JOBS":
        return f"OK {len(jobs)}"
    if command == "LAST":
        return f"OK {jobs[-1].number} {jobs[-1].txt_path}" if jobs else "ERR no job received yet"
    if command == "WAIT" and 1 <= len(args) <= 2 and all(_is_number(a) for a in args):
        try:
            job = printer.wait_for_job(int(float(args[0])), float(args[1]) if len(args) > 1 else 10.0)
        except TimeoutError as exc:
            return f"ERR {exc}"
        return f"OK {job.number} {job.txt_path}"
    return f"ERR unknown command {command!r}: send PING, FAULT, DRAWER, STATUS, JOBS, LAST or WAIT"


def _is_number(text: str) -> bool:
    try:
        return float(text) > 0
    except ValueError:
        return False


class ControlServer:
    """Serves :func:`execute` on ``host:port`` (port 0 picks a free one)."""

    def __init__(self, printer: Any, host: str = "127.0.0.1", port: int = 0) -> None:
        self.printer = printer
        self._requested = (host, port)
        self._sock: socket.socket | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        assert self._sock is not None, "control server not started"
        host, port = self._sock.getsockname()[:2]
        return host, port

    def start(self) -> None:
        self._sock = socket.create_server(self._requested, reuse_port=False)
        self._sock.settimeout(TICK)
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="virtual printer control", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def _loop(self) -> None:
        assert self._sock is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            with conn:
                self._session(conn)

    def _session(self, conn: socket.socket) -> None:
        conn.settimeout(30.0)
        try:
            for raw in conn.makefile("rb"):
                conn.sendall(execute(self.printer, raw.decode("utf-8", "replace")).encode("utf-8") + b"\n")
        except OSError:
            pass
