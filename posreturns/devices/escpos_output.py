"""Turns printer-independent document blocks into ESC/POS bytes for one printer profile."""

from __future__ import annotations

from dataclasses import dataclass, field

from posdrivers import EscPosEncoder, PrinterProfile

from posreturns.devices.documents import (
    Barcode,
    Block,
    Columns,
    Cut,
    Feed,
    QrCode,
    Rule,
    Text,
    columns,
    fitted,
    module_width,
    wrap,
)

__all__ = ["EncodedDocument", "encode_document", "module_width"]


@dataclass(frozen=True)
class EncodedDocument:
    """The bytes of a job, and the characters the printer's code page could not print as such."""

    data: bytes
    degraded: dict[str, str] = field(default_factory=dict)


def encode_document(blocks: list[Block], profile: PrinterProfile) -> EncodedDocument:
    """The whole job: initialise, the blocks, the cut. Text the code page lacks degrades (see
    posdrivers' codepages); codes too wide for the paper become the item's EAN-13 or a QR code."""
    width = profile.columns("A")
    out = EscPosEncoder(profile).initialize()
    for block in blocks:
        if isinstance(block, Barcode):
            block = fitted(block, profile.dots_per_line)
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
            module = module_width(block, profile.dots_per_line) or 2
            out.align("center")
            if block.symbology == "ean13":
                out.ean13(block.data, module_width=module)
            else:
                out.code128(block.data, module_width=module, ascii_=block.any_ascii)
            out.align("left")
        elif isinstance(block, QrCode):
            out.align("center").qr(block.data).align("left")
        elif isinstance(block, Feed):
            out.feed(block.lines)
        elif isinstance(block, Cut):
            out.cut()
    return EncodedDocument(bytes(out.to_bytes()), dict(out.degraded))
