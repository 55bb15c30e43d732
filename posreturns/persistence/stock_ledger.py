"""Writing stock moves and outbox events inside a caller's transaction (restock actions)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy.engine import Connection

from posreturns.domain.utc import format_utc
from posreturns.services.returns.events import SCHEMA_VERSION, OutboxEvent

Move = tuple[str, str, str, int, str]  # location, sku, bucket, delta, reason


def record_moves(connection: Connection, moves: Sequence[Move], reference: str, at: datetime) -> None:
    """Each level changed and its append-only movement written, so a level stays the sum of its movements."""
    stamp, run = format_utc(at), connection.exec_driver_sql
    for location, sku, bucket, delta, reason in moves:
        run("INSERT INTO stock_levels (location, sku, bucket, qty, updated_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(location, sku, bucket) DO UPDATE SET qty = qty + excluded.qty, "
            "updated_at = excluded.updated_at", (location, sku, bucket, delta, stamp))
        run("INSERT INTO stock_movements (location, sku, bucket, delta, reason, reference, created_at) "
            "VALUES (?,?,?,?,?,?,?)", (location, sku, bucket, delta, reason, reference, stamp))


def insert_events(connection: Connection, till_id: str, events: Iterable[OutboxEvent], at: datetime,
                  order_key: str | None = None) -> None:
    """`order_key`: the events go after those of that key (e.g. a held unit's move after its return's push)."""
    connection.exec_driver_sql(
        "INSERT INTO outbox (event_id, till_id, aggregate_type, aggregate_id, event_type, schema_version, "
        "payload_json, created_at, status, attempts, order_key) VALUES (?,?,?,?,?,?,?,?,'pending',0,?)",
        [(e.event_id, till_id, e.aggregate_type, e.aggregate_id, e.event_type, SCHEMA_VERSION,
          json.dumps(e.payload, ensure_ascii=False, sort_keys=True), format_utc(at), order_key) for e in events])


def return_order_key(connection: Connection, return_id: str) -> str | None:
    """The key of a return's events in the outbox (its order, or the return itself), None when this till
    did not make it."""
    key = connection.exec_driver_sql(
        "SELECT coalesce(order_key, aggregate_id) FROM outbox WHERE aggregate_id = ? AND event_type = "
        "'ReturnCompleted' ORDER BY seq LIMIT 1", (return_id,)).scalar()
    return None if key is None else str(key)
