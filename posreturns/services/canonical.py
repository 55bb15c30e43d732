"""The canonical data contract (`posreturns/1`): parse and validate a document into records.

Every problem is reported with the JSON path of the offending value and one sentence saying what
is wrong. `load_document` validates everything before anything is written (an imported file's
orders are validated as they are written instead: `canonical_stream`), and the writer runs in a
single transaction, so a bad file imports nothing. Records are NamedTuples of plain values (amounts
in minor units) so that a million orders load fast; `canonical_fast` builds them for files that are
right, and this module's field-by-field reader says what is wrong in the others.
"""

from __future__ import annotations

import gc
import json
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import orjson

from posreturns.domain.currencies import is_iso_currency
from posreturns.domain.money import Money
from posreturns.domain.pricing import LineCharge, price_lines
from posreturns.domain.utc import format_utc
from posreturns.services.canonical_fast import FastReader, Unsure, decode_document, plain
from posreturns.services.canonical_records import (
    DECISIONS,
    DELIVERIES,
    FIELDS,
    FORMAT,
    REFUND_METHODS,
    TENDER_METHODS,
    TILL_RECORD_FIELDS,
    UNIT_STATES,
    CustomerRecord,
    Document,
    HeldUnitRecord,
    LineRecord,
    OrderRecord,
    ProductRecord,
    ReturnLineRecord,
    ReturnRecord,
    ReturnTenderRecord,
    StockRecord,
    StoreRecord,
    TenderRecord,
    TillRecord,
)
from posreturns.services.errors import ImportRejected
from posreturns.services.json_reader import MAX_AMOUNT_MINOR, JsonReader, describe
from posreturns.services.normalize import barcode_key, gtin14, gtin_check_digit_ok
from posreturns.services.numbering import store_code

__all__ = ["FORMAT", "Document", "ReturnRecord", "load_document"]
FIRST_YEAR, LAST_YEAR = 1970, 2999


def load_document(raw: bytes | str, source: str) -> Document:
    """Parse and fully validate a canonical JSON document (syntax, types, sums, cross-references
    within the file). Checks that need the local store (unknown SKU, over-returns) are the writer's."""
    paused = gc.isenabled()
    gc.disable()  # a million small records: the collector would scan them again and again, for nothing
    try:
        try:
            return FastParser(source).parse(raw)
        except Unsure:
            pass  # the field-by-field reader finds what is wrong, and says where
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise ImportRejected(source, "$",
                                 f"the file is not valid JSON ({error}); check that it was not cut short.") from None
        return _DocumentParser(source).parse(data)
    finally:
        if paused:
            gc.enable()


class _DocumentParser(JsonReader):
    def parse(self, data: Any) -> Document:
        root = self.obj(data, "$")
        if root.get("format") != FORMAT:
            raise self.fail("$.format", f'expected "{FORMAT}", got {describe(root.get("format"))}.')
        self.obj(root, "$", FIELDS["document"])
        stores = [self.store(item, f"$.stores[{i}]") for i, item in enumerate(self.array(root, "stores", "$"))]
        currency = root.get("catalog_currency") or (stores[0].currency if stores else "EUR")
        self.currency(currency, "$.catalog_currency")
        products = [self.product(item, f"$.products[{i}]", currency)
                    for i, item in enumerate(self.array(root, "products", "$"))]
        customers = [self.customer(item, f"$.customers[{i}]")
                     for i, item in enumerate(self.array(root, "customers", "$"))]
        orders = [self.order(item, f"$.orders[{i}]") for i, item in enumerate(self.array(root, "orders", "$"))]
        stock = [self.stock(item, f"$.stock[{i}]") for i, item in enumerate(self.array(root, "stock", "$"))]
        orders_by_id = {order.id: order for order in orders}
        returns = [self.ret(item, f"$.returns[{i}]", orders_by_id)
                   for i, item in enumerate(self.array(root, "returns", "$"))]
        held = [self.held_unit(item, f"$.held_units[{i}]")
                for i, item in enumerate(self.array(root, "held_units", "$"))]
        document = Document(currency, stores, products, customers, orders, stock, returns, held)
        self.check_unique(document)
        return document

    def check_unique(self, document: Document) -> None:
        stores, products, customers, orders, returns = (document.stores, document.products, document.customers,
                                                        document.orders, document.returns)
        self.unique([(s.id, f"$.stores[{i}].id") for i, s in enumerate(stores)], "store id")
        self.unique([(store_code(s.id), f"$.stores[{i}].id") for i, s in enumerate(stores)],
                    "store code (the id in capitals without punctuation, as in return numbers)")
        self.unique([(p.sku, p.path + ".sku") for p in products], "SKU")
        self.unique([(c.id, f"$.customers[{i}].id") for i, c in enumerate(customers)], "customer id")
        self.unique([(o.id, o.path + ".id") for o in orders], "order id")
        self.unique([(o.number.upper(), o.path + ".number") for o in orders], "order number")
        self.unique([(line.id, f"{o.path}.lines[{line.position}].id") for o in orders for line in o.lines],
                    "order line id")
        self.unique([(r.id, r.path + ".id") for r in returns], "return id")
        self.unique([(u.id, u.path + ".id") for u in document.held_units], "held unit id")
        self.unique([(code, f"{p.path}.barcodes") for p in products for code in p.barcodes], "barcode")

    def currency(self, value: Any, path: str) -> str:
        if not is_iso_currency(value):
            raise self.fail(path, f"expected an ISO 4217 currency code such as EUR, got {describe(value)}.")
        return str(value)

    def unique(self, keyed: list[tuple[str, str]], what: str) -> None:
        seen: set[str] = set()
        for key, path in keyed:
            if key in seen:
                raise self.fail(path, f'the {what} "{key}" appears twice in this file.')
            seen.add(key)

    def store(self, item: Any, path: str) -> StoreRecord:
        item = self.obj(item, path, FIELDS["store"])
        currency = self.currency(self.text(item, "currency", path), f"{path}.currency")
        timezone = self.text(item, "timezone", path)
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise self.fail(f"{path}.timezone",
                            f'"{timezone}" is not a known time zone; use a name such as "Europe/Paris".') from None
        return StoreRecord(self.text(item, "id", path), self.text(item, "name", path), currency,
                           self.flag(item, "prices_include_tax", path), timezone)

    def product(self, item: Any, path: str, currency: str) -> ProductRecord:
        item = self.obj(item, path, FIELDS["product"])
        options = item.get("options", {})
        if not isinstance(options, dict) or not all(isinstance(v, str) for v in options.values()):
            raise self.fail(f"{path}.options", "expected an object of text values such as {\"size\": \"M\"}.")
        for name, text in options.items():
            self.check_text(name, f"{path}.options")
            self.check_text(text, f"{path}.options.{name}")
        codes = []
        for i, code in enumerate(self.array(item, "barcodes", path)):
            if not isinstance(code, str) or not code.strip():
                raise self.fail(f"{path}.barcodes[{i}]", f"expected a barcode string, got {describe(code)}.")
            if gtin14(code.strip()) and not gtin_check_digit_ok(code.strip()):
                raise self.fail(f"{path}.barcodes[{i}]", f'"{code}" has a wrong check digit; correct the barcode.')
            self.check_text(code, f"{path}.barcodes[{i}]")
            codes.append(barcode_key(code))
        return ProductRecord(
            self.text(item, "sku", path), self.text(item, "product_id", path), self.text(item, "title", path),
            json.dumps(options, ensure_ascii=False, sort_keys=True), self.amount(item, "price", path, currency),
            self.rate(item, "tax_rate", path), self.flag(item, "final_sale", path, False),
            self.flag(item, "serial_tracked", path, False), self.text(item, "category", path), tuple(codes), path)

    def customer(self, item: Any, path: str) -> CustomerRecord:
        item = self.obj(item, path, FIELDS["customer"])
        return CustomerRecord(self.text(item, "id", path), self.text(item, "name", path, optional=True),
                              self.text(item, "email", path, optional=True),
                              self.text(item, "phone", path, optional=True))

    def order(self, item: Any, path: str) -> OrderRecord:
        item = self.obj(item, path, FIELDS["order"])
        order_id = self.text(item, "id", path)
        channel = item.get("channel")
        if channel not in ("store", "web"):
            raise self.fail(f"{path}.channel", f'expected "store" or "web", got {describe(channel)}.')
        store_id = self.text(item, "store_id", path, optional=channel == "web")
        currency = self.currency(self.text(item, "currency", path), f"{path}.currency")
        include_tax = self.flag(item, "prices_include_tax", path)
        placed_at = self.timestamp(item, "placed_at", path)
        customer_id = self.text(item, "customer_id", path, optional=True)
        raw_lines = self.array(item, "lines", path, required=True)
        if not raw_lines:
            raise self.fail(f"{path}.lines", "an order needs at least one line.")
        charges, ids, skus, rates, serials = [], [], [], [], []
        for i, raw in enumerate(raw_lines):
            lpath = f"{path}.lines[{i}]"
            raw = self.obj(raw, lpath, FIELDS["line"])
            qty = self.count(raw, "qty", lpath, 1)
            unit = self.amount(raw, "unit_price", lpath, currency)
            discount = self.amount(raw, "discount", lpath, currency, "0")
            if discount > unit * qty:
                raise self.fail(f"{lpath}.discount", "the discount is larger than the line's price.")
            rate = self.rate(raw, "tax_rate", lpath)
            tax = self.amount(raw, "tax", lpath, currency) if raw.get("tax") is not None else None
            line_serials = self.array(raw, "serials", lpath)
            if len(line_serials) > qty or not all(isinstance(s, str) and s for s in line_serials):
                raise self.fail(f"{lpath}.serials", f"expected at most {qty} serial number strings.")
            for k, serial in enumerate(line_serials):
                self.check_text(serial, f"{lpath}.serials[{k}]", by_machine=True)
            charges.append(LineCharge(qty, unit, discount, Decimal(rate), tax))
            ids.append(self.text(raw, "id", lpath))
            skus.append(self.text(raw, "sku", lpath))
            rates.append(rate)
            serials.append(json.dumps(line_serials) if line_serials else "[]")
        order_discount = self.amount(item, "order_discount", path, currency, "0")
        if order_discount > sum(c.net for c in charges):
            raise self.fail(f"{path}.order_discount", "the order discount is larger than what the lines cost.")
        shipping = self.amount(item, "shipping", path, currency, "0")
        priced = price_lines(charges, order_discount, include_tax)
        lines = [LineRecord(ids[i], order_id, i, skus[i], c.qty, c.unit_price, c.discount, p.order_discount_share,
                            rates[i], p.tax, p.paid, serials[i])
                 for i, (c, p) in enumerate(zip(charges, priced, strict=True))]
        total = sum(p.paid for p in priced) + shipping
        if total > MAX_AMOUNT_MINOR:
            raise self.fail(f"{path}.lines",
                            f"the order comes to {_show(total, currency)}, more than a till can record.")
        tenders = [self.tender(raw, f"{path}.tenders[{i}]", order_id, i, currency)
                   for i, raw in enumerate(self.array(item, "tenders", path, required=True))]
        paid = sum(t.amount_minor for t in tenders)
        if paid != total:
            raise self.fail(f"{path}.tenders", f"the tenders add up to {_show(paid, currency)} but the order "
                                               f"comes to {_show(total, currency)}; they must be equal.")
        return OrderRecord(order_id, self.text(item, "number", path), channel, store_id, placed_at, currency,
                           include_tax, customer_id, order_discount, shipping, total, lines, tenders, path)

    def tender(self, raw: Any, path: str, order_id: str, position: int, currency: str) -> TenderRecord:
        raw = self.obj(raw, path, FIELDS["tender"])
        method = raw.get("method")
        if not isinstance(method, str) or method not in TENDER_METHODS:
            raise self.fail(f"{path}.method",
                            f"expected one of {', '.join(sorted(TENDER_METHODS))}, got {describe(method)}.")
        last4 = self.text(raw, "card_last4", path, optional=True)
        if last4 is not None and not (len(last4) == 4 and last4.isdigit()):
            # never echo the value: it may be a whole card number
            raise self.fail(f"{path}.card_last4",
                            f"expected only the card's last four digits, got {len(last4)} characters.")
        return TenderRecord(order_id, position, method, self.amount(raw, "amount", path, currency),
                            self.text(raw, "reference", path, optional=True), last4)

    def timestamp(self, parent: dict[str, Any], key: str, path: str) -> str:
        value = self.text(parent, key, path)
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise self.fail(f"{path}.{key}",
                            'expected an ISO-8601 time with its offset such as "2026-11-20T14:05:00+01:00", '
                            f'got {describe(value)}.')
        if not FIRST_YEAR <= moment.year <= LAST_YEAR:
            raise self.fail(f"{path}.{key}", f"{describe(value)} is out of range; a time is between the years "
                                             f"{FIRST_YEAR} and {LAST_YEAR}.")
        return format_utc(moment)

    def stock(self, item: Any, path: str) -> StockRecord:
        item = self.obj(item, path, FIELDS["stock"])
        return StockRecord(self.text(item, "location", path), self.text(item, "sku", path),
                           self.count(item, "sellable", path, 0), path)

    def held_unit(self, item: Any, path: str) -> HeldUnitRecord:
        item = self.obj(item, path, FIELDS["held_unit"])
        state = self.text(item, "state", path)
        if state not in UNIT_STATES:
            expected = ", ".join(sorted(UNIT_STATES))
            raise self.fail(f"{path}.state", f"expected one of {expected}, got {describe(state)}.")
        def optional(key: str) -> str | None:
            value: str | None = self.text(item, key, path, optional=True)
            return value

        def moment(key: str) -> str | None:
            return self.timestamp(item, key, path) if item.get(key) is not None else None

        return HeldUnitRecord(self.text(item, "id", path), self.text(item, "return_id", path),
                              optional("return_number"), optional("till_id"), self.text(item, "store_id", path),
                              self.text(item, "sku", path), optional("serial"), optional("reason"),
                              optional("condition"), optional("disposition"), optional("note"), state,
                              moment("held_at"), optional("acted_by"), moment("acted_at"), path)

    def ret(self, item: Any, path: str, orders: dict[str, OrderRecord]) -> ReturnRecord:
        item = self.obj(item, path, FIELDS["return"])
        order_id = self.text(item, "order_id", path)
        stated = item.get("currency")
        if stated is not None:
            self.currency(stated, f"{path}.currency")
        if order_id in orders and stated is not None and stated != orders[order_id].currency:
            raise self.fail(f"{path}.currency", f"the return is in {stated} but its order in "
                                                f"{orders[order_id].currency}; they must agree.")
        currency = orders[order_id].currency if order_id in orders else stated or "EUR"
        lines = []
        for i, raw in enumerate(self.array(item, "lines", path, required=True)):
            lpath = f"{path}.lines[{i}]"
            raw = self.obj(raw, lpath, FIELDS["return_line"])
            lines.append(ReturnLineRecord(self.text(raw, "order_line_id", lpath), self.count(raw, "qty", lpath, 1),
                                          self.amount(raw, "amount", lpath, currency), lpath,
                                          self.text(raw, "reason", lpath, optional=True),
                                          self.text(raw, "disposition", lpath, optional=True)))
        if not lines:
            raise self.fail(f"{path}.lines", "a return needs at least one line.")
        tenders = self.return_tenders(item, "tenders", path, currency)
        if sum(t.amount_minor for t in tenders) != sum(line.amount_minor for line in lines):
            raise self.fail(f"{path}.tenders", "the refunded tenders must add up to the amounts of the returned lines.")
        created_at = self.timestamp(item, "created_at", path) if item.get("created_at") is not None else None
        return ReturnRecord(self.text(item, "id", path), order_id, None if order_id in orders else currency,
                            created_at, lines, tenders, path, self.text(item, "number", path, optional=True),
                            self.text(item, "till_id", path, optional=True), self.till_record(item, path, currency))

    def return_tenders(self, item: dict[str, Any], key: str, path: str, currency: str) -> list[ReturnTenderRecord]:
        tenders = []
        for i, raw in enumerate(self.array(item, key, path, required=key == "tenders")):
            tpath = f"{path}.{key}[{i}]"
            raw = self.obj(raw, tpath, FIELDS["return_tender"])
            if not isinstance(raw.get("method"), str) or raw["method"] not in TENDER_METHODS:
                raise self.fail(f"{tpath}.method",
                                f"expected one of {', '.join(sorted(TENDER_METHODS))}, "
                                f"got {describe(raw.get('method'))}.")
            tenders.append(ReturnTenderRecord(raw["method"], self.amount(raw, "amount", tpath, currency), tpath))
        return tenders

    def till_record(self, item: dict[str, Any], path: str, currency: str) -> TillRecord | None:
        """The cashier, decision, refund method, bonus and payout the till that made the return recorded."""
        if not any(item.get(key) is not None for key in TILL_RECORD_FIELDS):
            return None
        for key, allowed in (("refund_method", REFUND_METHODS), ("decision", DECISIONS), ("delivery", DELIVERIES)):
            if item.get(key) is not None and item[key] not in allowed:
                raise self.fail(f"{path}.{key}", f"expected one of {', '.join(sorted(allowed))}, "
                                                 f"got {describe(item[key])}.")
        return TillRecord(self.text(item, "cashier", path, optional=True),
                          self.text(item, "approved_by", path, optional=True), item.get("decision"),
                          item.get("refund_method"), self.amount(item, "bonus", path, currency, default="0"),
                          self.return_tenders(item, "paid", path, currency),
                          self.amount(item, "paid_more", path, currency, default="0"), item.get("delivery"))


class FastParser(_DocumentParser):
    """The same checks through `canonical_fast` (compiled structs, whole-order passes)."""

    def parse(self, raw: Any) -> Document:
        head, orders_raw, fast = self.head(raw)
        orders = [fast.order(item, f"$.orders[{i}]") for i, item in enumerate(orders_raw)]
        document = head._replace(orders=orders)
        orders_by_id = {order.id: order for order in orders}
        document = document._replace(returns=[self.ret(plain(item), f"$.returns[{i}]", orders_by_id)
                                              for i, item in enumerate(self.returns_raw)],
                                     held_units=[self.held_unit(plain(item), f"$.held_units[{i}]")
                                                 for i, item in enumerate(self.held_raw)])
        if not all_unique(document):
            raise Unsure
        return document

    def head(self, raw: Any) -> tuple[Document, list[Any], FastReader]:
        """Everything but the orders and the returns (which need the orders), and the orders as
        undecoded JSON."""
        root = decode_document(raw)
        if root.format != FORMAT:
            raise Unsure
        fast = FastReader(self)
        stores = [self.store(plain(item), f"$.stores[{i}]") for i, item in enumerate(root.stores)]
        currency = root.catalog_currency or (stores[0].currency if stores else "EUR")
        if not is_iso_currency(currency):
            raise Unsure
        products = [fast.product(item, f"$.products[{i}]", currency) for i, item in enumerate(root.products)]
        customers = [fast.customer(item) for item in root.customers]
        stock = [fast.stock(item, f"$.stock[{i}]") for i, item in enumerate(root.stock)]
        self.returns_raw = root.returns
        self.held_raw = root.held_units
        return Document(currency, stores, products, customers, [], stock, []), root.orders, fast

    def fail(self, path: str, reason: str) -> ImportRejected:
        raise Unsure  # the field-by-field reader says it, at its place among the others


def all_unique(document: Document) -> bool:
    def unique(keys: list[Any]) -> bool:
        return len(set(keys)) == len(keys)

    products, orders = document.products, document.orders
    return (unique([s.id for s in document.stores]) and unique([store_code(s.id) for s in document.stores])
            and unique([p.sku for p in products]) and unique([c.id for c in document.customers])
            and unique([o.id for o in orders]) and unique([o.number.upper() for o in orders])
            and unique([line.id for o in orders for line in o.lines]) and unique([r.id for r in document.returns])
            and unique([code for p in products for code in p.barcodes]) and unique([u.id for u in document.held_units]))


def _show(minor: int, currency: str) -> str:
    return Money.from_minor(minor, currency).format()
