"""Outbox events of a completed return: `ReturnCompleted`, `StockAdjusted`, `VoucherIssued`.

Each payload is a self-contained envelope (docs/sync.md): event id, type, schema version,
aggregate, device (store, till, and the version of posreturns that wrote it), time, operator,
approval, offline flag, the age of the till's order data (`cache_as_of`), policy version, `data`,
and `payload_sha256`, the fingerprint of everything else (`fingerprint`). Money is in integer minor
units, never floats. The till's sequence number is the outbox row's `seq`. Events written before
`cache_as_of`, `payload_sha256` and `device.app_version` existed have none of them; readers must
accept both. Events of a till set up for training carry `"training": true`.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from posreturns import __version__
from posreturns.domain.money import Money
from posreturns.domain.utc import format_utc
from posreturns.services.returns.ports import Completion

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class OutboxEvent:
    event_id: str
    event_type: str
    aggregate_type: str
    aggregate_id: str
    payload: dict[str, Any]


def _minor(amount: Money | None) -> int | None:
    return None if amount is None else amount.minor


def _utc(moment: datetime | None) -> str | None:
    return None if moment is None else format_utc(moment)


def fingerprint(payload: dict[str, Any]) -> str:
    """sha256 of the envelope without its `payload_sha256`: canonical JSON (sorted keys, no spaces,
    UTF-8), so the same event always gives the same fingerprint after a JSON round trip."""
    body = {k: v for k, v in payload.items() if k != "payload_sha256"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def return_events(c: Completion, number: str) -> list[OutboxEvent]:
    """The events to write with the return `number` (in this order)."""
    q = c.quote
    order = c.order
    events = [
        _event(
            c,
            "ReturnCompleted",
            "return",
            c.return_id,
            {
                "return_id": c.return_id,
                "return_number": number,
                "original_order": None
                if order is None
                else {
                    "id": order.id,
                    "number": order.number,
                    "store_id": order.store_id,
                    "channel": order.channel.value,
                },
                "customer_id": c.customer_id,
                "refund_method": q.refund_method.value,
                "currency": q.currency,
                "decision": q.status.value,
                "approval_required": q.approval_required,
                "refund_total_minor": q.refund_total.minor,
                "fee_total_minor": q.fee_total.minor,
                "shipping_minor": q.shipping.minor,
                "cash_rounding_minor": q.cash_rounding.minor,
                "lines": [
                    {
                        "order_line_id": line.order_line_id,
                        "sku": line.sku,
                        "qty": line.qty,
                        "value_minor": line.value.minor,
                        "refund_minor": line.refund.minor,
                        "fee_minor": line.fee.minor,
                        "tax_minor": line.tax.minor,
                        "reason": line.reason.value,
                        "condition": line.condition.value,
                        "disposition": line.disposition.value,
                        "serial": line.serial,
                        "note": note or None,
                        "alerts": [alert.code for alert in line.alerts],
                    }
                    for line, note in zip(q.lines, c.notes, strict=True)
                ],
                "tenders": [
                    {
                        "method": p.method.value,
                        "amount_minor": p.amount.minor,
                        "executed_by": p.executed_by.value,
                        "reference": p.reference,
                        "tender_id": p.tender_id,
                    }
                    for p in q.tenders
                ],
                "ledger": [{"tender_id": d.tender_id, "amount_minor": d.amount.minor} for d in q.ledger],
                "voucher": None
                if q.voucher is None
                else {"code": q.voucher.code, "amount_minor": q.voucher.amount.minor},
                "exchange": None
                if q.exchange is None
                else {
                    "difference_minor": q.exchange.difference.minor,
                    "to_collect_minor": q.exchange.to_collect.minor,
                    "to_refund_minor": q.exchange.to_refund.minor,
                    "bonus_minor": q.exchange.bonus.minor,
                    "lines": [
                        {"sku": x.sku, "qty": x.qty, "unit_price_minor": x.unit_price.minor}
                        for x in q.exchange.lines
                    ],
                    **({"delivery": c.delivery} if c.delivery else {}),
                },
            },
        )
    ]
    if q.stock_moves:
        events.append(
            _event(
                c,
                "StockAdjusted",
                "stock_adjustment",
                c.return_id,
                {
                    "return_id": c.return_id,
                    "return_number": number,
                    "deltas": [
                        {
                            "sku": m.sku,
                            "location": m.location,
                            "bucket": m.bucket.value,
                            "delta": m.delta,
                            "reason": m.reason,
                            "serial": m.serial,
                        }
                        for m in q.stock_moves
                    ],
                },
            )
        )
    if q.voucher is not None:
        v = q.voucher
        events.append(
            _event(
                c,
                "VoucherIssued",
                "store_credit",
                v.code,
                {
                    "code": v.code,
                    "amount_minor": v.amount.minor,
                    "bonus_minor": _minor(v.bonus),
                    "currency": q.currency,
                    "return_id": c.return_id,
                    "return_number": number,
                    "customer_id": c.customer_id,
                    "order_id": None if order is None else order.id,
                },
            )
        )
    return events


def _event(
    c: Completion, kind: str, aggregate_type: str, aggregate_id: str, data: dict[str, Any]
) -> OutboxEvent:
    event_id = str(uuid.uuid4())
    payload = {
        "event_id": event_id,
        "event_type": kind,
        "schema_version": SCHEMA_VERSION,
        "aggregate": {"type": aggregate_type, "id": aggregate_id},
        "device": {"store_id": c.store_id, "till_id": c.till_id, "app_version": __version__},
        "occurred_at": _utc(c.created_at),
        "operator_id": c.cashier,
        "approved_by": c.approved_by,
        "offline": c.quote.offline,
        "cache_as_of": _utc(c.cache_as_of),
        "policy_version": c.quote.policy_version,
        "data": data,
    }
    if c.training:  # never sent: training tills do not sync, and the uploader refuses such an event
        payload["training"] = True
    payload["payload_sha256"] = fingerprint(payload)
    return OutboxEvent(event_id, kind, aggregate_type, aggregate_id, payload)
