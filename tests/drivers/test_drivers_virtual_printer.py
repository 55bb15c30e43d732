"""The virtual printer's interpreter and renderings, checked with python-escpos and zxing-cpp."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import segno
from escpos.printer import Dummy
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from posdrivers.escpos.encoder import EscPosEncoder
from posdrivers.escpos.profiles import PrinterProfile, load_profile
from posdrivers.printer import Printer
from posdrivers.transports import TcpTransport
from posdrivers.virtual.control import send_control
from posdrivers.virtual.interpreter import Interpreter
from posdrivers.virtual.ops import Barcode, QrCode
from posdrivers.virtual.printer import VirtualPrinter

RETURN = "RET-2026-000123"
URL = "https://ex.fr/r/RET-2026-000123"
Decoder = Callable[[Path], dict[str, str]]


def ops_of(data: bytes) -> list[tuple[str, object]]:
    interpreter = Interpreter()
    return [(op.kind, op.value) for op in interpreter.feed(data) + interpreter.finish()]


def print_on(vp: VirtualPrinter, data: bytes, profile: PrinterProfile) -> Path:
    number = len(vp.jobs) + 1
    with Printer.from_url(vp.url, profile) as printer:
        printer.print_job(data)
    return vp.wait_for_job(number).png_path


def test_native_barcodes_and_qr_decode_from_the_rendered_receipt(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile, decode: Decoder
) -> None:
    data = (
        EscPosEncoder(tm_t20iii)
        .initialize()
        .align("center")
        .line("Retour")
        .code128(RETURN)
        .ean13("4006381333931")
        .qr(URL, size=4)
        .cut()
        .to_bytes()
    )
    assert decode(print_on(virtual_printer, data, tm_t20iii)) == {
        "Code128": RETURN,
        "EAN13": "4006381333931",
        "QRCode": URL,
    }


def test_qr_and_barcodes_sent_as_raster_images_decode_too(
    tmp_path: Path, generic_58: PrinterProfile, decode: Decoder
) -> None:
    profile = dataclasses.replace(generic_58, barcodes_native=frozenset())
    data = (
        EscPosEncoder(profile)
        .initialize()
        .qr(URL, size=4)
        .code128("RET-000123", module_width=2)
        .feed(2)
        .to_bytes()
    )
    assert b"\x1d(k" not in data and b"\x1dk" not in data
    with VirtualPrinter(jobs_dir=tmp_path, profile=profile) as vp:
        assert decode(print_on(vp, data, profile)) == {"QRCode": URL, "Code128": "RET-000123"}


def test_a_raster_image_made_elsewhere_survives_the_round_trip(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile, decode: Decoder
) -> None:
    png = io.BytesIO()
    segno.make_qr("VOUCHER-7F3K-22QA", error="q").save(png, kind="png", scale=5, border=4)
    image = Image.open(png)
    data = EscPosEncoder(tm_t20iii).initialize().line("Avoir").image(image).cut().to_bytes()
    png = print_on(virtual_printer, data, tm_t20iii)
    assert decode(png) == {"QRCode": "VOUCHER-7F3K-22QA"}
    assert "[IMAGE " in virtual_printer.jobs[0].text


def test_interpreter_reads_python_escpos_output() -> None:
    """python-escpos writes the bytes; the interpreter must find the same receipt in them."""
    printer = Dummy()
    printer.hw("INIT")
    printer.charcode("CP858")
    printer.set(align="center", bold=True, double_width=True, double_height=True)
    printer.text("Crème\n")
    printer.set_with_default()
    printer.barcode("{BRET-42", "CODE128", function_type="B", height=80, width=2)
    printer.barcode("4006381333931", "EAN13")  # function A: NUL-terminated
    printer.qr(URL, native=True, size=5)
    image = Image.new("1", (16, 2), 1)
    image.putpixel((0, 0), 0)
    printer.image(image, impl="bitImageRaster")
    printer.cashdraw(5)
    printer.cut(mode="PART")
    kinds = ops_of(bytes(printer.output))
    visible = [(k, v) for k, v in kinds if k not in ("setting",)]
    assert ("codepage", 19) in visible and ("align", "center") in visible and ("bold", True) in visible
    assert ("size", (2, 2)) in visible and ("text", "Crème") in visible
    assert ("barcode", Barcode("CODE128", "RET-42", 80, 2, 2)) in visible
    assert ("barcode", Barcode("EAN13", "4006381333931", 64, 3, 2)) in visible
    assert ("qr", QrCode(URL.encode(), 5, "L", 2)) in visible
    raster = next(v for k, v in visible if k == "raster")
    assert (raster.width, raster.height, raster.rows[0][0], raster.rows[0][1], raster.rows[1][0]) == (
        16,
        2,
        True,
        False,
        False,
    )
    assert ("drawer", (5, 100, 100)) in visible
    assert visible[-2:] == [("feed", 6), ("cut", "partial")]
    assert not [k for k, _ in kinds if k == "unknown"]


def test_interpreter_understands_everything_the_encoder_emits(tm_t20iii: PrinterProfile) -> None:
    data = (
        EscPosEncoder(tm_t20iii)
        .initialize()
        .bold()
        .underline(2)
        .size(3, 2)
        .font("B")
        .align("right")
        .text("Œuf")
        .newline()
        .feed(2)
        .code128("AB-1")
        .ean13("4006381333931")
        .qr("x", size=3, error="H")
        .image([[1, 0, 1]])
        .drawer_kick(2)
        .status_request(4)
        .cut(partial=False)
        .to_bytes()
    )
    kinds = ops_of(data)
    assert [k for k, _ in kinds if k not in ("setting",)] == [
        "init",
        "codepage",
        "bold",
        "underline",
        "size",
        "font",
        "align",
        "text",
        "lf",
        "feed",
        "barcode",
        "barcode",
        "qr",
        "raster",
        "drawer",
        "status",
        "feed",
        "cut",
    ]
    assert ("text", "Œuf") in kinds and ("qr", QrCode(b"x", 3, "H", 2)) in kinds
    assert ("drawer", (2, 100, 100)) in kinds and ("status", 4) in kinds


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=30))
def test_interpretation_does_not_depend_on_how_bytes_are_chunked(cuts: list[int]) -> None:
    data = (
        EscPosEncoder(load_profile("epson-tm-t20iii"))
        .initialize()
        .line("Été")
        .code128(RETURN)
        .qr(URL)
        .image([[1] * 9] * 3)
        .drawer_kick()
        .cut()
        .to_bytes()
    )
    whole = ops_of(data)
    interpreter, ops, pos = Interpreter(), [], 0
    for size in cuts:
        ops += interpreter.feed(data[pos : pos + size])
        pos += size
    ops += interpreter.feed(data[pos:]) + interpreter.finish()
    merged: list[tuple[str, object]] = []
    for op in ops:  # text runs may be split at chunk boundaries
        if op.kind == "text" and merged and merged[-1][0] == "text":
            merged[-1] = ("text", str(merged[-1][1]) + op.value)
        else:
            merged.append((op.kind, op.value))
    assert merged == whole
    assert b"".join(op.raw for op in ops) == data


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_interpreter_never_raises_and_keeps_every_byte(data: bytes) -> None:
    interpreter = Interpreter()
    ops = interpreter.feed(data) + interpreter.finish()
    assert b"".join(op.raw for op in ops) == data


def test_dle_eot_inside_image_data_is_not_a_status_request(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile
) -> None:
    rows = [
        [bool(0x10 >> (7 - x) & 1) for x in range(8)]
        + [bool(0x04 >> (7 - x) & 1) for x in range(8)]
        + [bool(0x01 >> (7 - x) & 1) for x in range(8)]
    ]
    data = EscPosEncoder(tm_t20iii).image(rows).cut().to_bytes()
    assert b"\x10\x04\x01" in data
    with TcpTransport("127.0.0.1", virtual_printer.port) as transport:
        transport.write(data)
        assert virtual_printer.wait_for_job(1).data == data
        assert transport.read(1, 0.2) == b""  # no status byte came back


def test_text_view_has_alignment_and_markers(
    virtual_printer: VirtualPrinter, tm_t20iii: PrinterProfile
) -> None:
    data = (
        EscPosEncoder(tm_t20iii)
        .initialize()
        .align("center")
        .line("MERCI")
        .align("right")
        .line("12,50 €")
        .align("left")
        .size(2, 1)
        .line("Total")
        .size()
        .code128(RETURN)
        .qr(URL)
        .drawer_kick()
        .cut()
        .to_bytes()
    )
    print_on(virtual_printer, data, tm_t20iii)
    lines = virtual_printer.jobs[0].text.splitlines()
    assert lines[0] == " " * 21 + "MERCI"
    assert lines[1] == " " * 41 + "12,50 €"
    assert lines[2] == "Total"
    assert lines[3:6] == [f"[CODE128 {RETURN}]", f"[QR {URL}]", "[DRAWER pin2]"]
    assert lines[-1] == "[CUT partial]"


def test_command_line_printer_runs_and_is_controlled(tmp_path: Path, tm_t20iii: PrinterProfile) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "posdrivers.virtual.printer_cli",
            "--port",
            "0",
            "--control-port",
            "0",
            "--jobs-dir",
            str(tmp_path / "jobs"),
            "--until-stdin-closes",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdin is not None
        words = process.stdout.readline().split()
        assert words[:2] == ["virtual", "printer"] and words[3] == "control"
        url, (host, port) = words[2], words[4].rsplit(":", 1)
        assert send_control((host, int(port)), "FAULT cover_open") == "OK fault=cover_open"
        with Printer.from_url(url, tm_t20iii) as printer, pytest.raises(Exception, match="cover is open"):
            printer.print_job(b"x")
        send_control((host, int(port)), "FAULT none")
        with Printer.from_url(url, tm_t20iii) as printer:
            printer.print_job(EscPosEncoder(tm_t20iii).line("CLI").cut().to_bytes())
        assert send_control((host, int(port)), "WAIT 1").endswith("job-0001.txt")
        assert send_control((host, int(port)), "JOBS") == "OK 1"
        process.stdin.close()
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
    assert (tmp_path / "jobs" / "job-0001.txt").read_text(
        encoding="utf-8"
    ) == "CLI\n\n\n\n\n\n\n[CUT partial]\n"
