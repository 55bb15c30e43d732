"""Another size of a discounted item is an even exchange at the price paid; another product is
charged at today's price, paid for with the returned items' value."""

from __future__ import annotations

from decimal import Decimal

from helpers.returns import CASHIER, line, request, rows

from posreturns.app import Till


def test_a_size_swap_of_a_discounted_item_costs_what_was_paid(demo_till: Till) -> None:
    answer = demo_till.returns.complete(request("PA01-000102", line("ROBE-LIN-38"), method="exchange",
                                                exchange_lines=[{"code": "ROBE-LIN-40", "qty": 1}]), CASHIER)
    assert answer["refund_total"] == "100.20"  # 120.00 less the line and order discounts
    assert answer["exchange"]["replacements_total"] == "100.20" and answer["exchange"]["difference"] == "0.00"
    assert answer["tenders"] == []
    (stored,) = rows(demo_till.data_dir / "posreturns.db", "SELECT sku, unit_price_minor FROM exchange_lines")
    assert tuple(stored) == ("ROBE-LIN-40", 10020)


def test_another_product_is_at_todays_price(demo_till: Till) -> None:
    answer = demo_till.returns.complete(request("PA01-000102", line("ROBE-LIN-38"), method="exchange",
                                                exchange_lines=[{"code": "BASK-CUIR-41", "qty": 1}]), CASHIER)
    exchange = answer["exchange"]
    assert exchange["replacements_total"] == "139.00" and exchange["credit"] == "100.20"
    assert Decimal(exchange["to_collect"]) == Decimal("38.80") - Decimal(exchange["bonus"])
