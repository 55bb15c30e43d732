"""Turns printer-independent document blocks into ESC/POS bytes for one printer profile."""

from __future__ import annotations

from posdrivers import EscPosEncoder, PrinterProfile

from posreturns.devices.documents import Barcode, Block, Columns, Cut, Feed, QrCode, Rule, Text, columns, wrap

QUIET_ZONE_MODULES = 10


def module_width(barcode: Barcode, dots_per_line: int) -> int | None:
    """The widest bars (3 or 2 dots; thinner ones do not scan reliably) with which the code and its
    quiet zones fit on the paper, or None when it does not fit (the QR code then carries it)."""
    modules = 95 if barcode.symbology == "ean13" else 11 * len(barcode.data) + 35
    for width in (3, 2):
        if (modules + 2 * QUIET_ZONE_MODULES) * width <= dots_per_line:
            return width
    return None


def encode_document(blocks: list[Block], profile: PrinterProfile, *, open_drawer: bool = False) -> bytes:
    """The whole job: initialise, the blocks, then the drawer kick (cash refunds only) and the cut."""
    width = profile.columns("A")
    out = EscPosEncoder(profile).initialize()
    for block in blocks:
        if isinstance(block, Text):
            out.align(block.align).bold(block.bold)
            if block.large:
                out.size(2, 2)
            for line in wrap(block.text, width // 2 if block.large else width):
                out.line(line)
            out.size().bold(False).align("left")
        elif isinstance(block, Columns):
            out.bold(block.bold)
            for line in columns(block.left, block.right, width):
                out.line(line)
            out.bold(False)
        elif isinstance(block, Rule):
            out.line(block.char * width)
        elif isinstance(block, Barcode):
            module = module_width(block, profile.dots_per_line)
            if module is None:
                continue
            out.align("center")
            if block.symbology == "ean13":
                out.ean13(block.data, module_width=module)
            else:
                out.code128(block.data, module_width=module)
            out.align("left")
        elif isinstance(block, QrCode):
            out.align("center").qr(block.data).align("left")
        elif isinstance(block, Feed):
            out.feed(block.lines)
        elif isinstance(block, Cut):
            if open_drawer:
                out.drawer_kick()
            out.cut()
    return bytes(out.to_bytes())
