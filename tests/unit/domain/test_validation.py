"""Input errors: said to the cashier as they are, one sentence with what to do next."""

from __future__ import annotations

import pytest
from helpers.domain_builders import LineSpec, after, codes, ctx, draft, eur, make_order, policy, req

from posreturns.domain.errors import InvalidReturn, UserFacingError
from posreturns.domain.money import Money
from posreturns.domain.quote import quote_return
from posreturns.domain.returns import Reason

POLICY = policy()
SERIALS = ("SN1", "SN2", "SN3")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ((), "No item is in this return"),
        ((req("L1", 0),), "at least 1"),
        ((req("L1", 3),), 'Only 2 of "Item 1" can still be returned'),
        ((req("L1"), req("L1", 2)), "Only 2 of"),
        ((req("L9"),), "not on receipt R-0001"),
        ((req("L1", reason=Reason.OTHER),), 'The reason "other" needs a note'),
        ((req("L1", sku="SKU-2"),), "not on receipt"),
    ],
)
def test_impossible_returns_are_refused_with_a_clear_message(rows: tuple, message: str) -> None:  # type: ignore[type-arg]
    order = make_order([LineSpec(1000, qty=2)])
    with pytest.raises(InvalidReturn, match=message) as caught:
        quote_return(draft(order, *rows) if rows else draft(None), POLICY, ctx())
    assert isinstance(caught.value, UserFacingError) and str(caught.value).endswith(".")


def test_other_with_a_note_is_fine() -> None:
    order = make_order([LineSpec(1000)])
    q = quote_return(draft(order, req(reason=Reason.OTHER, note="gift duplicate")), POLICY, ctx())
    assert q.lines[0].reason is Reason.OTHER


def test_serial_tracked_units_are_returned_one_by_one_with_a_sold_not_yet_returned_serial() -> None:
    order = make_order([LineSpec(20000, qty=3, serials=SERIALS)])
    with pytest.raises(InvalidReturn, match="scan the serial number"):
        quote_return(draft(order, req("L1", 2)), POLICY, ctx())
    with pytest.raises(InvalidReturn, match="Serial SN9 was not sold"):
        quote_return(draft(order, req("L1", serial="SN9")), POLICY, ctx())
    with pytest.raises(InvalidReturn, match="already been returned"):
        quote_return(draft(order, req("L1", serial="SN1"), req("L1", serial="SN1")), POLICY, ctx())
    q = quote_return(draft(order, req("L1", serial="SN2")), POLICY, ctx(), voucher_codes=codes())
    assert q.stock_moves[0].serial == "SN2"
    with pytest.raises(InvalidReturn, match="Serial SN2 has already been returned"):
        quote_return(draft(after(order, q), req("L1", serial="SN2")), POLICY, ctx())


def test_two_rows_on_one_line_are_priced_one_after_the_other() -> None:
    order = make_order([LineSpec(1000, qty=3, discount=1)])  # paid 29.99: units 10.00, 10.00, 9.99
    q = quote_return(draft(order, req("L1"), req("L1", 2, reason=Reason.WRONG_SIZE)), POLICY, ctx())
    assert [line.value for line in q.lines] == [eur("10.00"), eur("19.99")]
    assert q.refund_total == eur("29.99")


def test_an_order_in_another_currency_is_refused() -> None:
    order = make_order([LineSpec(1000)], currency="USD")
    with pytest.raises(InvalidReturn, match="paid in USD but this store refunds in EUR"):
        quote_return(draft(order), POLICY, ctx())
    with pytest.raises(InvalidReturn, match="not a EUR amount"):
        quote_return(
            draft(None, req(None, sku="S", claimed_unit_price=Money.parse("1", "USD"))), POLICY, ctx()
        )
