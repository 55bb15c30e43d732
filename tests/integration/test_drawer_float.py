"""The drawer float: entered per till and business day (the store's time zone), audited, never
changed in place; the cash in the drawer (float less the cash paid out since) is what the policy's
cash rule checks a cash refund against, and what the close of day counts against."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.cli import run_in
from helpers.returns import CASHIER, MANAGER, NOW, PIN, line, open_shop, orders_document, request, rows

from posreturns.app import open_day_close
from posreturns.domain.errors import InvalidAmount
from posreturns.domain.money import Money
from posreturns.domain.permissions import Permission
from posreturns.paths import DATABASE_FILE
from posreturns.persistence.drawer_floats import SqlDrawerFloats
from posreturns.services.errors import BadInput
from posreturns.services.importing import import_bytes

CASH_SALE = "PA01-000103"  # paid 83.30 in cash; its white T-shirt refunds 29.90


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    open_shop(tmp_path / "shop").close()
    return tmp_path / "shop"


def test_the_float_is_kept_per_till_and_business_day_audited_and_a_recount_replaces_it(shop: Path) -> None:
    with open_shop(shop, setup=False) as till:
        assert till.drawer.current_float() is None and till.drawer.cash_in_drawer() is None
        entry = till.drawer.set_float(CASHIER, "150,00")  # the French decimal comma, as typed at the till
        assert (entry.till_id, entry.business_day.isoformat(), entry.amount, entry.set_by) == (
            "T1", "2026-11-26", Money.of("150.00", "EUR"), "alice")
        till.drawer.set_float(CASHIER, "160")  # a recount
        assert till.drawer.cash_in_drawer() == Money.of("160.00", "EUR")
        assert till.drawer.current_float("T2") is None  # another till has its own drawer
    with open_shop(shop, now=NOW + timedelta(hours=14, minutes=30), setup=False) as night:  # 00:30 the next day
        assert night.drawer.current_float() is None
    audit = rows(shop / DATABASE_FILE, "SELECT actor, subject, detail_json FROM audit_log "
                                       "WHERE action = 'drawer.float_set' ORDER BY id")
    assert [(a["actor"], a["subject"], json.loads(a["detail_json"])["amount_minor"]) for a in audit] == [
        ("alice", "T1", 15000), ("alice", "T1", 16000)]
    with sqlite3.connect(shop / DATABASE_FILE) as db, pytest.raises(sqlite3.IntegrityError, match="never changed"):
        db.execute("UPDATE drawer_floats SET amount_minor = 1")


@pytest.mark.parametrize("typed", ["abc", "-5", "12.345", "100000000"])
def test_a_bad_float_is_refused_in_one_sentence_and_records_nothing(shop: Path, typed: str) -> None:
    with open_shop(shop, setup=False) as till, pytest.raises((BadInput, InvalidAmount)):
        till.drawer.set_float(CASHIER, typed)
    assert rows(shop / DATABASE_FILE, "SELECT * FROM drawer_floats") == []


def test_the_cash_rule_gives_store_credit_when_the_drawer_holds_too_little_and_says_why(shop: Path) -> None:
    with open_shop(shop, setup=False) as till:
        refund = request(CASH_SALE, line("TSH-WHT-L"), key="cash-1")
        unlimited = till.returns.quote(refund)  # no float: no drawer limit
        assert [(t["method"], t["amount"]) for t in unlimited["tenders"]] == [("cash", "29.90")]
        till.drawer.set_float(CASHIER, "20.00")
        short = till.returns.quote(refund)
        assert [(t["method"], t["amount"]) for t in short["tenders"]] == [("store_credit", "29.90")]
        why = next(e for e in short["trace"] if e["rule"] == "cash_drawer")
        assert "20.00" in why["en"] and "20,00" in why["fr"]
        till.drawer.set_float(CASHIER, "100.00")
        done = till.returns.complete(refund, CASHIER)
        assert [(t["method"], t["amount"]) for t in done["tenders"]] == [("cash", "29.90")]
        assert till.drawer.cash_in_drawer() == Money.of("70.10", "EUR")  # the float less the cash paid out since


def test_the_close_of_day_counts_the_drawer_against_the_float_less_the_cash_paid_out(shop: Path) -> None:
    with open_shop(shop, setup=False) as till:
        till.drawer.set_float(CASHIER, "100.00")
        till.returns.complete(request(CASH_SALE, line("TSH-WHT-L"), key="cash-2"), CASHIER)
    with open_shop(shop, now=NOW + timedelta(hours=9), setup=False) as evening:
        days = open_day_close(evening)
        drawer = days.drawer_cash()
        assert drawer is not None and (drawer.float.amount.minor, drawer.paid_out.minor) == (10000, 2990)
        boss = evening.access.sign_in(MANAGER, PIN, Permission.CLOSE_DAY)
        close = days.close(boss, 7000)  # 70.00 counted in the drawer: 0.10 short
        assert (close.float_minor, close.cash_expected_minor, close.difference_minor) == (10000, 7010, -10)
        (again,) = days.closes()
        assert (again.float_minor, again.float_paid_minor, again.cash_expected_minor) == (10000, 2990, 7010)
    # a day's drawer counts only what left it that day (closing a past day later counts no cash of the next)
    with open_shop(shop, setup=False) as till:
        floats = SqlDrawerFloats(till.engine)
        assert floats.cash_paid_since("T1", NOW, NOW + timedelta(seconds=1), "EUR", False) == 2990
        assert floats.cash_paid_since("T1", NOW - timedelta(hours=1), NOW, "EUR", False) == 0


def test_the_command_line_enters_the_float_with_a_pin_and_shows_the_cash_in_the_drawer(shop: Path) -> None:
    code, out, err = run_in(shop, "--json", "drawer", "float", "150.00", "--user", MANAGER, "--pin-stdin",
                            stdin=f"{PIN}\n")
    assert code == 0, err
    assert json.loads(out)["float"] == "150.00"
    code, out, err = run_in(shop, "drawer", "float", "lots", "--user", MANAGER, "--pin-stdin", stdin=f"{PIN}\n")
    assert code == 2 and "is not an amount" in err and err.count("\n") == 1
    code, _, err = run_in(shop, "drawer", "float", "10", "--user", MANAGER, "--pin-stdin", stdin="0000\n")
    assert code != 0 and rows(shop / DATABASE_FILE, "SELECT count(*) AS n FROM drawer_floats")[0]["n"] == 1
    code, out, err = run_in(shop, "--json", "drawer", "status")
    assert code == 0, err
    status = json.loads(out)
    assert (status["float"], status["cash_paid_out"], status["cash_in_drawer"], status["set_by"]) == (
        "150.00", "0.00", "150.00", MANAGER)


def test_cash_paid_out_by_another_return_between_the_quote_and_the_commit_is_counted_again(shop: Path) -> None:
    """Two returns of one till at the same instant (the window and a host, say) must not both be paid
    in cash from a drawer that holds enough for one of them."""
    with open_shop(shop, setup=False) as till:
        cash_sales = orders_document(1, ["TSH-NVY-M"], 1, prefix="CASH")
        cash_sales["orders"][0]["tenders"] = [{"method": "cash", "amount": "10.00"}]
        import_bytes(json.dumps(cash_sales).encode(), "cash sales", till.cache_writer)
        till.drawer.set_float(CASHIER, "35.00")
        service = till.return_service
        record = service.recorder.record

        def another_return_commits_first(completion: Any) -> Any:
            service.recorder.record = record  # type: ignore[method-assign]
            till.returns.complete(request(CASH_SALE, line("TSH-WHT-L"), key="meanwhile"), CASHIER)  # 29.90 cash
            return record(completion)

        service.recorder.record = another_return_commits_first  # type: ignore[method-assign]
        done = till.returns.complete(request("CASH-00000", line("TSH-NVY-M"), key="late"), CASHIER)
        # quoted with 35.00 in the drawer, committed when 5.10 were left: store credit, and the drawer never short
        assert [(t["method"], t["amount"]) for t in done["tenders"]] == [("store_credit", "10.00")]
        assert till.drawer.cash_in_drawer() == Money.of("5.10", "EUR")
