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

from posreturns.app import Till, open_day_close, open_queues, open_reports
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
        failed = [(f.return_number, f.card_minor, f.order_paid_cash, f.failure) for f in queues.failed_card_refunds()]
        assert failed == [(CARD_ONLY, 5980, False, "card declined"), (PART_CASH, 1392, True, "terminal offline")]
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
        _, _, items = open_day_close(till).preview()
        assert items.unpaid_card_refunds == 2 and "2 failed card refund(s) not paid another way" in items.sentence()
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
    assert items.unpaid_card_refunds == 0


STORE_CREDIT = "RPARIS01-T1-000003"  # return 2: 97.90 store credit for CUS-001's sale


def refuse(till: Till, number: str) -> int:
    """The OMS refused that return's upload (as the uploader records it)."""
    with till.engine.begin() as connection:
        seq = connection.exec_driver_sql(
            "SELECT seq FROM outbox WHERE event_type = 'ReturnCompleted' "
            "AND json_extract(payload_json, '$.data.return_number') = ?", (number,)).scalar_one()
        connection.exec_driver_sql("UPDATE outbox SET status = 'rejected', last_error = 'line already returned' "
                                   "WHERE seq = ?", (seq,))
    return int(seq)


def test_the_voucher_of_a_refused_return_is_voided_once_audited_and_the_oms_told(shop: Path) -> None:
    with open_shop(shop, now=EVENING, setup=False) as till:
        queues = open_queues(till)
        boss = till.access.sign_in(MANAGER, PIN, Permission.RESOLVE_SYNC)
        credit, card = refuse(till, STORE_CREDIT), refuse(till, CARD_ONLY)
        with pytest.raises(BadInput, match="Give why the voucher is voided"):
            queues.void_voucher(boss, credit, " ")
        with pytest.raises(BadInput, match="issued no store-credit voucher"):
            queues.void_voucher(boss, card, "customer brought it back")
        code = queues.void_voucher(boss, credit, "same jeans refunded at T2; voucher taken back")
        with pytest.raises(NotFound, match="not an open exception"):
            queues.void_voucher(boss, credit, "again")
        assert [s["seq"] for s in queues.sync_exceptions() if s["status"] == "rejected"] == [card]
    database = shop / DATABASE_FILE
    (voucher,) = rows(database, "SELECT v.code, v.amount_minor, v.voided_by, v.void_reason FROM vouchers v "
                                "JOIN returns r ON r.id = v.return_id WHERE r.number = ?", (STORE_CREDIT,))
    assert tuple(voucher) == (code, 9790, MANAGER, "same jeans refunded at T2; voucher taken back")
    (audit,) = rows(database, "SELECT actor, subject FROM audit_log WHERE action = 'voucher.voided'")
    assert tuple(audit) == (MANAGER, code)
    events = rows(database, "SELECT event_type, payload_json FROM outbox WHERE event_type IN "
                            "('VoucherVoided', 'ExceptionResolved') ORDER BY seq")
    assert [e["event_type"] for e in events] == ["VoucherVoided", "ExceptionResolved"]
    voided = json.loads(events[0]["payload_json"])["data"]
    assert (voided["code"], voided["return_number"], voided["customer_id"]) == (code, STORE_CREDIT, "CUS-001")
    assert json.loads(events[1]["payload_json"])["data"]["resolution"] == "dismiss"


def test_the_customer_of_a_refused_return_is_shown_to_a_manager_and_only_their_id_is_logged(shop: Path) -> None:
    with open_shop(shop, now=EVENING, setup=False) as till:
        queues = open_queues(till)
        boss = till.access.sign_in(MANAGER, PIN, Permission.RESOLVE_SYNC)
        seq = refuse(till, STORE_CREDIT)
        with pytest.raises(PermissionDenied):
            queues.customer_contact(CASHIER, seq)
        contact = queues.customer_contact(boss, seq)
    assert contact == {"name": "Camille Martin", "email": "camille.martin@example.fr", "phone": "+33 6 12 34 56 78"}
    (audit,) = rows(shop / DATABASE_FILE, "SELECT actor, subject, detail_json FROM audit_log "
                                          "WHERE action = 'sync.exception.contact_shown'")
    assert (audit["actor"], audit["subject"], json.loads(audit["detail_json"])) == (MANAGER, str(seq),
                                                                                    {"customer_id": "CUS-001"})

