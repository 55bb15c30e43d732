"""What stays fast as the store grows: every statement a return's commit runs reaches its rows
through an index (never a scan of a table), the serial-returner count reads only its window's
index entries, and a name search picks the newest sales from a covering index before it reads any."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.returns import CASHIER, line, open_shop, request
from sqlalchemy import event

from posreturns.app import Till
from posreturns.persistence.order_repository import SqlOrderRepository

CASH_SALE_OF_A_CUSTOMER = "PA01-000103"  # CUS-003 paid cash: the drawer is read for it


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Till]:
    with open_shop(tmp_path / "shop") as till:
        yield till


def plan(till: Till, sql: str, params: Any) -> list[str]:
    raw = till.engine.raw_connection()
    try:
        return [row[3] for row in raw.driver_connection.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    finally:
        raw.close()


def scans(steps: list[str], sql: str = "") -> list[str]:
    """The steps that read a whole table or index (a subquery's own rows are already bounded, and an
    index read in its order for the first row only stops there)."""
    first_only = sql.rstrip().endswith("LIMIT 1")
    return [s for s in steps if s.startswith("SCAN ") and "subquery" not in s and "CONSTANT ROW" not in s
            and "VIRTUAL TABLE" not in s  # the full-text index answering a MATCH
            and not (first_only and " USING " in s and "INDEX" in s)]


def test_every_statement_of_a_returns_commit_uses_an_index(shop: Till) -> None:
    """Read from SQLite's own trace (values inlined): the recorder runs its statements on the
    sqlite3 connection directly, where SQLAlchemy's events do not see them."""
    ran: list[str] = []

    def remember(statement: str) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")):
            ran.append(statement)

    def trace(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_trace_callback(remember)

    shop.drawer.set_float(CASHIER, "200")  # the drawer's cash is counted again inside the transaction
    shop.engine.dispose()  # every connection from now on is traced
    event.listen(shop.engine, "connect", trace)
    with shop.reader.connect() as reading:  # the sale is read through plain sqlite3: its statements too
        reading.connection.set_trace_callback(remember)
    try:
        shop.returns.complete(request(CASH_SALE_OF_A_CUSTOMER, line("TSH-WHT-L"), key="plans-1"), CASHIER)
    finally:
        event.remove(shop.engine, "connect", trace)
        shop.engine.dispose()
        with shop.reader.connect() as reading:
            reading.connection.set_trace_callback(None)
    statements = set(ran)
    assert any("FROM order_lines l JOIN variants" in sql for sql in statements)  # the sale's lines were read
    assert any("INSERT INTO return_lines" in sql for sql in statements)  # the recorder's own statements
    assert sum("FROM returns WHERE customer_id" in sql for sql in ran) == 2  # the serial-returner count, twice
    assert sum("JOIN return_tenders" in sql for sql in ran) == 2  # and the drawer's cash paid out, twice
    full_scans = {sql: found for sql in statements if (found := scans(plan(shop, sql, ()), sql))}
    assert full_scans == {}


def test_the_serial_returner_count_reads_only_its_window_from_the_index(shop: Till) -> None:
    steps = plan(shop, "SELECT COUNT(*), COALESCE(SUM(refund_total_minor), 0) FROM returns "
                       "WHERE customer_id = ? AND created_at >= ?", ("CUS-001", "2026-01-01T00:00:00Z"))
    assert steps == ["SEARCH returns USING COVERING INDEX ix_returns_customer_created (customer_id=? AND created_at>?)"]


def test_a_name_search_picks_the_newest_sales_from_the_index_before_reading_any(shop: Till) -> None:
    statements: list[str] = []

    def remember(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    event.listen(shop.engine, "before_cursor_execute", remember)
    try:
        SqlOrderRepository(shop.engine).by_customer_name(["cam", "mar"], 50)
    finally:
        event.remove(shop.engine, "before_cursor_execute", remember)
    (search,) = [s for s in statements if "MATCH" in s]
    steps = plan(shop, search, ('"cam"* AND "mar"*', 50))
    assert "SEARCH o USING COVERING INDEX ix_orders_customer_placed (customer_id=?)" in steps
    assert scans(steps) == []


def test_the_customer_index_replaces_the_one_it_covers(shop: Till) -> None:
    raw = shop.engine.raw_connection()
    try:
        names = {row[0] for row in raw.driver_connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        raw.close()
    assert "ix_returns_customer_created" in names and "ix_returns_customer_id" not in names


def test_the_returns_report_reads_lines_and_tenders_from_their_indexes_alone(shop: Till) -> None:
    from datetime import date

    from posreturns.app import open_reports

    shop.returns.complete(request(CASH_SALE_OF_A_CUSTOMER, line("TSH-WHT-L"), key="plans-report"), CASHIER)
    ran: list[str] = []
    shop.engine.dispose()  # the report's connections are new ones, traced (the source reads through the driver)
    event.listen(shop.engine, "connect", lambda connection, _record: connection.set_trace_callback(ran.append))
    report = open_reports(shop).report(date(2026, 11, 1), date(2026, 11, 30), store_wide=True)
    assert report.total.returns >= 1
    steps = {sql: plan(shop, sql, ()) for sql in ran if "return_lines" in sql or "return_tenders" in sql}
    reading = [step for found in steps.values() for step in found if " l " in f" {step} " or " t " in f" {step} "]
    assert "SEARCH l USING COVERING INDEX ix_return_lines_return_report (return_id=?) LEFT-JOIN" in reading
    assert "SEARCH t USING COVERING INDEX ix_return_tenders_return_report (return_id=?)" in reading
