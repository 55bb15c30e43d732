"""The till's database read through the standard `sqlite3` module alone, for the command line's
lookups: importing SQLAlchemy costs a host POS more than the whole lookup (docs/cli.md).

`PlainSqlite` offers the few calls of an `Engine` that the read-only repositories use
(`connect()`, then `exec_driver_sql(...)` with `.first()`, `.all()`, `.scalar()`, `.scalars()`, rows
read by column name), so `SqlOrderRepository`, `SqlSettings` and the schema check run on it
unchanged. One connection per thread (a `posreturns serve` answers each host connection on a thread
of its own), each `connect()` one read transaction (a consistent snapshot, as the engine gives); it
refuses to write (`PRAGMA query_only`). The till reads sales and the active policy through it too
(`open_till`): a statement through SQLAlchemy costs ~0.1 ms more than the query itself, and a quote
from a host reads the sale and the policy on every call. A fault of the disk or of the database is a
`StorageError`, as through the engine.

`DriverConnection` gives the same calls on the sqlite3 connection under an SQLAlchemy `Connection`,
inside its transaction: the return recorder's twenty-odd statements without SQLAlchemy's ~30 µs
each, and faults of the disk still come out as `StorageError`.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
import weakref
from collections import namedtuple
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any


class PlainResult:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self.cursor = cursor

    def first(self) -> Any:
        return self.cursor.fetchone()

    def all(self) -> list[Any]:
        return self.cursor.fetchall()

    def scalar(self) -> Any:
        row = self.cursor.fetchone()
        return None if row is None else row[0]

    def scalars(self) -> PlainResult:
        self.cursor.row_factory = lambda _cursor, values: values[0]
        return self

    def one(self) -> Any:
        row = self.cursor.fetchone()
        if row is None:
            raise LookupError("the statement gave no row")
        return row

    def scalar_one(self) -> Any:
        return self.one()[0]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.cursor)


class PlainConnection:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def exec_driver_sql(self, sql: str, params: Sequence[Any] = ()) -> PlainResult:
        return PlainResult(self.connection.execute(sql, tuple(params)))


class _ThreadConnection:
    """A thread's connection, closed when the thread ends (its thread-local slot goes, and this with it):
    `posreturns serve` answers each host connection on a new thread, and a host may reconnect all day."""

    __slots__ = ("__weakref__", "connection")

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __del__(self) -> None:
        self.connection.close()
class DriverConnection:
    """`connection`'s own sqlite3 connection, in the transaction `connection` began. A list of
    parameter tuples runs the statement once for each, as SQLAlchemy's `exec_driver_sql` does."""

    def __init__(self, connection: Connection) -> None:
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        self.connection, self.database = driver, Path(connection.engine.url.database or "")

    def exec_driver_sql(self, sql: str, params: Sequence[Any] = ()) -> PlainResult:
        cursor = self.connection.cursor()
        cursor.row_factory = _named_row
        try:
            if isinstance(params, list):
                cursor.executemany(sql, params)
            else:
                cursor.execute(sql, tuple(params))
        except sqlite3.Error as error:
            from posreturns.persistence.storage_errors import storage_error  # ~0.1 s of imports a lookup never needs

            fault = storage_error(error, self.database)
            if fault is None:
                raise
            raise fault from error
        return PlainResult(cursor)


class PlainSqlite:
    """`path` must exist (this never creates a database)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._mine = threading.local()  # this thread's _ThreadConnection
        self._opened: weakref.WeakSet[_ThreadConnection] = weakref.WeakSet()  # live threads', for close()
        self._lock = threading.Lock()

    @contextmanager
    def connect(self) -> Iterator[PlainConnection]:
        try:
            mine: _ThreadConnection | None = getattr(self._mine, "connection", None)
            if mine is None:
                mine = self._mine.connection = _ThreadConnection(_open(self.path))
                with self._lock:
                    self._opened.add(mine)
            connection = mine.connection
            connection.execute("BEGIN")
        except sqlite3.Error as error:
            raise _fault(error, self.path) from None
        try:
            yield PlainConnection(connection)
        except sqlite3.Error as error:
            raise _fault(error, self.path) from None
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")  # nothing was written: ending the snapshot is all it does

    def close(self) -> None:
        """Close every thread's connection (a thread that reads again after this opens a new one)."""
        with self._lock:
            opened = list(self._opened)
            self._opened = weakref.WeakSet()
            self._mine = threading.local()
        for mine in opened:
            mine.connection.close()


def _fault(error: sqlite3.Error, path: Path) -> Exception:
    from posreturns.persistence.storage_errors import storage_error

    if getattr(error, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_READONLY:
        return error  # a write through this reader (query_only): a bug to show as it is, not a fault of the disk
    return storage_error(error, path) or error


def _open(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None,
                                 check_same_thread=False, timeout=10.0)  # used by its thread only; closed by any
    connection.row_factory = _named_row
    connection.execute("PRAGMA query_only=ON")
    return connection


def _named_row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> Any:
    return _row_type(tuple(column[0] for column in cursor.description))(*values)


@functools.cache
def _row_type(names: tuple[str, ...]) -> type:
    """A tuple whose fields are the columns (as SQLAlchemy's rows): `row.id` and `row[0]` both work."""
    return namedtuple("Row", names, rename=True)


if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection

    Readable = Engine | PlainSqlite  # what the read-only repositories accept
    Runs = Connection | DriverConnection  # SQLAlchemy's connection, or the sqlite3 one under it in its transaction
