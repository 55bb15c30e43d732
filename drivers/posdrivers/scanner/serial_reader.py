"""Serial / USB-CDC scanner reader: one thread that owns the port and reports through callbacks.

::

    reader = SerialScannerReader("/dev/ttyACM0", on_scan=handle_scan, on_status=show_status)
    reader.start()
    ...
    reader.stop()

The port is opened with ``serial.serial_for_url``, so ``COM3``, ``/dev/ttyACM0``, a pty path,
``loop://`` or ``socket://host:port`` all work. ``on_scan`` receives :class:`RawScan` or
:class:`UnreadableScan` items (see :mod:`.framing`); ``on_status`` receives :class:`ScannerStatus`
changes: ``connected``; ``disconnected`` with the reason; ``reconnecting`` with the attempt number and
the delay before it. When the device disappears (unplugged, pty closed) or is not there yet, the
reader retries with exponential backoff capped at ``backoff_max`` seconds until ``stop()``.

Callbacks run on the reader thread: a Qt adapter should re-emit them as signals. An exception in a
callback is logged and does not stop the reader.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

import serial  # type: ignore[import-untyped, unused-ignore]

from posdrivers.scanner.framing import DEFAULT_MAX_LENGTH, LineFramer, ScanItem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScannerStatus:
    """A change of the scanner connection: ``state`` is connected, disconnected or reconnecting."""

    state: str
    reason: str = ""
    attempt: int = 0
    retry_in: float = 0.0


class SerialScannerReader:
    """Reads scans from a serial port on a background thread, reconnecting when the device comes back."""

    def __init__(
        self,
        port: str,
        on_scan: Callable[[ScanItem], None],
        on_status: Callable[[ScannerStatus], None] | None = None,
        *,
        baudrate: int = 9600,
        terminator: str = "ANY",
        parity: str = "N",
        bytesize: int = 8,
        stopbits: float = 1,
        max_length: int = DEFAULT_MAX_LENGTH,
        backoff_initial: float = 0.5,
        backoff_max: float = 10.0,
        poll_interval: float = 0.1,
        open_port: Callable[..., Any] = serial.serial_for_url,
    ) -> None:
        self.port = port
        self.on_scan = on_scan
        self.on_status = on_status
        self.baudrate = baudrate
        self.line_settings: dict[str, Any] = {"parity": parity, "bytesize": bytesize, "stopbits": stopbits}
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.poll_interval = poll_interval
        self._open_port = open_port
        self._framer = LineFramer(terminator, max_length)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"scanner {self.port}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop reading and close the port; returns when the thread has ended (or after ``timeout``)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def backoff(self, attempt: int) -> float:
        """Delay before reconnection attempt ``attempt`` (1-based): doubling, capped."""
        return float(min(self.backoff_max, self.backoff_initial * 2 ** (attempt - 1)))

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                port = self._open_port(self.port, baudrate=self.baudrate, timeout=self.poll_interval,
                                       **self.line_settings)
            except (serial.SerialException, OSError, ValueError) as exc:
                attempt += 1
                delay = self.backoff(attempt)
                self._status(ScannerStatus("reconnecting", f"cannot open {self.port}: {exc}", attempt, delay))
                self._stop.wait(delay)
                continue
            attempt = 0
            self._framer.reset()
            self._status(ScannerStatus("connected", f"reading {self.port}"))
            reason = self._read_until_failure(port)
            self._status(ScannerStatus("disconnected", reason))

    def _read_until_failure(self, port: Any) -> str:
        try:
            while not self._stop.is_set():
                data = port.read(1)
                if data:
                    data += port.read(port.in_waiting)
                    for item in self._framer.feed(bytes(data)):
                        self._deliver(item)
            return "stopped"
        except (serial.SerialException, OSError) as exc:
            return f"lost {self.port}: {exc}"
        finally:
            with contextlib.suppress(serial.SerialException, OSError):
                port.close()

    def _deliver(self, item: ScanItem) -> None:
        try:
            self.on_scan(item)
        except Exception:  # a faulty handler must not kill the device thread
            log.exception("scan handler failed")

    def _status(self, status: ScannerStatus) -> None:
        log.info("scanner %s: %s %s", self.port, status.state, status.reason)
        if self.on_status is None:
            return
        try:
            self.on_status(status)
        except Exception:
            log.exception("scanner status handler failed")
