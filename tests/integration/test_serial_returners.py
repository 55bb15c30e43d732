"""Serial returners against the report fixture (helpers/report.py), the figures written by hand from
its table: over the 30 days to the 26th, store-wide, with a policy asking a manager from a customer's
3rd return or over 500.00 refunded in 30 days.

| customer | returns (refund) | returns | refunded | over the limit |
|----------|------------------|---------|----------|----------------|
| CUS-001 Camille Martin | RET-OMS-0001 29.90 (16th), #1 59.80, #2 89.00 | 3 | 178.70 | yes (3 returns) |
| CUS-003 Lucas Bernard | #5 528.20, #7 29.90 (till T2) | 2 | 558.10 | yes (over 500.00) |
| CUS-005 Théo Moreau | #3 139.00 | 1 | 139.00 | no |
| CUS-004 Inès Lefèvre | #8 79.90 (25th) | 1 | 79.90 | no |
| CUS-002 Hélène Dupré | #6 13.92 | 1 | 13.92 | no |

The receipt-less return #4 names no customer and is not listed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from helpers.report import report_shop, strict_policy

from posreturns.app import Till, open_serial_returners
from posreturns.services.errors import BadInput

DAY = date(2026, 11, 26)
@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Till]:
    till = report_shop(tmp_path_factory.mktemp("serial"))
    till.policies.install(strict_policy(), "strict.toml")
    yield till
    till.close()


def test_customers_by_returns_then_refunded_with_the_policys_limit_marked(shop: Till) -> None:
    found = open_serial_returners(shop).customers()
    assert (found.start, found.end) == (date(2026, 10, 28), DAY)  # the policy's 30 days, today included
    assert (found.rule_enabled, found.max_returns, found.days, found.max_amount_minor) == (True, 3, 30, 50000)
    assert [(c.customer_id, c.name, c.returns, c.refunded_minor, c.over_limit) for c in found.customers] == [
        ("CUS-001", "Camille Martin", 3, 17870, True), ("CUS-003", "Lucas Bernard", 2, 55810, True),
        ("CUS-005", "Théo Moreau", 1, 13900, False), ("CUS-004", "Inès Lefèvre", 1, 7990, False),
        ("CUS-002", "Hélène Dupré", 1, 1392, False)]
    assert found.over_limit == 2


def test_only_the_name_and_a_masked_phone_and_e_mail_are_shown(shop: Till) -> None:
    camille = open_serial_returners(shop).customers().customers[0]
    assert (camille.phone, camille.email) == ("•• 78", "c…n@example.fr")  # +33 6 12 34 56 78, camille.martin@…


def test_a_customers_returns_are_the_ones_counted_oldest_first(shop: Till) -> None:
    service = open_serial_returners(shop)
    camille = service.returns_of("CUS-001", date(2026, 10, 28), DAY)
    assert [(r.number, r.refund_minor) for r in camille] == [
        ("RET-OMS-0001", 2990), ("RPARIS01-T1-000002", 5980), ("RPARIS01-T1-000003", 8900)]
    lucas = service.returns_of("CUS-003", date(2026, 10, 28), DAY)
    assert sorted((r.till, r.refund_minor) for r in lucas) == [("T1", 52820), ("T2", 2990)]


def test_a_shorter_period_counts_only_its_days(shop: Till) -> None:
    found = open_serial_returners(shop).customers(date(2026, 11, 25), date(2026, 11, 25))
    assert [(c.customer_id, c.returns, c.refunded_minor, c.over_limit) for c in found.customers] == [
        ("CUS-004", 1, 7990, False)]


def test_a_period_ending_before_it_starts_is_refused(shop: Till) -> None:
    with pytest.raises(BadInput, match="before it starts"):
        open_serial_returners(shop).customers(DAY, date(2026, 11, 1))


def test_the_command_lists_them_as_json_and_as_text(shop: Till) -> None:
    import json

    from helpers.cli import run_in

    code, out, err = run_in(shop.data_dir, "report", "--serial-returners", "--from", "2026-10-28", "--to", "2026-11-26",
                            "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["rule"] == {"enabled": True, "max_returns": 3, "days": 30, "max_amount": "500.00"}
    assert [(c["customer_id"], c["returns"], c["refunded"], c["over_limit"]) for c in data["customers"]][:3] == [
        ("CUS-001", 3, "178.70", True), ("CUS-003", 2, "558.10", True), ("CUS-005", 1, "139.00", False)]
    assert data["customers"][0]["email"] == "c…n@example.fr" and "camille.martin" not in out
    code, out, _ = run_in(shop.data_dir, "report", "--serial-returners", "--from", "2026-10-28", "--to", "2026-11-26")
    assert code == 0 and out.splitlines()[1].startswith("! CUS-001") and "06 12" not in out
    assert run_in(shop.data_dir, "report", "--serial-returners", "--behind", "customer:CUS-001")[0] == 2
