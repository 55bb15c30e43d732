"""An exchange delivered from the network on paper: the promise on the return receipt, and the
pickup slip when the replacement comes to this store (the customer shows it to collect the parcel;
its barcode is the return number, which finds the return at any till).

The promise is printed as a calendar date, never "tomorrow": a receipt reprinted the next day must
still say the same thing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from posreturns.devices.documents import Barcode, Block, Columns, Cut, Feed, Rule, Text
from posreturns.devices.wording import moment
from posreturns.domain.messages import Text as Message
from posreturns.domain.messages import translate
from posreturns.domain.promise_wording import calendar_day

WORDS: dict[str, Message] = {
    "home": translate("devices.delivery_slip", "DELIVERY TO YOUR HOME"),
    "store": translate("devices.delivery_slip", "PICKUP IN THIS STORE"),
    "expected": translate("devices.delivery_slip", "Expected"),
    "before": translate("devices.delivery_slip", "before"),
    "from": translate("devices.delivery_slip", "Sent from"),
    "to": translate("devices.delivery_slip", "To"),
    "provisional": translate("devices.delivery_slip", "Promised offline: confirmed when the till reconnects; "
                                                      "the store calls you if it changes."),
    "slip": translate("devices.delivery_slip", "PICKUP SLIP"),
    "show_slip": translate("devices.delivery_slip", "Show this slip (or your return receipt) to collect your item."),
    "return_number": translate("devices.delivery_slip", "Return"),
}


def _word(key: str, lang: str) -> str:
    return WORDS[key].in_language(lang)


def expected(delivery: dict[str, Any], lang: str) -> str:
    """'vendredi 27 novembre avant 13:00'."""
    promise = delivery.get("promise") or {}
    text = calendar_day(date.fromisoformat(promise["arrives_on"]), lang) if promise.get("arrives_on") else "?"
    if promise.get("before"):
        text += f" {_word('before', lang)} {promise['before']}"
    return text


def delivery_blocks(delivery: dict[str, Any] | None, lang: str) -> list[Block]:
    """The delivery part of the return receipt."""
    if not delivery:
        return []
    to = "store" if delivery.get("to") == "store" else "home"
    blocks: list[Block] = [Rule(), Text(_word(to, lang), bold=True),
                           Text(f"{_word('expected', lang)} {expected(delivery, lang)}", bold=True),
                           Text(f"{_word('from', lang)}: {delivery.get('source_name') or delivery.get('source')}")]
    recipient = delivery.get("recipient") or {}
    blocks.append(Text(f"{_word('to', lang)}: {recipient.get('name') or ''}"))
    address = delivery.get("address")
    if isinstance(address, dict):
        for part in (address.get("line1"), address.get("line2"), f"{address.get('postal_code')} {address.get('city')}"):
            if part:
                blocks.append(Text(f"  {part}"))
    if delivery.get("provisional"):
        blocks.append(Text(_word("provisional", lang)))
    return blocks


def pickup_slip(header_blocks: list[Block], return_number: str, delivery: dict[str, Any],
                items: list[tuple[int, str]], completed: Any, lang: str) -> list[Block]:
    """The slip the customer shows to collect the replacement here (`items`: quantity, title)."""
    recipient = delivery.get("recipient") or {}
    reach = " ".join(str(v) for v in (recipient.get("phone"), recipient.get("email")) if v)
    blocks: list[Block] = [*header_blocks, Text(_word("slip", lang), "center", bold=True, large=True), Feed(),
                           Text(f"{_word('return_number', lang)} {return_number}", "center", bold=True),
                           Barcode("code128", return_number), Text(moment(completed, lang), "center"), Rule()]
    blocks += [Text(str(recipient.get("name") or ""), bold=True), *([Text(reach)] if reach else []), Rule()]
    blocks += [Columns(f"{qty} x {title}", "") for qty, title in items]
    blocks += [Feed(), Text(f"{_word('expected', lang)} {expected(delivery, lang)}", bold=True),
               Text(f"{_word('from', lang)}: {delivery.get('source_name') or delivery.get('source')}")]
    if delivery.get("provisional"):
        blocks.append(Text(_word("provisional", lang)))
    return [*blocks, Feed(), Text(_word("show_slip", lang), "center"), Cut()]

