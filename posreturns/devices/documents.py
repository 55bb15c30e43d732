"""A printer-independent document: the blocks a receipt or a label is made of.

Layouts (receipt_layout.py, labels.py) produce blocks; the ESC/POS adapter turns them into bytes for
one printer profile, and `render_text` turns them into plain text for previews and golden tests.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

Align = Literal["left", "center", "right"]


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    align: Align = "left"
    bold: bool = False
    large: bool = False  # double width and height


@dataclass(frozen=True, slots=True)
class Columns:
    """A label on the left and an amount on the right of one line."""

    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True, slots=True)
class Barcode:
    """A 1D code. On paper too narrow for it, `alternative` (the same item's EAN-13) is printed
    instead, or else the data as a QR code: a code is never dropped."""

    symbology: Literal["code128", "ean13"]
    data: str
    alternative: str | None = None
    any_ascii: bool = False  # Code 128 of any printable ASCII (scanner programming codes), not only [A-Z0-9-]


@dataclass(frozen=True, slots=True)
class QrCode:
    data: str


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True, slots=True)
class Cut:
    pass


Block = Text | Columns | Rule | Barcode | QrCode | Feed | Cut
_KINDS: dict[str, type[Any]] = {cls.__name__: cls for cls in (Text, Columns, Rule, Barcode, QrCode, Feed, Cut)}


def to_json(blocks: list[Block]) -> str:
    """The document as JSON, stored with the print job so each attempt lays it out for the printer
    configured then."""
    return json.dumps([{"block": type(block).__name__, **asdict(block)} for block in blocks], ensure_ascii=False)


def from_json(text: str) -> list[Block]:
    blocks: list[Block] = []
    for item in json.loads(text):
        cls = _KINDS[item.pop("block")]
        names = {f.name for f in fields(cls)}
        blocks.append(cls(**{k: v for k, v in item.items() if k in names}))
    return blocks


QUIET_ZONE_MODULES = 10


def module_width(barcode: Barcode, dots_per_line: int) -> int | None:
    """The widest bars (3 or 2 dots; thinner ones do not scan reliably) with which the code and its
    quiet zones fit on the paper, or None when it does not fit."""
    modules = 95 if barcode.symbology == "ean13" else 11 * len(barcode.data) + 35
    for width in (3, 2):
        if (modules + 2 * QUIET_ZONE_MODULES) * width <= dots_per_line:
            return width
    return None


def fitted(block: Barcode, dots_per_line: int) -> Barcode | QrCode:
    """The code as it can be printed on this paper: itself, the item's EAN-13, or a QR code."""
    if module_width(block, dots_per_line) is not None:
        return block
    if block.alternative:
        ean = Barcode("ean13", block.alternative)
        if module_width(ean, dots_per_line) is not None:
            return ean
    return QrCode(block.data)


def wrap(text: str, width: int) -> list[str]:
    """Word-wrap to `width` columns, keeping the text's indentation; over-long words are split."""
    indent = text[: len(text) - len(text.lstrip(" "))]
    if indent and len(indent) < width // 2:
        return [indent + line for line in wrap(text.lstrip(" "), width - len(indent))]
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        candidate = f"{current} {word}".strip()
        if len(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current or not lines:
        lines.append(current)
    return lines


def columns(left: str, right: str, width: int) -> list[str]:
    """`left` wrapped, with `right` flush right on the last line (or on a line of its own)."""
    room = width - len(right) - 1
    lines = wrap(left, max(room, 1))
    if len(lines[-1]) <= room:
        lines[-1] = lines[-1].ljust(room) + " " + right
    else:
        lines.append(right.rjust(width))
    return lines


def render_text(blocks: list[Block], width: int, dots_per_line: int | None = None) -> str:
    """Plain-text rendering: what the paper shows, with markers for codes and the cut (codes as
    they fit on `dots_per_line` when given)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Barcode) and dots_per_line is not None:
            block = fitted(block, dots_per_line)
        if isinstance(block, Text):
            span = width // 2 if block.large else width
            for line in wrap(block.text, span):
                shown = line.upper() if block.large else line
                out.append(_aligned(shown, width, block.align))
        elif isinstance(block, Columns):
            out.extend(columns(block.left, block.right, width))
        elif isinstance(block, Rule):
            out.append(block.char * width)
        elif isinstance(block, Barcode):
            out.append(_aligned(f"[{block.symbology.upper()} {block.data}]", width, "center"))
        elif isinstance(block, QrCode):
            out.append(_aligned(f"[QR {block.data}]", width, "center"))
        elif isinstance(block, Feed):
            out.extend([""] * block.lines)
        elif isinstance(block, Cut):
            out.append("[CUT]")
    return "\n".join(line.rstrip() for line in out) + "\n"


def _aligned(text: str, width: int, align: Align) -> str:
    if align == "center":
        return text.center(width)
    if align == "right":
        return text.rjust(width)
    return text
