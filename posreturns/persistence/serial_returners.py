"""The customers who returned most in a period, read from the local store: one grouped query over the
returns' `created_at` index, with the customer's name and contact from the cache (masked by the
service before anyone sees it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine

from posreturns.persistence.report_source import SCOPE
from posreturns.services.serial_returners import CustomerReturns


class SqlSerialReturners:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def customers(self, start_utc: str, end_utc: str, currency: str, training: bool,
                  limit: int) -> list[CustomerReturns]:
        """Customers with completed returns in [start_utc, end_utc) anywhere in the store, most returns
        first, then most refunded; training returns count only on a training till."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT r.customer_id, c.name, c.phone, c.email, count(*), sum(r.refund_total_minor), "
                "max(r.created_at) FROM returns r LEFT JOIN customers c ON c.id = r.customer_id "
                f"WHERE {SCOPE} AND r.customer_id IS NOT NULL GROUP BY r.customer_id "
                "ORDER BY count(*) DESC, sum(r.refund_total_minor) DESC, r.customer_id LIMIT ?",
                (start_utc, end_utc, currency, training, limit)).all()
        return [CustomerReturns(row[0], row[1], row[2], row[3], int(row[4]), int(row[5]),
                                datetime.fromisoformat(row[6])) for row in rows]
