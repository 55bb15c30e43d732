"""The receipt's printer-independent blocks as an e-mail's HTML and plain text, and its codes as PNG.

The HTML is a single centred table with inline styles (what Gmail, Outlook and Apple Mail all
show); barcodes are `cid:` images attached to the HTML part, because those clients block images
written as `data:` URIs. The plain text is the paper's text, with the codes written out.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from posdrivers.escpos.barcodes import linear_bit_image, qr_bit_image
from posdrivers.escpos.raster import BitImage

from posreturns.devices.documents import Barcode, Block, Columns, Cut, Feed, QrCode, Rule, Text, render_text

TEXT_WIDTH = 48
BAR_MODULE_PX, BAR_HEIGHT_PX, QR_MODULE_PX = 2, 64, 4


@dataclass(frozen=True, slots=True)
class InlineImage:
    """A PNG shown in the HTML through its Content-ID."""

    cid: str  # without angle brackets
    png: bytes
    width: int
    height: int
    alt: str


def mail_text(blocks: list[Block]) -> str:
    """The receipt as plain text: the paper's columns, each code as its readable value."""
    written = " ".join(b.text for b in blocks if isinstance(b, Text))
    shown: list[Block] = []
    for block in blocks:
        if isinstance(block, Barcode | QrCode):
            if block.data not in written:
                shown.append(Text(block.data, "center"))
                written += " " + block.data
        elif not isinstance(block, Cut):
            shown.append(block)
    return render_text(shown, TEXT_WIDTH)


def code_images(blocks: list[Block], cid_suffix: str) -> dict[int, InlineImage]:
    """One PNG per barcode or QR block, by the block's position in `blocks`."""
    images: dict[int, InlineImage] = {}
    for position, block in enumerate(blocks):
        if isinstance(block, Barcode):
            symbology = "CODE128" if block.symbology == "code128" else "EAN13"
            bits = linear_bit_image(symbology, block.data, BAR_HEIGHT_PX, BAR_MODULE_PX)
        elif isinstance(block, QrCode):
            bits = qr_bit_image(block.data.encode(), QR_MODULE_PX, "M")
        else:
            continue
        kind = "barcode" if isinstance(block, Barcode) else "qr"
        images[position] = InlineImage(f"{kind}{position}.{cid_suffix}", png(bits), bits.width, bits.height, block.data)
    return images


def png(bits: BitImage) -> bytes:
    from PIL import Image

    picture = Image.new("1", (bits.width, bits.height), 1)
    picture.putdata([0 if dark else 1 for row in bits.rows for dark in row])
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def mail_html(blocks: list[Block], images: dict[int, InlineImage], title: str, lang: str, intro: str = "") -> str:
    rows = [f'<tr><td colspan="2" style="padding-bottom:12px;">{html.escape(intro)}</td></tr>'] if intro else []
    rows += [_row(block, images.get(position)) for position, block in enumerate(blocks)]
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head>\n"
        '<body style="margin:0;padding:16px 8px;background:#f2f2f2;">\n'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">\n'
        '<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;max-width:480px;'
        "background:#ffffff;border:1px solid #dddddd;padding:16px;font-family:Arial,Helvetica,sans-serif;"
        'font-size:14px;line-height:1.4;color:#111111;">\n'
        + "\n".join(row for row in rows if row)
        + "\n</table>\n</td></tr></table>\n</body></html>\n"
    )


def _row(block: Block, image: InlineImage | None) -> str:
    if isinstance(block, Text):
        indent = len(block.text) - len(block.text.lstrip(" "))
        style = [f"text-align:{block.align}"]
        if block.bold:
            style.append("font-weight:bold")
        if block.large:
            style.append("font-size:20px")
        if indent:
            style.append(f"padding-left:{indent * 6}px")
        return f'<tr><td colspan="2" style="{";".join(style)}">{html.escape(block.text.strip())}</td></tr>'
    if isinstance(block, Columns):
        weight = "font-weight:bold;" if block.bold else ""
        indent = len(block.left) - len(block.left.lstrip(" "))
        pad = f"padding-left:{indent * 6}px;" if indent else ""
        return (f'<tr><td style="{weight}{pad}">{html.escape(block.left.strip())}</td>'
                f'<td style="{weight}text-align:right;white-space:nowrap;padding-left:12px;">'
                f"{html.escape(block.right)}</td></tr>")
    if isinstance(block, Rule):
        line = "2px solid #111111" if block.char == "=" else "1px dashed #999999"
        return f'<tr><td colspan="2" style="border-top:{line};font-size:0;line-height:0;height:8px;">&nbsp;</td></tr>'
    if isinstance(block, Barcode | QrCode) and image is not None:
        label = (f'<div style="font-family:Consolas,Menlo,monospace;font-size:13px;">{html.escape(image.alt)}</div>'
                 if isinstance(block, Barcode) else "")
        return (f'<tr><td colspan="2" align="center" style="padding:8px 0;"><img src="cid:{image.cid}" '
                f'width="{image.width}" height="{image.height}" alt="{html.escape(image.alt)}" '
                f'style="display:block;margin:0 auto;max-width:100%;height:auto;">{label}</td></tr>')
    if isinstance(block, Feed):
        return f'<tr><td colspan="2" style="height:{10 * block.lines}px;"></td></tr>'
    return ""
