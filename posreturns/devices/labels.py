"""Labels: the second-hand resale label and the inspection tag for held items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from posreturns.devices.documents import Barcode, Block, Cut, Feed, Rule, Text
from posreturns.devices.wording import CONDITIONS, REASONS, moment, money, pick, word


@dataclass(frozen=True)
class ResaleLabel:
    title: str
    grade: str  # A like new, B good, C fair
    price: str
    original_price: str
    currency: str
    barcode: str  # the resale unit's own code (EAN-13 or internal Code 128)
    ean13: str | None = None  # the resale SKU's EAN-13: printed instead when the code is too wide for the paper


@dataclass(frozen=True)
class InspectionTag:
    return_number: str
    sku: str
    title: str
    reason: str
    condition: str
    received_at: datetime
    note: str = ""
    serial: str | None = None
    code: str | None = None  # the held unit's id: its barcode opens the unit in the manager's queue
    alerts: tuple[str, ...] = ()  # the staff alerts raised on the line, in the label's language


@dataclass(frozen=True)
class RtvSlip:
    batch_id: str
    vendor: str
    store: str
    created_at: datetime
    lines: tuple[tuple[str, str, str, str], ...]  # unit id, SKU, title, reason
    reference: str | None = None


def resale_label(label: ResaleLabel, lang: str) -> list[Block]:
    is_ean13 = label.barcode.isdigit() and len(label.barcode) == 13
    symbology: Literal["code128", "ean13"] = "ean13" if is_ean13 else "code128"
    return [Text(word("resale", lang), "center", bold=True), Text(label.title, "center"),
            Text(f"{word('grade', lang)} {label.grade}", "center", bold=True, large=True),
            Text(money(label.price, label.currency, lang), "center", bold=True, large=True),
            Text(f"{word('was', lang)}: {money(label.original_price, label.currency, lang)}", "center"),
            Barcode(symbology, label.barcode, label.ean13 if symbology == "code128" else None), Feed(2), Cut()]


def inspection_tag(tag: InspectionTag, lang: str) -> list[Block]:
    blocks: list[Block] = [Text(word("inspect", lang), "center", bold=True, large=True), Rule(),
                           Text(f"{tag.sku} - {tag.title}"),
                           Text(f"{word('reason', lang)}: {pick(REASONS.get(tag.reason), tag.reason, lang)}"),
                           Text(f"{word('condition', lang)}: "
                                f"{pick(CONDITIONS.get(tag.condition), tag.condition, lang)}"),
                           Text(f"{word('received', lang)}: {moment(tag.received_at, lang)}")]
    if tag.serial:
        blocks.append(Text(f"{word('serial', lang)}: {tag.serial}"))
    if tag.note:
        blocks.append(Text(f"{word('note', lang)}: {tag.note}"))
    blocks += [Text(f"! {alert}", bold=True) for alert in tag.alerts]
    code = tag.code or tag.return_number
    tail = [Text(tag.return_number, "center")] if tag.code else []
    return blocks + [Barcode("code128", code), Text(code, "center"), *tail, Feed(2), Cut()]


def rtv_slip(slip: RtvSlip, lang: str) -> list[Block]:
    """The paper that goes in the parcel to the vendor: one line per unit, and the batch as a barcode."""
    blocks: list[Block] = [Text(word("rtv", lang), "center", bold=True, large=True), Text(slip.store, "center"), Rule(),
                           Text(f"{word('vendor', lang)}: {slip.vendor}", bold=True),
                           Text(f"{word('batch', lang)}: {slip.batch_id}"),
                           Text(f"{word('received', lang)}: {moment(slip.created_at, lang)}")]
    if slip.reference:
        blocks.append(Text(f"{word('reference', lang)}: {slip.reference}"))
    blocks.append(Rule())
    for unit, sku, title, reason in slip.lines:
        blocks += [Text(f"{sku} - {title}"), Text(f"  {unit} - {pick(REASONS.get(reason), reason, lang)}")]
    blocks += [Rule(), Text(f"{word('units', lang)}: {len(slip.lines)}", bold=True),
               Barcode("code128", slip.batch_id), Text(slip.batch_id, "center"), Feed(2), Cut()]
    return blocks
