"""Catalogue questions of the till screens: a product by any code, and the variants to exchange for."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from posreturns.domain.money import Money
from posreturns.services.normalize import barcode_key
from posreturns.services.promises import StockAt

_VARIANT = ("SELECT v.sku, v.product_id, v.title, v.options_json, v.price_minor, p.category, v.final_sale, "
            "v.serial_tracked FROM variants v JOIN products p ON p.id = v.product_id ")


class SqlCatalog:
    def __init__(self, engine: Engine, currency: str = "EUR") -> None:
        self.engine, self.currency = engine, currency

    def find_variant(self, code: str) -> dict[str, Any] | None:
        """The variant a barcode (any GTIN form) or SKU designates."""
        code = code.strip()
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql(_VARIANT + "WHERE v.sku = (SELECT sku FROM barcodes WHERE code = ?)",
                                             (barcode_key(code),)).first()
            if row is None:
                row = connection.exec_driver_sql(_VARIANT + "WHERE v.sku = ?", (code,)).first()
        return None if row is None else self._variant(row)

    def siblings(self, sku: str, location: str) -> list[dict[str, Any]]:
        """Every variant of the product `sku` belongs to, with stock here and elsewhere."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                _VARIANT + "WHERE v.product_id = (SELECT product_id FROM variants WHERE sku = ?) ORDER BY v.sku",
                (sku,)).all()
            stock = connection.exec_driver_sql(
                "SELECT sku, location, qty, updated_at FROM stock_levels WHERE bucket = 'sellable' AND sku IN "
                "(SELECT sku FROM variants WHERE product_id = (SELECT product_id FROM variants WHERE sku = ?))",
                (sku,)).all()
        found = []
        for row in rows:
            variant = self._variant(row)
            levels = [s for s in stock if s.sku == row.sku]
            variant["stock_here"] = sum(s.qty for s in levels if s.location == location)
            variant["stock_elsewhere"] = {s.location: s.qty for s in levels if s.location != location and s.qty > 0}
            variant["stock_as_of"] = max((s.updated_at for s in levels), default=None)
            found.append(variant)
        return found

    def customer_contact(self, customer_id: str) -> tuple[str, str]:
        """The e-mail address and phone number the store holds for a customer ("" when none)."""
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql("SELECT email, phone FROM customers WHERE id = ?", (customer_id,)).first()
        return ("", "") if row is None else (row.email or "", row.phone or "")

    def variant_title(self, code: str) -> tuple[str, str] | None:
        found = self.find_variant(code)
        return None if found is None else (found["sku"], found["title"])

    def stock_at(self, sku: str) -> list[StockAt]:
        """Sellable units of `sku` per location, each as of the later of its last change and the
        last stock pull from the OMS (a level the pull confirmed unchanged is as fresh as the pull)."""
        with self.engine.connect() as connection:
            pulled = connection.exec_driver_sql(
                "SELECT last_pulled_at FROM sync_streams WHERE stream = 'stock'").scalar()
            rows = connection.exec_driver_sql(
                "SELECT location, qty, updated_at FROM stock_levels WHERE bucket = 'sellable' AND sku = ? "
                "ORDER BY location", (sku,)).all()
        return [StockAt(row.location, row.qty, _later(row.updated_at, pulled)) for row in rows]

    def _variant(self, row: Any) -> dict[str, Any]:
        return {"sku": row.sku, "product_id": row.product_id, "title": row.title,
                "options": json.loads(row.options_json), "price": str(Money.from_minor(row.price_minor, self.currency)),
                "category": row.category, "final_sale": bool(row.final_sale),
                "serial_tracked": bool(row.serial_tracked)}


def _later(*moments: str | None) -> datetime | None:
    known = []
    for moment in moments:
        try:
            parsed = datetime.fromisoformat(moment) if moment else None
        except ValueError:
            parsed = None
        if parsed is not None:
            known.append(parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC))
    return max(known) if known else None
