"""Render interpreted ops as a receipt-looking PNG: thermal-style text, real barcodes, QR codes, images.

Text uses a monospaced font (DejaVu Sans Mono or Consolas when installed, Pillow's default font
otherwise) at 12×24 dots for font A and 9×17 for font B, scaled for double width/height. Barcodes
are drawn from python-barcode's bar patterns and QR codes from segno's matrix, at the module sizes
the job asked for, so a decoder can read them back from the picture.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from posdrivers.errors import EncodingError
from posdrivers.escpos.barcodes import gtin_check_digit, linear_bit_image, qr_bit_image
from posdrivers.escpos.raster import BitImage, pack_rows
from posdrivers.virtual.ops import Barcode, Op
from posdrivers.virtual.render_text import marker

MARGIN = 24
CELLS = {"A": (12, 24), "B": (9, 17)}
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "C:/Windows/Fonts")


@lru_cache(maxsize=8)
def _font(font: str, bold: bool) -> Any:
    cell_h = CELLS[font][1]
    names = ("DejaVuSansMono-Bold.ttf", "consolab.ttf") if bold else ("DejaVuSansMono.ttf", "consola.ttf")
    for folder in _FONT_DIRS:
        for name in names:
            if (Path(folder) / name).is_file():
                return ImageFont.truetype(str(Path(folder) / name), int(cell_h * 0.8))
    return ImageFont.load_default(size=int(cell_h * 0.8))


def bit_image_to_pillow(image: BitImage) -> Image.Image:
    """A :class:`BitImage` (True = black) as a Pillow mode "1" image."""
    _, data = pack_rows(image)
    return Image.frombytes("1", (image.width, image.height), bytes(255 - b for b in data))


class _Receipt:
    def __init__(self, dots: int) -> None:
        self.dots = dots
        self.blocks: list[tuple[Image.Image, str]] = []
        self.runs: list[tuple[str, dict[str, Any]]] = []
        self.style: dict[str, Any] = {
            "bold": False,
            "underline": 0,
            "size": (1, 1),
            "font": "A",
            "align": "left",
        }

    def flush(self, force: bool = True) -> None:
        if not self.runs and not force:
            return
        pieces = [self._run(text, style) for text, style in self.runs if text]
        font_h = CELLS[self.style["font"]][1] * self.style["size"][1]
        height = max([p.height for p in pieces] + [font_h])
        line = Image.new("1", (max(1, sum(p.width for p in pieces)), height), 1)
        x = 0
        for piece in pieces:
            line.paste(piece, (x, height - piece.height))
            x += piece.width
        self.blocks.append((line, self.style["align"]))
        self.runs = []

    def _run(self, text: str, style: dict[str, Any]) -> Image.Image:
        cell_w, cell_h = CELLS[style["font"]]
        image = Image.new("1", (cell_w * len(text), cell_h), 1)
        draw = ImageDraw.Draw(image)
        for i, char in enumerate(text):
            draw.text((i * cell_w, 1), char, font=_font(style["font"], style["bold"]), fill=0)
        if style["underline"]:
            draw.line((0, cell_h - 2, image.width, cell_h - 2), fill=0, width=style["underline"])
        width, height = style["size"]
        return image.resize((image.width * width, image.height * height), Image.Resampling.NEAREST)

    def picture(self, image: Image.Image) -> None:
        self.flush(force=False)
        self.blocks.append((image, self.style["align"]))

    def note(self, text: str) -> None:
        self.flush(force=False)
        self.runs = [(text, {**self.style, "size": (1, 1), "bold": False, "underline": 0})]
        self.flush()

    def barcode(self, code: Barcode) -> None:
        if code.symbology == "EAN13" and not (
            code.data.isdigit()
            and len(code.data) == 13
            and gtin_check_digit(code.data[:12]) == int(code.data[12])
        ):
            return self.note(f"[EAN13 NOT PRINTED: bad data {code.data}]")
        if code.symbology not in ("CODE128", "EAN13"):
            return self.note(f"[{code.symbology} {code.data}]")
        data = code.data.replace("\x1d", "\xf1")
        if code.hri in (1, 3):
            self.note(code.data)
        self.picture(
            bit_image_to_pillow(linear_bit_image(code.symbology, data, code.height, code.module_width))
        )
        if code.hri in (2, 3):
            self.note(code.data)

    def image(self) -> Image.Image:
        self.flush(force=False)
        height = sum(block.height for block, _ in self.blocks) + 2 * MARGIN
        paper = Image.new("L", (self.dots + 2 * MARGIN, max(height, 2 * MARGIN)), 255)
        y = MARGIN
        for block, align in self.blocks:
            free = max(0, self.dots - block.width)
            x = MARGIN + {"left": 0, "center": free // 2, "right": free}[align]
            paper.paste(block.convert("L"), (x, y))
            y += block.height
        return paper


def render_png(ops: Iterable[Op], path: str | Path, dots: int = 576) -> None:
    """Draw the job's ops on a ``dots``-wide paper and save it as a PNG."""
    receipt = _Receipt(dots)
    for op in ops:
        kind, value = op.kind, op.value
        if kind == "text":
            receipt.runs.append((value, dict(receipt.style)))
        elif kind == "lf":
            receipt.flush()
        elif kind == "feed":
            for _ in range(value):
                receipt.flush()
        elif kind in ("bold", "underline", "size", "font", "align"):
            receipt.style[kind] = value
        elif kind == "init":
            receipt.style.update(bold=False, underline=0, size=(1, 1), font="A", align="left")
        elif kind == "barcode":
            receipt.barcode(value)
        elif kind == "qr":
            try:
                receipt.picture(bit_image_to_pillow(qr_bit_image(value.data, value.size, value.error)))
            except EncodingError as exc:
                receipt.note(f"[QR NOT PRINTED: {exc}]")
        elif kind == "raster":
            receipt.picture(bit_image_to_pillow(value))
        elif kind == "cut":
            receipt.note("- " * (receipt.dots // 24) if value else "")
        elif (text := marker(op)) is not None:
            receipt.note(text)
    receipt.image().save(path, format="PNG")
