"""Outbox events of the restock queue: `HeldUnitMoved` (an action on a held unit), `RtvBatchShipped`
and `StaffAlertSettled`, in the same envelope as the return events (docs/sync.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from posreturns import __version__
from posreturns.domain.utc import format_utc
from posreturns.services.returns.events import SCHEMA_VERSION, OutboxEvent, fingerprint


def restock_event(kind: str, aggregate_type: str, aggregate_id: str, data: dict[str, Any], *, store_id: str,
                  till_id: str, operator: str, at: datetime, training: bool = False) -> OutboxEvent:
    event_id = str(uuid.uuid4())
    payload: dict[str, Any] = {
        "event_id": event_id,
        "event_type": kind,
        "schema_version": SCHEMA_VERSION,
        "aggregate": {"type": aggregate_type, "id": aggregate_id},
        "device": {"store_id": store_id, "till_id": till_id, "app_version": __version__},
        "occurred_at": format_utc(at),
        "operator_id": operator,
        "data": data,
    }
    if training:
        payload["training"] = True
    payload["payload_sha256"] = fingerprint(payload)
    return OutboxEvent(event_id, kind, aggregate_type, aggregate_id, payload)
