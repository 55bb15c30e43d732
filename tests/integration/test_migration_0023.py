"""A till upgraded to the sale's channel on its returns: the returns already there take their order's
channel (the report no longer reads the orders for it), a return without a receipt none."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from helpers.returns import CASHIER, line, open_shop, request

from posreturns.app import open_reports, open_till
from posreturns.persistence import migrate
from posreturns.persistence.engine import WRITE, create_sqlite_engine


def _back_to_0022(database: Path) -> None:
    engine = create_sqlite_engine(database)
    config = migrate.alembic_config()
    with engine.connect().execution_options(**WRITE) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0022")
        connection.commit()
    engine.dispose()


def test_returns_made_before_the_upgrade_take_their_orders_channel(tmp_path: Path) -> None:
    shop = open_shop(tmp_path)
    try:
        shop.returns.complete(request("W-100202", line("BASK-CUIR-43", reason="CHANGED_MIND"), key="web"), CASHIER)
        shop.returns.complete(request(None, line("TSH-WHT-S", reason="CHANGED_MIND"), key="none", method="store_credit",
                                      customer={"phone": "06 00 00 00 01"}), CASHIER)
        day = shop.clock.now().date()
        written = open_reports(shop).report(day, day, store_wide=True).by["channel"]
    finally:
        shop.close()
    database = tmp_path / "posreturns.db"
    _back_to_0022(database)
    with sqlite3.connect(database) as connection:
        assert "channel" not in {row[1] for row in connection.execute("PRAGMA table_info(returns)")}
    till = open_till(tmp_path)  # upgrades
    try:
        assert open_reports(till).report(day, day, store_wide=True).by["channel"] == written
    finally:
        till.close()
    with sqlite3.connect(database) as connection:
        channels = dict(connection.execute("SELECT coalesce(number, id), channel FROM returns"))
    assert channels == {"RET-OMS-0001": "store", "RPARIS01-T1-000001": "web", "RPARIS01-T1-000002": None}
    assert [(f.key, f.returns) for f in written] == [("web", 1), ("receiptless", 1)]
