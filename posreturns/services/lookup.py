"""Finding the original sale: by receipt number, by customer, by card and date, by date and amount;
and matching a scanned item to the lines of that sale."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from posreturns.domain.errors import InvalidAmount
from posreturns.domain.messages import Text, translate
from posreturns.domain.money import parse_minor
from posreturns.domain.orders import Order, OrderLine
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.input_checks import mask_card_numbers, storable
from posreturns.services.json_reader import MAX_AMOUNT_MINOR
from posreturns.services.normalize import barcode_key, email_key, name_tokens, number_key_candidates
from posreturns.services.ports import OrderRepository, OrderSummary

_DATE = r"(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})"
_CARD_AND_DATE = re.compile(rf"^(?:(\d{{4}})\s+{_DATE}|{_DATE}\s+(\d{{4}}))$")
_DATE_AND_AMOUNT = re.compile(rf"^{_DATE}\s+(\d+(?:[.,]\d{{1,3}})?)$")
_PHONE = re.compile(r"^\+?[\d\s().-]{6,}$")
MAX_QUERY = 200


@dataclass(frozen=True, slots=True)
class ItemMatch:
    """The lines of a sale a scanned item can be returned against, or why there is none."""

    sku: str | None
    lines: tuple[OrderLine, ...]
    problem: str | None = None  # 'unknown_product' | 'not_on_receipt' | 'already_returned'
    message: Text | None = None


class OrderLookup:
    """Use case: find sales in the local cache (the sync layer fills it, and fetches on a miss)."""

    def __init__(self, orders: OrderRepository, timezone: str = "Europe/Paris", limit: int = 50,
                 fetch_missing: Callable[[str], bool] | None = None) -> None:
        self.orders = orders
        self.zone = ZoneInfo(timezone)
        self.limit = limit
        # asks the OMS for a receipt the cache does not have (set by the sync; True = now cached)
        self.fetch_missing = fetch_missing

    def find_receipt(self, typed: str) -> Order:
        text, keys = _receipt_keys(typed)
        order = (self.orders.by_number_keys(keys) if keys else None) or self._fetched(text, keys)
        if order is None:
            shown = mask_card_numbers(text)
            raise NotFound(translate("services.lookup", 'No sale with the number "{0}" is on this till; check '
                                                        "the number or search by customer.").format(shown))
        return order

    def find(self, query: str, scanned: bool = False) -> Order | list[OrderSummary]:
        """What the scan field names: the sale itself when the text is the receipt number of a sale this
        till has (one lookup, which loads it), else what `search` finds. `scanned`: the text came from
        the scanner, so it is a receipt's barcode, never a phone number or a name: only the receipt
        lookup, and the OMS on a miss."""
        text = _clean(query)
        if _other_search(text):
            return self._search(text, receipt_tried=False)
        receipt, keys = _receipt_keys(text)
        order = self.orders.by_number_keys(keys) if keys else None
        if order is not None:
            return order
        if scanned:
            fetched = self._fetched(receipt, keys)
            return [] if fetched is None else fetched
        return self._search(text, receipt_tried=True)

    def _fetched(self, text: str, keys: list[str]) -> Order | None:
        """The sale with this receipt number, asked of the OMS (the cache has not got it)."""
        if keys and self.fetch_missing is not None and self.fetch_missing(text):
            return self.orders.by_number_keys(keys)
        return None

    def get(self, order_id: str) -> Order:
        order = self.orders.get(order_id)
        if order is None:
            raise NotFound(translate("services.lookup", 'The sale "{0}" is not on this till; search for it again.')
                           .format(order_id))
        return order

    def search(self, query: str) -> list[OrderSummary]:
        """Auto-detects the kind of query: e-mail, phone, card last four + date, date + amount,
        receipt number, or customer name prefix."""
        return self._search(_clean(query), receipt_tried=False)

    def _search(self, text: str, receipt_tried: bool) -> list[OrderSummary]:
        """`receipt_tried`: the caller looked the text up as a receipt number of this till already."""
        if match := _CARD_AND_DATE.match(text):
            last4 = match.group(1) or match.group(4)
            return self.by_card(last4, _parse_date(match.group(2) or match.group(3)))
        if match := _DATE_AND_AMOUNT.match(text):
            return self.by_amount(_parse_date(match.group(1)), match.group(2).replace(",", "."))
        if "@" in text:
            return self.by_email(text)
        if _PHONE.match(text) and sum(ch.isdigit() for ch in text) >= 6:
            # a scanned receipt number often looks like a phone number: its own index first
            return self._known_receipt(text, receipt_tried) or self.by_phone(text) or self._fetched_receipt(text)
        return self._known_receipt(text, receipt_tried) or self._fetched_receipt(text) or self.by_name(text)

    def _known_receipt(self, text: str, tried: bool = False) -> list[OrderSummary]:
        """The sale with this receipt number on this till, as a summary (the window's scan field asks
        `find`, which loads the sale in the same lookup); `tried`: `find` looked already, in vain."""
        keys = [] if tried else _receipt_keys(text)[1]
        return self.orders.summaries_by_number_keys(keys) if keys else []

    def _fetched_receipt(self, text: str) -> list[OrderSummary]:
        """The sale with this receipt number from the OMS, when the till has one to ask."""
        order = self._fetched(*_receipt_keys(text))
        if order is None:
            return []
        return [OrderSummary(order.id, order.number, order.channel.value, order.placed_at, order.total,
                             order.customer_name, order.store_id)]

    def by_email(self, text: str) -> list[OrderSummary]:
        key = email_key(text)
        if len(key) < 3:
            raise BadInput(translate("services.lookup", "Type at least three characters of the e-mail address."))
        return self.orders.by_customer_email(key, self.limit)

    def by_phone(self, text: str) -> list[OrderSummary]:
        digits = "".join(ch for ch in text if ch.isdigit())
        key = digits[-9:] if len(digits) >= 9 else digits.lstrip("0")
        if len(key) < 4:
            raise BadInput(translate("services.lookup", "Type at least six digits of the phone number."))
        return self.orders.by_customer_phone(key, self.limit)

    def by_name(self, text: str) -> list[OrderSummary]:
        tokens = [t for t in name_tokens(text) if len(t) >= 2]
        if not tokens:
            raise BadInput(translate("services.lookup", "Type at least two letters of the customer's name, a "
                                                        "phone number, an e-mail or a receipt number."))
        return self.orders.by_customer_name(tokens, self.limit)

    def by_card(self, last4: str, day: date) -> list[OrderSummary]:
        if not (len(last4) == 4 and last4.isdigit()):
            raise BadInput(translate("services.lookup", "Type the card's last four digits, then the date of the "
                                                        "sale."))
        start, end = self._day_bounds(day)
        return self.orders.by_card(last4, start, end, self.limit)

    def by_amount(self, day: date, amount: str, currency: str = "EUR") -> list[OrderSummary]:
        try:
            minor = parse_minor(amount, currency) if len(amount) <= 15 else None
        except InvalidAmount as error:
            raise BadInput(str(error)) from None
        if minor is None or minor > MAX_AMOUNT_MINOR:
            raise BadInput(translate("services.lookup", '"{0}" is not an amount a sale could come to; check the '
                                                        "amount.").format(amount))
        start, end = self._day_bounds(day)
        return self.orders.by_amount(minor, start, end, self.limit)

    def _day_bounds(self, day: date) -> tuple[datetime, datetime]:
        start = datetime.combine(day, time.min, self.zone)
        return start, datetime.combine(day + timedelta(days=1), time.min, self.zone)

    def match_item(self, order: Order, code: str) -> ItemMatch:
        """Which returnable lines of `order` a scanned barcode, SKU or order-line id designates."""
        text = _clean(code)
        if any(line.id == text for line in order.lines):
            lines = tuple(line for line in order.lines if line.id == text)
            sku: str | None = lines[0].sku
        else:
            sku = self.orders.sku_for_barcode(barcode_key(text))
            if sku is None and self.orders.variant(text):
                sku = text
            if sku is None:
                return ItemMatch(None, (), "unknown_product",
                                 translate("services.lookup", '"{0}" is not a product this till knows; scan the '
                                           "item's barcode again or type its SKU.").format(text))
            return self.match_sku(order, sku)
        return _returnable(order, sku, lines)

    def match_sku(self, order: Order, sku: str) -> ItemMatch:
        """The returnable lines of `order` for a product already known (a code matched before): reads
        nothing but the sale, so the window answers a further unit of an item at once."""
        return _returnable(order, sku, tuple(order.lines_for_sku(sku)))


def _returnable(order: Order, sku: str | None, lines: tuple[OrderLine, ...]) -> ItemMatch:
    if not lines:
        return ItemMatch(sku, (), "not_on_receipt",
                         translate("services.lookup", "This item ({0}) is not on receipt {1}; check the receipt "
                                   "or search for another sale.").format(sku, order.number))
    returnable = tuple(line for line in lines if line.returnable_qty > 0)
    if not returnable:
        return ItemMatch(sku, (), "already_returned",
                         translate("services.lookup", "This item ({0}) has already been returned from receipt "
                                   "{1}; nothing is left to return.").format(sku, order.number))
    return ItemMatch(sku, returnable)


def _receipt_keys(typed: str) -> tuple[str, list[str]]:
    """The typed or scanned receipt number, cleaned, and the keys it may be stored under."""
    text = _clean(typed)
    if "/" in text:  # e-receipt QR payloads are URLs ending with the receipt number
        text = text.rstrip("/").rsplit("/", 1)[-1]
    return text, number_key_candidates(text)


def _other_search(text: str) -> bool:
    """A card and a date, a date and an amount, or an e-mail: never a receipt number."""
    return "@" in text or bool(_CARD_AND_DATE.match(text) or _DATE_AND_AMOUNT.match(text))


def _clean(text: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise BadInput(translate("services.lookup", "Nothing was scanned or typed; scan the receipt or type its "
                                                    "number."))
    if len(text) > MAX_QUERY or not storable(text) or any(ord(ch) < 32 and ch not in "\t" for ch in text):
        raise BadInput(translate("services.lookup", "That scan is unreadable; scan it again or type the number."))
    return text.strip()


def _parse_date(text: str) -> date:
    from posreturns.services.canonical import FIRST_YEAR, LAST_YEAR  # the import's rules, when a search has a date

    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            found = date(year, month, day)
        else:
            found = date.fromisoformat(text)
        if not FIRST_YEAR <= found.year <= LAST_YEAR:
            raise ValueError(text)
        return found
    except ValueError:
        raise BadInput(translate("services.lookup", '"{0}" is not a date; write it as 2026-11-20 or 20/11/2026.')
                       .format(text)) from None


