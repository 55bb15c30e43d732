"""The local store on a real SQLite file: durability settings, migrations, ledger constraints."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path
from unittest.mock import patch

import pytest
from sqlalchemy.exc import IntegrityError

from posreturns.app import Till, open_till
from posreturns.persistence import migrate
from posreturns.persistence.engine import WRITE, pragma


def test_every_connection_is_durable_and_enforces_foreign_keys(till: Till) -> None:
    assert pragma(till.engine, "journal_mode") == "wal"
    assert pragma(till.engine, "synchronous") == 2  # FULL
    assert pragma(till.engine, "foreign_keys") == 1
    assert pragma(till.engine, "busy_timeout") >= 5000


def test_the_schema_is_at_the_newest_migration_and_reopening_applies_nothing(till: Till) -> None:
    assert migrate.current_revision(till.engine) == migrate.head_revision()
    assert migrate.upgrade(till.engine) is False


def test_the_newest_revision_is_read_from_the_scripts_as_alembic_reads_it(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """An up-to-date start skips Alembic on the strength of `scripts_head`: it agrees with Alembic, and
    gives up (None: Alembic decides) on scripts it cannot read for sure."""
    assert migrate.scripts_head() == migrate.head_revision() is not None
    versions = tmp_path / "migrations" / "versions"
    shutil.copytree(migrate.MIGRATIONS / "versions", versions, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    monkeypatch.setattr(migrate, "MIGRATIONS", tmp_path / "migrations")
    assert migrate.scripts_head.__wrapped__() == head
    (versions / "9998_branch.py").write_text('revision = "9998"\ndown_revision = "0012"\n')
    assert migrate.scripts_head.__wrapped__() is None  # two heads
    (versions / "9998_branch.py").write_text('revision = "9998"\ndown_revision = ("0012", "0013")\n')
    assert migrate.scripts_head.__wrapped__() is None  # a merge


def test_writers_take_the_write_lock_at_begin(till: Till) -> None:
    """BEGIN IMMEDIATE: a second writer cannot even start while the first holds its transaction."""
    db_file = till.data_dir / "posreturns.db"
    with till.engine.connect().execution_options(**WRITE) as connection, connection.begin():
        connection.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('k', 'v')")
        other = sqlite3.connect(db_file, timeout=0.1, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_a_line_can_never_have_more_returned_than_sold(demo_till: Till) -> None:
    with pytest.raises(IntegrityError):
        with demo_till.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql("UPDATE order_lines SET returned_qty = qty + 1 WHERE id = 'ORD-1001-L1'")
    with pytest.raises(IntegrityError):
        with demo_till.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql("UPDATE tenders SET refunded_minor = amount_minor + 1 WHERE "
                                       "order_id = 'ORD-1001'")
    order = demo_till.orders.get("ORD-1001")
    assert order is not None and order.lines[0].returned_qty == 0


def test_two_threads_reading_while_one_writes_see_committed_data_only(demo_till: Till) -> None:
    seen: list[int] = []

    def read() -> None:
        order = demo_till.orders.get("ORD-1006")
        assert order is not None
        seen.append(order.lines[0].returned_qty)

    with demo_till.engine.connect().execution_options(**WRITE) as connection, connection.begin():
        connection.exec_driver_sql("UPDATE order_lines SET returned_qty = 2 WHERE id = 'ORD-1006-L1'")
        reader = threading.Thread(target=read)
        reader.start()
        reader.join()
    read()
    assert seen == [1, 2]


def test_data_folder_is_created_on_first_open(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deep" / "folder"
    opened = open_till(target)
    opened.close()
    assert (target / "posreturns.db").exists()


def test_an_older_database_with_data_is_migrated_at_start_up_without_losing_rows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from alembic import command
    from conftest import DEMO_DAY

    from posreturns.demo.store import demo_document
    from posreturns.persistence.engine import create_sqlite_engine
    from posreturns.services.importing import import_bytes

    engine = create_sqlite_engine(tmp_path / "posreturns.db")
    config = migrate.alembic_config()
    with engine.connect().execution_options(**WRITE) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.commit()
    from posreturns.persistence.cache_writer import SqlCacheWriter

    # today's writer puts the sale's channel on each return (0023): for the import only, a 0001 file gets the column
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE returns ADD COLUMN channel TEXT")
    with patch("posreturns.persistence.cache_writer.record_price_changes"):  # no price history table in 0001
        import_bytes(json.dumps(demo_document(DEMO_DAY)).encode(), "demo", SqlCacheWriter(engine))
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE returns DROP COLUMN channel")
    engine.dispose()
    reopened = open_till(tmp_path)
    assert migrate.current_revision(reopened.engine) == migrate.head_revision() != "0001"
    order = reopened.lookup.find_receipt("PA01-000106")
    assert order.lines[0].returned_qty == 1
    with reopened.engine.connect() as connection:  # the prices the till held are the history's first points
        assert connection.exec_driver_sql(
            "SELECT price_minor FROM price_history WHERE sku = 'ENC-PORT' AND source = 'migration'").all() == [(7990,)]
        assert connection.exec_driver_sql(  # the channel copied from each return's sale
            "SELECT count(*) FROM returns WHERE channel IS NULL OR channel = ''").scalar() == 0
    reopened.close()
