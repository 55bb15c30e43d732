"""Transports: URL syntax, file/usblp/serial/memory behaviour, and the Printer facade over them."""

from __future__ import annotations

import os
import threading
import tty
from pathlib import Path

import pytest
from posdrivers.errors import (
    BadPrinterUrl,
    BadStatusReply,
    PrinterNotReady,
    PrinterOffline,
    PrinterTimeout,
    StatusUnavailable,
)
from posdrivers.escpos.profiles import PrinterProfile
from posdrivers.printer import Printer
from posdrivers.transports import (
    FileTransport,
    MemoryTransport,
    SerialTransport,
    TcpTransport,
    UsbLpTransport,
    open_transport,
    transport_from_url,
)

READY = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}


@pytest.mark.parametrize(
    ("url", "kind", "attrs"),
    [
        ("tcp://192.0.2.5", TcpTransport, {"host": "192.0.2.5", "port": 9100}),
        ("tcp://printer.local:9101", TcpTransport, {"host": "printer.local", "port": 9101}),
        ("TCP://[::1]:9100", TcpTransport, {"host": "::1", "port": 9100}),
        (
            "tcp://h?connect_timeout=1.5&write_timeout=4",
            TcpTransport,
            {"connect_timeout": 1.5, "write_timeout": 4.0},
        ),
        (
            "serial:/dev/ttyUSB0?baudrate=38400",
            SerialTransport,
            {"port": "/dev/ttyUSB0", "settings": {"baudrate": 38400, "write_timeout": 10.0}},
        ),
        (
            "serial:COM3",
            SerialTransport,
            {"port": "COM3", "settings": {"baudrate": 9600, "write_timeout": 10.0}},
        ),
        (
            "serial:loop://?baudrate=19200&rtscts=1&parity=E",
            SerialTransport,
            {
                "port": "loop://",
                "settings": {"baudrate": 19200, "rtscts": True, "parity": "E", "write_timeout": 10.0},
            },
        ),
        (
            "serial:spy:///dev/ttyS0?file=trace.txt&baudrate=9600",
            SerialTransport,
            {"port": "spy:///dev/ttyS0?file=trace.txt"},
        ),
        ("usblp:/dev/usb/lp0", UsbLpTransport, {"path": "/dev/usb/lp0"}),
        ("file:/tmp/out.bin", FileTransport, {"path": "/tmp/out.bin"}),
        ("file:///tmp/out.bin", FileTransport, {"path": "/tmp/out.bin"}),
        ("file:C:\\receipts\\out.bin", FileTransport, {"path": "C:\\receipts\\out.bin"}),
        ("memory:", MemoryTransport, {}),
    ],
)
def test_printer_urls(url: str, kind: type, attrs: dict) -> None:
    transport = transport_from_url(url)
    assert type(transport) is kind
    for name, value in attrs.items():
        assert getattr(transport, name) == value


@pytest.mark.parametrize(
    "url",
    [
        "",
        "192.168.1.5",
        "http://printer",
        "tcp://",
        "tcp://h:port",
        "tcp://h:9100/x",
        "tcp://h?timeout=3",
        "tcp://h?connect_timeout=soon",
        "serial:",
        "serial:COM3?baudrate=fast",
        "usblp:",
        "file:",
        "memory:x",
    ],
)
def test_bad_urls_are_explained(url: str) -> None:
    with pytest.raises(BadPrinterUrl, match="tcp://HOST:9100"):
        transport_from_url(url)


def test_file_transport_appends(tmp_path: Path) -> None:
    path = tmp_path / "spool.bin"
    for chunk in (b"first", b"second"):
        with transport_from_url(f"file:{path}") as transport:
            transport.write(chunk)
    assert path.read_bytes() == b"firstsecond"


def test_file_transport_in_a_missing_folder_is_offline(tmp_path: Path) -> None:
    with pytest.raises(PrinterOffline, match="folder exists"):
        open_transport(f"file:{tmp_path}/nope/spool.bin")


def test_usblp_writes_to_an_existing_device_and_never_creates_one(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    with pytest.raises(PrinterOffline, match="no USB printer"):
        transport_from_url(f"usblp:{device}").write(b"x")
    assert not device.exists()
    device.write_bytes(b"")
    with transport_from_url(f"usblp:{device}") as transport:
        transport.write(b"\x1b@hello")
        assert not transport.can_read
        with pytest.raises(StatusUnavailable, match="cannot read"):
            transport.read(1, 0.1)
    assert device.read_bytes() == b"\x1b@hello"


def test_serial_transport_over_loop_url_reads_back_what_it_wrote() -> None:
    with open_transport("serial:loop://?baudrate=38400") as transport:
        transport.write(b"\x10\x04\x01")
        assert transport.read(3, 1.0) == b"\x10\x04\x01"
        assert transport.read(1, 0.0) == b""


def test_missing_serial_port_is_offline() -> None:
    with pytest.raises(PrinterOffline, match="/dev/does-not-exist"):
        open_transport("serial:/dev/does-not-exist")


def test_printer_over_a_serial_pty_answers_status_and_prints(tm_t20iii: PrinterProfile) -> None:
    """The test plays an Epson printer on the pty master; the driver opens the slave like a real port."""
    master, slave = os.openpty()
    tty.setraw(slave)
    received = bytearray()
    stop = threading.Event()

    def device() -> None:
        buffer = bytearray()
        while not stop.is_set():
            try:
                buffer += os.read(master, 1024)
            except OSError:
                return
            while (i := buffer.find(b"\x10\x04")) != -1 and len(buffer) >= i + 3:
                os.write(master, bytes([{4: 0x1E}.get(buffer[i + 2], 0x12)]))  # paper near end
                del buffer[i : i + 3]
            if (i := buffer.find(b"\x1d(H\x06\x0000")) != -1 and len(buffer) >= i + 11:
                received.extend(buffer[:i])
                os.write(master, b"\x37\x22" + bytes(buffer[i + 7 : i + 11]) + b"\x00")  # printed
                del buffer[: i + 11]

    thread = threading.Thread(target=device, daemon=True)
    thread.start()
    try:
        with Printer.from_url(
            f"serial:{os.ttyname(slave)}?baudrate=38400", tm_t20iii, status_timeout=2
        ) as printer:
            assert printer.status().paper_near_end
            after = printer.print_job(printer.encoder().initialize().line("Série").cut().to_bytes())
            assert after is not None and after.paper_near_end
    finally:
        stop.set()
        os.close(master)
        os.close(slave)
        thread.join(5)
    assert bytes(received) == b"\x1b@\x1bt\x10S\xe9rie\n\x1bd\x06\x1dV\x01"


def test_printer_refuses_to_send_when_paper_is_out(tm_t20iii: PrinterProfile) -> None:
    transport = MemoryTransport({**READY, 1: 0x1A, 2: 0x32, 4: 0x7E})
    printer = Printer(transport, tm_t20iii)
    with pytest.raises(PrinterNotReady, match="out of paper.*Nothing was printed") as info:
        printer.print_job(b"JOB")
    assert info.value.status.paper_out
    assert b"JOB" not in transport.written
    assert transport.writes == [b"\x10\x04\x01", b"\x10\x04\x02", b"\x10\x04\x03", b"\x10\x04\x04"]
    printer.open_drawer()  # the real-time pulse opens the drawer even without paper (cash refunds)
    assert transport.written.endswith(b"\x10\x14\x01\x00\x01"
                                      + b"".join(b"\x10\x04" + bytes([n]) for n in (1, 2, 3, 4)))


def test_a_drawer_without_real_time_pulse_waits_for_a_ready_printer(generic_80: PrinterProfile) -> None:
    transport = MemoryTransport({**READY, 1: 0x1A, 2: 0x32, 4: 0x7E})
    with pytest.raises(PrinterNotReady, match="out of paper"):
        Printer(transport, generic_80).open_drawer()
    assert b"\x1bp" not in transport.written


def test_printer_sends_the_job_and_waits_for_the_process_id_reply(tm_t20iii: PrinterProfile) -> None:
    transport = MemoryTransport(READY)
    status = Printer(transport, tm_t20iii).print_job(b"JOB")
    assert status is not None and status.ready
    [sent] = [w for w in transport.writes if w.startswith(b"JOB")]
    assert sent[3:10] == b"\x1d(H\x06\x0000" and len(sent) == 14  # GS ( H function 48 + process ID


def test_a_printer_that_never_confirms_counts_as_not_printed(tm_t20iii: PrinterProfile) -> None:
    transport = MemoryTransport(READY)
    transport.write = lambda data, write=transport.write: write(data.replace(b"\x1d(H",
                                                                             b"\x1d(X"))  # type: ignore[method-assign]
    printer = Printer(transport, tm_t20iii, completion_timeout=0.2)
    with pytest.raises(PrinterTimeout, match="did not confirm the receipt was printed within 0.2 s.*not printed"):
        printer.print_job(b"JOB")


def test_status_none_in_the_url_sends_without_asking_anything(tm_t20iii: PrinterProfile, tmp_path: Path) -> None:
    printer = Printer.from_url(f"file:{tmp_path / 'out.bin'}?status=none", tm_t20iii)
    assert printer.print_job(b"JOB") is None and not printer.can_read_status
    printer.close()
    assert (tmp_path / "out.bin").read_bytes() == b"JOB"
    with pytest.raises(BadPrinterUrl, match="status=none"):
        Printer.from_url("tcp://10.0.0.5?status=maybe", tm_t20iii)


def test_write_only_transport_prints_without_status(tm_t20iii: PrinterProfile) -> None:
    transport = MemoryTransport()
    printer = Printer(transport, tm_t20iii)
    assert printer.print_job(b"JOB") is None
    printer.open_drawer()
    assert transport.writes == [b"JOB", b"\x10\x14\x01\x00\x01"]
    with pytest.raises(StatusUnavailable):
        printer.status()


def test_transport_errors_reach_the_caller_as_driver_errors(tm_t20iii: PrinterProfile) -> None:
    transport = MemoryTransport()
    transport.fail_with = PrinterOffline("The printer is unplugged: plug it in.")
    with pytest.raises(PrinterOffline, match="unplugged"):
        Printer(transport, tm_t20iii).print_job(b"JOB")


def test_garbage_status_reply_is_reported(tm_t20iii: PrinterProfile) -> None:
    transport = MemoryTransport({**READY, 2: 0x00})
    with pytest.raises(BadStatusReply, match="status request 2 with 0x00"):
        Printer(transport, tm_t20iii).print_job(b"JOB")
    assert b"JOB" not in transport.written
