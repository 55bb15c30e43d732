"""The till reads sales and the active policy through plain sqlite3 (persistence/plain_sqlite.py):
exactly what the SQLAlchemy engine reads, on every thread, fresh after another process's change, and
a damaged database said in one sentence."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from posreturns.app import Till, open_till
from posreturns.demo.scale import ScaleSpec, generate
from posreturns.paths import DATABASE_FILE
from posreturns.persistence.order_repository import SqlOrderRepository
from posreturns.persistence.plain_sqlite import PlainSqlite
from posreturns.services.errors import StorageError
from posreturns.services.normalize import number_key


def _every_sale_read_both_ways(till: Till) -> int:
    engine_reads, plain = SqlOrderRepository(till.engine), PlainSqlite(till.data_dir / DATABASE_FILE)
    plain_reads = SqlOrderRepository(plain)
    try:
        with closing(sqlite3.connect(till.data_dir / DATABASE_FILE)) as db:
            sales = db.execute("SELECT id, number FROM orders ORDER BY id").fetchall()
        for order_id, number in sales:
            expected = engine_reads.get(order_id)
            assert expected is not None
            assert plain_reads.get(order_id) == expected
            assert plain_reads.by_number_keys([number_key(number)]) == engine_reads.by_number_keys([number_key(number)])
        return len(sales)
    finally:
        plain.close()


def test_a_generated_store_reads_the_same_through_plain_sqlite3_as_through_the_engine(till: Till) -> None:
    generate(till.engine, ScaleSpec(skus=400, orders=1_500, customers=150, returns=300, seed=3))
    with till.engine.begin() as connection:  # returned serials, as a till records them
        connection.exec_driver_sql(
            "UPDATE return_lines SET serial = (SELECT json_extract(l.serials_json, '$[0]') FROM order_lines l "
            "WHERE l.id = return_lines.order_line_id) WHERE order_line_id IN "
            "(SELECT id FROM order_lines WHERE serials_json != '[]')")
        serials = connection.exec_driver_sql("SELECT count(*) FROM return_lines WHERE serial IS NOT NULL").scalar()
    assert serials  # the comparison covers returned serials
    assert _every_sale_read_both_ways(till) == 1_500


def test_the_demo_store_reads_the_same_through_plain_sqlite3_as_through_the_engine(demo_till: Till) -> None:
    assert _every_sale_read_both_ways(demo_till) >= 10


def test_each_thread_reads_on_a_connection_of_its_own_closed_when_the_thread_ends(tmp_path: Path) -> None:
    open_till(tmp_path).close()
    plain = PlainSqlite(tmp_path / DATABASE_FILE)
    seen: list[sqlite3.Connection] = []

    def read() -> None:
        with plain.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM orders").scalar() == 0
            seen.append(connection.connection)

    threads = [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for ended in seen:  # a host that reconnects all day leaves no connection behind its threads
        with pytest.raises(sqlite3.ProgrammingError):
            ended.execute("SELECT 1")
    read()
    read()
    assert len(seen) == 5 and seen[3] is seen[4]  # the main thread's second read reuses its own
    seen[3].execute("SELECT 1")
    plain.close()
    with pytest.raises(sqlite3.ProgrammingError):
        seen[3].execute("SELECT 1")
    read()  # a read after close opens a connection again
    assert seen[5] is not seen[3]
    plain.close()


def test_a_damaged_database_is_said_in_one_sentence(tmp_path: Path) -> None:
    damaged = tmp_path / DATABASE_FILE
    damaged.write_bytes(b"this is not a database" * 200)
    plain = PlainSqlite(damaged)
    with pytest.raises(StorageError), plain.connect() as connection:
        connection.exec_driver_sql("SELECT count(*) FROM orders").scalar()
    plain.close()


def test_a_policy_loaded_by_another_process_applies_to_the_next_quote_at_once(tmp_path: Path) -> None:
    with open_till(tmp_path) as serving, open_till(tmp_path) as other:
        assert serving.policies.active().version == "builtin"
        other.policies.install('version = "2026-12"\n[window]\ndays = 14\n', "test")
        assert serving.policies.active().version == "2026-12"
        assert serving.policies.active().window.days == 14
