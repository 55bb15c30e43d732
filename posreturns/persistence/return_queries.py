"""Read-only questions about returns: what the policy context needs, stored answers, the outbox."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from posreturns.domain.money import Money
from posreturns.domain.utc import format_utc
from posreturns.persistence.plain_sqlite import DriverConnection
from posreturns.persistence.price_history import SqlPriceHistory
from posreturns.services.returns.ports import CustomerMatch, StoredReturn

if TYPE_CHECKING:
    from posreturns.persistence.plain_sqlite import Runs


def customer_activity(connection: Runs, customer_id: str, since: datetime) -> tuple[int, int]:
    """How many returns the customer made since `since`, and how much they were refunded."""
    row = connection.exec_driver_sql(
        "SELECT COUNT(*), COALESCE(SUM(refund_total_minor), 0) FROM returns WHERE customer_id = ? AND created_at >= ?",
        (customer_id, format_utc(since)),
    ).one()
    return int(row[0]), int(row[1])


def offline_refunded(connection: Runs, till_id: str, since: datetime) -> int:
    """What `till_id` refunded offline since `since`, in minor units."""
    return int(
        connection.exec_driver_sql(
            "SELECT COALESCE(SUM(refund_total_minor), 0) FROM returns "
            "WHERE till_id = ? AND offline = 1 AND created_at >= ?",
            (till_id, format_utc(since)),
        ).scalar_one()
    )


class SqlReturnQueries:
    """`ReturnQueries` over SQLite; every call is one short read (never BEGIN IMMEDIATE), one statement
    on the pooled sqlite3 connection (one statement is its own consistent snapshot: no BEGIN, and
    none of SQLAlchemy's cost per statement, on the path of every quote and completion)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _first(self, sql: str, params: tuple[Any, ...]) -> Any:
        with self.engine.connect() as connection:
            return DriverConnection(connection).exec_driver_sql(sql, params).first()

    def _all(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        with self.engine.connect() as connection:
            return DriverConnection(connection).exec_driver_sql(sql, params).all()

    def customer(
        self, customer_id: str | None, phone_key: str | None, email_key: str | None
    ) -> CustomerMatch | None:
        for column, value in (("id", customer_id), ("phone_key", phone_key), ("email_key", email_key)):
            if value:
                row = self._first(
                    f"SELECT id, email, phone FROM customers WHERE {column} = ? ORDER BY id LIMIT 1", (value,)
                )
                if row is not None:
                    return CustomerMatch(row.id, bool(row.email or row.phone))
        return None

    def customer_activity(self, customer_id: str, since: datetime) -> tuple[int, int]:
        with self.engine.connect() as connection:
            return customer_activity(DriverConnection(connection), customer_id, since)

    def offline_refunded(self, till_id: str, since: datetime) -> int:
        with self.engine.connect() as connection:
            return offline_refunded(DriverConnection(connection), till_id, since)

    def sellable(self, sku: str, location: str) -> int:
        row = self._first(
            "SELECT qty FROM stock_levels WHERE location = ? AND sku = ? AND bucket = 'sellable'",
            (location, sku),
        )
        return int(row[0]) if row else 0

    def prices_since(self, sku: str, since: datetime) -> list[tuple[datetime, int]]:
        return SqlPriceHistory(self.engine).prices_since(sku, since)

    def cache_as_of(self) -> datetime | None:
        row = self._first("SELECT last_pulled_at FROM sync_streams WHERE stream = 'orders'", ())
        try:
            return datetime.fromisoformat(row[0]) if row and row[0] else None
        except ValueError:
            return None

    def by_idempotency_key(self, key: str) -> StoredReturn | None:
        row = self._first("SELECT request_sha256, result_json FROM returns WHERE idempotency_key = ?", (key,))
        return (
            None
            if row is None or row.result_json is None
            else StoredReturn(row.request_sha256, json.loads(row.result_json))
        )

    def show(self, number_or_id: str) -> dict[str, Any] | None:
        head = self._first(
            "SELECT id, number, origin, order_id, created_at, currency, refund_total_minor, "
            "result_json, training FROM returns WHERE number = ? OR id = ?",
            (number_or_id.upper(), number_or_id),
        )
        if head is None:
            return None
        sync = [
            {"seq": r.seq, "event_type": r.event_type, "status": r.status}
            for r in self._all(
                "SELECT seq, event_type, status FROM outbox WHERE aggregate_id = ? OR aggregate_id IN "
                "(SELECT code FROM vouchers WHERE return_id = ?) ORDER BY seq",
                (head.id, head.id),
            )
        ]
        extra = {"origin": head.origin, "created_at": head.created_at, "sync": sync, "training": bool(head.training)}
        if (host := self._host_payment(head.number)) is not None:
            extra["host_payment"] = host
        if head.result_json:
            return {**json.loads(head.result_json), **extra}
        cur = head.currency
        lines = self._all(
            "SELECT order_line_id, sku, qty, refund_minor FROM return_lines WHERE return_id = ? ORDER BY id",
            (head.id,),
        )
        tenders = self._all(
            "SELECT method, amount_minor FROM return_tenders WHERE return_id = ? ORDER BY id", (head.id,)
        )
        return {
            "return_number": head.number,
            "return_id": head.id,
            "order_id": head.order_id,
            "currency": cur,
            "refund_total": str(Money.from_minor(head.refund_total_minor, cur).amount),
            "lines": [
                {
                    "order_line_id": r.order_line_id,
                    "sku": r.sku,
                    "qty": r.qty,
                    "refund": str(Money.from_minor(r.refund_minor, cur).amount),
                }
                for r in lines
            ],
            "tenders": [
                {"method": t.method, "amount": str(Money.from_minor(t.amount_minor, cur).amount)}
                for t in tenders
            ],
            **extra,
        }

    def _host_payment(self, number: str) -> dict[str, Any] | None:
        """What became of the card refund the host's terminal was asked for: confirmed (with the
        terminal's reference), failed (and why), and then paid another way (method, voucher)."""
        answer = self._first(
            "SELECT action, detail_json FROM audit_log WHERE subject = ? AND action IN "
            "('host.refund_confirmed', 'host.refund_failed') ORDER BY action = 'host.refund_confirmed' DESC, id "
            "LIMIT 1", (number,))
        if answer is None:
            return None
        detail = json.loads(answer.detail_json or "{}")
        found: dict[str, Any] = ({"state": "confirmed", "reference": str(detail.get("reference") or "")}
                                 if answer.action == "host.refund_confirmed" else
                                 {"state": "failed", "reason": str(detail.get("reason") or "")})
        # a terminal that confirmed after the customer was paid another way: both are said
        paid = self._first("SELECT method, amount_minor, currency, voucher_code FROM refund_replacements "
                           "WHERE return_number = ?", (number,))
        if paid is not None:
            found["replaced_by"] = {"method": paid.method,
                                    "amount": str(Money.from_minor(paid.amount_minor, paid.currency).amount),
                                    "voucher": paid.voucher_code}
        return found

    def outbox(self, status: str | None, limit: int) -> list[dict[str, Any]]:
        where, params = ("WHERE status = ?", (status,)) if status else ("", ())
        rows = self._all(
            "SELECT seq, event_id, till_id, aggregate_type, aggregate_id, event_type, schema_version, "
            "status, attempts, next_attempt_at, last_error, created_at, payload_json FROM outbox "
            f"{where} ORDER BY seq LIMIT ?",
            (*params, limit),
        )
        return [
            {
                "seq": r.seq,
                "event_id": r.event_id,
                "till_id": r.till_id,
                "aggregate": {"type": r.aggregate_type, "id": r.aggregate_id},
                "event_type": r.event_type,
                "schema_version": r.schema_version,
                "status": r.status,
                "attempts": r.attempts,
                "next_attempt_at": r.next_attempt_at,
                "last_error": r.last_error,
                "created_at": r.created_at,
                "payload": json.loads(r.payload_json),
            }
            for r in rows
        ]
