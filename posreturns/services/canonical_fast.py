"""The canonical reader's fast path, for files that are right (nearly all of them).

Types, required fields and unknown fields are checked by msgspec structs compiled once, in C; the
rest (texts, amounts, rates, sums) is checked per order in a few passes over all its values at
once. Whatever this path is not sure of raises `Unsure`, and the file is read again by the
field-by-field reader (`canonical._DocumentParser`), which finds the first problem and names its
JSON path. Both accept exactly the same files and build the same records; the amounts, rates and
other texts go through that reader's own checks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar

import msgspec
import orjson

from posreturns.domain.currencies import is_iso_currency
from posreturns.domain.money import exponent
from posreturns.domain.pricing import ChargeRow, price_rows
from posreturns.services.canonical_records import (
    TENDER_METHODS,
    CustomerRecord,
    LineRecord,
    OrderRecord,
    ProductRecord,
    StockRecord,
    TenderRecord,
)
from posreturns.services.errors import ImportRejected
from posreturns.services.json_reader import MAX_AMOUNT_MINOR, MAX_COUNT, MAX_TEXT, JsonReader
from posreturns.services.normalize import barcode_key, gtin14, gtin_check_digit_ok

FIRST_YEAR, LAST_YEAR = 1970, 2999
# What may be wrong with texts, searched in all the texts of an order at once: a control character,
# or 13 digits or separators in a row (a card number?). A find is only a suspicion: the texts are
# then checked one by one.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DIGITS_AS_ZERO = str.maketrans("123456789 -", "0" * 11)
_THIRTEEN = "0" * 13
_CENTS = re.compile(r"[0-9]{1,13}\.[0-9]{2}")
_REMEMBERED = 10_000  # amounts remembered per currency


# A record from a tuple of all its fields, without the Python-level `__new__` of a NamedTuple:
# a million orders are three million lines.
_record = tuple.__new__


class Unsure(Exception):
    """The fast path cannot vouch for the file: the field-by-field reader decides."""


class _Struct(msgspec.Struct, forbid_unknown_fields=True):
    pass


class Line(_Struct):
    id: str
    sku: str
    qty: int
    unit_price: str
    tax_rate: str
    discount: str = "0"
    tax: str | None = None
    serials: list[str] = []


class Tender(_Struct):
    method: str
    amount: str
    reference: str | None = None
    card_last4: str | None = None


class Order(_Struct):
    id: str
    number: str
    channel: str
    currency: str
    prices_include_tax: bool
    placed_at: str
    lines: list[Line]
    tenders: list[Tender]
    store_id: str | None = None
    customer_id: str | None = None
    order_discount: str = "0"
    shipping: str = "0"


class Product(_Struct):
    sku: str
    product_id: str
    title: str
    price: str
    tax_rate: str
    category: str
    options: dict[str, str] = {}
    barcodes: list[str] = []
    final_sale: bool = False
    serial_tracked: bool = False


class Customer(_Struct):
    id: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None


class Stock(_Struct):
    location: str
    sku: str
    sellable: int


class Document(_Struct):
    format: str
    catalog_currency: Any = None
    stores: list[msgspec.Raw] = []
    products: list[msgspec.Raw] = []
    customers: list[msgspec.Raw] = []
    orders: list[msgspec.Raw] = []
    stock: list[msgspec.Raw] = []
    returns: list[msgspec.Raw] = []
    held_units: list[msgspec.Raw] = []


_DOCUMENT = msgspec.json.Decoder(Document)
_ORDER = msgspec.json.Decoder(Order)
_PRODUCT = msgspec.json.Decoder(Product)
_CUSTOMER = msgspec.json.Decoder(Customer)
_STOCK = msgspec.json.Decoder(Stock)


def decode_document(raw: bytes | bytearray | str) -> Document:
    return _decode(_DOCUMENT, raw)


Decoded = TypeVar("Decoded")


def _decode(decoder: msgspec.json.Decoder[Decoded], raw: bytes | bytearray | str | msgspec.Raw) -> Decoded:
    try:
        return decoder.decode(raw)
    except (msgspec.MsgspecError, ValueError):  # invalid UTF-8 in a field name comes as a UnicodeDecodeError
        raise Unsure from None


def plain(raw: msgspec.Raw) -> Any:
    """An item as plain JSON values, for the field-by-field reader (stores, returns: few of them)."""
    try:
        return orjson.loads(bytes(raw))
    except orjson.JSONDecodeError:  # invalid UTF-8 that msgspec let through in a raw value
        raise Unsure from None


class FastReader:
    """Builds the records of one file; raises `Unsure` at the first doubt."""

    def __init__(self, reader: JsonReader) -> None:
        self.reader = reader  # its amount and rate checks, and their caches of repeated values
        self.amounts: dict[str, dict[str, int]] = {}  # currency -> text -> minor units
        self.rates: dict[str, tuple[str, Decimal]] = {}
        self.moments: dict[str, str] = {}

    def prices(self, currency: str) -> dict[str, int]:
        """The amounts of `currency` met so far (text -> minor units): prices repeat."""
        return self.amounts.setdefault(currency, {})

    def amount(self, text: str, currency: str) -> int:
        prices = self.prices(currency)
        known = prices.get(text)
        if known is not None:
            return known
        if _CENTS.fullmatch(text) and exponent(currency) == 2:  # the usual shape, as `parse_minor` reads it
            known = int(text.replace(".", ""))
            if known > MAX_AMOUNT_MINOR:
                raise Unsure
        else:
            known = self._checked(self.reader.amount, {"v": text}, "v", "$", currency)
        if len(prices) < _REMEMBERED:  # prices repeat; the totals of a million orders mostly do not
            prices[text] = known
        return known

    def rate(self, text: str) -> tuple[str, Decimal]:
        known = self.rates.get(text)
        if known is None:
            normalized = self._checked(self.reader.rate, {"v": text}, "v", "$")
            known = self.rates[text] = (normalized, Decimal(normalized))
        return known

    @staticmethod
    def _checked(check: Any, *arguments: Any) -> Any:
        try:
            return check(*arguments)
        except ImportRejected:
            raise Unsure from None

    def texts(self, people: list[str], machines: Sequence[str] = (), free: Sequence[str] = (),
              serials: Sequence[str] = ()) -> None:
        """`people` and `machines` must be non-blank, and all of them (`free` and `serials` too)
        storable and short. Only what people write (`people`, `free`) is searched for card numbers:
        ids and serials are machine-made (`input_checks.machine_made`), as in the field-by-field reader."""
        if not all(map(str.strip, people)) or not all(map(str.strip, machines)):
            raise Unsure
        searched = "\n".join((*people, *free)) if free else "\n".join(people)
        if _THIRTEEN in searched.translate(_DIGITS_AS_ZERO):
            for text in (*people, *free):  # only those with such a run: a product's EAN-13 is one
                if _THIRTEEN in text.translate(_DIGITS_AS_ZERO):
                    self._checked(self.reader.check_text, text, "$")
        joined = "\n".join((searched, *machines, *serials))
        if _CONTROL.search(joined):
            raise Unsure
        if max(map(len, (*people, *machines, *free, *serials)), default=0) > MAX_TEXT:
            raise Unsure
        try:
            joined.encode("utf-8")
        except UnicodeEncodeError:
            raise Unsure from None

    def moment(self, text: str) -> str:
        known = self.moments.get(text)
        if known is not None:
            return known
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise Unsure from None
        if moment.tzinfo is None or not FIRST_YEAR <= moment.year <= LAST_YEAR:
            raise Unsure
        self.moments[text] = stamp = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return stamp

    def product(self, raw: msgspec.Raw, path: str, currency: str) -> ProductRecord:
        item = _decode(_PRODUCT, raw)
        options = item.options
        self.texts([item.sku, item.title, item.category, *item.barcodes], [item.product_id],
                   free=[*options, *options.values()])
        codes = []
        for code in item.barcodes:
            code = code.strip()
            if gtin14(code) and not gtin_check_digit_ok(code):
                raise Unsure
            codes.append(barcode_key(code))
        rate, _ = self.rate(item.tax_rate)
        return ProductRecord(item.sku, item.product_id, item.title,
                             json.dumps(options, ensure_ascii=False, sort_keys=True),
                             self.amount(item.price, currency), rate, item.final_sale, item.serial_tracked,
                             item.category, tuple(codes), path)

    def customer(self, raw: msgspec.Raw) -> CustomerRecord:
        item = _decode(_CUSTOMER, raw)
        self.texts([text for text in (item.name, item.email, item.phone) if text is not None], [item.id])
        return CustomerRecord(item.id, item.name, item.email, item.phone)

    def stock(self, raw: msgspec.Raw, path: str) -> StockRecord:
        item = _decode(_STOCK, raw)
        if not 0 <= item.sellable <= MAX_COUNT:
            raise Unsure
        self.texts([item.location, item.sku])
        return StockRecord(item.location, item.sku, item.sellable, path)

    def order(self, raw: msgspec.Raw, path: str) -> OrderRecord:
        item = _decode(_ORDER, raw)
        order_id, currency, lines, tenders = item.id, item.currency, item.lines, item.tenders
        if item.channel == "store":
            if item.store_id is None:
                raise Unsure
        elif item.channel != "web":
            raise Unsure
        if not lines or not is_iso_currency(currency):
            raise Unsure
        texts = [item.number, item.placed_at]
        ids = [order_id]
        for text in (item.store_id, item.customer_id):
            if text is not None:
                ids.append(text)
        serials: list[str] = []
        charges: list[ChargeRow] = []
        rates = []
        amount, known, known_rates = self.amount, self.prices(currency), self.rates
        net_total = 0
        for line in lines:
            qty = line.qty
            if not 1 <= qty <= MAX_COUNT or len(line.serials) > qty:
                raise Unsure
            unit = known.get(line.unit_price)
            if unit is None:
                unit = amount(line.unit_price, currency)
            discount = known.get(line.discount)
            if discount is None:
                discount = amount(line.discount, currency)
            net = unit * qty - discount
            if net < 0:
                raise Unsure
            net_total += net
            rate, exact = known_rates.get(line.tax_rate) or self.rate(line.tax_rate)
            charges.append((qty, unit, discount, exact, None if line.tax is None else amount(line.tax, currency)))
            rates.append(rate)
            ids.append(line.id)
            texts.append(line.sku)
            if line.serials:
                if not all(line.serials):
                    raise Unsure
                serials += line.serials
        for tender in tenders:
            if tender.method not in TENDER_METHODS:
                raise Unsure
            for text in (tender.reference, tender.card_last4):
                if text is not None:
                    texts.append(text)
            last4 = tender.card_last4
            if last4 is not None and not (len(last4) == 4 and last4.isdigit()):
                raise Unsure
        self.texts(texts, ids, serials=serials)
        order_discount = amount(item.order_discount, currency)
        if order_discount > net_total:
            raise Unsure
        shipping = amount(item.shipping, currency)
        include_tax = item.prices_include_tax
        priced = price_rows(charges, order_discount, include_tax)
        records = [_record(LineRecord, (line.id, order_id, i, line.sku, c[0], c[1], c[2], share, rates[i], tax, paid,
                                        json.dumps(line.serials) if line.serials else "[]"))
                   for i, (line, c, (share, tax, paid)) in enumerate(zip(lines, charges, priced, strict=True))]
        total = sum(p[2] for p in priced) + shipping
        if total > MAX_AMOUNT_MINOR:
            raise Unsure
        paid = [_record(TenderRecord, (order_id, i, t.method, amount(t.amount, currency), t.reference, t.card_last4))
                for i, t in enumerate(tenders)]
        if sum(t.amount_minor for t in paid) != total:
            raise Unsure
        return OrderRecord(order_id, item.number, item.channel, item.store_id, self.moment(item.placed_at), currency,
                           include_tax, item.customer_id, order_discount, shipping, total, records, paid, path)
