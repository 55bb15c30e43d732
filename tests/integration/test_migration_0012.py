"""A till upgraded to the restock queue: units its returns held before are in the queue, and the
alerts the policy raised on them are in the inbox, so nothing a cashier held is stuck."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from posreturns.app import open_restock, open_till
from posreturns.persistence import migrate
from posreturns.persistence.engine import WRITE, create_sqlite_engine


def _till_at_0006(folder: Path) -> None:
    engine = create_sqlite_engine(folder / "posreturns.db")
    config = migrate.alembic_config()
    with engine.connect().execution_options(**WRITE) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
        connection.commit()
    engine.dispose()
    connection = sqlite3.connect(folder / "posreturns.db")
    with connection:
        connection.execute("INSERT INTO products VALUES ('P1', 'Tee', 'tops')")
        connection.execute("INSERT INTO variants VALUES ('SKU1', 'P1', 'Tee S', '{}', 1000, '20', 0, 0)")
        connection.execute(
            "INSERT INTO returns (id, number, origin, store_id, till_id, created_at, currency, refund_total_minor) "
            "VALUES ('r1', 'RPARIS01-T1-000007', 'till', 'PARIS-01', 'T1', '2026-11-20T10:00:00Z', 'EUR', 3000)")
        line = ("INSERT INTO return_lines (return_id, sku, qty, refund_minor, reason, condition, disposition, "
                "alerts_json) VALUES ('r1', 'SKU1', ?, 1000, ?, 'OPENED', ?, ?)")
        connection.execute(line, (2, "DEFECTIVE", "INSPECT", '["notify_buyer"]'))
        connection.execute(line, (1, "WRONG_SIZE", "RESTOCK", "[]"))
    connection.close()


def test_units_held_before_the_upgrade_are_in_the_queue_with_their_alerts(tmp_path: Path) -> None:
    _till_at_0006(tmp_path)
    till = open_till(tmp_path)
    try:
        restock = open_restock(till)
        assert [(u.id, u.sku, u.reason, u.alerts) for u in restock.queue()] == [
            ("UPARIS01-T1-000007-1", "SKU1", "DEFECTIVE", ("notify_buyer",)),
            ("UPARIS01-T1-000007-2", "SKU1", "DEFECTIVE", ("notify_buyer",))]
        [alert] = restock.alerts()
        assert (alert.code, alert.return_number, alert.status) == ("notify_buyer", "RPARIS01-T1-000007", "open")
    finally:
        till.close()
