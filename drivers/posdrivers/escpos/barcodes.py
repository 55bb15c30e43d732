"""Barcode and QR commands: validation, native ESC/POS commands, and raster fallbacks.

Native commands follow Epson ESC/POS (and produce the same bytes as python-escpos 3.1):

* 1D barcodes: ``GS h`` height, ``GS w`` module width, ``GS f 0`` HRI font A, ``GS H`` HRI position,
  then ``GS k m n data`` (function B, length-prefixed): Code 128 is ``m=73`` with the ``{B`` code set
  selector, EAN-13 is ``m=67``.
* QR: ``GS ( k`` functions 165 model, 167 module size, 169 error level, 180 store, 181 print.

A profile without native QR gets the QR as a raster image (segno), without native Code 128 / EAN-13
as bars drawn by python-barcode's encoder plus the human-readable text on the next line.
"""

from __future__ import annotations

import re

from posdrivers.errors import BarcodeDataError
from posdrivers.escpos.raster import BitImage

CODE128_PATTERN = re.compile(r"[A-Z0-9-]{1,253}")
CODE128_ASCII = re.compile(r"[\x20-\x7a\x7c-\x7e]{1,250}")  # printable ASCII but "{", Epson's code-set escape
HRI_POSITIONS = {"none": 0, "above": 1, "below": 2, "both": 3}
QR_ERROR_LEVELS = {"L": 0, "M": 1, "Q": 2, "H": 3}
QR_MAX_BYTES = 7089


def gtin_check_digit(payload: str) -> int:
    """Mod-10 check digit of a GTIN payload (weights 3,1,3,… from the right), as biip computes it."""
    from biip.checksums import gs1_standard_check_digit  # biip builds its GS1 tables on import: when first asked

    return gs1_standard_check_digit(payload)


def check_code128(data: str, *, ascii_: bool = False) -> None:
    """Our receipt/return numbers are ``[A-Z0-9-]``: they survive every scanner keymap. With
    ``ascii_``, any printable ASCII but ``{`` (scanner programming codes such as ``VSUFCR.``)."""
    if ascii_:
        if not CODE128_ASCII.fullmatch(data):
            raise BarcodeDataError(
                f"Code 128 data {data!r} is not 1-250 printable ASCII characters (without {{): shorten or fix it."
            )
        return
    if not CODE128_PATTERN.fullmatch(data):
        raise BarcodeDataError(
            f"Code 128 data {data!r} is not 1-253 characters of A-Z, 0-9 and '-': "
            "use upper-case letters, digits and dashes only."
        )


def check_ean13(data: str) -> None:
    """13 digits whose last one is the right check digit (never fixed silently)."""
    if not re.fullmatch(r"\d{13}", data):
        raise BarcodeDataError(
            f"EAN-13 data {data!r} is not 13 digits: pass the full code with its check digit."
        )
    expected = gtin_check_digit(data[:12])
    if int(data[12]) != expected:
        raise BarcodeDataError(
            f"EAN-13 {data} has check digit {data[12]} but should end in {expected}: "
            "check the code, it was probably mistyped."
        )


def barcode_setup(height: int, module_width: int, hri: str) -> bytes:
    """``GS h``, ``GS w``, ``GS f`` and ``GS H`` before a native 1D barcode."""
    if not 1 <= height <= 255:
        raise BarcodeDataError(
            f"Barcode height {height} is outside 1-255 dots: choose a height in that range."
        )
    if not 2 <= module_width <= 6:
        raise BarcodeDataError(f"Barcode module width {module_width} is outside 2-6 dots: choose 2 to 6.")
    if hri not in HRI_POSITIONS:
        raise BarcodeDataError(f"HRI position {hri!r} is unknown: use one of {', '.join(HRI_POSITIONS)}.")
    return (
        b"\x1dh"
        + bytes([height])
        + b"\x1dw"
        + bytes([module_width])
        + b"\x1df\x00\x1dH"
        + bytes([HRI_POSITIONS[hri]])
    )


def code128_command(data: str) -> bytes:
    payload = b"{B" + data.encode("ascii")
    return b"\x1dkI" + bytes([len(payload)]) + payload


def ean13_command(data: str) -> bytes:
    return b"\x1dkC" + bytes([len(data)]) + data.encode("ascii")


def qr_native_command(data: bytes, size: int, error: str, model: int = 2) -> bytes:
    check_qr(data, size, error)
    if model not in (1, 2):
        raise BarcodeDataError(f"QR model {model} does not exist: use model 2 (or 1 for very old printers).")
    store = b"1P0" + data
    return (
        b"\x1d(k\x04\x001A"
        + bytes([48 + model, 0])
        + b"\x1d(k\x03\x001C"
        + bytes([size])
        + b"\x1d(k\x03\x001E"
        + bytes([48 + QR_ERROR_LEVELS[error]])
        + b"\x1d(k"
        + bytes([len(store) & 0xFF, len(store) >> 8])
        + store
        + b"\x1d(k\x03\x001Q0"
    )


def check_qr(data: bytes, size: int, error: str) -> None:
    if not data:
        raise BarcodeDataError("The QR code has no data: pass the text or URL to encode.")
    if len(data) > QR_MAX_BYTES:
        raise BarcodeDataError(f"The QR data is {len(data)} bytes, more than {QR_MAX_BYTES}: shorten it.")
    if not 1 <= size <= 16:
        raise BarcodeDataError(f"QR module size {size} is outside 1-16 dots: choose a size in that range.")
    if error not in QR_ERROR_LEVELS:
        raise BarcodeDataError(f"QR error level {error!r} is unknown: use L, M, Q or H.")


def qr_bit_image(data: bytes, size: int, error: str) -> BitImage:
    """The QR code as a bit image, ``size`` dots per module, with the 4-module quiet zone."""
    import segno

    check_qr(data, size, error)
    try:
        qr = segno.make_qr(data, error=error.lower(), boost_error=False)
    except segno.DataOverflowError as exc:
        raise BarcodeDataError(
            f"The QR data does not fit in a QR code at level {error}: shorten it."
        ) from exc
    modules = [[bool(v) for v in row] for row in qr.matrix]
    return _scaled(modules, quiet=4, scale=size)


def linear_bit_image(symbology: str, data: str, height: int, module_width: int) -> BitImage:
    """Bars of a Code 128 / EAN-13 barcode (python-barcode's encoder) as a bit image with quiet zones."""
    import barcode  # type: ignore[import-untyped, unused-ignore]
    import barcode.errors  # type: ignore[import-untyped, unused-ignore]

    name = {"CODE128": "code128", "EAN13": "ean13"}[symbology]
    code = data[:12] if symbology == "EAN13" else data
    try:
        modules = [c == "1" for c in barcode.get(name, code).build()[0]]
    except barcode.errors.BarcodeError as exc:
        raise BarcodeDataError(f"{symbology} data {data!r} cannot be drawn ({exc}): check it.") from exc
    return _scaled([modules], quiet=10, scale=module_width, height=height)


def _scaled(rows: list[list[bool]], *, quiet: int, scale: int, height: int | None = None) -> BitImage:
    width = len(rows[0]) + 2 * quiet
    out: list[tuple[bool, ...]] = []
    blank = (False,) * (width * scale)
    out.extend([blank] * (quiet * scale if height is None else 0))
    for row in rows:
        padded = [False] * quiet + row + [False] * quiet
        line = tuple(bit for bit in padded for _ in range(scale))
        out.extend([line] * (scale if height is None else height))
    out.extend([blank] * (quiet * scale if height is None else 0))
    return BitImage(width * scale, tuple(out))
