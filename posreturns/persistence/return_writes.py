"""The rows one completed return writes, inside the recorder's transaction (see `return_recorder`)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from posreturns.domain.quote_json import quote_to_dict
from posreturns.domain.utc import format_utc
from posreturns.persistence.audit import insert_audit
from posreturns.services.errors import LedgerChanged
from posreturns.services.returns.events import SCHEMA_VERSION, return_events
from posreturns.services.returns.ports import AuditEntry, Completion

if TYPE_CHECKING:
    from posreturns.persistence.plain_sqlite import Runs

_INSERT_RETURN = (
    "INSERT INTO returns (id, number, order_id, origin, store_id, till_id, customer_id, created_at, "
    "currency, "
    "refund_total_minor, status, refund_method, decision, policy_version, trace_json, offline, cashier, "
    "approved_by, idempotency_key, result_json, exchange_difference_minor, request_sha256, training, channel) "
    "VALUES (?,?,?,'till',?,?,?,?,?,?,'completed',?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_LINE = (
    "INSERT INTO return_lines (return_id, order_line_id, sku, qty, refund_minor, serial, reason, "
    "condition, disposition, fee_minor, tax_minor, note, alerts_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_UPSERT_STOCK = (
    "INSERT INTO stock_levels (location, sku, bucket, qty, updated_at) VALUES (?,?,?,?,?) "
    "ON CONFLICT(location, sku, bucket) DO UPDATE SET qty = qty + excluded.qty, "
    "updated_at = excluded.updated_at"
)
_INSERT_OUTBOX = (
    "INSERT INTO outbox (event_id, till_id, aggregate_type, aggregate_id, event_type, schema_version, "
    "payload_json, created_at, status, attempts, order_key) VALUES (?,?,?,?,?,?,?,?,'pending',0,?)"
)


def insert_return(connection: Runs, c: Completion, number: str, result: dict[str, Any]) -> None:
    q, run, at = c.quote, connection.exec_driver_sql, format_utc(c.created_at)
    difference = q.exchange.difference.minor if q.exchange else 0
    run(
        _INSERT_RETURN,
        (
            c.return_id,
            number,
            c.order.id if c.order else None,
            c.store_id,
            c.till_id,
            c.customer_id,
            at,
            q.currency,
            q.refund_total.minor,
            q.refund_method.value,
            q.status.value,
            q.policy_version,
            json.dumps(quote_to_dict(q)["trace"], ensure_ascii=False),
            q.offline,
            c.cashier,
            c.approved_by,
            c.idempotency_key,
            json.dumps(result, ensure_ascii=False),
            difference,
            c.request_sha256,
            c.training,
            c.order.channel.value if c.order else None,
        ),
    )
    run(
        _INSERT_LINE,
        [
            (
                c.return_id,
                ln.order_line_id,
                ln.sku,
                ln.qty,
                ln.refund.minor,
                ln.serial,
                ln.reason.value,
                ln.condition.value,
                ln.disposition.value,
                ln.fee.minor,
                ln.tax.minor,
                note or None,
                json.dumps([a.code for a in ln.alerts]),
            )
            for ln, note in zip(q.lines, c.notes, strict=True)
        ],
    )
    if q.tenders:
        run(
            "INSERT INTO return_tenders (return_id, tender_id, method, amount_minor, executed_by, reference) "
            "VALUES (?,?,?,?,?,?)",
            [
                (c.return_id, p.tender_id, p.method.value, p.amount.minor, p.executed_by.value, p.reference)
                for p in q.tenders
            ],
        )
    if q.exchange and q.exchange.lines:
        run(
            "INSERT INTO exchange_lines (return_id, sku, qty, unit_price_minor) VALUES (?,?,?,?)",
            [(c.return_id, x.sku, x.qty, x.unit_price.minor) for x in q.exchange.lines],
        )
    if q.voucher is not None:
        run(
            "INSERT INTO vouchers (code, return_id, amount_minor, currency, issued_at) VALUES (?,?,?,?,?)",
            (q.voucher.code, c.return_id, q.voucher.amount.minor, q.currency, at),
        )


def charge_ledgers(connection: Runs, c: Completion) -> None:
    q, run = c.quote, connection.exec_driver_sql
    qty: Counter[str] = Counter()
    value: Counter[str] = Counter()
    for line in q.lines:
        if line.order_line_id is not None:
            qty[line.order_line_id] += line.qty
            value[line.order_line_id] += line.value.minor  # fees included: a fee is never refunded later
    if qty:
        run(
            "UPDATE order_lines SET returned_qty = returned_qty + ?, refunded_minor = refunded_minor + ? "
            "WHERE id = ?",
            [(qty[key], value[key], key) for key in qty],
        )
    if q.ledger:
        run(
            "UPDATE tenders SET refunded_minor = refunded_minor + ? WHERE id = ?",
            [(d.amount.minor, d.tender_id) for d in q.ledger],
        )
    if c.order is not None and not q.shipping.is_zero():
        run(
            "UPDATE orders SET shipping_refunded_minor = shipping_refunded_minor + ? WHERE id = ?",
            (q.shipping.minor, c.order.id),
        )


def move_stock(connection: Runs, c: Completion, number: str) -> None:
    moves, at = c.quote.stock_moves, format_utc(c.created_at)
    if not moves:
        return
    run = connection.exec_driver_sql
    run(_UPSERT_STOCK, [(m.location, m.sku, m.bucket.value, m.delta, at) for m in moves])
    for move in (m for m in moves if m.delta < 0):  # a replacement handed over in an exchange
        left = run("SELECT qty FROM stock_levels WHERE location = ? AND sku = ? AND bucket = ?",
                   (move.location, move.sku, move.bucket.value)).scalar()
        if left is None or left < 0:  # another till took the last one since the quote: quote again
            raise LedgerChanged(f"{move.sku} is no longer in stock at {move.location}")
    run(
        "INSERT INTO stock_movements (location, sku, bucket, delta, reason, reference, created_at) "
        "VALUES (?,?,?,?,?,?,?)",
        [(m.location, m.sku, m.bucket.value, m.delta, m.reason, number, at) for m in moves],
    )


def audit_return(connection: Runs, c: Completion, number: str) -> None:
    q = c.quote
    key = q.key_line
    insert_audit(
        connection,
        AuditEntry(
            "return.completed",
            c.cashier,
            number,
            {
                "return_id": c.return_id,
                "order_id": c.order.id if c.order else None,
                "policy_version": q.policy_version,
                "decision": q.status.value,
                "refund_method": q.refund_method.value,
                "refund_total_minor": q.refund_total.minor,
                "offline": q.offline,
                "till_id": c.till_id,
                "key_line": key.en if key else None,
                **({"training": True} if c.training else {}),
            },
            c.created_at,
        ),
    )
    if c.approved_by is not None:
        rules = sorted(
            {
                e.rule
                for e in (*q.trace, *(e for ln in q.lines for e in ln.trace))
                if e.effect is not None and e.effect.value in ("needs_approval", "refused")
            }
        )
        lifted = {"override": {"path": c.override.path, "reason": c.override.reason}} if c.override else {}
        insert_audit(
            connection,
            AuditEntry(
                "return.approved",
                c.approved_by,
                number,
                {
                    "return_id": c.return_id,
                    "cashier": c.cashier,
                    "rules": rules,
                    "policy_version": q.policy_version,
                    **lifted,
                },
                c.created_at,
            ),
        )
    if c.clock_overridden:
        insert_audit(
            connection,
            AuditEntry(
                "clock.override",
                c.cashier,
                number,
                {"now": c.created_at.isoformat(), "return_id": c.return_id},
                c.created_at,
            ),
        )


def write_outbox(connection: Runs, c: Completion, number: str) -> None:
    at = format_utc(c.created_at)
    order_key = c.order.id if c.order is not None else c.return_id  # the return's events stay in order
    connection.exec_driver_sql(
        _INSERT_OUTBOX,
        [
            (
                e.event_id,
                c.till_id,
                e.aggregate_type,
                e.aggregate_id,
                e.event_type,
                SCHEMA_VERSION,
                json.dumps(e.payload, ensure_ascii=False, sort_keys=True),
                at,
                order_key,
            )
            for e in return_events(c, number)
        ],
    )
