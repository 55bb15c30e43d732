"""A printer-independent document: the blocks a receipt or a label is made of.

Layouts (receipt_layout.py, labels.py) produce blocks; the ESC/POS adapter turns them into bytes for
one printer profile, and `render_text` turns them into plain text for previews and golden tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
    symbology: Literal["code128", "ean13"]
    data: str


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


def render_text(blocks: list[Block], width: int) -> str:
    """Plain-text rendering: what the paper shows, with markers for codes and the cut."""
    out: list[str] = []
    for block in blocks:
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
