"""Shared by the sync tests: outbox events in the documented payload (services/return_events.py),
a settable clock, and the checks made after every fault scenario."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import Engine

from posreturns.persistence.engine import WRITE


def return_payload(event_id: str, return_id: str, order_id: str = "order_1", line: str = "l1", qty: int = 1,
                   amount_minor: int = 2500, store: str = "PARIS-01", method: str = "card",
                   disposition: str = "RESTOCK") -> dict[str, Any]:
    return {"event_id": event_id, "event_type": "ReturnCompleted", "schema_version": 1,
            "aggregate": {"type": "return", "id": return_id}, "device": {"store_id": store, "till_id": "T1"},
            "occurred_at": "2026-11-26T08:00:00Z", "operator_id": "alice", "approved_by": None, "offline": True,
            "policy_version": "test", "data": {
                "return_id": return_id, "return_number": f"R-{return_id}",
                "original_order": {"id": order_id, "number": "1", "store_id": store, "channel": "store"},
                "customer_id": None, "refund_method": "original", "currency": "EUR",
                "refund_total_minor": amount_minor,
                "lines": [{"order_line_id": line, "sku": line.upper(), "qty": qty, "refund_minor": amount_minor,
                           "reason": "WRONG_SIZE", "condition": "NEW_WITH_TAGS", "disposition": disposition,
                           "serial": None, "note": None}],
                "tenders": [{"method": method, "amount_minor": amount_minor, "executed_by": "till",
                             "reference": "pay_1", "tender_id": 1}],
                "voucher": None, "exchange": None}}


def add_event(engine: Engine, payload: dict[str, Any], event_type: str = "ReturnCompleted",
              aggregate_type: str = "return") -> str:
    """Insert an outbox row as the till writes them: its order key is the return's original order."""
    event_id = payload["event_id"]
    data = payload.get("data") or {}
    order_key = (data.get("original_order") or {}).get("id") or data.get("order_id") or payload["aggregate"]["id"]
    with engine.connect().execution_options(**WRITE) as connection, connection.begin():
        connection.exec_driver_sql(
            "INSERT INTO outbox (event_id, till_id, aggregate_type, aggregate_id, event_type, schema_version, "
            "payload_json, created_at, status, attempts, order_key) VALUES (?,?,?,?,?,1,?,?, 'pending', 0, ?)",
            (event_id, "T1", aggregate_type, payload["aggregate"]["id"], event_type, json.dumps(payload),
             "2026-11-26T08:00:00Z", order_key))
    return event_id


def add_return(engine: Engine, **kwargs: Any) -> str:
    event_id = str(uuid.uuid4())
    return add_event(engine, return_payload(event_id, kwargs.pop("return_id", f"ret-{event_id[:8]}"), **kwargs))


def outbox_rows(engine: Engine) -> list[Any]:
    with engine.connect() as connection:
        return connection.exec_driver_sql(
            "SELECT seq, event_id, aggregate_id, status, attempts, next_attempt_at, last_error, acked_at "
            "FROM outbox ORDER BY seq").all()
