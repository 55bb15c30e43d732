"""Writes a validated canonical document into the local store, all or nothing.

Rows are upserted, so importing the same file twice changes nothing; prior returns are applied to
the ledgers only the first time their id is seen. Bulk statements go straight to the driver with
`executemany`: this is the path that must load 50,000 orders a second.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from itertools import chain
from operator import attrgetter
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from posreturns.domain.money import exponent
from posreturns.domain.utc import format_utc
from posreturns.persistence.engine import WRITE
from posreturns.persistence.held_unit_pull import apply_held_units
from posreturns.persistence.price_history import record_price_changes
from posreturns.services.canonical import Document, ReturnRecord
from posreturns.services.canonical_fast import Unsure
from posreturns.services.canonical_records import OrderRecord, TillRecord
from posreturns.services.canonical_stream import OrderStream
from posreturns.services.errors import ImportRejected
from posreturns.services.normalize import email_key, number_key, phone_key
from posreturns.services.numbering import store_code

UPSERT_STORE = ("INSERT INTO stores (id, name, currency, prices_include_tax, timezone) VALUES (?,?,?,?,?) "
                 "ON CONFLICT(id) DO UPDATE SET name=excluded.name, currency=excluded.currency, "
                 "prices_include_tax=excluded.prices_include_tax, timezone=excluded.timezone")
UPSERT_PRODUCT = ("INSERT INTO products (id, title, category) VALUES (?,?,?) ON CONFLICT(id) DO UPDATE SET "
                   "title=excluded.title, category=excluded.category")
UPSERT_VARIANT = ("INSERT INTO variants (sku, product_id, title, options_json, price_minor, tax_rate, final_sale, "
                   "serial_tracked) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(sku) DO UPDATE SET "
                   "product_id=excluded.product_id, title=excluded.title, options_json=excluded.options_json, "
                   "price_minor=excluded.price_minor, tax_rate=excluded.tax_rate, final_sale=excluded.final_sale, "
                   "serial_tracked=excluded.serial_tracked")
UPSERT_BARCODE = "INSERT INTO barcodes (code, sku) VALUES (?,?) ON CONFLICT(code) DO UPDATE SET sku=excluded.sku"
UPSERT_CUSTOMER = ("INSERT INTO customers (id, name, email, phone, email_key, phone_key) VALUES (?,?,?,?,?,?) "
                    "ON CONFLICT(id) DO UPDATE SET name=excluded.name, email=excluded.email, phone=excluded.phone, "
                    "email_key=excluded.email_key, phone_key=excluded.phone_key")
UPSERT_ORDER = ("INSERT INTO orders (id, number, number_key, channel, store_id, placed_at, currency, "
                 "prices_include_tax, customer_id, order_discount_minor, shipping_minor, total_minor) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET number=excluded.number, "
                 "number_key=excluded.number_key, channel=excluded.channel, store_id=excluded.store_id, "
                 "placed_at=excluded.placed_at, currency=excluded.currency, "
                 "prices_include_tax=excluded.prices_include_tax, customer_id=excluded.customer_id, "
                 "order_discount_minor=excluded.order_discount_minor, shipping_minor=excluded.shipping_minor, "
                 "total_minor=excluded.total_minor")
UPSERT_LINE = ("INSERT INTO order_lines (id, order_id, position, sku, qty, unit_price_minor, discount_minor, "
                "order_discount_share_minor, tax_rate, tax_minor, paid_minor, serials_json, returned_qty, "
                "refunded_minor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,0) ON CONFLICT(id) DO UPDATE SET "
                "position=excluded.position, sku=excluded.sku, qty=excluded.qty, "
                "unit_price_minor=excluded.unit_price_minor, discount_minor=excluded.discount_minor, "
                "order_discount_share_minor=excluded.order_discount_share_minor, tax_rate=excluded.tax_rate, "
                "tax_minor=excluded.tax_minor, paid_minor=excluded.paid_minor, serials_json=excluded.serials_json "
                "WHERE order_lines.order_id = excluded.order_id")
UPSERT_TENDER = ("INSERT INTO tenders (order_id, position, method, amount_minor, reference, card_last4, "
                  "refunded_minor) VALUES (?,?,?,?,?,?,0) ON CONFLICT(order_id, position) DO UPDATE SET "
                  "method=excluded.method, amount_minor=excluded.amount_minor, reference=excluded.reference, "
                  "card_last4=excluded.card_last4")
# The change a new level makes, as a movement (before the level is written): levels stay the sum of
# their movements.
RECORD_STOCK_CHANGE = (
    "INSERT INTO stock_movements (location, sku, bucket, delta, reason, reference, created_at) "
    "SELECT ?1, ?2, 'sellable', ?3 - COALESCE(l.qty, 0), 'oms.level', ?5, ?4 FROM (SELECT 1) "
    "LEFT JOIN stock_levels l ON l.location = ?1 AND l.sku = ?2 AND l.bucket = 'sellable' "
    "WHERE ?3 <> COALESCE(l.qty, 0)")
UPSERT_STOCK = ("INSERT INTO stock_levels (location, sku, bucket, qty, updated_at) VALUES (?,?,'sellable',?,?) "
                 "ON CONFLICT(location, sku, bucket) DO UPDATE SET qty=excluded.qty, updated_at="
                 "CASE WHEN stock_levels.qty = excluded.qty THEN stock_levels.updated_at ELSE excluded.updated_at END")


class SqlCacheWriter:
    """`CacheWriter` over the SQLite store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def write(self, document: Document, source: str, cursors: Mapping[str, str | None] | None = None,
              *, from_oms: bool = False) -> dict[str, int]:
        """Write `document` all or nothing. `cursors` ({stream: cursor}) are stored in the SAME
        transaction, so a pulled page and its cursor land together or not at all. `from_oms`
        (the sync's pulls): a prior return that the local ledger cannot take any more (this till
        already returned the line offline) is skipped, not refused; and stock levels that local,
        not yet delivered, outbox events changed are kept until those events are delivered.

        Orders streamed from a big file (`OrderStream`) are checked as they are written; at the first
        doubt everything is rolled back and the file is read whole again, for its exact error."""
        if isinstance(document.orders, OrderStream):
            try:
                return self._write_once(document, source, cursors, from_oms)
            except (ImportRejected, Unsure):
                document = document.orders.whole()  # the file's own error, or it is written below
        return self._write_once(document, source, cursors, from_oms)

    def _write_once(self, document: Document, source: str, cursors: Mapping[str, str | None] | None,
                    from_oms: bool) -> dict[str, int]:
        extra: dict[str, int] = {}
        try:
            with self.engine.connect().execution_options(**WRITE) as connection, \
                    _references_checked_here(connection, isinstance(document.orders, OrderStream)), \
                    connection.begin():
                if from_oms:
                    document, extra["stock_kept"] = _without_pending_stock(connection, document)
                applied = self._write(connection, document, source, lenient=from_oms, counts=extra)
                stamp = utc_now()
                for stream, cursor in (cursors or {}).items():
                    connection.exec_driver_sql(
                        "INSERT INTO sync_streams (stream, cursor, last_pulled_at) VALUES (?,?,?) "
                        "ON CONFLICT(stream) "
                        "DO UPDATE SET cursor = excluded.cursor, last_pulled_at = excluded.last_pulled_at",
                        (stream, cursor, stamp))
        except (IntegrityError, sqlite3.IntegrityError) as error:  # the second from rows given straight to the driver
            reason = error.orig if isinstance(error, IntegrityError) else error
            raise ImportRejected(source, "$",
                                 f"the file conflicts with data already on this till ({reason}).") from None
        return {**document.counts, "returns_applied": applied, **extra}

    def _write(self, connection: Connection, document: Document, source: str, lenient: bool = False,
               counts: dict[str, int] | None = None) -> int:
        run = connection.exec_driver_sql
        streamed = isinstance(document.orders, OrderStream)
        whole = document.orders if isinstance(document.orders, list) else []  # a stream is checked by chunk
        in_file = InFile(document)
        self._check_references(connection, document, whole, source, in_file)
        many(run, UPSERT_STORE, [tuple(s) for s in document.stores])
        many(run, UPSERT_PRODUCT,
             list({p.product_id: (p.product_id, p.title, p.category) for p in document.products}.values()))
        record_price_changes(connection, [(p.sku, p.price_minor) for p in document.products], utc_now(), source)
        many(run, UPSERT_VARIANT, [p[:8] for p in document.products])
        many(run, UPSERT_BARCODE, [(code, p.sku) for p in document.products for code in p.barcodes])
        many(run, UPSERT_CUSTOMER, [customer_row(c.id, c.name, c.email, c.phone) for c in document.customers])
        first_load = bool(document.orders) and run("SELECT 1 FROM orders LIMIT 1").first() is None
        indexes = _drop_sales_indexes(connection) if first_load else []
        if first_load and streamed:
            run(f"PRAGMA cache_size={FIRST_LOAD_CACHE}")
        for orders in [document.orders] if isinstance(document.orders, list) else document.orders.chunks():
            if streamed:
                self._check_references(connection, document._replace(stock=[]), orders, source, in_file)
            if first_load:
                _insert_sales(connection, orders)
                continue
            many(run, UPSERT_ORDER, [order_row(o) for o in orders])
            lines = list(_each(_LINES, orders))
            if lines and run(UPSERT_LINE, lines).rowcount != len(lines):  # a line id of another order: not moved
                _refuse_moved_lines(connection, orders, source)
            many(run, UPSERT_TENDER, list(_each(_TENDERS, orders)))
        for _, sql in indexes:
            run(sql)
        now = utc_now()
        levels = [(s.location, s.sku, s.sellable, now) for s in document.stock]
        many(run, RECORD_STOCK_CHANGE, [(*level, source) for level in levels])
        many(run, UPSERT_STOCK, levels)
        if not lenient:
            applied = sum(apply_prior_return(connection, r, source) for r in document.returns)
            apply_held_units(connection, document.held_units, datetime.now(UTC))
            return applied
        applied = 0
        for record in document.returns:
            nested = connection.begin_nested()
            try:
                applied += apply_prior_return(connection, record, source)
                nested.commit()
            except ImportRejected:
                nested.rollback()
                if counts is not None:
                    counts["returns_conflicting"] = counts.get("returns_conflicting", 0) + 1
        held = apply_held_units(connection, document.held_units, datetime.now(UTC))
        if counts is not None and held:
            counts["held_units_of_other_tills"] = held
        return applied

    def _check_references(self, connection: Connection, document: Document, orders: Sequence[OrderRecord],
                          source: str, in_file: InFile | None = None) -> None:
        """What the records of `document` (its orders: `orders`) refer to is in the file or on the till.
        Only the references neither has are looked for again, for the path of the first one."""
        in_file = in_file or InFile(document)
        unknown = set(map(_SKU, _each(_LINES, orders))) - in_file.skus
        unknown.update(s.sku for s in document.stock if s.sku not in in_file.skus)
        unknown -= existing(connection, "variants", "sku", unknown)
        if unknown:
            wanted = [(line.sku, f"{o.path}.lines[{line.position}].sku") for o in orders for line in o.lines]
            wanted += [(s.sku, s.path + ".sku") for s in document.stock]
            sku, path = next((sku, path) for sku, path in wanted if sku in unknown)
            raise ImportRejected(source, path,
                                 f'the SKU "{sku}" is unknown; add it to "products" or import the catalogue first.')
        self._check(connection, source, "customers", in_file.customers, orders, "customer_id", "customer")
        self._check(connection, source, "stores", in_file.stores, orders, "store_id", "store")
        _check_stores(connection, document, orders, source)
        self._check(connection, source, "orders", {o.id for o in orders}, document.returns, "order_id", "order")

    @staticmethod
    def _check(connection: Connection, source: str, table: str, in_file: set[str], records: Sequence[Any],
               field: str, what: str) -> None:
        unknown = set(map(attrgetter(field), records)) - in_file
        unknown.discard(None)  # an order without a customer or store
        unknown -= existing(connection, table, "id", unknown)
        for record in records if unknown else ():
            ref = getattr(record, field)
            if ref in unknown:
                raise ImportRejected(source, f"{record.path}.{field}",
                                     f'the {what} "{ref}" is unknown; add it to this file or import it first.')


class InFile:
    """The ids a file brings, which its orders may refer to (made once for all its chunks)."""

    def __init__(self, document: Document) -> None:
        self.skus = {p.sku for p in document.products}
        self.customers = {c.id for c in document.customers}
        self.stores = {s.id for s in document.stores}


INSERT_ORDER = UPSERT_ORDER[: UPSERT_ORDER.index(" ON CONFLICT")]
INSERT_LINE = UPSERT_LINE[: UPSERT_LINE.index(" ON CONFLICT")]
INSERT_TENDER = UPSERT_TENDER[: UPSERT_TENDER.index(" ON CONFLICT")]
SALES_TABLES = ("orders", "order_lines", "tenders")
# KiB of page cache for a first load: its rows go at the end of empty tables and their indexes are
# built after, so a big cache only holds pages already written (64 MB more of the importer's memory)
FIRST_LOAD_CACHE = -8192


@contextmanager
def _references_checked_here(connection: Connection, bulk: bool) -> Iterator[None]:
    """SQLite's own foreign key checks off for a bulk import: each line and tender would look its
    order and SKU up again (a fifth of the writer's time), and `_check_references` has already checked
    every reference of the file's rows in the same transaction (the rest point at rows of the same
    records). Per connection, outside any transaction, and on again before the pool takes it back,
    with the page cache a first load shrinks (`FIRST_LOAD_CACHE`)."""
    driver = connection.connection.driver_connection
    assert driver is not None
    if bulk:
        cache = driver.execute("PRAGMA cache_size").fetchone()[0]
        driver.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        if bulk:
            driver.execute("PRAGMA foreign_keys=ON")
            driver.execute(f"PRAGMA cache_size={int(cache)}")


def _drop_sales_indexes(connection: Connection) -> list[tuple[str, str]]:
    """The first load of sales (no order on this till yet) goes into tables without their secondary
    indexes, built again once at the end (a sort instead of a B-tree insert per row), in the same
    transaction: a failure leaves the tables and their indexes as they were."""
    marks = ",".join("?" * len(SALES_TABLES))
    indexes = [(name, sql) for name, sql in connection.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})",
        SALES_TABLES)]
    for name, _ in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return indexes


def _insert_sales(connection: Connection, orders: Sequence[OrderRecord]) -> None:
    """Plain inserts into the empty tables, the rows streamed from the records to SQLite."""
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.executemany(INSERT_ORDER, map(order_row, orders))
    driver.executemany(INSERT_LINE, _each(_LINES, orders))
    driver.executemany(INSERT_TENDER, _each(_TENDERS, orders))


_LINES, _TENDERS, _SKU = attrgetter("lines"), attrgetter("tenders"), attrgetter("sku")
_STORE_AND_CURRENCY = attrgetter("store_id", "currency")


def _each(part: Callable[[OrderRecord], list[Any]], orders: Sequence[OrderRecord]) -> Iterator[Any]:
    """The lines (or tenders) of all `orders`, without a Python frame per row: 400,000 rows for
    100,000 orders."""
    return chain.from_iterable(map(part, orders))


def many(run: Any, statement: str, rows: Sequence[tuple[Any, ...]]) -> None:
    if rows:
        run(statement, list(rows))


def existing(connection: Connection, table: str, column: str, values: Iterable[str]) -> set[str]:
    """Which of `values` are present in `table.column` (table and column are our own constants)."""
    values = list(values)
    found: set[str] = set()
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = connection.exec_driver_sql(f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", tuple(chunk))
        found.update(row[0] for row in rows)
    return found


def customer_row(cid: str, name: str | None, email: str | None, phone: str | None) -> tuple[Any, ...]:
    return (cid, name, email, phone, email_key(email) if email else None, phone_key(phone) if phone else None)


def order_row(o: Any) -> tuple[Any, ...]:
    return (o.id, o.number, number_key(o.number), o.channel, o.store_id, o.placed_at, o.currency,
            o.prices_include_tax, o.customer_id, o.order_discount_minor, o.shipping_minor, o.total_minor)


def utc_now() -> str:
    return format_utc(datetime.now(UTC))


def apply_prior_return(connection: Connection, record: ReturnRecord, source: str) -> int:
    """Record a return made elsewhere and charge it to the line and tender ledgers, once."""
    run = connection.exec_driver_sql
    if run("SELECT 1 FROM returns WHERE id = ?", (record.id,)).first():
        return 0
    order = run("SELECT currency, customer_id, store_id, channel FROM orders WHERE id = ?", (record.order_id,)).one()
    if record.currency is not None and record.currency != order.currency:
        raise ImportRejected(source, record.path + ".currency",
                             f'the order "{record.order_id}" is in {order.currency}, '
                                                                f"not {record.currency}; give the return's currency.")
    for line in record.lines:
        row = run("SELECT qty, returned_qty, paid_minor, refunded_minor FROM order_lines WHERE id = ? AND order_id = ?",
                  (line.order_line_id, record.order_id)).first()
        if row is None:
            raise ImportRejected(source, line.path + ".order_line_id",
                                 f'"{line.order_line_id}" is not a line of order "{record.order_id}".')
        if row.returned_qty + line.qty > row.qty:
            raise ImportRejected(source, line.path + ".qty",
                                 f"returns would exceed the {row.qty} unit(s) sold on this line.")
        if row.refunded_minor + line.amount_minor > row.paid_minor:
            raise ImportRejected(source, line.path + ".amount",
                                 "returns would refund more than was paid for this line.")
        run("UPDATE order_lines SET returned_qty = returned_qty + ?, refunded_minor = refunded_minor + ? WHERE id = ?",
            (line.qty, line.amount_minor, line.order_line_id))
    total = sum(line.amount_minor for line in record.lines)
    created_at = record.created_at or utc_now()
    # a number already here (a till reinstalled, numbering again from 1) is a label only: the return keeps none
    number = record.number if record.number and not run("SELECT 1 FROM returns WHERE number = ?",
                                                         (record.number,)).first() else None
    till = record.till_record
    run("INSERT INTO returns (id, number, order_id, origin, store_id, till_id, customer_id, created_at, currency, "
        "refund_total_minor, channel) VALUES (?, ?, ?, 'oms', ?, ?, ?, ?, ?, ?, ?)",
        (record.id, number, record.order_id, order.store_id, record.till_id, order.customer_id, created_at,
         order.currency, total, order.channel))
    if till:
        run("UPDATE returns SET cashier = ?, approved_by = ?, decision = ?, refund_method = ?, result_json = ? "
            "WHERE id = ?", (*_till_columns(till, order.currency), record.id))
    for line in record.lines:
        sku = run("SELECT sku FROM order_lines WHERE id = ?", (line.order_line_id,)).scalar_one()
        run("INSERT INTO return_lines (return_id, order_line_id, sku, qty, refund_minor) VALUES (?,?,?,?,?)",
            (record.id, line.order_line_id, sku, line.qty, line.amount_minor))
        if line.reason or line.disposition:
            run("UPDATE return_lines SET reason = ?, disposition = ? WHERE id = last_insert_rowid()",
                (line.reason, line.disposition))
    paid_out = till.paid if till else []
    exchanged = till is not None and till.refund_method == "exchange"  # what it did not pay out was kept
    for tender in record.tenders:
        _charge_tenders(connection, record, tender.method, tender.amount_minor, tender.path, source,
                        listed=not paid_out and not exchanged)
    if paid_out:  # the report shows how the customer was paid; the sale's tenders above only lose what it took
        run("INSERT INTO return_tenders (return_id, tender_id, method, amount_minor) VALUES (?,NULL,?,?)",
            [(record.id, tender.method, tender.amount_minor) for tender in paid_out])
    return 1


def _till_columns(till: TillRecord, currency: str) -> tuple[Any, ...]:
    """cashier, approved_by, decision, refund_method and, where the report reads the till's own returns'
    (their stored answer), the bonus of the voucher or exchange, what the customer paid on top of an
    exchange and whether its replacement is delivered from the network."""
    def major(minor: int) -> str:
        return format(Decimal(minor).scaleb(-exponent(currency)), "f")

    part = {"store_credit": "voucher", "exchange": "exchange"}.get(till.refund_method or "")
    answer: dict[str, Any] = {}
    if part and (till.bonus_minor or (part == "exchange" and till.paid_more_minor)):
        answer[part] = {"bonus": major(till.bonus_minor)}
        if part == "exchange" and till.paid_more_minor:
            answer[part]["to_collect"] = major(till.paid_more_minor)
    if part == "exchange" and till.delivery:
        answer["delivery"] = {"to": till.delivery}
    return till.cashier, till.approved_by, till.decision, till.refund_method, json.dumps(answer) if answer else None


def _charge_tenders(connection: Connection, record: ReturnRecord, method: str, amount: int, path: str,
                    source: str, listed: bool = True) -> None:
    run = connection.exec_driver_sql
    rows = run("SELECT id, amount_minor - refunded_minor AS room FROM tenders WHERE order_id = ? AND method = ? "
               "ORDER BY position", (record.order_id, method)).all()
    left = amount
    for row in rows:
        take = min(left, row.room)
        if take > 0:
            run("UPDATE tenders SET refunded_minor = refunded_minor + ? WHERE id = ?", (take, row.id))
            if listed:
                run("INSERT INTO return_tenders (return_id, tender_id, method, amount_minor) VALUES (?,?,?,?)",
                    (record.id, row.id, method, take))
            left -= take
    if left:
        raise ImportRejected(source, path, f"more is refunded to {method} than the order's {method} tenders paid.")


def _refuse_moved_lines(connection: Connection, orders: Sequence[OrderRecord], source: str) -> None:
    """A line id belongs to one order for ever: reusing it would move the line, and what was already
    returned and refunded from it, to another sale."""
    run = connection.exec_driver_sql
    for order in orders:
        for line in order.lines:
            owner = run("SELECT o.id, o.number FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = ?",
                        (line.id,)).first()
            if owner is not None and owner.id != order.id:
                raise ImportRejected(source, f"{order.path}.lines[{line.position}].id",
                                     f'the line id "{line.id}" already belongs to order {owner.number} on this till; '
                                     f"order {order.number} cannot use it (line ids must be unique across orders).")


def _check_stores(connection: Connection, document: Document, orders: Sequence[OrderRecord], source: str) -> None:
    """Orders in their store's currency; no two stores whose return numbers would look the same."""
    run = connection.exec_driver_sql
    known = {row.id: row.currency for row in run("SELECT id, currency FROM stores")}
    known.update({s.id: s.currency for s in document.stores})
    sold = set(map(_STORE_AND_CURRENCY, orders))  # a few pairs for thousands of orders
    for order in orders if any(known.get(store or "") not in (None, currency) for store, currency in sold) else ():
        expected = known.get(order.store_id or "")
        if expected is not None and order.currency != expected:
            raise ImportRejected(source, order.path + ".currency", f"the order is in {order.currency} but its store "
                                                                   f"{order.store_id} sells in {expected}; "
                                                                   "they must agree.")
    codes = {store_code(store_id): store_id for store_id in known if store_id not in {s.id for s in document.stores}}
    for i, store in enumerate(document.stores):
        other = codes.get(store_code(store.id))
        if other is not None and other != store.id:
            raise ImportRejected(source, f"$.stores[{i}].id", f'the store "{store.id}" would print the same return '
                                                              f'numbers as the store "{other}" already on this till; '
                                                              "store ids must differ in more than case or punctuation.")


_PENDING_STOCK = ("SELECT DISTINCT json_extract(d.value, '$.location'), json_extract(d.value, '$.sku') "
                  "FROM outbox o, json_each(o.payload_json, '$.data.deltas') d WHERE o.event_type = 'StockAdjusted' "
                  "AND o.status IN ('pending', 'held', 'rejected') AND o.acked_at IS NULL")


def _without_pending_stock(connection: Connection, document: Document) -> tuple[Document, int]:
    """The OMS's stock levels minus those a local, undelivered event changed (the OMS does not
    know that change yet; taking its number would undo it until the next pull)."""
    if not document.stock:
        return document, 0
    touched = {(row[0], row[1]) for row in connection.exec_driver_sql(_PENDING_STOCK)}
    kept = [s for s in document.stock if (s.location, s.sku) not in touched]
    return document._replace(stock=kept), len(document.stock) - len(kept)
