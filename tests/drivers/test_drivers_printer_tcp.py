"""The TCP transport and Printer facade against the virtual network printer, with scripted faults."""

from __future__ import annotations

import socket

import pytest
from escpos.printer import Network
from posdrivers.errors import PrinterNotReady, PrinterOffline, PrinterTimeout
from posdrivers.escpos.profiles import PrinterProfile
from posdrivers.printer import Printer
from posdrivers.transports import TcpTransport
from posdrivers.virtual.control import send_control
from posdrivers.virtual.printer import VirtualPrinter


def receipt(printer: Printer, line: str = "Retour RET-2026-000123") -> bytes:
    return printer.encoder().initialize().line(line).cut().to_bytes()


def connect(vp: VirtualPrinter, profile: PrinterProfile, timeout: float = 2.0) -> Printer:
    return Printer.from_url(vp.url, profile, status_timeout=timeout)


def test_ready_printer_prints_and_the_job_is_stored(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile
) -> None:
    with connect(virtual_printer, tm_t20iii) as printer:
        assert printer.status().ready
        job_bytes = receipt(printer, "Crème brûlée — 12,50 €")
        printer.print_job(job_bytes)
    job = virtual_printer.wait_for_job(1)
    assert job.data == job_bytes  # status requests are not part of the job
    assert job.text.splitlines()[0] == "Crème brûlée — 12,50 €"
    assert job.bin_path.read_bytes() == job_bytes and job.bin_path.name == "job-0001.bin"
    assert job.txt_path.read_text(encoding="utf-8") == job.text and job.png_path.stat().st_size > 0


@pytest.mark.parametrize(
    ("fault", "message"),
    [("paper_out", "out of paper"), ("cover_open", "cover is open"), ("error", "reports an error")],
)
def test_not_ready_printer_raises_and_nothing_is_sent(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile, fault: str, message: str
) -> None:
    virtual_printer.set_fault(fault)
    with connect(virtual_printer, tm_t20iii) as printer, pytest.raises(PrinterNotReady, match=message):
        printer.print_job(receipt(printer))
    virtual_printer.set_fault(None)
    with connect(virtual_printer, tm_t20iii) as printer:  # a later job is the first one stored
        printer.print_job(receipt(printer, "second try"))
    assert virtual_printer.wait_for_job(1).text.startswith("second try")
    assert virtual_printer.discarded == 0


def test_paper_near_end_prints_and_warns(virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile) -> None:
    virtual_printer.set_fault("paper_near_end")
    with connect(virtual_printer, tm_t20iii) as printer:
        status = printer.print_job(receipt(printer))
    assert status is not None and status.paper_near_end and "nearly finished" in status.sentence
    virtual_printer.wait_for_job(1)


def test_printer_that_never_answers_gives_a_timeout_error(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile
) -> None:
    virtual_printer.set_fault("no_answer")
    with (
        connect(virtual_printer, tm_t20iii, timeout=0.2) as printer,
        pytest.raises(PrinterTimeout, match="did not answer a status request within 0.2 s"),
    ):
        printer.print_job(receipt(printer))
    assert virtual_printer.jobs == []


def test_slow_printer_answers_too_late(virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile) -> None:
    virtual_printer.set_fault("slow")
    with connect(virtual_printer, tm_t20iii, timeout=0.2) as printer, pytest.raises(PrinterTimeout):
        printer.status()


def test_refused_connection_is_an_offline_error_and_recovers(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile
) -> None:
    virtual_printer.set_fault("refuse")
    with (
        connect(virtual_printer, tm_t20iii) as printer,
        pytest.raises(PrinterOffline, match="refused the connection.*switched on"),
    ):
        printer.print_job(receipt(printer))
    virtual_printer.set_fault("none")
    with connect(virtual_printer, tm_t20iii) as printer:
        printer.print_job(receipt(printer))
    virtual_printer.wait_for_job(1)


def test_nothing_listening_is_offline(tm_t20iii: PrinterProfile) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound but not listening: connections are refused
        with pytest.raises(PrinterOffline, match=f"127.0.0.1:{port}"):
            Printer.from_url(f"tcp://127.0.0.1:{port}", tm_t20iii).status()


def test_hung_printer_gives_a_write_timeout(virtual_printer: VirtualPrinter) -> None:
    virtual_printer.set_fault("hang")
    transport = TcpTransport("127.0.0.1", virtual_printer.port, write_timeout=0.3)
    with transport, pytest.raises(PrinterTimeout, match="did not take the data within 0.3 s"):
        transport.write(bytes(64 * 1024 * 1024))  # more than the socket buffers hold


def test_drawer_kick_reaches_the_printer_and_the_sensor_reports_it(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile
) -> None:
    with connect(virtual_printer, tm_t20iii) as printer:
        assert not printer.status().drawer_open
        printer.open_drawer()
        job = virtual_printer.wait_for_job(1)
        assert job.text == "[DRAWER pin2]\n" and job.data == b"\x10\x14\x01\x00\x01"  # real-time pulse
        assert printer.status().drawer_open
    virtual_printer.set_drawer(False)


def test_the_real_time_drawer_pulse_works_while_the_printer_is_out_of_paper(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile
) -> None:
    virtual_printer.set_fault("paper_out")
    with connect(virtual_printer, tm_t20iii) as printer:
        status = printer.open_drawer()
    assert status is not None and status.paper_out


def test_a_printer_that_resets_the_connection_after_the_status_questions_printed_nothing(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile, generic_80: PrinterProfile
) -> None:
    """Handing the bytes to the socket is no proof: the job counts as printed only when confirmed."""
    virtual_printer.set_fault("drop")
    for profile in (tm_t20iii, generic_80):  # process-ID reply, status read back after the job
        for _ in range(10):
            with connect(virtual_printer, profile) as printer, pytest.raises((PrinterOffline, PrinterTimeout)):
                printer.print_job(receipt(printer))
    assert virtual_printer.jobs == []


def test_the_printer_confirms_a_job_once_it_is_printed(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile
) -> None:
    with connect(virtual_printer, tm_t20iii) as printer:
        status = printer.print_job(receipt(printer, "confirmed"))
        assert status is not None and status.ready
        assert virtual_printer.jobs and virtual_printer.jobs[0].text.startswith("confirmed")


def test_two_receipts_on_one_connection_are_two_jobs(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile
) -> None:
    with connect(virtual_printer, tm_t20iii) as printer:
        printer.print_job(receipt(printer, "one") + receipt(printer, "two"))
    assert virtual_printer.wait_for_job(2).text.startswith("two")
    assert virtual_printer.jobs[0].text.startswith("one")
    assert [p.name for p in sorted(virtual_printer.jobs_dir.glob("job-*.txt"))] == [
        "job-0001.txt",
        "job-0002.txt",
    ]


def test_python_escpos_network_client_prints_on_the_virtual_printer(virtual_printer: VirtualPrinter) -> None:
    """A second, independent client: python-escpos's own Network printer."""
    client = Network("127.0.0.1", virtual_printer.port, timeout=5)
    client.charcode("CP858")
    client.text("Réçu à Noël\n")
    client.barcode("{BRET-42", "CODE128", function_type="B")
    client.cut()
    client.close()
    job = virtual_printer.wait_for_job(1)
    assert "Réçu à Noël" in job.text and "[CODE128 RET-42]" in job.text and "[CUT]" in job.text


def test_control_channel_sets_faults_from_another_process(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile
) -> None:
    address = virtual_printer.control_address
    assert address is not None
    assert send_control(address, "PING") == "OK pong"
    assert send_control(address, "fault paper_out") == "OK fault=paper_out"
    with connect(virtual_printer, tm_t20iii) as printer, pytest.raises(PrinterNotReady):
        printer.print_job(receipt(printer))
    assert send_control(address, "FAULT none") == "OK fault=none"
    assert send_control(address, "LAST") == "ERR no job received yet"
    with connect(virtual_printer, tm_t20iii) as printer:
        printer.print_job(receipt(printer))
    virtual_printer.wait_for_job(1)
    assert (
        send_control(address, "STATUS") == f"OK fault=none drawer=closed jobs=1 port={virtual_printer.port}"
    )
    assert send_control(address, "JOBS") == "OK 1"
    assert send_control(address, "LAST").endswith("job-0001.txt")
    assert send_control(address, "DRAWER open") == "OK drawer=open"
    assert virtual_printer.drawer_open
    assert send_control(address, "FAULT fire").startswith("ERR FAULT needs one of")
    assert send_control(address, "EXPLODE").startswith("ERR unknown command")
