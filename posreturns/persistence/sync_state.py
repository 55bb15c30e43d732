"""`SyncState` over SQLite: stream cursors (`sync_streams`), pulled pages written with their cursor
in one transaction (through `SqlCacheWriter`), the last run (`sync_meta` row `run.last`), the last
contact with the OMS (`contact`: whether it answered, when; written by every run, probe and
on-demand fetch, read by whoever decides online/offline rules), and the OMS and store the cursors
were pulled from (`cursors.for`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from posreturns.domain.utc import format_utc
from posreturns.persistence.engine import WRITE

if TYPE_CHECKING:
    from posreturns.persistence.cache_writer import SqlCacheWriter
    from posreturns.services.canonical import Document

RUN_KEY = "run.last"
CONTACT_KEY = "contact"
CURSORS_FOR_KEY = "cursors.for"


class SqlSyncState:
    def __init__(self, engine: Engine, writer: Callable[[], SqlCacheWriter]) -> None:
        """`writer`: the cache writer, asked for when a page is written (a lookup never imports it)."""
        self.engine = engine
        self.writer = writer

    def cursor(self, stream: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.exec_driver_sql("SELECT cursor FROM sync_streams WHERE stream = ?", (stream,)).scalar()

    def write_page(self, stream: str, document: Document, source: str, cursor: str | None,
                   now: datetime) -> dict[str, int]:
        return self.writer().write(document, source, cursors={stream: cursor}, from_oms=True)

    def reset_streams(self, now: datetime) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql("UPDATE sync_streams SET cursor = NULL")

    def has_pulled(self) -> bool:
        with self.engine.connect() as connection:
            return bool(connection.exec_driver_sql("SELECT count(*) FROM sync_streams WHERE cursor IS NOT NULL "
                                                   "OR last_pulled_at IS NOT NULL").scalar())

    def cursors_for(self) -> str | None:
        """The OMS and store the cursors were pulled from ("url|store"), when known."""
        return self._get(CURSORS_FOR_KEY)

    def pull_from(self, identity: str, now: datetime) -> bool:
        """Pull from `identity` ("url|store"): the cursors of another OMS or store are forgotten
        (a full pull follows; the outbox is kept). True when they were."""
        if self.cursors_for() == identity:  # the usual case, read without taking the write lock
            return False
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            before = connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?",
                                                (CURSORS_FOR_KEY,)).scalar()
            if before == identity:
                return False
            pulled = connection.exec_driver_sql("SELECT count(*) FROM sync_streams WHERE cursor IS NOT NULL "
                                                "OR last_pulled_at IS NOT NULL").scalar()
            connection.exec_driver_sql("UPDATE sync_streams SET cursor = NULL")
            _put(connection, CURSORS_FOR_KEY, identity, now)
        return bool(before is not None or pulled)

    def record_contact(self, online: bool, reason: str | None, now: datetime) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            _put(connection, CONTACT_KEY, json.dumps({"online": online, "at": format_utc(now), "reason": reason},
                                                     ensure_ascii=False), now)

    def contact(self) -> dict[str, Any]:
        """{"online": bool, "at": UTC text, "reason": …} of the last contact, {} when none yet."""
        text = self._get(CONTACT_KEY)
        return dict(json.loads(text)) if text else {}

    def _get(self, key: str) -> str | None:
        with self.engine.connect() as connection:
            value = connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?", (key,)).scalar()
        return None if value is None else str(value)

    def record_run(self, online: bool, error: str | None, now: datetime) -> None:
        at = format_utc(now)
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            previous = connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?", (RUN_KEY,)).scalar()
            state = json.loads(previous) if previous else {}
            state.update({"online": online, "last_attempt_at": at, "last_error": error})
            if online and error is None:
                state["last_success_at"] = at
            _put(connection, RUN_KEY, json.dumps(state, ensure_ascii=False), now)
            _put(connection, CONTACT_KEY, json.dumps({"online": online, "at": at, "reason": None if online else error},
                                                     ensure_ascii=False), now)

    def status(self) -> dict[str, Any]:
        with self.engine.connect() as connection:
            run = connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?", (RUN_KEY,)).scalar()
            streams = {row.stream: {"cursor": row.cursor, "last_pulled_at": row.last_pulled_at}
                       for row in connection.exec_driver_sql("SELECT stream, cursor, last_pulled_at FROM sync_streams")}
        state = json.loads(run) if run else {}
        contact = self.contact()  # runs, probes and on-demand fetches: the latest word on it
        pulled = [s["last_pulled_at"] for s in streams.values() if s["last_pulled_at"]]
        return {"online": contact.get("online", state.get("online")), "contact_at": contact.get("at"),
                "last_success_at": state.get("last_success_at"),
                "last_attempt_at": state.get("last_attempt_at"), "last_error": state.get("last_error"),
                "streams": streams, "cache_as_of": min(pulled) if pulled else None}


def _put(connection: Any, key: str, value: str, now: datetime) -> None:
    connection.exec_driver_sql(
        "INSERT INTO sync_meta (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) "
        "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at", (key, value, format_utc(now)))
