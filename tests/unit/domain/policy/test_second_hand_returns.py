"""Returns of second-hand items: the policy's `[resale]` return rules (store credit or exchange only by
default, grades sold as is refused), with or without a receipt, and their parsing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from helpers.domain_builders import LineSpec, codes, ctx, draft, eur, make_order, policy, req

from posreturns.domain.context import PriceInfo
from posreturns.domain.decision import DecisionStatus
from posreturns.domain.errors import DomainError
from posreturns.domain.orders import Order
from posreturns.domain.quote import quote_return
from posreturns.domain.resale import Grade
from posreturns.domain.returns import RefundMethod

REFUSED, ALLOWED = DecisionStatus.REFUSED, DecisionStatus.ALLOWED


def second_hand_order(grade: Grade) -> Order:
    order = make_order([LineSpec(2490)])
    return replace(order, lines=(replace(order.lines[0], second_hand=grade.value),))


def test_a_second_hand_item_comes_back_as_store_credit_or_exchange_only_by_default() -> None:
    default = policy()
    refund = quote_return(draft(second_hand_order(Grade.B)), default, ctx(), voucher_codes=codes())
    assert refund.status is REFUSED
    assert refund.allowed_methods == (RefundMethod.STORE_CREDIT, RefundMethod.EXCHANGE)
    (trace,) = [e for e in refund.lines[0].trace if e.rule == "second_hand"]
    assert trace.en == "Second-hand item (grade B): store credit or exchange only."
    credit = quote_return(draft(second_hand_order(Grade.B), method=RefundMethod.STORE_CREDIT), default, ctx(),
                          voucher_codes=codes())
    assert credit.status is ALLOWED and credit.voucher is not None and credit.voucher.amount == eur("24.90")
    new_item = quote_return(draft(make_order([LineSpec(2490)])), default, ctx(), voucher_codes=codes())
    assert new_item.status is ALLOWED  # the rule is for second-hand items only


def test_a_grade_sold_as_is_is_refused_whatever_the_method() -> None:
    q = quote_return(draft(second_hand_order(Grade.C), method=RefundMethod.STORE_CREDIT), policy(), ctx(),
                     voucher_codes=codes())
    assert q.status is REFUSED
    (trace,) = [e for e in q.lines[0].trace if e.rule == "second_hand_as_is"]
    assert trace.fr.startswith("Article de seconde main vendu en l'état (note C, état correct)")


def test_a_store_may_take_second_hand_items_back_like_new_ones() -> None:
    lenient = policy('[resale]\nreturn_methods = ["original", "store_credit", "exchange"]\nsold_as_is = []\n')
    q = quote_return(draft(second_hand_order(Grade.C)), lenient, ctx(), voucher_codes=codes())
    assert q.status is ALLOWED
    assert not [e for e in q.lines[0].trace if e.rule.startswith("second_hand")]


def test_a_second_hand_item_scanned_without_a_receipt_follows_the_same_rules() -> None:
    catalogue = {"SH-1": PriceInfo(eur("12.90"), Decimal(20), "shoes", second_hand=Grade.C)}
    q = quote_return(draft(None, req(None, sku="SH-1"), method=RefundMethod.STORE_CREDIT), policy(),
                     ctx(prices=catalogue), voucher_codes=codes())
    assert q.status is REFUSED and any(e.rule == "second_hand_as_is" for e in q.lines[0].trace)


@pytest.mark.parametrize(("toml", "key"), [('return_methods = []', "return_methods"),
                                           ('sold_as_is = ["D"]', "sold_as_is")])
def test_bad_second_hand_return_rules_name_the_key(toml: str, key: str) -> None:
    with pytest.raises(DomainError, match=f"resale.{key}"):
        policy(f"[resale]\n{toml}\n")
