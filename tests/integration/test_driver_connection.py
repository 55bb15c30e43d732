"""`DriverConnection`: the return recorder's statements on the sqlite3 connection under an
SQLAlchemy transaction: in that transaction (rolled back with it), rows read by column name, a list
of parameters run once each, and a fault of the disk as one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from posreturns.persistence.engine import WRITE, create_sqlite_engine
from posreturns.persistence.plain_sqlite import DriverConnection
from posreturns.services.errors import StorageError


def test_statements_run_in_the_transaction_and_roll_back_with_it(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "t.db")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    with pytest.raises(RuntimeError), engine.connect().execution_options(**WRITE) as connection, connection.begin():
        driver = DriverConnection(connection)
        driver.exec_driver_sql("INSERT INTO t (name) VALUES (?)", [("a",), ("b",)])
        assert [(r.id, r.name) for r in driver.exec_driver_sql("SELECT id, name FROM t ORDER BY id")] == [
            (1, "a"), (2, "b")]
        assert driver.exec_driver_sql("SELECT COUNT(*) FROM t").scalar_one() == 2
        raise RuntimeError("the return fails after its rows were written")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM t").scalar_one() == 0
    engine.dispose()


def test_a_fault_of_the_storage_is_a_sentence(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "t.db")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (name TEXT)")
    with engine.connect() as connection, connection.begin():
        driver = DriverConnection(connection)
        driver.exec_driver_sql("PRAGMA query_only=ON")  # what a read-only folder does to a write
        with pytest.raises(StorageError, match="cannot be written"):
            driver.exec_driver_sql("INSERT INTO t VALUES (?)", ("a",))
        driver.exec_driver_sql("PRAGMA query_only=OFF")
    engine.dispose()
