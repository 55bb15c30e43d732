"""A card refund the terminal failed, paid another way by a manager, on the report fixture
(helpers/report.py: RPARIS01-T1-000002 is return 1, 59.80 on card for a card-only sale;
RPARIS01-T1-000007 is return 6, 13.92 on card for a sale partly paid in cash): store credit issues a
voucher (stored, audited, sent to the OMS), cash only where the policy allows it, never twice, and
the report's and the day's tenders move from the card to what was paid."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.report import report_shop
from helpers.returns import CASHIER, MANAGER, NOW, PIN, open_shop, rows

from posreturns.app import open_day_close, open_queues, open_reports
from posreturns.domain.permissions import Permission
from posreturns.domain.vouchers import is_valid_voucher_code
from posreturns.paths import DATABASE_FILE
from posreturns.services.errors import BadInput, NotFound, PermissionDenied

DAY = date(2026, 11, 26)
EVENING = NOW + timedelta(hours=9)
CARD_ONLY, PART_CASH = "RPARIS01-T1-000002", "RPARIS01-T1-000007"


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    report_shop(tmp_path / "shop").close()
    return tmp_path / "shop"


def test_a_failed_card_refund_is_paid_once_as_store_credit_or_in_cash_where_the_policy_allows(shop: Path) -> None:
    with open_shop(shop, now=EVENING, setup=False) as till:
        queues = open_queues(till)
        boss = till.access.sign_in(MANAGER, PIN, Permission.RESOLVE_SYNC)
        with pytest.raises(NotFound, match="mark the card refund failed first"):
            queues.pay_failed_card_refund(boss, CARD_ONLY, "store_credit")
        till.host_answers.record(CARD_ONLY, False, "card declined", CASHIER)
        till.host_answers.record(PART_CASH, False, "terminal offline", CASHIER)
        assert [(f.return_number, f.card_minor, f.order_paid_cash, f.failure) for f in queues.failed_card_refunds()] == [
            (CARD_ONLY, 5980, False, "card declined"), (PART_CASH, 1392, True, "terminal offline")]
        with pytest.raises(PermissionDenied):
            queues.pay_failed_card_refund(CASHIER, CARD_ONLY, "store_credit")
        with pytest.raises(BadInput, match="only when it was partly paid in cash"):
            queues.pay_failed_card_refund(boss, CARD_ONLY, "cash")
        credit = queues.pay_failed_card_refund(boss, CARD_ONLY, "store_credit")
        cash = queues.pay_failed_card_refund(boss, PART_CASH, "cash")
        with pytest.raises(NotFound, match="paid already"):
            queues.pay_failed_card_refund(boss, CARD_ONLY, "store_credit")
        assert queues.failed_card_refunds() == []
    assert credit.voucher_code is not None and is_valid_voucher_code(credit.voucher_code)
    assert (credit.amount_minor, cash.amount_minor, cash.voucher_code) == (5980, 1392, None)
    database = shop / DATABASE_FILE
    (voucher,) = rows(database, "SELECT v.code, v.amount_minor FROM vouchers v JOIN returns r ON r.id = v.return_id "
                                "WHERE r.number = ?", (CARD_ONLY,))
    assert tuple(voucher) == (credit.voucher_code, 5980)
    audit = rows(database, "SELECT actor, subject, detail_json FROM audit_log WHERE action = 'host.refund_replaced' "
                           "ORDER BY id")
    assert [(a["actor"], a["subject"], json.loads(a["detail_json"])["method"]) for a in audit] == [
        (MANAGER, CARD_ONLY, "store_credit"), (MANAGER, PART_CASH, "cash")]
    (event,) = rows(database, "SELECT payload_json FROM outbox WHERE event_type = 'VoucherIssued' AND aggregate_id = ?",
                    (credit.voucher_code,))
    data = json.loads(event["payload_json"])["data"]
    assert (data["return_number"], data["amount_minor"], data["order_id"]) == (CARD_ONLY, 5980, "ORD-1001")


def test_the_report_and_the_day_count_the_payment_in_its_tender_instead_of_the_card(shop: Path) -> None:
    with open_shop(shop, now=EVENING, setup=False) as till:
        queues = open_queues(till)
        boss = till.access.sign_in(MANAGER, PIN, Permission.RESOLVE_SYNC)
        for number in (CARD_ONLY, PART_CASH):
            till.host_answers.record(number, False, "card declined", CASHIER)
        queues.pay_failed_card_refund(boss, CARD_ONLY, "store_credit")
        queues.pay_failed_card_refund(boss, PART_CASH, "cash")
    with open_shop(shop, now=EVENING + timedelta(minutes=5), setup=False) as till:
        report = open_reports(till).report(DAY, DAY)
        _, totals, items = open_day_close(till).preview()
    # before: card 4 returns 640.92, store credit 3 returns 230.79 (test_report); 59.80 and 13.92 moved
    tenders = {f.key: (f.returns, f.value_minor) for f in report.by["tender"]}
    assert tenders == {"card": (2, 56720), "store_credit": (4, 29059), "cash": (1, 1392)}
    assert [(t.method, t.executed_by, t.returns, t.amount_minor) for t in totals.tenders] == [
        ("card", "host", 4, 56720), ("cash", "till", 1, 1392), ("store_credit", "till", 4, 29059)]
    assert totals.cash_paid_minor == 1392 and CARD_ONLY not in items.unconfirmed_card_refunds
