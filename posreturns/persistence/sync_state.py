"""`SyncState` over SQLite: stream cursors (`sync_streams`), pulled pages written with their cursor
in one transaction (through `SqlCacheWriter`), and the last run (`sync_meta` rows `run.*`)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from posreturns.persistence.cache_writer import SqlCacheWriter
from posreturns.persistence.engine import WRITE
from posreturns.persistence.outbox import format_utc
from posreturns.services.canonical import Document

RUN_KEY = "run.last"


class SqlSyncState:
    def __init__(self, engine: Engine, writer: SqlCacheWriter) -> None:
        self.engine = engine
        self.writer = writer

    def cursor(self, stream: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.exec_driver_sql("SELECT cursor FROM sync_streams WHERE stream = ?", (stream,)).scalar()

    def write_page(self, stream: str, document: Document, source: str, cursor: str | None,
                   now: datetime) -> dict[str, int]:
        return self.writer.write(document, source, cursors={stream: cursor}, from_oms=True)

    def reset_streams(self, now: datetime) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql("UPDATE sync_streams SET cursor = NULL")

    def record_run(self, online: bool, error: str | None, now: datetime) -> None:
        at = format_utc(now)
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            previous = connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?", (RUN_KEY,)).scalar()
            state = json.loads(previous) if previous else {}
            state.update({"online": online, "last_attempt_at": at, "last_error": error})
            if online and error is None:
                state["last_success_at"] = at
            connection.exec_driver_sql(
                "INSERT INTO sync_meta (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) "
                "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                (RUN_KEY, json.dumps(state, ensure_ascii=False), at))

    def status(self) -> dict[str, Any]:
        with self.engine.connect() as connection:
            run = connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?", (RUN_KEY,)).scalar()
            streams = {row.stream: {"cursor": row.cursor, "last_pulled_at": row.last_pulled_at}
                       for row in connection.exec_driver_sql("SELECT stream, cursor, last_pulled_at FROM sync_streams")}
        state = json.loads(run) if run else {}
        pulled = [s["last_pulled_at"] for s in streams.values() if s["last_pulled_at"]]
        return {"online": state.get("online"), "last_success_at": state.get("last_success_at"),
                "last_attempt_at": state.get("last_attempt_at"), "last_error": state.get("last_error"),
                "streams": streams, "cache_as_of": min(pulled) if pulled else None}
