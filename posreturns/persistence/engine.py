"""The SQLite engine: durable PRAGMAs on every connection, explicit BEGIN [IMMEDIATE].

pysqlite's own transaction handling is switched off (`isolation_level = None`) so that we emit BEGIN
ourselves: writers open with BEGIN IMMEDIATE and take the write lock up front, which avoids the
deadlock-prone lock upgrade of a deferred transaction and makes "one writer at a time" explicit.
SQLite's faults of the disk (full, read-only, locked, damaged) come out as `StorageError`.
The database and its folder are readable by the till's user only (see `private_files`), and every
connection can compute the audit chain's hash (see `audit`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, ExceptionContext

from posreturns.persistence.audit_chain import CHAIN_FUNCTION, chain_hash
from posreturns.persistence.private_files import make_private, private_folder
from posreturns.persistence.storage_errors import storage_error

BUSY_TIMEOUT_MS = 10_000
WRITE = {"sqlite_begin": "IMMEDIATE"}


def create_sqlite_engine(path: Path) -> Engine:
    try:
        private_folder(path.parent)
        make_private(path)
    except OSError as error:
        raise storage_error(error, path) or error from None
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.create_function(CHAIN_FUNCTION, 7, chain_hash, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS:d}")
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.close()

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        fault = storage_error(context.original_exception, path)
        if fault is not None:  # disk full, read-only, locked, damaged: one sentence instead of a traceback
            raise fault from context.original_exception

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def pragma(engine: Engine, name: str) -> Any:
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()
