"""`Outbox` over SQLite: the uploader's lease lock, due events, results, backoff, exception queue.

Every write opens BEGIN IMMEDIATE and checks, inside the same transaction, that the writer still
holds the upload lock: an uploader whose lease was taken over can never mark an event, so two
processes never settle the same events (the connector's idempotency covers a push made twice).
"""

from __future__ import annotations

import json
import math
import os
import socket
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from posreturns.persistence.engine import WRITE
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.sync_ports import ExceptionItem, OutboxStats, Outcome, PendingEvent, PushResult

LOCK_KEY = "lock.upload"
OPEN = "('pending', 'held', 'rejected')"
_COLUMNS = "seq, event_id, till_id, aggregate_type, aggregate_id, event_type, schema_version, payload_json, attempts"
_DUE = (f"SELECT {_COLUMNS} FROM outbox o WHERE o.status = 'pending' "
        "AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) "
        "AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.aggregate_id = o.aggregate_id AND p.seq < o.seq "
        f"AND p.status IN {OPEN} AND p.acked_at IS NULL) ORDER BY o.seq LIMIT ?")


def format_utc(moment: datetime | float, ceil: bool = False) -> str:
    """Whole seconds, UTC, 'YYYY-MM-DDTHH:MM:SSZ' (sorts as text); `ceil` rounds up, so a
    scheduled time is never earlier than asked."""
    stamp = moment if isinstance(moment, (int, float)) else moment.timestamp()
    stamp = math.ceil(stamp) if ceil else math.floor(stamp)
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def owner_id() -> str:
    """host:pid:nonce — unique per uploader instance."""
    return f"{socket.gethostname()}:{os.getpid()}:{os.urandom(4).hex()}"


def _pid_dead(owner: str) -> bool:
    """True when `owner` is a process of this host that no longer runs (POSIX only: on Windows
    os.kill would terminate it, so there the lease expiry alone frees the lock)."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if os.name != "posix" or host != socket.gethostname() or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class SqlOutbox:
    """The till's outbox (`outbox` rows) and upload lock (`sync_meta` row `lock.upload`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- lock -------------------------------------------------------------------------------------
    def acquire(self, owner: str, now: datetime, lease_seconds: float) -> bool:
        expires = format_utc(now.timestamp() + lease_seconds)
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            row = connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?", (LOCK_KEY,)).scalar()
            if row:
                held = json.loads(row)
                if held["owner"] != owner and held["expires_at"] > format_utc(now) and not _pid_dead(held["owner"]):
                    return False
            value = json.dumps({"owner": owner, "expires_at": expires})
            connection.exec_driver_sql(
                "INSERT INTO sync_meta (key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                (LOCK_KEY, value, format_utc(now)))
        return True

    def release(self, owner: str) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            if _holder(connection) == owner:
                connection.exec_driver_sql("DELETE FROM sync_meta WHERE key = ?", (LOCK_KEY,))

    def holder(self) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?", (LOCK_KEY,)).scalar()
        return json.loads(row) if row else None

    # -- queue ------------------------------------------------------------------------------------
    def due(self, now: datetime, limit: int) -> list[PendingEvent]:
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(_DUE, (format_utc(now), limit)).all()
        return [PendingEvent(r.seq, r.event_id, r.till_id, r.aggregate_type, r.aggregate_id, r.event_type,
                             r.schema_version, _payload(r.payload_json), r.attempts) for r in rows]

    def settle(self, owner: str, event: PendingEvent, result: PushResult, now: datetime) -> bool:
        if result.outcome is Outcome.RETRY:
            raise ValueError("a retry is recorded with postpone()")
        at = format_utc(now)
        server = json.dumps({"outcome": result.outcome.value, "reason": result.reason, **result.detail},
                            ensure_ascii=False, sort_keys=True)
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            if _holder(connection) != owner:
                return False
            if result.outcome is Outcome.REJECTED:
                connection.exec_driver_sql(
                    "UPDATE outbox SET status = 'rejected', attempts = attempts + 1, last_error = ?, "
                    "server_result_json = ?, next_attempt_at = NULL WHERE seq = ? AND status = 'pending'",
                    (result.reason, server, event.seq))
                connection.exec_driver_sql(
                    "UPDATE outbox SET status = 'held', last_error = ? WHERE aggregate_id = ? AND seq > ? "
                    "AND status = 'pending'",
                    (f"waits for event {event.seq}, refused by the OMS", event.aggregate_id, event.seq))
            else:
                connection.exec_driver_sql(
                    "UPDATE outbox SET status = ?, attempts = attempts + 1, acked_at = ?, last_error = NULL, "
                    "server_result_json = ?, next_attempt_at = NULL WHERE seq = ? AND status = 'pending'",
                    (result.outcome.value, at, server, event.seq))
        return True

    def postpone(self, owner: str, event: PendingEvent, attempts: int, next_attempt_at: datetime, error: str) -> bool:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            if _holder(connection) != owner:
                return False
            connection.exec_driver_sql(
                "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE seq = ? AND status = 'pending'",
                (attempts, format_utc(next_attempt_at, ceil=True), error[:500], event.seq))
        return True

    # -- exception queue --------------------------------------------------------------------------
    def exceptions(self) -> list[ExceptionItem]:
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT seq, event_id, event_type, aggregate_type, aggregate_id, status, last_error, created_at, "
                "payload_json FROM outbox WHERE status IN ('rejected', 'held') AND acked_at IS NULL ORDER BY seq").all()
        return [_exception(r) for r in rows]

    def resolve(self, seq: int, action: str, actor: str | None, now: datetime) -> ExceptionItem:
        if action not in ("retry", "dismiss"):
            raise BadInput('Resolve an exception with "retry" or "dismiss".')
        at = format_utc(now)
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            row = connection.exec_driver_sql(
                "SELECT seq, event_id, event_type, aggregate_type, aggregate_id, status, last_error, created_at, "
                "payload_json FROM outbox WHERE seq = ?", (seq,)).first()
            if row is None or row.status != "rejected" or connection.exec_driver_sql(
                    "SELECT acked_at FROM outbox WHERE seq = ?", (seq,)).scalar() is not None:
                raise NotFound(f"Event {seq} is not an open exception; list them with `posreturns sync exceptions`.")
            resolution = json.dumps({"resolution": action, "by": actor, "at": at, "reason": row.last_error},
                                    ensure_ascii=False)
            if action == "retry":
                connection.exec_driver_sql(
                    "UPDATE outbox SET status = 'pending', next_attempt_at = NULL, server_result_json = ? WHERE seq = ?",
                    (resolution, seq))
            else:  # closed by hand: stays 'rejected' (never sent again) with acked_at = when it was dismissed
                connection.exec_driver_sql("UPDATE outbox SET acked_at = ?, server_result_json = ? WHERE seq = ?",
                                           (at, resolution, seq))
            connection.exec_driver_sql(
                "UPDATE outbox SET status = 'pending', next_attempt_at = NULL, last_error = NULL "
                "WHERE aggregate_id = ? AND seq > ? AND status = 'held'", (row.aggregate_id, seq))
            connection.exec_driver_sql(
                "INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)",
                (at, actor, f"sync.exception.{action}", str(seq), resolution))
        return _exception(row)

    def stats(self, now: datetime) -> OutboxStats:
        with self.engine.connect() as connection:
            counts: dict[str, int] = dict(connection.exec_driver_sql(
                "SELECT CASE WHEN status = 'rejected' AND acked_at IS NOT NULL THEN 'dismissed' ELSE status END, "
                "count(*) FROM outbox GROUP BY 1").all())
            due = connection.exec_driver_sql(
                "SELECT count(*) FROM outbox WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)",
                (format_utc(now),)).scalar_one()
            oldest, upcoming = connection.exec_driver_sql(
                "SELECT min(created_at), min(next_attempt_at) FROM outbox WHERE status = 'pending'").one()
        return OutboxStats(counts.get("pending", 0), due, counts.get("rejected", 0), counts.get("held", 0),
                           counts.get("applied", 0) + counts.get("duplicate", 0) + counts.get("dismissed", 0),
                           oldest, upcoming)


def _holder(connection: Connection) -> str | None:
    row = connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?", (LOCK_KEY,)).scalar()
    return json.loads(row)["owner"] if row else None


def _payload(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return {"unreadable_payload": text[:200]}
    return value if isinstance(value, dict) else {"payload": value}


def _exception(row: Any) -> ExceptionItem:
    return ExceptionItem(row.seq, row.event_id, row.event_type, row.aggregate_type, row.aggregate_id, row.status,
                         row.last_error, row.created_at, _payload(row.payload_json))
