"""Closing a till's day on the report fixture (helpers/report.py: T1 paid card refunds on the host's
terminal that nobody confirmed yet, T2 paid 29.90 cash): refused while items are open, closed after
they are settled or with a manager's reason (audited), immutable, corrected by a later close, and
its Z summary printed through the print queue."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from helpers.cli import run_in
from helpers.report import report_shop
from helpers.returns import CASHIER, MANAGER, NOW, PIN, line, open_shop, request, rows
from posdrivers.virtual.printer import VirtualPrinter

from posreturns.app import Till, open_day_close, open_queues, receipt_sources
from posreturns.devices.documents import render_text
from posreturns.devices.z_report import z_report
from posreturns.domain.permissions import Permission
from posreturns.paths import DATABASE_FILE
from posreturns.services.day_close import OpenItemsRemain
from posreturns.services.errors import BadInput, PermissionDenied

DAY = date(2026, 11, 26)
EVENING = NOW + timedelta(hours=9)  # 19:00 in Paris
UNCONFIRMED = ("RPARIS01-T1-000001", "RPARIS01-T1-000002", "RPARIS01-T1-000004", "RPARIS01-T1-000006",
               "RPARIS01-T1-000007")


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    report_shop(tmp_path / "shop").close()
    return tmp_path / "shop"


def at(folder: Path, moment: datetime, till_id: str | None = None) -> Till:
    return open_shop(folder, now=moment, till_id=till_id, setup=False)


def test_the_day_is_refused_while_card_refunds_are_unconfirmed_and_closes_once_they_are(shop: Path) -> None:
    with at(shop, EVENING) as till:
        days = open_day_close(till)
        window, totals, items = days.preview()
        assert (window.business_day, window.seq, totals.returns, totals.refund_total_minor) == (DAY, 1, 6, 85982)
        assert [(t.method, t.executed_by, t.returns, t.amount_minor) for t in totals.tenders] == [
            ("card", "host", 4, 64092), ("store_credit", "till", 3, 23079)]
        assert items.unconfirmed_card_refunds == UNCONFIRMED and items.sync_exceptions == 0
        boss = till.access.sign_in(MANAGER, PIN, Permission.CLOSE_DAY)
        with pytest.raises(OpenItemsRemain, match="5 card refund"):
            days.close(boss, 0)
        assert rows(shop / DATABASE_FILE, "SELECT * FROM till_days") == []
        for number in UNCONFIRMED[:-1]:
            till.host_answers.record(number, True, "TERM-REF-1", CASHIER)
        till.host_answers.record(UNCONFIRMED[-1], False, "terminal offline", CASHIER)
        with pytest.raises(OpenItemsRemain, match="1 failed card refund"):  # the customer is still owed it
            days.close(boss, 0)
        open_queues(till).pay_failed_card_refund(boss, UNCONFIRMED[-1], "store_credit")
        close = days.close(boss, 0)
        assert ((close.z_number, close.cash_expected_minor, close.difference_minor, close.override_reason)
                == (1, 0, 0, None))
        (stored,) = rows(shop / DATABASE_FILE, "SELECT z_number, returns_count, refund_total_minor, closed_by "
                                               "FROM till_days")
        assert tuple(stored) == (1, 6, 85982, MANAGER)


def test_the_other_tills_cash_is_reconciled_with_the_count_and_the_difference_recorded(shop: Path) -> None:
    with at(shop, EVENING, till_id="T2") as till:
        boss = till.access.sign_in(MANAGER, PIN, Permission.CLOSE_DAY)
        close = open_day_close(till, "T2").close(boss, 3000)
    assert (close.z_number, close.totals.returns, close.cash_expected_minor, close.difference_minor) == (1, 1, 2990, 10)
    (audit,) = rows(shop / DATABASE_FILE,
                    "SELECT actor, subject, detail_json FROM audit_log WHERE action = 'day.closed'")
    assert (audit["actor"], audit["subject"]) == (MANAGER, "Z1")
    assert json.loads(audit["detail_json"])["difference_minor"] == 10


def test_a_manager_closes_with_items_open_by_giving_a_reason_which_is_audited_and_printed(shop: Path) -> None:
    with at(shop, EVENING) as till:
        days = open_day_close(till)
        boss = till.access.sign_in(MANAGER, PIN, Permission.CLOSE_DAY)
        close = days.close(boss, 0, override_reason="Terminal down since 17:00; bank will confirm tomorrow")
        sources = receipt_sources(till)
        paper = render_text(z_report(close, "fr", "Boutique Paris", sources.local_time), 42)
    assert close.override_reason and close.open_items.unconfirmed_card_refunds == UNCONFIRMED
    (audit,) = rows(shop / DATABASE_FILE, "SELECT detail_json FROM audit_log WHERE action = 'day.close_overridden'")
    detail = json.loads(audit["detail_json"])
    assert detail["reason"].startswith("Terminal down") and len(detail["unconfirmed_card_refunds"]) == 5
    assert "CLÔTURE DE JOURNÉE" in paper and "Z 1" in paper and "Motif: Terminal down" in paper
    assert "5 remboursement(s) carte non confirmé(s)" in paper and "26/11/2026 19:00" in paper


def test_a_closed_day_never_changes_and_a_late_return_is_closed_by_a_correction(shop: Path) -> None:
    with at(shop, EVENING) as till:
        boss = till.access.sign_in(MANAGER, PIN, Permission.CLOSE_DAY)
        open_day_close(till).close(boss, 0, override_reason="test day")
        with pytest.raises(BadInput, match="nothing to correct"):
            open_day_close(till).close(boss, 0, override_reason="again")
    with sqlite3.connect(shop / DATABASE_FILE) as connection, pytest.raises(sqlite3.IntegrityError, match="immutable"):
        connection.execute("UPDATE till_days SET cash_counted_minor = 0")
    with sqlite3.connect(shop / DATABASE_FILE) as connection, pytest.raises(sqlite3.IntegrityError, match="immutable"):
        connection.execute("DELETE FROM till_days")
    with at(shop, EVENING + timedelta(minutes=30)) as till:
        till.returns.complete(request("PA01-000102", line("CHAUSS-PACK"), key="late"), CASHIER)
    with at(shop, EVENING + timedelta(hours=1)) as till:
        boss = till.access.sign_in(MANAGER, PIN, Permission.CLOSE_DAY)
        correction = open_day_close(till).close(boss, 0, override_reason="late return")
        assert (correction.window.seq, correction.z_number, correction.totals.returns) == (2, 2, 1)
        assert correction.totals.refund_total_minor == 1392 and correction.window.start == EVENING
        assert [c.z_number for c in open_day_close(till).closes(DAY)] == [1, 2]


def test_only_a_manager_closes_and_a_day_not_begun_is_refused(shop: Path) -> None:
    with at(shop, EVENING) as till:
        till.users.seed("cam", "Camille", "cashier", "1357")
        cashier = till.access.sign_in("cam", "1357", Permission.FIND_SALES)
        with pytest.raises(PermissionDenied):
            open_day_close(till).close(cashier, 0, override_reason="x")
        with pytest.raises(BadInput, match="not begun"):
            open_day_close(till).preview(DAY + timedelta(days=1))


def test_the_command_refuses_then_closes_with_a_reason_and_prints_the_z_summary(shop: Path,
                                                                                 printer: VirtualPrinter) -> None:
    code, out, err = run_in(shop, "day", "status", "--json")
    assert code == 0, err
    assert json.loads(out)["open_items"]["unconfirmed_card_refunds"] == list(UNCONFIRMED)
    manager = ("--user", MANAGER, "--pin-stdin")
    code, out, err = run_in(shop, "day", "close", "--cash-counted", "0", *manager, stdin=f"{PIN}\n")
    assert code == 2 and "cannot close" in err and rows(shop / DATABASE_FILE, "SELECT * FROM till_days") == []
    code, out, err = run_in(shop, "day", "close", "--cash-counted", "abc", *manager, stdin=f"{PIN}\n")
    assert code == 2 and "not an amount" in err
    code, out, err = run_in(shop, "--printer", printer.url, "day", "close", "--cash-counted", "0.00", "--override",
                            "terminal down", *manager, "--json", stdin=f"{PIN}\n")
    assert code == 0, err
    data = json.loads(out)
    assert data["z_number"] == 1 and data["print"]["printed"] and data["override_reason"] == "terminal down"
    paper = printer.wait_for_job(1).text
    # the store speaks French
    assert "CLÔTURE DE JOURNÉE" in paper and "Z 1" in paper and "Motif: terminal down" in paper
    code, out, _ = run_in(shop, "day", "list", "--json")
    assert code == 0 and [c["z_number"] for c in json.loads(out)["closes"]] == [1]
