"""A virtual ESC/POS network printer on loopback, for the demo and the tests.

::

    with VirtualPrinter(jobs_dir=tmp_path) as vp:          # port 0: the OS picks a free port
        printer = Printer.from_url(vp.url, load_profile("epson-tm-t20iii"))
        printer.print_job(job_bytes)
        job = vp.wait_for_job(1)                             # job.text, job.png_path, job.data
        vp.set_fault("paper_out")                            # see posdrivers.virtual.faults

It answers ``DLE EOT n`` like an Epson printer, splits what it receives into jobs at each cut, at a
drawer kick sent on its own, and at the end of each connection, and stores every job as
``job-NNNN.bin/.txt/.png`` (see :mod:`.jobs`). Status requests are answered, not stored.
With ``control_port`` set, it also listens for one-line commands (see :mod:`.control`).
Without ``jobs_dir`` the jobs go to a temporary folder that ``stop()`` deletes.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Self

from posdrivers.escpos.profiles import PrinterProfile, load_profile
from posdrivers.virtual.control import ControlServer
from posdrivers.virtual.faults import DISCARDING, REALTIME_WHILE_OFFLINE, check_fault, reply_byte
from posdrivers.virtual.interpreter import Interpreter
from posdrivers.virtual.jobs import Job, JobStore
from posdrivers.virtual.ops import QUESTIONS, VISIBLE, Op

log = logging.getLogger(__name__)
TICK = 0.05


class VirtualPrinter:
    """Threaded TCP printer; every public method is safe to call from any thread."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        jobs_dir: str | Path | None = None,
        profile: PrinterProfile | None = None,
        control_port: int | None = None,
        slow_delay: float = 1.0,
    ) -> None:
        self.host = host
        self.port = port
        self.profile = profile or load_profile("epson-tm-t20iii")
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if jobs_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="virtual-printer-")
            jobs_dir = self._tmp.name
        self.store = JobStore(jobs_dir, self.profile)
        self.slow_delay = slow_delay
        self.fault = "none"
        self.drawer_open = False
        self.discarded = 0
        self._control = ControlServer(self, host, control_port) if control_port is not None else None
        self._listener: socket.socket | None = None
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    # --- life cycle ------------------------------------------------------------------------------

    def start(self) -> Self:
        self._stop.clear()
        self._listen()
        self._spawn(self._accept_loop, "virtual printer accept")
        if self._control is not None:
            self._control.start()
        log.info("virtual printer on %s, jobs in %s", self.url, self.jobs_dir)
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._control is not None:
            self._control.stop()
        for thread in self._threads:
            thread.join(5)
        self._threads.clear()
        self._close_listener()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    @property
    def control_address(self) -> tuple[str, int] | None:
        return self._control.address if self._control is not None else None

    @property
    def jobs_dir(self) -> Path:
        return self.store.folder

    @property
    def jobs(self) -> list[Job]:
        return self.store.jobs

    def wait_for_job(self, number: int = 1, timeout: float = 5.0) -> Job:
        return self.store.wait_for_job(number, timeout)

    def set_fault(self, fault: str | None) -> None:
        """Simulate ``fault`` (a name from :mod:`.faults`; None or ``"none"`` clears it)."""
        fault = check_fault(fault or "none")
        with self._lock:
            previous, self.fault = self.fault, fault
            if fault == "refuse":
                self._close_listener()
            elif previous == "refuse":
                self._listen()

    def set_drawer(self, open_: bool) -> None:
        """Set the drawer sensor (a kick opens it; a person closes it)."""
        self.drawer_open = open_

    # --- network ---------------------------------------------------------------------------------

    def _spawn(self, target: Callable[..., None], name: str, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def _listen(self) -> None:
        sock = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen(8)
        sock.settimeout(TICK)
        self.port = sock.getsockname()[1]
        self._listener = sock

    def _close_listener(self) -> None:
        if self._listener is not None:
            listener, self._listener = self._listener, None
            with contextlib.suppress(OSError):  # stops listening at once, even while the accept thread still polls
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            listener = self._listener
            if listener is None:
                self._stop.wait(TICK)
                continue
            try:
                conn, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            self._spawn(self._serve, "virtual printer connection", conn)

    def _serve(self, conn: socket.socket) -> None:
        interpreter, ops = Interpreter(), list[Op]()
        conn.settimeout(TICK)
        with conn:
            while not self._stop.is_set():
                if self.fault == "hang":
                    self._stop.wait(TICK)
                    continue
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                new_ops = interpreter.feed(chunk)
                if self.fault == "drop" and any(op.kind not in QUESTIONS for op in new_ops):
                    self._reset(conn)
                    return
                ops = self._handle(conn, new_ops, ops)
            self._finish_job(ops + interpreter.finish())

    def _reset(self, conn: socket.socket) -> None:
        """Like a printer rebooting mid-job: the connection is reset (RST), the data lost."""
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.discarded += 1

    def _handle(self, conn: socket.socket, new_ops: list[Op], ops: list[Op]) -> list[Op]:
        for op in new_ops:
            if op.kind == "status":
                self._answer(conn, op.value)
                continue
            if op.kind in QUESTIONS:
                self._finish_job(ops)  # what came before is printed when the printer answers
                ops = []
                self._confirm(conn, op)
                continue
            if op.kind == "drawer" and op.raw.startswith(b"\x10\x14") and self.fault in REALTIME_WHILE_OFFLINE:
                self.drawer_open = True  # DLE DC4 is executed on receipt, even out of paper
                self.store.save([op])
                continue
            if op.kind == "drawer" and self.fault not in DISCARDING:
                self.drawer_open = True
            ops.append(op)
            if op.kind == "cut" or (op.kind == "drawer" and not any(o.kind in VISIBLE for o in ops[:-1])):
                self._finish_job(ops)
                ops = []
        return ops

    def _answer(self, conn: socket.socket, n: int) -> None:
        fault = self.fault
        if fault in ("no_answer", "hang"):
            return
        if fault == "slow":
            deadline = time.monotonic() + self.slow_delay
            while not self._stop.is_set() and time.monotonic() < deadline:
                self._stop.wait(TICK)
        with contextlib.suppress(OSError):
            conn.sendall(bytes([reply_byte(fault, self.drawer_open, n)]))

    def _confirm(self, conn: socket.socket, op: Op) -> None:
        if self.fault in DISCARDING:
            return
        reply = (b"\x37\x22" + op.value + b"\x00" if op.kind == "process_id"
                 else bytes([reply_byte(self.fault, self.drawer_open, 4) & 0x0C]))
        with contextlib.suppress(OSError):
            conn.sendall(reply)

    def _finish_job(self, ops: list[Op]) -> None:
        if self.fault in DISCARDING:
            self.discarded += sum(len(op.raw) for op in ops)
            return
        self.store.save(ops)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: run a virtual printer until interrupted (see :mod:`.printer_cli`)."""
    from posdrivers.virtual.printer_cli import run

    return run(argv)
