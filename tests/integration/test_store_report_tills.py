"""The store-wide report labels the other tills' returns pulled from the OMS by their till and
return number (what posreturns wrote into each Medusa return's metadata when it pushed it), on the
report fixture (helpers/report.py)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.report import report_shop
from helpers.returns import NOW, open_shop

from posreturns.app import open_reports
from posreturns.services.importing import import_bytes

DAY = date(2026, 11, 26)
EVENING = NOW + timedelta(hours=9)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    report_shop(tmp_path / "shop").close()
    return tmp_path / "shop"


def test_the_store_report_labels_another_tills_return_pulled_from_the_oms_by_its_till(shop: Path) -> None:
    """T3's return of the slim jeans of PA01-000103 (53.40, cash), as the Medusa pull maps it with the till and the
    number posreturns wrote into the Medusa return's metadata."""
    document = {"format": "posreturns/1", "returns": [{
        "id": "ret-t3-9", "order_id": "ORD-1003", "created_at": "2026-11-26T14:00:00+01:00", "till_id": "T3",
        "number": "RPARIS01-T3-000009", "lines": [{"order_line_id": "ORD-1003-L1", "qty": 1, "amount": "53.40"}],
        "tenders": [{"method": "cash", "amount": "53.40"}]}]}
    with open_shop(shop, now=EVENING, setup=False) as till:
        import_bytes(json.dumps(document).encode(), "oms.json", till.cache_writer)
        reports = open_reports(till)
        day = reports.report(DAY, DAY, store_wide=True)
        behind = [r.number for r in reports.behind(DAY, DAY, "till:T3", store_wide=True)]
    tills = {f.key: (f.returns, f.units, f.value_minor) for f in day.by["till"]}
    assert tills == {"T1": (6, 8, 85982), "T2": (1, 1, 2990), "T3": (1, 1, 5340)}
    assert behind == ["RPARIS01-T3-000009"]


def test_a_number_this_till_already_used_is_dropped_and_the_return_still_comes_down(shop: Path) -> None:
    """A till reinstalled numbers from 1 again: the OMS may hold an older return with a number in use here."""
    document = {"format": "posreturns/1", "returns": [{
        "id": "ret-old-t1", "order_id": "ORD-1003", "created_at": "2026-11-26T14:00:00+01:00", "till_id": "T1",
        "number": "RPARIS01-T1-000002", "lines": [{"order_line_id": "ORD-1003-L1", "qty": 1, "amount": "53.40"}],
        "tenders": [{"method": "cash", "amount": "53.40"}]}]}
    with open_shop(shop, now=EVENING, setup=False) as till:
        assert import_bytes(json.dumps(document).encode(), "oms.json", till.cache_writer)["returns"] == 1
        with till.engine.connect() as connection:
            stored = connection.exec_driver_sql("SELECT number, till_id, origin FROM returns WHERE id = 'ret-old-t1'"
                                                ).one()
    assert tuple(stored) == (None, "T1", "oms")


def test_another_tills_return_counts_in_every_breakdown_of_the_store_report(shop: Path) -> None:
    """T3's return of the same jeans, as the Medusa pull maps it with what T3 wrote into the Medusa return:
    carol, DEFECTIVE to INSPECT, store credit 58.74 (53.40 + a 5.34 bonus). Store-wide before it: T1's six
    returns of the day and T2's TSH-WHT-L (alice, WRONG_SIZE, RESTOCK, cash 29.90)."""
    document = {"format": "posreturns/1", "returns": [{
        "id": "ret-t3-9", "order_id": "ORD-1003", "created_at": "2026-11-26T14:00:00+01:00", "till_id": "T3",
        "number": "RPARIS01-T3-000009", "cashier": "carol", "decision": "allowed", "refund_method": "store_credit",
        "bonus": "5.34", "paid": [{"method": "store_credit", "amount": "58.74"}],
        "lines": [{"order_line_id": "ORD-1003-L1", "qty": 1, "amount": "53.40", "reason": "DEFECTIVE",
                   "disposition": "INSPECT"}],
        "tenders": [{"method": "cash", "amount": "53.40"}]}]}
    with open_shop(shop, now=EVENING, setup=False) as till:
        import_bytes(json.dumps(document).encode(), "oms.json", till.cache_writer)
        reports = open_reports(till)
        day = reports.report(DAY, DAY, store_wide=True)
        behind = [r.number for r in reports.behind(DAY, DAY, "cashier:carol", store_wide=True)]
        with till.engine.connect() as connection:
            left = connection.exec_driver_sql("SELECT amount_minor - refunded_minor FROM tenders "
                                              "WHERE order_id = 'ORD-1003' AND method = 'cash'").scalar()

    def by(dimension: str) -> dict[str, tuple[int, int, int]]:
        return {f.key: (f.returns, f.units, f.value_minor) for f in day.by[dimension]}

    assert by("cashier") == {"alice": (6, 8, 75072), "bob": (1, 1, 13900), "carol": (1, 1, 5340)}
    assert by("reason")["DEFECTIVE"] == (2, 2, 14240)
    assert by("disposition") == {"RESTOCK": (5, 7, 78680), "INSPECT": (3, 3, 15632)}
    assert by("tender") == {"card": (4, 0, 64092), "store_credit": (4, 0, 28953), "cash": (1, 0, 2990)}
    assert by("method") == {"original": (5, 7, 77082), "store_credit": (3, 3, 17230)}
    assert (day.flags["bonus"].returns, day.flags["bonus"].value_minor) == (3, 1723)
    assert behind == ["RPARIS01-T3-000009"]
    assert left == 0  # the sale's cash tender still lost what T3 refunded from it, though T3 paid in store credit
