"""Exchanges: even, to collect, to refund, stock moves on both sides, replacements not in stock."""

from __future__ import annotations

import pytest
from helpers.domain_builders import STORE, LineSpec, codes, ctx, draft, eur, make_order, policy

from posreturns.domain.allocation import ExecutedBy
from posreturns.domain.errors import InvalidReturn, ReplacementNotInStock
from posreturns.domain.orders import TenderMethod
from posreturns.domain.quote import quote_return
from posreturns.domain.returns import ExchangeLine, RefundMethod, StockBucket

POLICY = policy()
EX = RefundMethod.EXCHANGE


def swap(price: str, qty: int = 1, in_stock: bool = True, sku: str = "SKU-1-L") -> ExchangeLine:
    return ExchangeLine(sku, qty, eur(price), "P1", in_stock, title="Shirt L")


def test_even_exchange_moves_no_money_and_swaps_stock() -> None:
    order = make_order([LineSpec(3000)])
    q = quote_return(
        draft(order, method=EX, exchange_lines=(swap("30.00"),)), POLICY, ctx(), voucher_codes=codes()
    )
    assert q.exchange is not None and q.exchange.even
    assert q.tenders == () and q.ledger == () and q.voucher is None
    assert [(m.sku, m.bucket, m.delta, m.reason) for m in q.stock_moves] == [
        ("SKU-1", StockBucket.SELLABLE, 1, "return"),
        ("SKU-1-L", StockBucket.SELLABLE, -1, "exchange"),
    ]
    assert all(m.location == STORE for m in q.stock_moves)


def test_dearer_replacement_collects_the_difference_through_the_host() -> None:
    order = make_order([LineSpec(3000)])
    q = quote_return(draft(order, method=EX, exchange_lines=(swap("45.50"),)), POLICY, ctx())
    assert q.exchange is not None
    assert (q.exchange.difference, q.exchange.to_collect, q.exchange.to_refund) == (
        eur("15.50"),
        eur("15.50"),
        eur("0.00"),
    )
    assert q.tenders == ()


def test_cheaper_replacement_refunds_the_difference_to_the_original_tender_through_the_host() -> None:
    order = make_order([LineSpec(3000)], tenders=[(TenderMethod.CASH, 1)])
    q = quote_return(draft(order, method=EX, exchange_lines=(swap("12.00"),)), POLICY, ctx())
    assert q.exchange is not None and q.exchange.to_refund == eur("18.00")
    assert [(p.method, p.amount, p.executed_by) for p in q.tenders] == [
        (TenderMethod.CASH, eur("18.00"), ExecutedBy.HOST)
    ]
    assert [d.amount for d in q.ledger] == [eur("18.00")]


def test_sale_item_exchanged_for_less_gives_the_rest_as_store_credit_never_money() -> None:
    order = make_order([LineSpec(10000, discount=4000)])  # 40 % off: store credit or exchange only
    q = quote_return(
        draft(order, method=EX, exchange_lines=(swap("20.00"),)), POLICY, ctx(), voucher_codes=codes()
    )
    assert q.status.value == "allowed" and q.voucher is not None and q.voucher.amount == eur("40.00")
    assert [p.method for p in q.tenders] == [TenderMethod.STORE_CREDIT]


def test_exchange_bonus_only_lowers_what_the_customer_pays() -> None:
    pol = policy('[incentive]\nenabled = true\npercent = 10\nmethods = ["exchange"]')
    order = make_order([LineSpec(3000)])
    dearer = quote_return(draft(order, method=EX, exchange_lines=(swap("40.00"),)), pol, ctx())
    assert (
        dearer.exchange is not None
        and dearer.exchange.bonus == eur("3.00")
        and dearer.exchange.to_collect == eur("7.00")
    )
    cheaper = quote_return(draft(order, method=EX, exchange_lines=(swap("20.00"),)), pol, ctx())
    assert (
        cheaper.exchange is not None
        and cheaper.exchange.bonus == eur("0.00")
        and cheaper.exchange.to_refund == eur("10.00")
    )


def test_replacement_not_in_stock_here_is_refused_clearly() -> None:
    order = make_order([LineSpec(3000)])
    with pytest.raises(
        ReplacementNotInStock, match="Shirt L is not in stock in this store; pick another variant"
    ):
        quote_return(draft(order, method=EX, exchange_lines=(swap("30.00", in_stock=False),)), POLICY, ctx())


def test_exchange_needs_replacements_and_replacements_need_exchange() -> None:
    order = make_order([LineSpec(3000)])
    with pytest.raises(InvalidReturn, match="needs a replacement"):
        quote_return(draft(order, method=EX), POLICY, ctx())
    with pytest.raises(InvalidReturn, match="not exchange"):
        quote_return(draft(order, exchange_lines=(swap("30.00"),)), POLICY, ctx())
