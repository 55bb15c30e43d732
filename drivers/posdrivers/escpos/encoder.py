"""A small ESC/POS command builder: one receipt in, bytes out, for one printer profile.

Usage::

    enc = EscPosEncoder(load_profile("epson-tm-t20iii"))
    enc.initialize().align("center").bold().size(2, 2).line("RETOUR").size().bold(False)
    enc.line("Crème brûlée — 12,50 €").code128("RET-2026-000123").qr("https://ex.fr/r/RET-2026-000123")
    enc.cut()
    data = enc.to_bytes()

Every method appends and returns the encoder. Text the code page cannot print degrades (see
:mod:`.codepages`) and ``degraded`` records what was replaced, so the caller can say it once; with
``strict=True`` it raises :class:`~posdrivers.errors.UnprintableText` instead. Bad barcode data
raises :class:`~posdrivers.errors.BarcodeDataError`. The encoder is pure: no I/O, deterministic bytes.
"""

from __future__ import annotations

from typing import Any

from posdrivers.errors import EncodingError
from posdrivers.escpos import barcodes
from posdrivers.escpos.codepages import degrade_text, encode_text
from posdrivers.escpos.profiles import PrinterProfile
from posdrivers.escpos.raster import BitImage, raster_command, to_bit_image

ESC = b"\x1b"
GS = b"\x1d"
DLE = b"\x10"
LF = b"\n"
ALIGNMENTS = {"left": 0, "center": 1, "right": 2}


def status_request(n: int) -> bytes:
    """``DLE EOT n``: real-time status request (1 printer, 2 offline cause, 3 error cause, 4 paper)."""
    if n not in (1, 2, 3, 4):
        raise EncodingError(f"DLE EOT {n} is not a status request: use 1, 2, 3 or 4.")
    return DLE + b"\x04" + bytes([n])


def process_id_request(process_id: bytes) -> bytes:
    """``GS ( H`` function 48 (Epson): the printer answers ``37 22 d1 d2 d3 d4 00`` once everything sent
    before it is printed. ``process_id`` is four bytes in 32-126."""
    if len(process_id) != 4 or not all(32 <= b <= 126 for b in process_id):
        raise EncodingError("A process ID is four bytes from 32 to 126.")
    return GS + b"(H\x06\x0000" + process_id


def transmit_status_request(n: int = 1) -> bytes:
    """``GS r n``: processed in order, so its one-byte reply means the data before it was processed."""
    return GS + b"r" + bytes([n])


class EscPosEncoder:
    """Builds ESC/POS bytes for one :class:`PrinterProfile`."""

    def __init__(self, profile: PrinterProfile, *, strict: bool = False) -> None:
        self.profile = profile
        self.strict = strict
        self.degraded: dict[str, str] = {}
        self._buffer = bytearray()

    def to_bytes(self) -> bytes:
        return bytes(self._buffer)

    __bytes__ = to_bytes

    def _add(self, data: bytes) -> EscPosEncoder:
        self._buffer += data
        return self

    # --- set-up and text -------------------------------------------------------------------------

    def initialize(self) -> EscPosEncoder:
        """``ESC @`` then the profile's code page (``ESC @`` resets the code table too)."""
        return self._add(ESC + b"@").code_page()

    def code_page(self) -> EscPosEncoder:
        """``ESC t n`` with the profile's code page number."""
        return self._add(ESC + b"t" + bytes([self.profile.code_page.escpos_number]))

    def text(self, text: str) -> EscPosEncoder:
        """Text in the profile's code page; ``\\n`` feeds a line. Other control characters degrade to
        ``?`` (refused with ``strict``): data can never inject printer commands."""
        if self.strict:
            return self._add(encode_text(text, self.profile.code_page, strict=True))
        printable, replaced = degrade_text(text, self.profile.code_page)
        self.degraded.update(replaced)
        return self._add(printable.encode(self.profile.code_page.codec))

    def line(self, text: str = "") -> EscPosEncoder:
        """Text followed by a line feed."""
        return self.text(text)._add(LF)

    def bold(self, on: bool = True) -> EscPosEncoder:
        return self._add(ESC + b"E" + bytes([int(on)]))

    def underline(self, thickness: int = 1) -> EscPosEncoder:
        """``ESC - n``: 0 off, 1 thin, 2 thick."""
        if thickness not in (0, 1, 2):
            raise EncodingError(f"Underline thickness {thickness} is not 0, 1 or 2: choose one of these.")
        return self._add(ESC + b"-" + bytes([thickness]))

    def size(self, width: int = 1, height: int = 1) -> EscPosEncoder:
        """``GS ! n``: character width and height multipliers 1-8; ``size()`` returns to normal."""
        if not (1 <= width <= 8 and 1 <= height <= 8):
            raise EncodingError(f"Text size {width}x{height} is outside 1-8: choose multipliers from 1 to 8.")
        return self._add(GS + b"!" + bytes([(width - 1) << 4 | (height - 1)]))

    def align(self, where: str = "left") -> EscPosEncoder:
        """``ESC a n``: ``"left"``, ``"center"`` or ``"right"``."""
        if where not in ALIGNMENTS:
            raise EncodingError(f"Alignment {where!r} is unknown: use left, center or right.")
        return self._add(ESC + b"a" + bytes([ALIGNMENTS[where]]))

    def font(self, name: str = "A") -> EscPosEncoder:
        """``ESC M n``: font A (wide) or B (narrow, more columns)."""
        if name not in ("A", "B"):
            raise EncodingError(f"Font {name!r} is unknown: use A or B.")
        return self._add(ESC + b"M" + bytes([0 if name == "A" else 1]))

    def newline(self) -> EscPosEncoder:
        return self._add(LF)

    def feed(self, lines: int = 1) -> EscPosEncoder:
        """``ESC d n``: print the buffer and feed ``n`` lines (0-255)."""
        if not 0 <= lines <= 255:
            raise EncodingError(f"Cannot feed {lines} lines: choose 0 to 255.")
        return self._add(ESC + b"d" + bytes([lines]))

    # --- codes and images ------------------------------------------------------------------------

    def code128(
        self, data: str, *, height: int = 64, module_width: int = 3, hri: str = "below", ascii_: bool = False
    ) -> EscPosEncoder:
        """Code 128 (code set B) of ``[A-Z0-9-]`` data, e.g. a return number; ``ascii_`` allows any
        printable ASCII but ``{`` (scanner programming codes)."""
        barcodes.check_code128(data, ascii_=ascii_)
        return self._linear("CODE128", data, height, module_width, hri)

    def ean13(
        self, data: str, *, height: int = 64, module_width: int = 3, hri: str = "below"
    ) -> EscPosEncoder:
        """EAN-13 of 13 digits; a wrong check digit raises, it is never corrected."""
        barcodes.check_ean13(data)
        return self._linear("EAN13", data, height, module_width, hri)

    def _linear(self, symbology: str, data: str, height: int, module_width: int, hri: str) -> EscPosEncoder:
        setup = barcodes.barcode_setup(height, module_width, hri)
        if symbology in self.profile.barcodes_native:
            command = (
                barcodes.code128_command(data) if symbology == "CODE128" else barcodes.ean13_command(data)
            )
            return self._add(setup + command)
        self.image(barcodes.linear_bit_image(symbology, data, height, module_width))
        return self.line(data) if hri != "none" else self

    def qr(self, data: str | bytes, *, size: int = 6, error: str = "M") -> EscPosEncoder:
        """QR code (model 2); native ``GS ( k`` or a raster image, as the profile says."""
        payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        if self.profile.qr_native:
            return self._add(barcodes.qr_native_command(payload, size, error))
        return self.image(barcodes.qr_bit_image(payload, size, error))

    def image(self, source: Any) -> EscPosEncoder:
        """Raster image (``GS v 0``) from a Pillow image or rows of bits (1 = black)."""
        bits = source if isinstance(source, BitImage) else to_bit_image(source)
        return self._add(raster_command(bits, self.profile.dots_per_line))

    # --- paper, drawer, status -------------------------------------------------------------------

    def cut(self, partial: bool | None = None) -> EscPosEncoder:
        """Feed the profile's lines then ``GS V`` (0 full, 1 partial); only feed if there is no cutter."""
        self.feed(self.profile.cut_feed_lines)
        if self.profile.cut == "none":
            return self
        if partial is None:
            partial = self.profile.cut == "partial"
        return self._add(GS + b"V" + bytes([1 if partial else 0]))

    def drawer_kick(self, pin: int | None = None) -> EscPosEncoder:
        """``ESC p m t1 t2`` with the profile's pin and pulse (t in 2 ms units)."""
        settings = self.profile.drawer
        pin = settings.pin if pin is None else pin
        if pin not in (2, 5):
            raise EncodingError(f"Drawer pin {pin} does not exist: use pin 2 or pin 5.")
        on, off = (max(1, min(255, round(ms / 2))) for ms in (settings.on_ms, settings.off_ms))
        return self._add(ESC + b"p" + bytes([0 if pin == 2 else 1, on, off]))

    def drawer_pulse_realtime(self, pin: int | None = None) -> EscPosEncoder:
        """``DLE DC4 1 m t``: a drawer pulse the printer executes on receipt, even offline or out of
        paper (m 0 = pin 2, 1 = pin 5; t × 100 ms on and off, 1-8)."""
        settings = self.profile.drawer
        pin = settings.pin if pin is None else pin
        if pin not in (2, 5):
            raise EncodingError(f"Drawer pin {pin} does not exist: use pin 2 or pin 5.")
        return self._add(DLE + b"\x14\x01" + bytes([0 if pin == 2 else 1, max(1, min(8, round(settings.on_ms / 100)))]))

    def status_request(self, n: int) -> EscPosEncoder:
        return self._add(status_request(n))
