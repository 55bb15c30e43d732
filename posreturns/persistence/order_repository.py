"""Reads sales out of the local store as domain `Order`s, and the searches that find them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from posreturns.domain.money import Money
from posreturns.domain.orders import Channel, Order, OrderLine, Tender, TenderMethod
from posreturns.domain.resale import Grade, grade_of
from posreturns.domain.utc import format_utc, parse_utc
from posreturns.services.ports import OrderSummary, VariantInfo

if TYPE_CHECKING:  # a lookup from the command line reads through plain sqlite3 (persistence/plain_sqlite.py)
    from posreturns.persistence.plain_sqlite import Readable

_ORDER = ("SELECT o.id, o.number, o.channel, o.store_id, o.placed_at, o.currency, o.prices_include_tax, "
          "o.customer_id, o.order_discount_minor, o.shipping_minor, o.shipping_refunded_minor, c.name AS customer_name "
          "FROM orders o LEFT JOIN customers c ON c.id = o.customer_id ")
_LINES = ("SELECT l.id, l.sku, v.title, l.qty, l.unit_price_minor, l.discount_minor, l.order_discount_share_minor, "
          "l.tax_rate, l.tax_minor, l.paid_minor, l.returned_qty, l.refunded_minor, l.serials_json, "
          "p.category, v.final_sale, v.serial_tracked, v.options_json "
          "FROM order_lines l JOIN variants v ON v.sku = l.sku JOIN products p ON p.id = v.product_id "
          "WHERE l.order_id = ? ORDER BY l.position")
_TENDERS = ("SELECT id, method, amount_minor, refunded_minor, reference, card_last4 FROM tenders "
            "WHERE order_id = ? ORDER BY position")
_SUMMARY_COLUMNS = "o.id, o.number, o.channel, o.placed_at, o.total_minor, o.currency, c.name, o.store_id"


class SqlOrderRepository:
    """`OrderRepository` over SQLite; every call is one short read transaction."""

    def __init__(self, engine: Readable) -> None:
        self.engine = engine

    def _rows(self, sql: str, params: Sequence[Any]) -> list[Any]:
        with self.engine.connect() as connection:
            return list(connection.exec_driver_sql(sql, tuple(params)).all())

    def get(self, order_id: str) -> Order | None:
        return self._load(_ORDER + "WHERE o.id = ?", (order_id,))

    def by_number_keys(self, keys: list[str]) -> Order | None:
        for key in keys:
            order = self._load(_ORDER + "WHERE o.number_key = ?", (key,))
            if order:
                return order
        return None

    def summaries_by_number_keys(self, keys: list[str]) -> list[OrderSummary]:
        for key in keys:
            found = self._summaries("WHERE o.number_key = ?", (key,), 1)
            if found:
                return found
        return []

    def _load(self, sql: str, params: tuple[Any, ...]) -> Order | None:
        with self.engine.connect() as connection:
            head = connection.exec_driver_sql(sql, params).first()
            if head is None:
                return None
            lines = connection.exec_driver_sql(_LINES, (head.id,)).all()
            tenders = connection.exec_driver_sql(_TENDERS, (head.id,)).all()
            returned_serials = connection.exec_driver_sql(
                "SELECT rl.order_line_id, rl.serial FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id "
                "WHERE l.order_id = ? AND rl.serial IS NOT NULL", (head.id,)).all()
        cur = head.currency
        serials_back: dict[str, list[str]] = {}
        for line_id, serial in returned_serials:
            serials_back.setdefault(line_id, []).append(serial)
        return Order(
            id=head.id, number=head.number, channel=Channel(head.channel), store_id=head.store_id,
            placed_at=parse_utc(head.placed_at), currency=cur, prices_include_tax=bool(head.prices_include_tax),
            customer_id=head.customer_id, customer_name=head.customer_name,
            order_discount=Money.from_minor(head.order_discount_minor, cur),
            shipping=Money.from_minor(head.shipping_minor, cur),
            shipping_refunded=(Money.from_minor(head.shipping_refunded_minor, cur)
                               if head.shipping_refunded_minor else None),
            lines=tuple(_line(tuple(r), cur, serials_back) for r in lines),
            tenders=tuple(
                Tender(id=t.id, method=TenderMethod(t.method), amount=Money.from_minor(t.amount_minor, cur),
                       refunded=Money.from_minor(t.refunded_minor, cur), reference=t.reference, card_last4=t.card_last4)
                for t in tenders
            ),
        )

    def sku_for_barcode(self, code_key: str) -> str | None:
        rows = self._rows("SELECT sku FROM barcodes WHERE code = ?", (code_key,))
        return rows[0][0] if rows else None

    def variant(self, sku: str) -> VariantInfo | None:
        rows = self._rows(
            "SELECT v.sku, v.product_id, v.title, p.category, v.price_minor, v.final_sale, "
            "v.serial_tracked, v.tax_rate, v.options_json "
            "FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ?", (sku,))
        if not rows:
            return None
        r = rows[0]
        currency = self._catalog_currency()
        return VariantInfo(r.sku, r.product_id, r.title, r.category, Money.from_minor(r.price_minor, currency),
                           bool(r.final_sale), bool(r.serial_tracked), Decimal(r.tax_rate),
                           second_hand_grade(r.options_json))

    def _catalog_currency(self) -> str:
        rows = self._rows("SELECT currency FROM stores ORDER BY id LIMIT 1", ())
        return rows[0][0] if rows else "EUR"

    def _summaries(self, where: str, params: Sequence[Any], limit: int) -> list[OrderSummary]:
        # The newest sales are chosen first by rowid alone (from a covering index where the search has one: a
        # name matching 200 customers reads ~1,400 index entries, not ~1,400 sales and their customers), then
        # only those rows are read; equal times come newest-written first, so a search always lists alike.
        # (CROSS JOIN: SQLite keeps that order, whatever it guesses of the tables' sizes)
        rows = self._rows(f"SELECT {_SUMMARY_COLUMNS} FROM (SELECT o.rowid AS found FROM orders o {where} "
                          "ORDER BY o.placed_at DESC, o.rowid DESC LIMIT ?) CROSS JOIN orders o ON o.rowid = found "
                          "LEFT JOIN customers c ON c.id = o.customer_id ORDER BY o.placed_at DESC, o.rowid DESC",
                          (*params, limit))
        # unpacked by position: a row's attributes by name cost more than the rest of building a summary
        return [OrderSummary(order_id, number, channel, parse_utc(placed_at), Money.from_minor(total, currency),
                             name, store_id)
                for order_id, number, channel, placed_at, total, currency, name, store_id in rows]

    def by_customer_email(self, prefix: str, limit: int) -> list[OrderSummary]:
        return self._summaries("WHERE o.customer_id IN (SELECT id FROM customers "
                               "WHERE email_key >= ? AND email_key < ? "
                               "LIMIT 200)", (prefix, prefix + "\U0010ffff"), limit)

    def by_customer_phone(self, key: str, limit: int) -> list[OrderSummary]:
        return self._summaries("WHERE o.customer_id IN (SELECT id FROM customers "
                               "WHERE phone_key >= ? AND phone_key < ? "
                               "LIMIT 200)", (key, key + "\U0010ffff"), limit)

    def by_customer_name(self, tokens: list[str], limit: int) -> list[OrderSummary]:
        """Customers whose name has a word starting with each token (the first 200 the name index
        gives), then their sales."""
        prefixes = " AND ".join(f'"{token}"*' for token in tokens)  # tokens are [a-z0-9]+ (name_tokens)
        return self._summaries("WHERE o.customer_id IN (SELECT s.customer_id FROM customer_names n "
                               "JOIN customer_search s ON s.id = n.rowid WHERE customer_names MATCH ? LIMIT 200)",
                               (prefixes,), limit)

    def by_card(self, last4: str, start: datetime, end: datetime, limit: int) -> list[OrderSummary]:
        return self._summaries("WHERE o.id IN (SELECT order_id FROM tenders WHERE card_last4 = ?) "
                               "AND o.placed_at >= ? AND o.placed_at < ?",
                               (last4, format_utc(start), format_utc(end)), limit)

    def by_amount(self, total_minor: int, start: datetime, end: datetime, limit: int) -> list[OrderSummary]:
        return self._summaries("WHERE o.total_minor = ? AND o.placed_at >= ? AND o.placed_at < ?",
                               (total_minor, format_utc(start), format_utc(end)), limit)


def _line(row: tuple[Any, ...], cur: str, serials_back: dict[str, list[str]]) -> OrderLine:
    """An `_LINES` row, unpacked by position: a receipt scan and a quote from the host read every line of
    the sale, and a named column of a SQLAlchemy row costs a lookup each."""
    (line_id, sku, title, qty, unit_price, discount, order_discount_share, tax_rate, tax, paid, returned_qty,
     refunded, serials_json, category, final_sale, serial_tracked, options_json) = row
    grade = second_hand_grade(options_json)
    return OrderLine(
        id=line_id, sku=sku, title=title, qty=qty, unit_price=Money.from_minor(unit_price, cur),
        discount=Money.from_minor(discount, cur), order_discount_share=Money.from_minor(order_discount_share, cur),
        tax_rate=Decimal(tax_rate), tax=Money.from_minor(tax, cur), paid=Money.from_minor(paid, cur),
        returned_qty=returned_qty, refunded=Money.from_minor(refunded, cur),
        serials=() if serials_json == "[]" else tuple(json.loads(serials_json)),
        returned_serials=tuple(serials_back.get(line_id, ())), category=category,
        final_sale=bool(final_sale), serial_tracked=bool(serial_tracked),
        second_hand=None if grade is None else grade.value,
    )


def second_hand_grade(options_json: str | None) -> Grade | None:
    """The grade of a second-hand item, from its variant's options (`{"second_hand": "B"}`, as the till
    that graded it and the OMS pull both write them)."""
    if not options_json or "second_hand" not in options_json:
        return None  # most variants: no options to parse
    try:
        options = json.loads(options_json or "{}")
    except ValueError:
        return None
    return grade_of(str(options.get("second_hand") or "")) if isinstance(options, dict) else None
