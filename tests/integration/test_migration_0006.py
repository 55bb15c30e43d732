"""A till of the previous version upgraded in place: its audit rows are chained, its stock levels get a
baseline, its users keep their PINs, and a till holding the demo store becomes a training till."""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from pathlib import Path

from alembic import command
from conftest import DEMO_DAY

from posreturns.app import open_till
from posreturns.demo.store import demo_document
from posreturns.domain.permissions import Permission
from posreturns.persistence import migrate
from posreturns.persistence.engine import WRITE, create_sqlite_engine
from posreturns.persistence.integrity import SqlIntegrity


def _till_at_0005(folder: Path) -> None:
    engine = create_sqlite_engine(folder / "posreturns.db")
    config = migrate.alembic_config()
    with engine.connect().execution_options(**WRITE) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        connection.commit()
    engine.dispose()
    salt = b"s" * 16
    digest = hashlib.scrypt(b"2468", salt=salt, n=2**14, r=8, p=1, dklen=32)
    legacy = f"scrypt${2**14}$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    document = demo_document(DEMO_DAY)
    connection = sqlite3.connect(folder / "posreturns.db")
    with connection:
        for store in document["stores"]:
            connection.execute("INSERT INTO stores VALUES (?,?,?,?,?)",
                               (store["id"], store["name"], store["currency"], store["prices_include_tax"],
                                store["timezone"]))
        connection.execute("INSERT INTO products VALUES ('P1', 'Tee', 'tops')")
        connection.execute("INSERT INTO variants VALUES ('SKU1', 'P1', 'Tee S', '{}', 1000, '20', 0, 0)")
        connection.execute("INSERT INTO stock_levels VALUES ('PARIS-01', 'SKU1', 'sellable', 7, "
                           "'2026-11-01T00:00:00Z')")
        connection.execute("INSERT INTO users (id, name, role, pin_hash, failed_attempts, locked_until, created_at) "
                           "VALUES ('mgr1', 'Marie', 'manager', ?, 2, NULL, '2026-11-01T00:00:00Z')", (legacy,))
        for n in range(3):
            connection.execute("INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?,?,?,?,?)",
                               (f"2026-11-0{n + 1}T10:00:00Z", "mgr1", "policy.loaded", f"v{n}", json.dumps({"n": n})))
        connection.execute("INSERT INTO settings VALUES ('demo.approval_hint', 'Demo: manager sophie, PIN 1234')")
    connection.close()


def test_a_till_of_the_previous_version_is_upgraded_whole(tmp_path: Path) -> None:
    _till_at_0005(tmp_path)
    till = open_till(tmp_path)
    try:
        assert migrate.current_revision(till.engine) == migrate.head_revision()
        assert SqlIntegrity(till.engine).check(full=True) == []
        with till.engine.connect() as connection:
            baseline = connection.exec_driver_sql(
                "SELECT location, sku, bucket, delta, reason FROM stock_movements").all()
            hashes = connection.exec_driver_sql("SELECT prev_hash, row_hash FROM audit_log ORDER BY id").all()
        assert baseline == [("PARIS-01", "SKU1", "sellable", 7, "baseline")]
        assert hashes[0][0] is None and all(row[0] == before[1]
                                            for before, row in zip(hashes, hashes[1:], strict=False))
        assert till.training  # it held the demo store
        assert till.access.sign_in("mgr1", "2468", Permission.APPROVE_RETURN).user_id == "mgr1"
        till.audit("test.after_upgrade", None, None, {})  # new rows go on chaining from the old ones
        assert SqlIntegrity(till.engine).check() == []
    finally:
        till.close()


def test_the_customers_of_an_upgraded_till_are_found_by_name(tmp_path: Path) -> None:
    _till_at_0005(tmp_path)
    with sqlite3.connect(tmp_path / "posreturns.db") as connection:
        connection.execute("INSERT INTO customers (id, name) "
                           "VALUES ('C1', 'Hélène Dupré'), ('C2', NULL), ('C3', 'Ines Roux')")
    till = open_till(tmp_path)
    try:
        with till.engine.connect() as connection:
            found = connection.exec_driver_sql(
                "SELECT s.customer_id FROM customer_names n JOIN customer_search s "
                "ON s.id = n.rowid WHERE customer_names MATCH 'hel* AND dup*'").scalars().all()
            indexed = connection.exec_driver_sql("SELECT count(*) FROM customer_names").scalar()
        assert (found, indexed) == (["C1"], 2)
    finally:
        till.close()
