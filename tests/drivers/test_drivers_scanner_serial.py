"""Serial scanner reader over real pseudo-terminals: scans, garbage, unplug/replug, late devices."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import serial
from posdrivers.scanner.framing import RawScan, UnreadableScan
from posdrivers.scanner.parsing import parse_scan
from posdrivers.scanner.serial_reader import ScannerStatus, SerialScannerReader
from posdrivers.virtual.scanner import VirtualScanner

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")


class Collector:
    """Records callbacks from the reader thread; waits (bounded) for a condition on them."""

    def __init__(self) -> None:
        self.scans: list[Any] = []
        self.statuses: list[ScannerStatus] = []
        self._changed = threading.Condition()

    def on_scan(self, item: Any) -> None:
        with self._changed:
            self.scans.append(item)
            self._changed.notify_all()

    def on_status(self, status: ScannerStatus) -> None:
        with self._changed:
            self.statuses.append(status)
            self._changed.notify_all()

    def wait(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        with self._changed:
            assert self._changed.wait_for(condition, timeout), (
                f"still waiting: {self.scans=} {self.statuses=}"
            )

    def states(self) -> list[str]:
        return [s.state for s in self.statuses]

    def connected_count(self) -> int:
        return self.states().count("connected")


@pytest.fixture
def collector() -> Collector:
    return Collector()


@pytest.fixture
def make_reader(collector: Collector) -> Iterator[Callable[..., SerialScannerReader]]:
    readers: list[SerialScannerReader] = []

    def make(port: str, **kwargs: Any) -> SerialScannerReader:
        options = {"backoff_initial": 0.02, "backoff_max": 0.1, "poll_interval": 0.02, **kwargs}
        reader = SerialScannerReader(port, collector.on_scan, collector.on_status, **options)
        readers.append(reader)
        reader.start()
        return reader

    yield make
    for reader in readers:
        reader.stop()


def test_scans_arrive_in_order_and_parse(make_reader, collector: Collector) -> None:
    with VirtualScanner("CRLF") as scanner:
        make_reader(str(scanner.path), terminator="CRLF")
        collector.wait(lambda: collector.connected_count() == 1)
        scanner.scan("]E04006381333931")
        scanner.scan("]d2010950600013435221SN-0001\x1d10LOT42")
        scanner.write(b"PA01-00")  # one scan in two writes
        scanner.write(b"0042\r\n")
        collector.wait(lambda: len(collector.scans) == 3)
    assert collector.scans == [
        RawScan("]E04006381333931"),
        RawScan("]d2010950600013435221SN-0001\x1d10LOT42"),
        RawScan("PA01-000042"),
    ]
    parsed = [parse_scan(item.text) for item in collector.scans]
    assert [(p.kind, p.gtin, p.serial) for p in parsed] == [
        ("gtin", "04006381333931", None),
        ("gs1", "09506000134352", "SN-0001"),
        ("text", None, None),
    ]


def test_garbage_is_reported_and_the_reader_keeps_going(make_reader, collector: Collector) -> None:
    with VirtualScanner() as scanner:
        make_reader(str(scanner.path))
        collector.wait(lambda: collector.connected_count() == 1)
        scanner.scan(b"\xff\xfe\x80bad")
        scanner.scan(b"A" * 10_000)
        scanner.scan(b"ESC\x1b[2J")
        scanner.scan("RET-2026-000123")
        collector.wait(lambda: len(collector.scans) == 4)
    unreadable = collector.scans[:3]
    assert all(isinstance(item, UnreadableScan) for item in unreadable)
    assert [
        "UTF-8" in unreadable[0].reason,
        "longer than" in unreadable[1].reason,
        "control" in unreadable[2].reason,
    ] == [True, True, True]
    assert collector.scans[3] == RawScan("RET-2026-000123")


def test_unplug_and_replug_reconnects_and_reads_again(
    make_reader, collector: Collector, tmp_path: Path
) -> None:
    scanner = VirtualScanner(link=tmp_path / "scanner").plug()
    try:
        make_reader(str(scanner.path))
        collector.wait(lambda: collector.connected_count() == 1)
        scanner.scan("BEFORE-1")
        collector.wait(lambda: len(collector.scans) == 1)
        scanner.unplug()
        collector.wait(lambda: "reconnecting" in collector.states())
        scanner.replug()
        collector.wait(lambda: collector.connected_count() == 2)
        scanner.scan("AFTER-1")
        collector.wait(lambda: len(collector.scans) == 2)
    finally:
        scanner.unplug()
    assert collector.scans == [RawScan("BEFORE-1"), RawScan("AFTER-1")]
    statuses = collector.statuses[: [s.state for s in collector.statuses].index("connected", 1) + 1]
    states = [s.state for s in statuses]  # up to the reconnection (the final unplug may add more)
    assert states[:2] == ["connected", "disconnected"] and states[-1] == "connected"
    assert set(states[2:-1]) == {"reconnecting"}
    assert str(scanner.path) in statuses[1].reason  # the disconnect says which device was lost
    retries = statuses[2:-1]
    assert [s.attempt for s in retries] == list(range(1, len(retries) + 1))
    assert all(s.retry_in <= 0.1 for s in retries)


def test_device_that_appears_later_is_picked_up(make_reader, collector: Collector, tmp_path: Path) -> None:
    link = tmp_path / "late-scanner"
    make_reader(str(link))
    collector.wait(lambda: collector.states().count("reconnecting") >= 2)
    assert "cannot open" in collector.statuses[0].reason and collector.connected_count() == 0
    with VirtualScanner(link=link) as scanner:
        collector.wait(lambda: collector.connected_count() == 1)
        scanner.scan("LATE-1")
        collector.wait(lambda: len(collector.scans) == 1)
    assert collector.scans == [RawScan("LATE-1")]


def test_stop_ends_the_thread_and_reports_it(make_reader, collector: Collector) -> None:
    with VirtualScanner() as scanner:
        reader = make_reader(str(scanner.path))
        collector.wait(lambda: collector.connected_count() == 1)
        reader.stop()
        assert not reader.running
        assert collector.statuses[-1] == ScannerStatus("disconnected", "stopped")


@pytest.mark.allow_warning_logs
def test_loop_url_and_a_failing_handler(make_reader, collector: Collector) -> None:
    """loop:// works like any port; an exception in the scan handler does not stop the reader."""
    port = serial.serial_for_url("loop://", timeout=0.02)
    calls: list[Any] = []

    def handler(item: Any) -> None:
        calls.append(item)
        if len(calls) == 1:
            raise RuntimeError("handler bug")
        collector.on_scan(item)

    reader = SerialScannerReader(
        "loop://", handler, collector.on_status, poll_interval=0.02, open_port=lambda *args, **kwargs: port
    )
    reader.start()
    try:
        collector.wait(lambda: collector.connected_count() == 1)
        port.write(b"FIRST\rSECOND\r")
        collector.wait(lambda: len(collector.scans) == 1)
    finally:
        reader.stop()
    assert calls == [RawScan("FIRST"), RawScan("SECOND")] and collector.scans == [RawScan("SECOND")]


def test_backoff_doubles_and_is_capped() -> None:
    reader = SerialScannerReader("loop://", lambda item: None, backoff_initial=0.5, backoff_max=10.0)
    assert [reader.backoff(n) for n in range(1, 8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0]


def test_virtual_scanner_command_line(make_reader, collector: Collector, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "posdrivers.virtual.scanner",
            "--code",
            "]E04006381333931",
            "--code",
            "RET-1<GS>X",
            "--link",
            str(tmp_path / "cli-scanner"),
            "--wait",
            "1.0",
            "--delay",
            "0.05",
            "--linger",
            "0.5",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == f"virtual scanner {tmp_path / 'cli-scanner'}"
        make_reader(str(tmp_path / "cli-scanner"))
        collector.wait(lambda: len(collector.scans) == 2)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
    assert collector.scans == [RawScan("]E04006381333931"), RawScan("RET-1\x1dX")]


def test_an_lf_scanner_at_the_default_setting_gives_separate_scans(make_reader, collector: Collector) -> None:
    with VirtualScanner("LF") as scanner:
        make_reader(str(scanner.path))
        collector.wait(lambda: collector.connected_count() == 1)
        scanner.scan("PA01-000101")
        scanner.scan("]E03760000000161")
        collector.wait(lambda: len(collector.scans) == 2)
    assert collector.scans == [RawScan("PA01-000101"), RawScan("]E03760000000161")]


def test_baud_rate_and_parity_reach_the_port(collector: Collector) -> None:
    opened: list[dict[str, Any]] = []

    def open_port(port: str, **settings: Any) -> Any:
        opened.append(settings)
        raise serial.SerialException("no device")

    reader = SerialScannerReader("COM9", collector.on_scan, collector.on_status, baudrate=19200, parity="E",
                                 bytesize=7, open_port=open_port, backoff_initial=0.01, backoff_max=0.01)
    reader.start()
    collector.wait(lambda: len(opened) >= 1)
    reader.stop()
    assert opened[0]["baudrate"] == 19200 and opened[0]["parity"] == "E" and opened[0]["bytesize"] == 7
