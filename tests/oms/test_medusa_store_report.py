"""The store-wide report against a real Medusa 2.21: what each till writes into the Medusa return it
makes (cashier, decision, refund method, bonus, each line's reason and disposition, the payout) comes
back to the other tills with the order, so their store report breaks those returns down like their own.
T1 sends through the posreturns plugin, T2 through the Admin API (the two writers of that metadata);
T3 only pulls."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from helpers.medusa import make_order, medusa_returns, open_store_till, request
from helpers.returns import CASHIER, SHIPPED_POLICY, line

from posreturns.app import Till, open_reports
from posreturns.domain.money import parse_minor
from posreturns.domain.report_rows import ReportReturn

pytestmark = pytest.mark.oms
BONUS_POLICY = SHIPPED_POLICY.read_text(encoding="utf-8").replace(
    "enabled = false\npercent = 10", "enabled = true\npercent = 10").replace('version = "', 'version = "bonus-', 1)


def return_id(till: Till, number: str) -> str:
    with till.engine.connect() as connection:
        return str(connection.exec_driver_sql("SELECT id FROM returns WHERE number = ?", (number,)).scalar_one())


def test_other_tills_returns_come_down_with_their_cashier_reasons_dispositions_and_tenders(
        tmp_path: Path, medusa: Any) -> None:
    t1, t1_sync = open_store_till(tmp_path / "t1", medusa, till_id="T1")
    t2, t2_sync = open_store_till(tmp_path / "t2", medusa, till_id="T2", use_plugin=False)
    t3, t3_sync = open_store_till(tmp_path / "t3", medusa, till_id="T3")
    try:
        t1.policies.install(BONUS_POLICY, "bonus.toml")
        sale = make_order(medusa, [("TEE-ORG-S", 2), ("SHOE-RUN-43", 1)])
        t1_sync.run_once()
        t2_sync.run_once()
        first = t1.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-S", reason="DEFECTIVE",
                                                                          condition="USED"),
                                            key="store-report-1", method="store_credit"), CASHIER)
        second = t2.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-S"), line("SHOE-RUN-43"),
                                             key="store-report-2", till_id="T2"), CASHIER)
        for sync in (t1_sync, t2_sync):
            report = sync.run_once()
            assert report.online and report.upload.counts["rejected"] == 0, report.error
        told = {r["metadata"]["posreturns_return_number"]: r["metadata"]["posreturns_report"]
                for r in medusa_returns(medusa, sale["id"])}
        assert told[first["return_number"]]["cashier"] == CASHIER.user_id  # by id only, no customer data
        assert set(told[second["return_number"]]) == {"cashier", "approved_by", "decision", "method", "bonus",
                                                      "lines", "paid", "paid_more", "delivery"}

        report = t3_sync.run_once()
        assert report.online, report.error
        today = datetime.now(ZoneInfo("Europe/Paris")).date()
        reports = open_reports(t3)
        rows = {r.id: r for r in reports.behind(today - timedelta(days=1), today + timedelta(days=1), "till:T1",
                                               store_wide=True)
                + reports.behind(today - timedelta(days=1), today + timedelta(days=1), "till:T2", store_wide=True)}
        mine = (return_id(t1, first["return_number"]), return_id(t2, second["return_number"]))
        pulled: dict[str, ReportReturn] = {rid: rows[rid] for rid in mine}
        own = {rid: row for till, till_id, rid in ((t1, "T1", mine[0]), (t2, "T2", mine[1]))
               for row in open_reports(till).behind(today - timedelta(days=1), today + timedelta(days=1),
                                                    f"till:{till_id}", store_wide=True) if row.id == rid}
        assert set(own) == set(mine), (own, mine, [(r.id, r.number, r.till) for r in rows.values()])
    finally:
        for till in (t1, t2, t3):
            till.close()

    def as_reported(row: ReportReturn) -> tuple[Any, ...]:
        return (row.number, row.till, row.cashier, row.approved_by, row.decision, row.refund_method, row.refund_minor,
                row.bonus_minor, row.collected_minor, row.delivery,
                sorted((x.sku, x.qty, x.reason, x.disposition) for x in row.lines),
                sorted((t.method, t.amount_minor) for t in row.tenders))

    # T3 counts each return as the till that made it does
    for rid in mine:
        assert as_reported(pulled[rid]) == as_reported(own[rid])
    by_t1, by_t2 = pulled[mine[0]], pulled[mine[1]]
    # T1: one tee, defective, held to inspect, paid as store credit with the 10 % bonus
    assert (by_t1.till, by_t1.cashier, by_t1.refund_method) == ("T1", CASHIER.user_id, "store_credit")
    assert [(x.sku, x.qty, x.reason, x.disposition) for x in by_t1.lines] == [("TEE-ORG-S", 1, "DEFECTIVE", "INSPECT")]
    assert [t.method for t in by_t1.tenders] == ["store_credit"]
    assert first["voucher"]["bonus"] != "0.00" and by_t1.bonus_minor == parse_minor(first["voucher"]["bonus"], "EUR")
    assert sum(t.amount_minor for t in by_t1.tenders) == by_t1.refund_minor + by_t1.bonus_minor
    # T2: the other tee and the shoes, back on sale, refunded to the card
    assert (by_t2.till, by_t2.cashier, by_t2.refund_method, by_t2.decision) == (
        "T2", CASHIER.user_id, "original", "allowed")
    assert sorted((x.sku, x.reason, x.disposition) for x in by_t2.lines) == [
        ("SHOE-RUN-43", "WRONG_SIZE", "RESTOCK"), ("TEE-ORG-S", "WRONG_SIZE", "RESTOCK")]
    assert [t.method for t in by_t2.tenders] == ["card"]
