"""1-bit images → ESC/POS raster commands (``GS v 0``).

An image is accepted either as a Pillow image (any mode; dark pixels print, transparent pixels do not)
or as rows of bits (``1``/``True`` = black dot). Rows are packed MSB-first, padded to whole bytes,
and tall images are sent in bands of at most :data:`BAND_HEIGHT` rows, as python-escpos does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from posdrivers.errors import EncodingError

BAND_HEIGHT = 960
Bits = Sequence[Sequence[int | bool]]


@dataclass(frozen=True)
class BitImage:
    """A 1-bit image: ``rows[y][x]`` is True for a black dot."""

    width: int
    rows: tuple[tuple[bool, ...], ...]

    @property
    def height(self) -> int:
        return len(self.rows)


def to_bit_image(source: Any) -> BitImage:
    """Normalise a Pillow image or rows of bits into a :class:`BitImage`."""
    if hasattr(source, "convert") and hasattr(source, "size"):
        return _from_pillow(source)
    try:
        rows = tuple(tuple(bool(bit) for bit in row) for row in source)
    except TypeError as exc:
        raise EncodingError(
            "An image must be a Pillow image or rows of bits (1 = black): pass one of these."
        ) from exc
    if not rows or not rows[0]:
        raise EncodingError("The image is empty: pass at least one row with at least one dot.")
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise EncodingError(
            "The rows of the bit image have different lengths: make every row the same width."
        )
    return BitImage(width, rows)


def _from_pillow(image: Any) -> BitImage:
    from PIL import Image

    if image.mode in ("RGBA", "LA", "P"):
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        background.alpha_composite(image.convert("RGBA"))
        image = background
    grey = image.convert("L")
    width, height = grey.size
    if not width or not height:
        raise EncodingError("The image is empty: pass an image at least one dot wide and high.")
    data = grey.tobytes()
    rows = tuple(tuple(data[y * width + x] < 128 for x in range(width)) for y in range(height))
    return BitImage(width, rows)


def pack_rows(image: BitImage) -> tuple[int, bytes]:
    """Pack rows MSB-first; returns (bytes per row, data)."""
    width_bytes = (image.width + 7) // 8
    out = bytearray()
    for row in image.rows:
        padded = row + (False,) * (width_bytes * 8 - image.width)
        for i in range(0, len(padded), 8):
            byte = 0
            for bit in padded[i : i + 8]:
                byte = (byte << 1) | bit
            out.append(byte)
    return width_bytes, bytes(out)


def raster_command(image: BitImage, max_width_dots: int) -> bytes:
    """``GS v 0`` bands for ``image``; raises if it is wider than the paper."""
    if image.width > max_width_dots:
        raise EncodingError(
            f"The image is {image.width} dots wide but the paper takes {max_width_dots}: "
            "scale the image down before printing it."
        )
    width_bytes, data = pack_rows(image)
    out = bytearray()
    for top in range(0, image.height, BAND_HEIGHT):
        rows = min(BAND_HEIGHT, image.height - top)
        band = data[top * width_bytes : (top + rows) * width_bytes]
        out += b"\x1dv0\x00" + _u16(width_bytes) + _u16(rows) + band
    return bytes(out)


def _u16(value: int) -> bytes:
    return bytes((value & 0xFF, value >> 8))
