"""The return receipt and the store-credit voucher, laid out as printer-independent blocks.

Pure functions of a `ReturnReceipt` (built from the completed return as stored, so a reprint is the
same paper) for a paper width in columns (48 on 80 mm, 32 on 58 mm) and a language. A return made on
a training till says "TRAINING / FORMATION" at the top, on its voucher and at the bottom.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from posreturns import __version__
from posreturns.devices.delivery_slip import delivery_blocks, pickup_slip
from posreturns.devices.documents import Barcode, Block, Columns, Cut, Feed, QrCode, Rule, Text
from posreturns.devices.wording import CONDITIONS, METHODS, REASONS, moment, money, pick, word


@dataclass(frozen=True)
class StoreHeader:
    name: str
    store_id: str
    till_id: str
    address: str = ""


@dataclass(frozen=True)
class ReturnReceipt:
    """What the receipt shows. `result` is the completed return's response (see docs/cli.md)."""

    header: StoreHeader
    return_number: str
    completed_at: datetime
    cashier: str | None
    result: dict[str, Any]
    order_number: str | None = None
    order_placed_at: datetime | None = None
    titles: dict[str, str] = field(default_factory=dict)  # sku -> product title
    approved_by: str | None = None
    receipt_url: str | None = None  # e-receipt link printed as QR; the return number otherwise
    software: str = ""  # "posreturns 1.2.0" in the footer: which version printed this paper


def receipt_of(result: dict[str, Any], header: StoreHeader, titles: Callable[[list[str]], dict[str, str]],
               order_placed_at: Callable[[str], datetime | None],
               local_time: Callable[[datetime], datetime]) -> ReturnReceipt:
    """The receipt of a completed return as stored (`return show`): the paper and the e-mail agree."""
    skus = ([line["sku"] for line in result.get("lines", [])]
            + [x["sku"] for x in (result.get("exchange") or {}).get("lines", [])])
    created = datetime.fromisoformat(result["created_at"]) if result.get("created_at") else None
    placed = order_placed_at(result["order_id"]) if result.get("order_id") else None
    return ReturnReceipt(header, result["return_number"], local_time(created or datetime.now(UTC)),
                         result.get("cashier"), result, result.get("receipt"), placed, titles(skus),
                         result.get("approved_by"), software=f"posreturns {__version__}")


def return_receipt(receipt: ReturnReceipt, width: int, lang: str, copy: bool = False,
                   signature: bool = True) -> list[Block]:
    """The receipt's blocks; `copy` marks a second print DUPLICATA / COPY at the top and the bottom;
    `signature=False` leaves out the signature line (the e-mail has none)."""
    result, currency = receipt.result, receipt.result.get("currency", "EUR")
    training = _training(result, lang)
    blocks: list[Block] = [*_header(receipt.header, lang), *training,
                           Text(word("return_receipt", lang), "center", bold=True, large=True), Feed()]
    if copy:
        blocks[-1:-1] = [Text(word("copy", lang), "center", bold=True, large=True)]
    blocks += [Text(f"{word('return_number', lang)} {receipt.return_number}", "center", bold=True),
               Barcode("code128", receipt.return_number), QrCode(receipt.receipt_url or receipt.return_number)]
    blocks.append(Text(moment(receipt.completed_at, lang), "center"))
    if receipt.order_number:
        placed = f" ({moment(receipt.order_placed_at, lang)})" if receipt.order_placed_at else ""
        blocks.append(Text(f"{word('original_sale', lang)}: {receipt.order_number}{placed}"))
    else:
        blocks.append(Text(word("no_receipt", lang), bold=True))
    staff = f"{word('till', lang)} {receipt.header.till_id}"
    if receipt.cashier:
        staff += f" - {word('cashier', lang)} {receipt.cashier}"
    blocks.append(Text(staff))
    if receipt.approved_by:
        blocks.append(Text(f"{word('approved_by', lang)}: {receipt.approved_by}"))
    if result.get("offline"):
        blocks.append(Text(word("offline", lang)))
    blocks.append(Rule())
    for line in result.get("lines", []):
        blocks += _line(line, receipt.titles, currency, width, lang)
    if _nonzero(result.get("shipping")):
        blocks.append(Columns(word("shipping", lang), money(result["shipping"], currency, lang)))
    # an exchange: the returned items pay for the replacement; only a difference is refunded (below)
    total = "exchange_credit" if result.get("exchange") else "refund_total"
    blocks += [Rule("="), Columns(word(total, lang), money(result.get("refund_total", "0"), currency, lang), bold=True)]
    for tender in result.get("tenders", []):
        label = f"{word('refund_to', lang)} {pick(METHODS.get(tender['method']), tender['method'], lang)}"
        if tender.get("executed_by") == "host":
            label += f" {word('by_host', lang)}"
        blocks.append(Columns(label, money(tender["amount"], currency, lang)))
    blocks += _host_payment(result.get("host_payment"), currency, lang)
    blocks += _exchange(result.get("exchange"), receipt.titles, currency, lang)
    blocks += delivery_blocks(result.get("delivery"), lang)
    if result.get("voucher"):
        blocks += [Feed(), *training, *voucher_blocks(result["voucher"], currency, lang)]
    blocks += _policy_line(result, lang)
    if signature:
        blocks += [Feed(2), Text(word("signature", lang) + ":"), Feed(2), Rule(".")]
    else:
        blocks.append(Feed())
    blocks += [*training, Text(word("thanks", lang), "center")]
    if receipt.software:
        blocks.append(Text(receipt.software, "center"))
    if copy:
        blocks.append(Text(word("copy", lang), "center", bold=True, large=True))
    return blocks + [Cut()]


def _host_payment(host: dict[str, Any] | None, currency: str, lang: str) -> list[Block]:
    """What the terminal did with the card refund: its reference, or its refusal and the tender that
    paid the customer instead (a voucher with its barcode)."""
    if not host:
        return []
    blocks: list[Block] = [Text(f"  {word('terminal_reference', lang)}: {host.get('reference') or '-'}")
                           if host.get("state") == "confirmed" else Text(word("card_declined", lang), bold=True)]
    paid = host.get("replaced_by")
    if paid:
        blocks.append(Columns(f"{word('paid_instead', lang)} {pick(METHODS.get(paid['method']), paid['method'], lang)}",
                              money(paid["amount"], currency, lang), bold=True))
        if paid.get("voucher"):
            blocks += [Feed(), *voucher_blocks({"code": paid["voucher"], "amount": paid["amount"]}, currency, lang)]
    return blocks


def pickup_slip_of(receipt: ReturnReceipt, lang: str) -> list[Block] | None:
    """The pickup slip of a replacement delivered to this store; None for any other return."""
    delivery = receipt.result.get("delivery")
    if not isinstance(delivery, dict) or delivery.get("to") != "store":
        return None
    items = [(int(x.get("qty", 1)), receipt.titles.get(x["sku"], x["sku"]))
             for x in (receipt.result.get("exchange") or {}).get("lines", [])]
    return pickup_slip([*_header(receipt.header, lang), *_training(receipt.result, lang)], receipt.return_number,
                       delivery, items, receipt.completed_at, lang)


def _training(result: dict[str, Any], lang: str) -> list[Block]:
    if not result.get("training"):
        return []
    return [Text(word("training", lang), "center", bold=True, large=True), Text(word("training_note", lang), "center"),
            Feed()]


def voucher_blocks(voucher: dict[str, Any], currency: str, lang: str) -> list[Block]:
    """The store-credit part: its own heading, amount and a scannable barcode of the code."""
    return [Text(word("voucher", lang), "center", bold=True, large=True),
            Text(money(voucher["amount"], currency, lang), "center", bold=True, large=True),
            Barcode("code128", voucher["code"]), Text(voucher["code"], "center"),
            Text(word("voucher_terms", lang), "center")]


def voucher_slip(header: StoreHeader, voucher: dict[str, Any], currency: str, issued_at: datetime,
                 lang: str) -> list[Block]:
    return [*_header(header, lang), *voucher_blocks(voucher, currency, lang), Text(moment(issued_at, lang), "center"),
            Cut()]


def _header(header: StoreHeader, lang: str) -> list[Block]:
    blocks: list[Block] = [Text(header.name, "center", bold=True)]
    if header.address:
        blocks.append(Text(header.address, "center"))
    blocks.append(Text(header.store_id, "center"))
    return blocks + [Feed()]


def _line(line: dict[str, Any], titles: dict[str, str], currency: str, width: int, lang: str) -> list[Block]:
    title = titles.get(line["sku"], line["sku"])
    blocks: list[Block] = [Columns(f"{line['qty']} x {title}", money(line["refund"], currency, lang), bold=True),
                           Text(f"  {line['sku']}")]
    reason = pick(REASONS.get(line.get("reason", "")), line.get("reason", ""), lang)
    condition = pick(CONDITIONS.get(line.get("condition", "")), line.get("condition", ""), lang)
    blocks.append(Text(f"  {word('reason', lang)}: {reason} / {word('condition', lang)}: {condition}"))
    if line.get("serial"):
        blocks.append(Text(f"  {word('serial', lang)}: {line['serial']}"))
    steps = line.get("breakdown", [])
    if steps:
        blocks.append(Text(f"  {word('why', lang)}:"))
        for step in steps:
            label = step["fr"] if lang == "fr" else step["en"]
            blocks.append(Columns(f"   {label}", money(step["amount"], currency, lang)))
    return blocks + [Feed()]


def _exchange(exchange: dict[str, Any] | None, titles: dict[str, str], currency: str, lang: str) -> list[Block]:
    if not exchange:
        return []
    blocks: list[Block] = [Rule(), Text(word("exchange", lang), bold=True)]
    for line in exchange.get("lines", []):
        blocks.append(Columns(f"{line.get('qty', 1)} x {titles.get(line['sku'], line['sku'])}",
                              money(line.get("unit_price", "0"), currency, lang)))
    if _nonzero(exchange.get("to_collect")):
        blocks.append(Columns(word("to_collect", lang), money(exchange["to_collect"], currency, lang), bold=True))
    elif _nonzero(exchange.get("to_refund")):
        blocks.append(Columns(word("to_refund", lang), money(exchange["to_refund"], currency, lang), bold=True))
    else:
        blocks.append(Text(word("even_exchange", lang)))
    return blocks


def _policy_line(result: dict[str, Any], lang: str) -> list[Block]:
    entries = result.get("trace", []) + [e for line in result.get("lines", []) for e in line.get("trace", [])]
    deciding = [e for e in entries if e.get("effect") not in (None, "allowed")] or entries
    version = result.get("policy_version", "")
    blocks: list[Block] = [Feed(), Text(f"{word('policy', lang)} {version}")]
    if deciding:
        blocks.append(Text(deciding[0]["fr"] if lang == "fr" else deciding[0]["en"]))
    return blocks


def _nonzero(amount: str | None) -> bool:
    return amount is not None and amount.strip("0.-") != ""
