"""Parsing of the data-carrying ESC/POS commands: 1D barcodes (``GS k``) and raster images (``GS v 0``).

Each parser takes the buffer and the command's start and returns ``(end, ops)``, or ``None`` when the
command is not complete yet.
"""

from __future__ import annotations

from posdrivers.escpos.raster import BitImage
from posdrivers.virtual.ops import Barcode, Op

Result = tuple[int, list[Op]] | None
BARCODES_A = {0: "UPC-A", 1: "UPC-E", 2: "EAN13", 3: "EAN8", 4: "CODE39", 5: "ITF", 6: "CODABAR"}
BARCODES_B = {
    65: "UPC-A",
    66: "UPC-E",
    67: "EAN13",
    68: "EAN8",
    69: "CODE39",
    70: "ITF",
    71: "CODABAR",
    72: "CODE93",
    73: "CODE128",
}


def parse_barcode(buf: bytes, pos: int, settings: dict[str, int]) -> Result:
    """``GS k m …`` (function A NUL-terminated, or B length-prefixed) with the current ``GS h/w/H``."""
    if pos + 3 > len(buf):
        return None
    m = buf[pos + 2]
    if m in BARCODES_A:
        end = buf.find(b"\x00", pos + 3)
        if end < 0:
            return None
        data, stop = buf[pos + 3 : end], end + 1
        symbology = BARCODES_A[m]
    elif m in BARCODES_B:
        if pos + 4 > len(buf) or pos + 4 + buf[pos + 3] > len(buf):
            return None
        stop = pos + 4 + buf[pos + 3]
        data, symbology = buf[pos + 4 : stop], BARCODES_B[m]
    else:
        return pos + 1, [Op("unknown", buf[pos : pos + 1], buf[pos : pos + 1])]
    text = decode_code128(data) if symbology == "CODE128" else data.decode("latin-1")
    code = Barcode(symbology, text, **settings)
    return stop, [Op("barcode", code, buf[pos:stop])]


def parse_raster(buf: bytes, pos: int) -> Result:
    """``GS v 0 m xL xH yL yH d…`` → a raster op (``None`` until all the image data has arrived)."""
    if pos + 8 > len(buf):
        return None
    if buf[pos + 2] != ord("0"):
        return pos + 1, [Op("unknown", buf[pos : pos + 1], buf[pos : pos + 1])]
    width_bytes = buf[pos + 4] | buf[pos + 5] << 8
    height = buf[pos + 6] | buf[pos + 7] << 8
    stop = pos + 8 + width_bytes * height
    if stop > len(buf):
        return None
    data = buf[pos + 8 : stop]
    rows = tuple(
        tuple(bool(data[y * width_bytes + x // 8] >> (7 - x % 8) & 1) for x in range(width_bytes * 8))
        for y in range(height)
    )
    return stop, [Op("raster", BitImage(width_bytes * 8, rows), buf[pos:stop])]


def decode_code128(data: bytes) -> str:
    """Code 128 data with ``{A``/``{B``/``{C`` code set selectors → the encoded text (FNC1 → GS)."""
    out, code_set, i = [], "B", 0
    while i < len(data):
        if data[i] == 0x7B and i + 1 < len(data):
            sel = chr(data[i + 1])
            if sel in "ABC":
                code_set = sel
            elif sel == "1":
                out.append("\x1d")
            elif sel == "{":
                out.append("{")
            i += 2
            continue
        out.append(f"{data[i]:02d}" if code_set == "C" else chr(data[i]))
        i += 1
    return "".join(out)
