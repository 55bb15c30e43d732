"""The store-scale data set (200,000 SKUs, 1,000,000 orders, 100,000 customers), generated
straight into the local store.

Deterministic for a seed. Rows go through the cache writer's own statements, in batches inside
one write transaction per batch, so the generator measures the same path as an initial cache load.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine

from posreturns.domain.pricing import LineCharge, price_lines
from posreturns.domain.utc import format_utc
from posreturns.persistence import cache_writer as sql
from posreturns.persistence.engine import WRITE
from posreturns.services.normalize import number_key

Progress = Callable[[int, int, str], None]
FIRST = ["Camille", "Léa", "Hugo", "Louis", "Chloé", "Inès", "Jules", "Manon", "Lucas", "Emma", "Nathan",
         "Zoé", "Gabriel", "Jade", "Arthur", "Louise", "Raphaël", "Alice", "Adam", "Lina"]
LAST = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure", "André", "Mercier"]
CATEGORIES = ["apparel", "apparel", "apparel", "shoes", "electronics", "home", "beauty", "books"]
STORES = [f"STORE-{n:02d}" for n in range(1, 11)]
BATCH = 20_000


@dataclass(frozen=True)
class ScaleSpec:
    skus: int = 200_000
    orders: int = 1_000_000
    customers: int = 100_000
    returns: int = 100_000
    seed: int = 7


def ean13(body12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def receipt_number(index: int) -> str:
    """The receipt number the generator gives to order `index` (benchmarks look them up)."""
    return f"W-{index:07d}" if index % 5 == 4 else f"{STORES[index % 10][-2:]}-{index:07d}"


def sku_barcode(sku_index: int) -> str:
    return ean13(f"20{sku_index:09d}0")


def generate(engine: Engine, spec: ScaleSpec, progress: Progress | None = None) -> None:
    report = progress or (lambda done, total, label: None)
    rng = random.Random(spec.seed)
    prices = _catalogue(engine, spec, rng, report)
    _customers(engine, spec, report)
    _orders(engine, spec, rng, prices, report)
    _returns(engine, spec, rng, report)


def _write(engine: Engine, statements: Sequence[tuple[str, Sequence[tuple[Any, ...]]]]) -> None:
    with engine.connect().execution_options(**WRITE) as connection, connection.begin():
        for statement, rows in statements:
            sql.many(connection.exec_driver_sql, statement, rows)


def _catalogue(engine: Engine, spec: ScaleSpec, rng: random.Random, report: Progress) -> list[int]:
    _write(engine, [(sql.UPSERT_STORE, [(s, f"Store {s}", "EUR", True, "Europe/Paris") for s in STORES])])
    prices = [rng.randrange(500, 30_000, 10) for _ in range(spec.skus)]
    for start in range(0, spec.skus, BATCH):
        chunk = range(start, min(start + BATCH, spec.skus))
        products = {(f"P{i // 4:06d}", f"Product {i // 4}", CATEGORIES[(i // 4) % len(CATEGORIES)]) for i in chunk}
        variants = [(f"SKU{i:06d}", f"P{i // 4:06d}", f"Product {i // 4} variant {i % 4}",
                     json.dumps({"size": "SMLX"[i % 4]}), prices[i], "20", i % 97 == 0, i % 4 == 0 and i % 8 == 0)
                    for i in chunk]
        barcodes = [(sku_barcode(i).zfill(14), f"SKU{i:06d}") for i in chunk]
        barcodes += [(ean13(f"21{i:09d}{k}").zfill(14), f"SKU{i:06d}") for i in chunk for k in range(i % 3)]
        stock = [(s, f"SKU{i:06d}", (i * 7 + n) % 12, "2026-01-01T00:00:00Z") for i in chunk
                 for n, s in enumerate(STORES[:2])]
        _write(engine, [(sql.UPSERT_PRODUCT, sorted(products)), (sql.UPSERT_VARIANT, variants),
                        (sql.UPSERT_BARCODE, barcodes),
                        (sql.RECORD_STOCK_CHANGE, [(*level, "generate") for level in stock]),
                        (sql.UPSERT_STOCK, stock)])
        report(chunk.stop, spec.skus, "catalogue")
    return prices


def _customers(engine: Engine, spec: ScaleSpec, report: Progress) -> None:
    for start in range(0, spec.customers, BATCH):
        rows = []
        for n in range(start, min(start + BATCH, spec.customers)):
            first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
            email = f"{first}.{last}.{n}@example.fr".lower()
            rows.append(sql.customer_row(f"C{n:06d}", f"{first} {last}", email, f"06{n:08d}"))
        _write(engine, [(sql.UPSERT_CUSTOMER, rows)])  # the name index follows by itself (triggers)
        report(min(start + BATCH, spec.customers), spec.customers, "customers")


def _orders(engine: Engine, spec: ScaleSpec, rng: random.Random, prices: list[int], report: Progress) -> None:
    now = datetime(2026, 11, 1, tzinfo=UTC)
    rate = Decimal(20)
    for start in range(0, spec.orders, BATCH):
        orders, lines, tenders = [], [], []
        for n in range(start, min(start + BATCH, spec.orders)):
            oid, web = f"O{n:07d}", n % 5 == 4
            count = rng.choice((1, 2, 2, 3, 3, 3, 4, 5))
            charges, skus = [], []
            for _ in range(count):
                sku_index = rng.randrange(spec.skus)
                qty = rng.choice((1, 1, 1, 2, 3))
                unit = prices[sku_index]
                discount = unit * qty // 5 if rng.random() < 0.15 else 0
                charges.append(LineCharge(qty, unit, discount, rate))
                skus.append(f"SKU{sku_index:06d}")
            order_discount = sum(c.net for c in charges) // 10 if rng.random() < 0.1 else 0
            shipping = 490 if web else 0
            priced = price_lines(charges, order_discount, True)
            total = sum(p.paid for p in priced) + shipping
            placed = format_utc(now - timedelta(seconds=rng.randrange(400 * 86_400)))
            customer = f"C{rng.randrange(spec.customers):06d}" if rng.random() < 0.7 else None
            number = receipt_number(n)
            orders.append((oid, number, number_key(number), "web" if web else "store", None if web else STORES[n % 10],
                           placed, "EUR", True, customer, order_discount, shipping, total))
            lines += [(f"{oid}-{i}", oid, i, skus[i], c.qty, c.unit_price, c.discount, p.order_discount_share,
                       "20", p.tax, p.paid, _serials(skus[i], oid, i, c.qty))
                      for i, (c, p) in enumerate(zip(charges, priced, strict=True))]
            last4 = f"{rng.randrange(10_000):04d}"
            if rng.random() < 0.1 and total > 1000:
                tenders += [(oid, 0, "card", total - 1000, f"CB-{last4}", last4), (oid, 1, "cash", 1000, None, None)]
            elif rng.random() < 0.25:
                tenders.append((oid, 0, "cash", total, None, None))
            else:
                tenders.append((oid, 0, "card", total, f"CB-{last4}", last4))
        _write(engine, [(sql.UPSERT_ORDER, orders), (sql.UPSERT_LINE, lines), (sql.UPSERT_TENDER, tenders)])
        report(min(start + BATCH, spec.orders), spec.orders, "orders")


def _serials(sku: str, order_id: str, position: int, qty: int) -> str:
    """Serial-tracked variants (every 8th SKU, as in the catalogue) are sold with their serials."""
    if int(sku[3:]) % 8:
        return "[]"
    return json.dumps([f"SN-{order_id}-{position}-{unit}" for unit in range(qty)])


def _returns(engine: Engine, spec: ScaleSpec, rng: random.Random, report: Progress) -> None:
    picked = sorted(rng.sample(range(spec.orders), min(spec.returns, spec.orders)))
    for start in range(0, len(picked), BATCH):
        with engine.connect().execution_options(**WRITE) as connection, connection.begin():
            run = connection.exec_driver_sql
            for n in picked[start : start + BATCH]:
                oid = f"O{n:07d}"
                line = run("SELECT id, sku, qty, paid_minor FROM order_lines WHERE order_id = ? AND position = 0",
                           (oid,)).one()
                tender = run("SELECT id, method, amount_minor FROM tenders WHERE order_id = ? AND position = 0",
                             (oid,)).one()
                amount = min(line.paid_minor // line.qty, tender.amount_minor)
                rid = f"R{n:07d}"
                run("INSERT INTO returns (id, number, order_id, origin, store_id, till_id, customer_id, created_at, "
                    "currency, refund_total_minor, channel) SELECT ?, NULL, id, 'oms', store_id, NULL, customer_id, "
                    "placed_at, currency, ?, channel FROM orders WHERE id = ?", (rid, amount, oid))
                run("INSERT INTO return_lines (return_id, order_line_id, sku, qty, refund_minor) VALUES (?,?,?,1,?)",
                    (rid, line.id, line.sku, amount))
                run("INSERT INTO return_tenders (return_id, tender_id, method, amount_minor) VALUES (?,?,?,?)",
                    (rid, tender.id, tender.method, amount))
                run("UPDATE order_lines SET returned_qty = 1, refunded_minor = ? WHERE id = ?", (amount, line.id))
                run("UPDATE tenders SET refunded_minor = ? WHERE id = ?", (amount, tender.id))
        report(min(start + BATCH, len(picked)), len(picked), "returns")
