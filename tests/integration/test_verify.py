"""`posreturns verify`: a whole store adds up; an audit row edited or removed with sqlite3, a sale line's
ledger or a stock level changed by hand, and a damaged file are each reported, and nothing is written."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import dump
from helpers.returns import CASHIER, MANAGER, PIN, line, open_shop, request

from posreturns.app import Till
from posreturns.persistence.integrity import SqlIntegrity


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Till]:
    till = open_shop(tmp_path / "shop")
    till.returns.complete(request("PA01-000102", line("ROBE-LIN-38")), CASHIER)
    till.returns.complete(request("PA01-000108", line("MONTRE-CONN-42", serial="SN-MW-4201"),
                                  line("CASQ-BT-BLANC", serial="SN-CQ-0107"), key="k-2",
                                  approval={"manager": MANAGER, "pin": PIN}), CASHIER)
    yield till
    till.close()


def tamper(till: Till, *statements: str) -> None:
    """What someone with sqlite3 and the database file would do."""
    connection = sqlite3.connect(till.data_dir / "posreturns.db")
    try:
        with connection:
            for statement in statements:
                connection.execute(statement)
    finally:
        connection.close()


def verify(till: Till, *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    done = subprocess.run([sys.executable, "-m", "posreturns", "--data-dir", str(till.data_dir), "--json", "verify",
                           *args], capture_output=True, text=True, timeout=120, check=False)
    return done.returncode, json.loads(done.stdout)


def test_a_store_whose_records_add_up_verifies_clean(shop: Till) -> None:
    code, report = verify(shop)
    assert (code, report) == (0, {"ok": True, "findings": []})


def test_the_audit_log_refuses_edits_and_deletes(shop: Till) -> None:
    for statement in ("UPDATE audit_log SET actor = 'someone' WHERE action = 'return.approved'",
                      "DELETE FROM audit_log WHERE action = 'return.approved'"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            tamper(shop, statement)
    assert SqlIntegrity(shop.engine).check() == []


def test_an_audit_row_edited_with_sqlite3_is_reported_by_number(shop: Till) -> None:
    approved = shop.engine.connect().exec_driver_sql(
        "SELECT id FROM audit_log WHERE action = 'return.approved'").scalar_one()
    tamper(shop, "DROP TRIGGER audit_log_no_update",
           f"UPDATE audit_log SET actor = 'someone' WHERE id = {approved}")
    code, report = verify(shop, "--quick")
    assert code == 5 and not report["ok"]
    kinds = [(f["kind"], f["subject"]) for f in report["findings"]]
    assert kinds == [("audit_guard", "audit_log_no_update"), ("audit_chain", str(approved))]
    assert "was changed after it was written" in report["findings"][1]["en"]


def test_an_audit_row_removed_is_reported_at_the_row_after_it(shop: Till) -> None:
    tamper(shop, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE action = 'return.approved'")
    findings = SqlIntegrity(shop.engine).check()
    chain = [f for f in findings if f.kind == "audit_chain"]
    assert len(chain) == 1 and "a row was changed or removed" in chain[0].en


def test_a_ledger_or_a_stock_level_changed_by_hand_is_reported(shop: Till) -> None:
    tamper(shop, "UPDATE order_lines SET returned_qty = 0, refunded_minor = 0 WHERE id = 'ORD-1002-L1'",
           "UPDATE stock_levels SET qty = qty + 3 WHERE location = 'PARIS-01' AND sku = 'TSH-NVY-M' "
           "AND bucket = 'sellable'")
    findings = SqlIntegrity(shop.engine).check()
    assert [(f.kind, f.subject) for f in findings] == [("line_ledger", "ORD-1002-L1"),
                                                       ("stock", "PARIS-01/TSH-NVY-M/sellable")]
    assert "returns add up to 1 / 10020" in findings[0].en and "movements add up to" in findings[1].en


def test_verify_writes_nothing(shop: Till) -> None:
    before = dump(shop)
    tamper(shop, "UPDATE order_lines SET returned_qty = 0 WHERE id = 'ORD-1002-L1'")
    changed = dump(shop)
    assert verify(shop)[0] == 5 and verify(shop, "--quick")[0] == 5
    assert dump(shop) == changed != before


def test_a_damaged_file_is_reported_by_the_full_check(shop: Till, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    source = sqlite3.connect(shop.data_dir / "posreturns.db")
    copy = sqlite3.connect(damaged / "posreturns.db")
    source.backup(copy)
    source.close()
    copy.execute("PRAGMA journal_mode=DELETE")
    page = copy.execute("PRAGMA page_size").fetchone()[0]
    root = copy.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_order_lines_order_sku'").fetchone()[0]
    copy.close()
    with open(damaged / "posreturns.db", "r+b") as raw:  # scribble over one index page
        raw.seek((root - 1) * page + 8)
        raw.write(b"\xff" * 64)
    till = open_shop(damaged, setup=False)
    try:
        findings = SqlIntegrity(till.engine).check(full=True)
    finally:
        till.close()
    assert findings and {f.kind for f in findings} == {"database"}
    # where the scribble lands depends on the page layout: SQLite lists the damage, or cannot read past it
    assert findings[0].en.startswith(("SQLite finds the database file damaged", "SQLite cannot read the database file"))
