"""Render interpreted ops as plain text, the way the receipt reads, with markers for non-text items.

Markers: ``[CODE128 RET-2026-000123]``, ``[EAN13 4006381333931]``, ``[QR https://…]``,
``[IMAGE 64x64]``, ``[CUT]`` / ``[CUT partial]``, ``[DRAWER pin2]``, ``[UNKNOWN 1b 7a]``. Centred and
right-aligned lines are padded to the paper's columns (font A or B, divided by the width multiplier).
"""

from __future__ import annotations

from collections.abc import Iterable

from posdrivers.virtual.ops import Op


def marker(op: Op) -> str | None:
    """The bracketed marker for a non-text op, or None for ops that print nothing themselves."""
    kind, value = op.kind, op.value
    if kind == "barcode":
        return f"[{value.symbology} {value.data}]"
    if kind == "qr":
        return f"[QR {value.data.decode('utf-8', 'replace')}]"
    if kind == "raster":
        return f"[IMAGE {value.width}x{value.height}]"
    if kind == "cut":
        return "[CUT]" if value == "full" else "[CUT partial]"
    if kind == "drawer":
        return f"[DRAWER pin{value[0]}]"
    if kind == "unknown":
        return f"[UNKNOWN {value[:16].hex(' ')}]"
    return None


class _Layout:
    def __init__(self, columns_a: int, columns_b: int) -> None:
        self.columns = {"A": columns_a, "B": columns_b}
        self.lines: list[str] = []
        self.current = ""
        self.align = "left"
        self.font = "A"
        self.width = 1

    def flush(self, force: bool = True) -> None:
        if not self.current and not force:
            return
        width = max(1, self.columns[self.font] // self.width)
        text = self.current
        if self.align == "center":
            text = text.center(width).rstrip()
        elif self.align == "right":
            text = text.rjust(width)
        self.lines.append(text)
        self.current = ""

    def block(self, text: str) -> None:
        self.flush(force=False)
        self.current = text
        self.flush()


def render_text(ops: Iterable[Op], columns_a: int = 48, columns_b: int = 64) -> str:
    """Text of a job; every line ends with a newline."""
    layout = _Layout(columns_a, columns_b)
    for op in ops:
        if op.kind == "text":
            layout.current += op.value
        elif op.kind == "lf":
            layout.flush()
        elif op.kind == "feed":
            for _ in range(op.value):
                layout.flush()
        elif op.kind == "align":
            layout.align = op.value
        elif op.kind == "font":
            layout.font = op.value
        elif op.kind == "size":
            layout.width = op.value[0]
        elif op.kind == "init":
            layout.align, layout.font, layout.width = "left", "A", 1
        elif (text := marker(op)) is not None:
            layout.block(text)
    layout.flush(force=False)
    return "".join(line + "\n" for line in layout.lines)
