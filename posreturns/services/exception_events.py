"""`ExceptionResolved`: what the OMS must know when a manager resolves an event it refused.

A refused return is money that left a till without the OMS recording it (e.g. the same line
refunded at two tills while offline). Retrying or dismissing it is therefore sent on, after the
refused event's order, so that the OMS can note on the order and the customer who resolved it,
how and why. Same envelope as the return's events (services/return_events.py).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from posreturns.domain.money import Money
from posreturns.domain.utc import format_utc
from posreturns.services.returns.events import SCHEMA_VERSION, OutboxEvent, fingerprint
from posreturns.services.sync_ports import ExceptionItem

EVENT_TYPE = "ExceptionResolved"
ACTIONS = ("retry", "dismiss")


def exception_resolved(refused: dict[str, Any], refused_event_type: str, seq: int, action: str, manager: str,
                       note: str | None, reason: str | None, now: datetime) -> OutboxEvent:
    """The event telling the OMS that the refused event `seq` (its payload `refused`) was resolved."""
    data = _mapping(refused.get("data"))
    order = data.get("original_order") or {}
    event_id = str(uuid.uuid4())
    payload: dict[str, Any] = {
        "event_id": event_id,
        "event_type": EVENT_TYPE,
        "schema_version": SCHEMA_VERSION,
        "aggregate": {"type": "sync_exception", "id": str(refused.get("event_id") or seq)},
        "device": dict(refused.get("device") or {}),
        "occurred_at": format_utc(now),
        "operator_id": manager,
        "approved_by": manager,
        "offline": False,
        "data": {
            "refused_event_id": refused.get("event_id"),
            "refused_event_type": refused_event_type,
            "refused_seq": seq,
            "return_id": data.get("return_id"),
            "return_number": data.get("return_number"),
            "order_id": order.get("id") or data.get("order_id"),
            "customer_id": data.get("customer_id"),
            "resolution": action,
            "resolved_by": manager,
            "note": note,
            "refusal": reason,
        },
    }
    payload["payload_sha256"] = fingerprint(payload)
    return OutboxEvent(event_id, EVENT_TYPE, "sync_exception", payload["aggregate"]["id"], payload)


def exception_summary(item: ExceptionItem, contact: dict[str, Any] | None) -> dict[str, Any]:
    """What a manager needs to resolve `item`: which return, how much and how it was paid out,
    where and when, why the OMS refused it, the return that took the units first, and how to reach
    the customer (`contact`: name, email, phone from the till's cache)."""
    data = _mapping(item.payload.get("data"))
    device = item.payload.get("device") or {}
    currency = str(data.get("currency") or "EUR")

    def amount(minor: Any) -> str:
        return str(Money.from_minor(int(minor or 0), currency))

    conflict = item.detail.get("conflict") or {}
    delivery = _mapping(_mapping(data.get("exchange")).get("delivery"))
    recipient = {k: v for k, v in _mapping(delivery.get("recipient")).items() if v} or None
    return {
        "seq": item.seq, "event_id": item.event_id, "event_type": item.event_type, "status": item.status,
        "order_key": item.order_key, "return_number": data.get("return_number"),
        "order_number": (data.get("original_order") or {}).get("number"),
        "amount": amount(data.get("refund_total_minor") or data.get("amount_minor")), "currency": currency,
        "tenders": [{"method": t.get("method"), "amount": amount(t.get("amount_minor"))}
                    for t in data.get("tenders") or []],
        "till": device.get("till_id"), "store": device.get("store_id"), "occurred_at": item.payload.get("occurred_at"),
        "offline": bool(item.payload.get("offline")), "reason": item.reason,
        "competing": list(conflict.get("competing") or []),
        # who to call about a delivered exchange the OMS cannot fulfil: the recipient given at the till
        "customer": recipient or contact or ({"email": item.detail["customer_email"]}
                                             if item.detail.get("customer_email") else None),
        "delivery": {"source": delivery.get("source"), "to": delivery.get("to"),
                     "promise": _mapping(delivery.get("promise")).get("when")} if delivery else None,
        "customer_id": data.get("customer_id"), "voucher": voucher_of(item.payload),
    }


def _mapping(value: object) -> dict[str, Any]:
    """An event's part that should be an object; an empty one when the stored payload has something else."""
    return value if isinstance(value, dict) else {}


def voucher_of(refused: dict[str, Any]) -> str | None:
    """The store-credit voucher the refused event issued: a store-credit return's, or a `VoucherIssued`'s."""
    data = _mapping(refused.get("data"))
    if refused.get("event_type") == "VoucherIssued":
        return str(data.get("code") or "") or None
    return str((data.get("voucher") or {}).get("code") or "") or None


def voucher_voided(refused: dict[str, Any], code: str, manager: str, note: str, now: datetime) -> OutboxEvent:
    """`VoucherVoided`: the voucher of a refused event is no longer valid (the OMS notes it like the voucher)."""
    data = _mapping(refused.get("data"))
    order = data.get("original_order") or {}
    event_id = str(uuid.uuid4())
    payload: dict[str, Any] = {
        "event_id": event_id, "event_type": "VoucherVoided", "schema_version": SCHEMA_VERSION,
        "aggregate": {"type": "store_credit", "id": code}, "device": dict(refused.get("device") or {}),
        "occurred_at": format_utc(now), "operator_id": manager,
        "approved_by": manager, "offline": False,
        "data": {"code": code, "return_number": data.get("return_number"), "return_id": data.get("return_id"),
                 "order_id": order.get("id") or data.get("order_id"), "customer_id": data.get("customer_id"),
                 "voided_by": manager, "note": note, "refused_event_id": refused.get("event_id")},
    }
    payload["payload_sha256"] = fingerprint(payload)
    return OutboxEvent(event_id, "VoucherVoided", "store_credit", code, payload)
