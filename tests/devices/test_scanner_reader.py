"""The serial scanner's one thread: it owns the port (a pty, as a USB-CDC scanner appears), and what it
reads waits in a queue, in order, for the window's thread to take."""

from __future__ import annotations

import sys
import threading

import pytest
from posdrivers.virtual.scanner import VirtualScanner

from posreturns.devices.scanner_reader import ScannerEvent, ScannerReader

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the virtual serial scanner is a pty")


def test_scans_wait_in_the_queue_in_order_and_are_taken_on_the_callers_thread() -> None:
    notified_from: set[str] = set()
    arrived = threading.Event()
    with VirtualScanner("CR") as scanner:
        reader = ScannerReader(str(scanner.path), terminator="CR")

        def notify() -> None:
            notified_from.add(threading.current_thread().name)
            arrived.set()

        reader.notify = notify
        reader.start()
        try:
            taken: list[ScannerEvent] = []
            while ScannerEvent("status", "connected") not in taken:
                assert arrived.wait(10), "the scanner never said it was connected"
                arrived.clear()
                taken += reader.take()
            for code in ("PA01-000108", "W-100201", "3760000000291"):
                scanner.scan(code)
            while sum(event.kind == "scan" for event in taken) < 3:
                assert arrived.wait(10), f"scans missing; got {taken}"
                arrived.clear()
                taken += reader.take()
        finally:
            reader.stop()
    assert [event.text for event in taken if event.kind == "scan"] == ["PA01-000108", "W-100201", "3760000000291"]
    assert threading.current_thread().name not in notified_from  # read on the reader's thread, taken on ours


def test_nothing_waiting_gives_an_empty_list_at_once() -> None:
    reader = ScannerReader("/nonexistent/scanner")
    assert reader.take() == []
