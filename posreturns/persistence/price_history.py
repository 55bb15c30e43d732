"""Shelf prices over time: recorded when an import or a pull brings a new price, read for the lowest
price of the last N days (returns without a receipt)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.engine import WRITE

# A point only when the price differs from the SKU's latest one (an unchanged catalogue adds nothing).
RECORD_PRICE_CHANGE = (
    "INSERT INTO price_history (sku, valid_from, price_minor, source) SELECT ?1, ?3, ?2, ?4 WHERE ?2 IS NOT "
    "(SELECT price_minor FROM price_history WHERE sku = ?1 ORDER BY valid_from DESC LIMIT 1) "
    "ON CONFLICT(sku, valid_from) DO UPDATE SET price_minor = excluded.price_minor, source = excluded.source")
# The points inside the window and the one already in effect when it opened.
_SINCE = ("SELECT valid_from, price_minor FROM price_history WHERE sku = ?1 AND valid_from >= COALESCE("
          "(SELECT MAX(valid_from) FROM price_history WHERE sku = ?1 AND valid_from <= ?2), ?2) ORDER BY valid_from")


def record_price_changes(connection: Connection, prices: Iterable[tuple[str, int]], at: str, source: str) -> None:
    rows = [(sku, minor, at, source) for sku, minor in prices]
    if rows:
        connection.exec_driver_sql(RECORD_PRICE_CHANGE, rows)


def record_price_points(engine: Engine, points: Iterable[tuple[str, int, datetime]], source: str) -> None:
    """Past prices told by their source (the demo's promotions), each at its own moment."""
    with engine.connect().execution_options(**WRITE) as connection, connection.begin():
        connection.exec_driver_sql(
            "INSERT INTO price_history (sku, valid_from, price_minor, source) VALUES (?,?,?,?) "
            "ON CONFLICT(sku, valid_from) DO NOTHING",
            [(sku, format_utc(moment), minor, source) for sku, minor, moment in points])


class SqlPriceHistory:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def prices_since(self, sku: str, since: datetime) -> list[tuple[datetime, int]]:
        """(moment, price) of each price `sku` had from `since` on, the first one being the price in
        effect at `since` (its own, earlier, moment)."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(_SINCE, (sku, format_utc(since))).all()
        return [(parse_utc(row.valid_from), int(row.price_minor)) for row in rows]
