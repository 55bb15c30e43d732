"""Allocation to the sale's tenders: order, caps, who executes, cash rules, vouchers."""

from __future__ import annotations

import pytest
from helpers.domain_builders import LineSpec, after, codes, ctx, draft, eur, make_order, policy, prices, req

from posreturns.domain.allocation import ExecutedBy, allocate_refund, may_pay_cash_at_till
from posreturns.domain.errors import RefundExceedsTenders
from posreturns.domain.money import Money
from posreturns.domain.orders import TenderMethod
from posreturns.domain.quote import quote_return
from posreturns.domain.returns import RefundMethod
from posreturns.domain.vouchers import is_valid_voucher_code

T = TenderMethod
POLICY = policy()


def test_gift_card_and_store_credit_go_back_first_then_card_then_cash() -> None:
    order = make_order(
        [LineSpec(10000)], tenders=[(T.CASH, 1), (T.CARD, 1), (T.GIFT_CARD, 1), (T.STORE_CREDIT, 1)]
    )
    a = allocate_refund(order, eur("60.00"), POLICY, ctx(), to_voucher=False, voucher_codes=codes())
    assert [(p.method, p.amount, p.executed_by) for p in a.payouts] == [
        (T.GIFT_CARD, eur("25.00"), ExecutedBy.TILL),
        (T.CARD, eur("10.00"), ExecutedBy.HOST),
        (T.STORE_CREDIT, eur("25.00"), ExecutedBy.TILL),
    ]
    # what was paid with store credit comes back as a new voucher, with a code to print and hand over
    assert a.voucher is not None and a.voucher.amount == eur("25.00") and is_valid_voucher_code(a.voucher.code)
    assert [p.reference for p in a.payouts] == ["T3", "T2", a.voucher.code]
    assert [(d.tender_id, d.amount) for d in a.ledger] == [
        (3, eur("25.00")),
        (4, eur("25.00")),
        (2, eur("10.00")),
    ]


def test_each_tender_is_capped_at_what_it_can_still_give_back() -> None:
    order = make_order([LineSpec(5000, qty=2)], tenders=[(T.GIFT_CARD, 1), (T.CARD, 1)])
    first = quote_return(draft(order, req("L1")), POLICY, ctx(), voucher_codes=codes())
    assert [(p.method, p.amount) for p in first.tenders] == [(T.GIFT_CARD, eur("50.00"))]
    second = quote_return(draft(after(order, first), req("L1")), POLICY, ctx(), voucher_codes=codes())
    assert [(p.method, p.amount) for p in second.tenders] == [(T.CARD, eur("50.00"))]


def test_a_refund_larger_than_the_tenders_is_a_domain_error() -> None:
    order = make_order([LineSpec(1000)])
    with pytest.raises(RefundExceedsTenders, match="more than the payments"):
        allocate_refund(order, eur("10.01"), POLICY, ctx(), to_voucher=False)


def test_store_credit_is_one_voucher_with_a_checked_code_and_still_consumes_the_tenders() -> None:
    order = make_order([LineSpec(3000)], tenders=[(T.CARD, 1), (T.CASH, 1)])
    q = quote_return(draft(order, method=RefundMethod.STORE_CREDIT), POLICY, ctx(), voucher_codes=codes())
    assert q.voucher is not None and q.voucher.amount == eur("30.00")
    assert is_valid_voucher_code(q.voucher.code) and q.voucher.code.startswith("V-0000-")
    assert [(p.method, p.reference, p.executed_by) for p in q.tenders] == [
        (T.STORE_CREDIT, q.voucher.code, ExecutedBy.TILL)
    ]
    assert Money.total((d.amount for d in q.ledger), "EUR") == eur("30.00")


def test_card_part_as_cash_needs_a_cash_tender_or_policy_permission_else_store_credit() -> None:
    card_only = make_order([LineSpec(3000)])
    q = quote_return(draft(card_only, cash_for_card=True), POLICY, ctx(), voucher_codes=codes())
    assert [p.method for p in q.tenders] == [T.STORE_CREDIT] and q.voucher is not None
    cash_entry = next(e for e in q.trace if e.rule == "cash")
    assert "No cash was paid on this sale" in cash_entry.en and "Aucun paiement en espèces" in cash_entry.fr
    lenient = policy("[cash]\nallow_without_cash_tender = true")
    q = quote_return(draft(card_only, cash_for_card=True), lenient, ctx(), voucher_codes=codes())
    assert [(p.method, p.executed_by) for p in q.tenders] == [(T.CASH, ExecutedBy.TILL)]
    mixed = make_order([LineSpec(3000)], tenders=[(T.CARD, 2), (T.CASH, 1)])
    q = quote_return(draft(mixed, cash_for_card=True), POLICY, ctx(), voucher_codes=codes())
    assert [(p.method, p.amount) for p in q.tenders] == [(T.CASH, eur("30.00"))]
    assert [(d.tender_id, d.amount) for d in q.ledger] == [(1, eur("20.00")), (2, eur("10.00"))]


def test_cash_the_drawer_cannot_cover_becomes_store_credit() -> None:
    order = make_order([LineSpec(3000)], tenders=[(T.CASH, 1)])
    q = quote_return(draft(order), POLICY, ctx(drawer_cash=eur("20.00")), voucher_codes=codes())
    assert [p.method for p in q.tenders] == [T.STORE_CREDIT]
    assert any(e.rule == "cash_drawer" for e in q.trace)
    ok = quote_return(draft(order), POLICY, ctx(drawer_cash=eur("30.00")), voucher_codes=codes())
    assert [(p.method, p.tender_id) for p in ok.tenders] == [(T.CASH, 1)]



def test_the_drawer_matters_only_to_a_refund_that_could_pay_cash_from_it() -> None:
    """The service reads the drawer only when `may_pay_cash_at_till`: every other return is allocated the
    same with an empty drawer as with an unknown one."""
    card, cash = make_order([LineSpec(3000)]), make_order([LineSpec(3000)], tenders=[(T.CARD, 1), (T.CASH, 1)])
    drafts = [draft(card), draft(card, method=RefundMethod.STORE_CREDIT), draft(cash, method=RefundMethod.STORE_CREDIT),
              draft(None, req(None, sku="S"), method=RefundMethod.STORE_CREDIT)]
    for d in drafts:
        assert not may_pay_cash_at_till(d)
        known = quote_return(d, POLICY, ctx(drawer_cash=eur("0.00"), prices=prices(S="10.00")), voucher_codes=codes())
        unknown = quote_return(d, POLICY, ctx(prices=prices(S="10.00")), voucher_codes=codes())
        assert (known.tenders, known.trace) == (unknown.tenders, unknown.trace)
    assert may_pay_cash_at_till(draft(cash)) and may_pay_cash_at_till(draft(card, cash_for_card=True))
    short = quote_return(draft(cash), POLICY, ctx(drawer_cash=eur("0.00")), voucher_codes=codes())
    assert any(e.rule == "cash_drawer" for e in short.trace)  # where it matters, it is read and counts

@pytest.mark.parametrize(("price", "paid", "rounding"), [(1233, "12.35", "0.02"), (1232, "12.30", "-0.02")])
def test_chf_cash_is_rounded_to_five_centimes_but_the_ledger_stays_exact(
    price: int, paid: str, rounding: str
) -> None:
    chf = policy('currency = "CHF"')
    order = make_order([LineSpec(price)], tenders=[(T.CASH, 1)], currency="CHF")
    q = quote_return(draft(order), chf, ctx(), voucher_codes=codes())
    assert q.tenders[0].amount == Money.parse(paid, "CHF")
    assert q.cash_rounding == Money.parse(rounding, "CHF")
    assert q.ledger[0].amount == Money.from_minor(price, "CHF")
    assert any(e.rule == "cash_rounding" for e in q.trace)
    card = make_order([LineSpec(price)], currency="CHF")
    assert quote_return(draft(card), chf, ctx()).tenders[0].amount == Money.from_minor(price, "CHF")


def test_cash_rounding_down_never_pays_more_than_the_exact_amount() -> None:
    chf = policy('currency = "CHF"\n[cash_rounding]\nCHF = { step = "0.05", mode = "down" }')
    order = make_order([LineSpec(1234)], tenders=[(T.CASH, 1)], currency="CHF")
    assert quote_return(draft(order), chf, ctx()).tenders[0].amount == Money.parse("12.30", "CHF")


def test_a_voucher_needs_an_injected_code_source() -> None:
    order = make_order([LineSpec(3000)])
    with pytest.raises(ValueError, match="voucher code source"):
        quote_return(draft(order, method=RefundMethod.STORE_CREDIT), POLICY, ctx())
