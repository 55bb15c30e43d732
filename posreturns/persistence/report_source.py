"""The rows of the returns report, read from the local store in three queries (returns, their lines,
their tenders) over the `created_at` indexes, then put together as typed `ReportReturn`s.

A return made at this till has everything (cashier, reason, disposition, decision); a return another
till made comes down from the OMS with what that till wrote into it (the same fields), and one made in
the OMS itself, or by a till older than that, with its lines and amounts only: the rest reads `?`."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from posreturns.domain.money import parse_minor
from posreturns.domain.report_rows import (
    RECEIPTLESS,
    UNKNOWN,
    RecoveredItem,
    ReportLine,
    ReportReturn,
    ReportTender,
    Sales,
)

SCOPE = ("r.created_at >= ? AND r.created_at < ? AND r.status = 'completed' AND r.currency = ? "
         "AND (r.training = 0 OR ?)")
TILL_SCOPE = " AND r.till_id = ? AND r.origin = 'till'"


def _bonus(result_json: str | None, currency: str) -> int:
    """The bonus granted on store credit or an exchange, from the stored answer of the return."""
    if not result_json:
        return 0
    result = json.loads(result_json)
    total = 0
    for part in ("voucher", "exchange"):
        bonus = (result.get(part) or {}).get("bonus")
        if bonus:
            total += parse_minor(str(bonus), currency)
    return total


def _collected(result_json: str | None, currency: str) -> int:
    """What the customer paid on top of the returned items, from the stored answer of an exchange."""
    to_collect = (json.loads(result_json or "{}").get("exchange") or {}).get("to_collect")
    return parse_minor(str(to_collect), currency) if to_collect else 0


# the upload of a delivered exchange's return: the OMS took the order, could not, or has not been asked yet
DELIVERY_STATE = {"applied": "confirmed", "duplicate": "confirmed", "rejected": "exception"}


def paid_otherwise(tenders: list[ReportTender], method: str, amount: int) -> list[ReportTender]:
    """A failed card refund paid another way: the host's card tender gives way to the till's payment."""
    left, kept = amount, []
    for tender in tenders:
        if left and tender.method == "card" and tender.executed_by == "host":
            taken = min(left, tender.amount_minor)
            tender, left = ReportTender("card", tender.amount_minor - taken, "host"), left - taken
        if tender.amount_minor:
            kept.append(tender)
    return [*kept, ReportTender(method, amount - left, "till")]


class SqlReportSource:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def returns(self, start_utc: str, end_utc: str, currency: str, till_id: str | None, training: bool,
                timezone: ZoneInfo) -> list[ReportReturn]:
        """Returns created in [start_utc, end_utc): this till's (`till_id`) or the whole store's (None).
        Training returns count only on a training till."""
        scope = SCOPE + (TILL_SCOPE if till_id else "")
        params: tuple[Any, ...] = (start_utc, end_utc, currency, training) + ((till_id,) if till_id else ())
        with self.engine.connect() as connection:
            # plain tuples from the driver, and one pass over the period for the returns with their lines
            # (a row per line, a return's rows together): building SQLAlchemy rows, or reading the period
            # once per table, costs more than the report itself; the sale's channel is the return's own copy
            # (written with it), not a look-up in the orders table for every return
            cursor = connection.connection.driver_connection
            assert cursor is not None
            rows = cursor.execute(
                "SELECT r.id, r.number, r.created_at, r.till_id, r.cashier, r.order_id, r.channel, r.decision, "
                "r.approved_by, r.refund_method, r.refund_total_minor, r.customer_id, "
                # the stored answer (kilobytes, often on overflow pages) only where the report reads it
                "CASE WHEN r.refund_method IN ('store_credit', 'exchange') THEN r.result_json END, "
                "l.sku, p.category, l.qty, l.refund_minor, l.reason, l.disposition "
                "FROM returns r LEFT JOIN return_lines l ON l.return_id = r.id "
                "LEFT JOIN variants v ON v.sku = l.sku LEFT JOIN products p ON p.id = v.product_id "
                f"WHERE {scope}", params).fetchall()
            tenders: dict[str, list[ReportTender]] = defaultdict(list)
            for rid, method, amount, executed_by in cursor.execute(
                    "SELECT t.return_id, t.method, t.amount_minor, t.executed_by FROM returns r "
                    f"JOIN return_tenders t ON t.return_id = r.id WHERE {scope}", params):
                tenders[rid].append(ReportTender(method, amount, executed_by))
            for rid, method, amount in cursor.execute(
                    "SELECT p.return_id, p.method, p.amount_minor FROM returns r "
                    f"JOIN refund_replacements p ON p.return_id = r.id WHERE {scope}", params):
                tenders[rid] = paid_otherwise(tenders[rid], method, amount)
            # a delivered exchange without an upload of its own came from the OMS, which has it
            exchanges = {row[0]: row[12] for row in rows if row[9] == "exchange"}
            delivered = {rid: "confirmed" for rid, answer in exchanges.items()
                         if json.loads(answer or "{}").get("delivery")}
            for rid, status in cursor.execute(
                    "SELECT aggregate_id, status FROM outbox WHERE aggregate_type = 'return' "
                    f"AND event_type = 'ReturnCompleted' AND aggregate_id IN ({','.join('?' * len(delivered))})",
                    tuple(delivered)) if delivered else ():
                delivered[rid] = DELIVERY_STATE.get(status, "provisional")
        found: list[ReportReturn] = []
        current: list[Any] | None = None
        lines: list[ReportLine] = []
        for row in rows:
            if current is None or row[0] != current[0]:
                if current is not None:
                    found.append(self._return(current, lines, tenders, timezone, currency, delivered))
                current, lines = row, []
            if row[13] is not None:
                lines.append(ReportLine(row[13], row[14] or UNKNOWN, row[15], row[16], row[17] or UNKNOWN,
                                        row[18] or UNKNOWN))
        if current is not None:
            found.append(self._return(current, lines, tenders, timezone, currency, delivered))
        return found

    @staticmethod
    def _return(head: Any, lines: list[ReportLine], tenders: dict[str, list[ReportTender]], timezone: ZoneInfo,
                currency: str, delivered: dict[str, str]) -> ReportReturn:
        (rid, number, created_at, till_id, cashier, order_id, channel, decision, approved_by, method, refund,
         customer_id, result_json) = head[:13]
        created = datetime.fromisoformat(created_at)  # 'Z' is UTC (faster than strptime)
        return ReportReturn(
            rid, number or rid, created, created.astimezone(timezone).date(), till_id or UNKNOWN, cashier or UNKNOWN,
            RECEIPTLESS if order_id is None else channel or UNKNOWN, decision or UNKNOWN, approved_by,
            method or UNKNOWN, refund, _bonus(result_json, currency) if method in ("store_credit", "exchange") else 0,
            customer_id, tuple(lines), tuple(tenders.get(rid, ())),
            _collected(result_json, currency) if method == "exchange" else 0, delivered.get(rid, ""))

    def recovered(self, start_utc: str, end_utc: str) -> list[RecoveredItem]:
        """Second-hand items graded from units of the returns created in the period."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT h.return_id, s.sku, s.price_minor, s.refund_minor FROM resale_items s "
                "JOIN held_units h ON h.id = s.unit_id JOIN returns r ON r.id = h.return_id "
                "WHERE r.created_at >= ? AND r.created_at < ?", (start_utc, end_utc)).all()
        return [RecoveredItem(row.return_id, row.sku, row.price_minor, row.refund_minor) for row in rows]

    def sales(self, store_id: str, start_utc: str, end_utc: str, currency: str) -> Sales | None:
        """The store's orders placed in the period, or None when the cache has none (rate unknown)."""
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT count(*) AS n, coalesce(sum(total_minor), 0) AS total FROM orders "
                "WHERE store_id = ? AND placed_at >= ? AND placed_at < ? AND currency = ?",
                (store_id, start_utc, end_utc, currency)).one()
        return Sales(row.n, row.total) if row.n else None

