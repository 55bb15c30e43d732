"""`Outbox` over SQLite: the uploader's lease, the events due per OMS order, their results and backoff.

Every write opens BEGIN IMMEDIATE and checks, inside the same transaction, that the writer still
holds the upload lease: an uploader whose lease was taken over can never mark an event, so two
processes never settle the same events. Each new holder of the lease gets a larger fencing token
(kept across releases), which the uploader sends with what it asks the OMS to do.

Events of one OMS order (`order_key`) go in `seq` order, one at a time: a rejected event holds the
later events of its order; other orders go on. The exception queue is in outbox_exceptions.py.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.engine import WRITE
from posreturns.services.sync_ports import OutboxStats, Outcome, PendingEvent, PushResult

LOCK_KEY = "lock.upload"
TOKEN_KEY = "lock.upload.token"
INSTANCE_KEY = "lock.upload.instance"  # this database's uploader identity, for the OMS's fencing
OPEN = "('pending', 'held', 'rejected')"
KEY = "coalesce(o.order_key, o.aggregate_id)"
_COLUMNS = ("o.seq, o.event_id, o.till_id, o.aggregate_type, o.aggregate_id, o.event_type, o.schema_version, "
            f"o.payload_json, o.attempts, {KEY} AS order_key, o.sent_at, o.context_json")
# the first open event of each order, and whether its time has come
_HEADS = (f"WITH heads AS (SELECT {KEY} AS k, min(o.seq) AS first FROM outbox o "
          f"WHERE o.status IN {OPEN} AND o.acked_at IS NULL GROUP BY k), "
          "ready AS (SELECT h.k, h.first FROM heads h JOIN outbox f ON f.seq = h.first WHERE f.status = 'pending' "
          "AND (f.next_attempt_at IS NULL OR f.next_attempt_at <= ?)) ")
_DUE = (_HEADS + f"SELECT {_COLUMNS} FROM outbox o JOIN ready r ON o.seq = r.first ORDER BY o.seq")
_CHAINS = (_HEADS + f"SELECT {_COLUMNS} FROM outbox o JOIN ready r ON {KEY} = r.k "
           "WHERE o.status = 'pending' AND o.seq >= r.first ORDER BY o.seq LIMIT ?")


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
    """The till's outbox (`outbox` rows) and upload lease (`sync_meta` rows `lock.upload*`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- lease ------------------------------------------------------------------------------------
    def acquire(self, owner: str, now: datetime, lease_seconds: float) -> int | None:
        """Take or renew the lease; its fencing token (a new, larger one for a new holder)."""
        expires = now.timestamp() + lease_seconds
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            held = _lease(connection)
            if held and held["owner"] != owner and held["expires"] > now.timestamp() and not _pid_dead(held["owner"]):
                return None
            if held and held["owner"] == owner:
                token = int(held["token"])
            else:
                token = int(_meta(connection, TOKEN_KEY) or 0) + 1
                _put(connection, TOKEN_KEY, str(token), now)
            value = {"owner": owner, "token": token, "expires": expires, "expires_at": format_utc(expires)}
            _put(connection, LOCK_KEY, json.dumps(value), now)
        return token

    def fencing_scope(self, now: datetime) -> str:
        """The identity the OMS keeps fencing tokens under: one per till database (till ids repeat
        across stores and reinstalls), made once."""
        with self.engine.connect() as connection:
            found = _meta(connection, INSTANCE_KEY)
        if found is None:
            with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
                found = _meta(connection, INSTANCE_KEY) or os.urandom(12).hex()
                _put(connection, INSTANCE_KEY, found, now)
        return found

    def raise_token(self, at_least: int, now: datetime) -> None:
        """The OMS has seen tokens up to `at_least` for this till (a database restored from a backup):
        the next holder of the lease gets a larger one."""
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            if int(_meta(connection, TOKEN_KEY) or 0) < at_least:
                _put(connection, TOKEN_KEY, str(at_least), now)

    def renew(self, owner: str, token: int, now: datetime, lease_seconds: float) -> bool:
        """Extend `owner`'s lease of fencing token `token`; False (changing nothing) when the lease
        is no longer exactly that one: a lost lease is never taken again under the old token."""
        expires = now.timestamp() + lease_seconds
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            held = _lease(connection)
            if not held or held["owner"] != owner or int(held["token"]) != token:
                return False
            value = {"owner": owner, "token": token, "expires": expires, "expires_at": format_utc(expires)}
            _put(connection, LOCK_KEY, json.dumps(value), now)
        return True

    def lease_left(self, owner: str, token: int, now: datetime) -> float | None:
        """Seconds left on `owner`'s lease of fencing token `token`; None when it is not held so."""
        with self.engine.connect() as connection:
            held = _lease(connection)
        if not held or held["owner"] != owner or int(held["token"]) != token:
            return None
        return float(held["expires"]) - now.timestamp()

    def release(self, owner: str) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            if _holder(connection) == owner:
                connection.exec_driver_sql("DELETE FROM sync_meta WHERE key = ?", (LOCK_KEY,))

    def holder(self) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            return _lease(connection)

    # -- queue ------------------------------------------------------------------------------------
    def due(self, now: datetime, limit: int, skip: frozenset[str] = frozenset()) -> list[PendingEvent]:
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(_DUE, (format_utc(now),)).all()
        return [_event(r) for r in rows if r.order_key not in skip][:limit]

    def chains(self, now: datetime, limit: int) -> list[PendingEvent]:
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(_CHAINS, (format_utc(now), limit)).all()
        return [_event(r) for r in rows]

    def begin(self, owner: str, events: list[PendingEvent], now: datetime) -> bool:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            if _holder(connection) != owner:
                return False
            connection.exec_driver_sql("UPDATE outbox SET sent_at = ? WHERE seq = ? AND sent_at IS NULL",
                                       [(format_utc(now), e.seq) for e in events])
        return True

    def settle(self, owner: str, event: PendingEvent, result: PushResult, now: datetime) -> bool:
        if result.outcome is Outcome.RETRY:
            raise ValueError("a retry is recorded with postpone()")
        return self.record(owner, [(event, result, None)], now)

    def postpone(self, owner: str, event: PendingEvent, attempts: int, next_attempt_at: datetime, error: str) -> bool:
        return self.record(owner, [(event, PushResult.retry(error), next_attempt_at)], now=next_attempt_at,
                           attempts={event.seq: attempts})

    def record(self, owner: str, results: Iterable[tuple[PendingEvent, PushResult, datetime | None]], now: datetime,
               attempts: dict[int, int] | None = None) -> bool:
        """Write the outcome of each event in ONE transaction (a retry with its next attempt time);
        False, writing nothing, when `owner` no longer holds the lease."""
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            if _holder(connection) != owner:
                return False
            for event, result, when in results:
                if result.outcome is Outcome.RETRY:
                    tries = (attempts or {}).get(event.seq, event.attempts + 1)
                    connection.exec_driver_sql(
                        "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? "
                        "WHERE seq = ? AND status = 'pending'",
                        (tries, format_utc(when or now, ceil=True), (result.reason or "retry")[:500], event.seq))
                else:
                    _settle(connection, event, result, format_utc(now))
        return True

    def stats(self, now: datetime) -> OutboxStats:
        with self.engine.connect() as connection:
            counts: dict[str, int] = dict(connection.exec_driver_sql(
                "SELECT CASE WHEN status = 'rejected' AND acked_at IS NOT NULL THEN 'dismissed' ELSE status END, "
                "count(*) FROM outbox GROUP BY 1").all())
            due = connection.exec_driver_sql(
                "SELECT count(*) FROM outbox WHERE status = 'pending' AND (next_attempt_at IS NULL OR "
                "next_attempt_at <= ?)",
                (format_utc(now),)).scalar_one()
            oldest, upcoming = connection.exec_driver_sql(
                "SELECT min(created_at), min(next_attempt_at) FROM outbox WHERE status = 'pending'").one()
        return OutboxStats(counts.get("pending", 0), due, counts.get("rejected", 0), counts.get("held", 0),
                           counts.get("applied", 0) + counts.get("duplicate", 0) + counts.get("dismissed", 0),
                           oldest, upcoming)


def _settle(connection: Connection, event: PendingEvent, result: PushResult, at: str) -> None:
    server = json.dumps({"outcome": result.outcome.value, "reason": result.reason, **result.detail},
                        ensure_ascii=False, sort_keys=True, default=str)
    if result.outcome is Outcome.REJECTED:
        connection.exec_driver_sql(
            "UPDATE outbox SET status = 'rejected', attempts = attempts + 1, last_error = ?, "
            "server_result_json = ?, next_attempt_at = NULL WHERE seq = ? AND status = 'pending'",
            (result.reason, server, event.seq))
        connection.exec_driver_sql(
            "UPDATE outbox SET status = 'held', last_error = ? WHERE coalesce(order_key, aggregate_id) = ? AND seq > ? "
            "AND status = 'pending'",
            (f"waits for event {event.seq}, refused by the OMS", event.order_key or event.aggregate_id, event.seq))
    else:
        connection.exec_driver_sql(
            "UPDATE outbox SET status = ?, attempts = attempts + 1, acked_at = ?, last_error = NULL, "
            "server_result_json = ?, next_attempt_at = NULL WHERE seq = ? AND status = 'pending'",
            (result.outcome.value, at, server, event.seq))


def _meta(connection: Connection, key: str) -> str | None:
    value = connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?", (key,)).scalar()
    return None if value is None else str(value)


def _put(connection: Connection, key: str, value: str, now: datetime) -> None:
    connection.exec_driver_sql(
        "INSERT INTO sync_meta (key, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (key, value, format_utc(now)))


def _lease(connection: Connection) -> dict[str, Any] | None:
    text = _meta(connection, LOCK_KEY)
    if not text:
        return None
    held = dict(json.loads(text))
    if "expires" not in held:  # written by an older version: only expires_at
        held["expires"] = parse_utc(held["expires_at"]).timestamp()
        held.setdefault("token", 0)
    return held


def _holder(connection: Connection) -> str | None:
    held = _lease(connection)
    return str(held["owner"]) if held else None


def payload_of(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return {"unreadable_payload": text[:200]}
    return value if isinstance(value, dict) else {"payload": value}


def _event(row: Any) -> PendingEvent:
    context = payload_of(row.context_json) if row.context_json else {}
    return PendingEvent(row.seq, row.event_id, row.till_id, row.aggregate_type, row.aggregate_id, row.event_type,
                        row.schema_version, payload_of(row.payload_json), row.attempts, row.order_key,
                        row.sent_at is None, context)
