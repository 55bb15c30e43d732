"""The one thread that owns a serial (or USB-CDC) scanner, and the queue its reads wait in.

The driver's reader thread holds the port (and reconnects when the scanner comes back); what it reads
goes into `events` in order, and `notify` (set by the window) says something is waiting, so scans are
taken on the window's own thread and never handled on the reader's.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from posdrivers import SerialScannerReader
from posdrivers.scanner import RawScan, ScannerStatus

EventKind = Literal["scan", "unreadable", "status"]


@dataclass(frozen=True)
class ScannerEvent:
    """A scan's text, an unreadable scan (no text), or the scanner's state: connected, disconnected,
    reconnecting."""

    kind: EventKind
    text: str = ""


class ScannerReader:
    def __init__(self, port: str, baudrate: int = 9600, terminator: str = "ANY", parity: str = "N") -> None:
        self.port = port
        self.events: queue.Queue[ScannerEvent] = queue.Queue()
        self.notify: Callable[[], None] = lambda: None
        self._reader = SerialScannerReader(port, self._on_scan, self._on_status, baudrate=baudrate,
                                           terminator=terminator, parity=parity)

    def start(self) -> None:
        self._reader.start()

    def stop(self) -> None:
        """Close the port and end the thread; what was read and not yet taken stays in `events`."""
        self._reader.stop()

    def take(self) -> list[ScannerEvent]:
        """Everything waiting, oldest first, without blocking."""
        taken: list[ScannerEvent] = []
        while True:
            try:
                taken.append(self.events.get_nowait())
            except queue.Empty:
                return taken

    def _put(self, event: ScannerEvent) -> None:
        self.events.put(event)
        self.notify()

    def _on_scan(self, item: object) -> None:
        self._put(ScannerEvent("scan", item.text) if isinstance(item, RawScan) else ScannerEvent("unreadable"))

    def _on_status(self, status: ScannerStatus) -> None:
        state = getattr(status, "state", "")
        self._put(ScannerEvent("status", str(getattr(state, "value", state))))
