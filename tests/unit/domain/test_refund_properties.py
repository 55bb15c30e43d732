"""Property tests: random orders, random sequences of partial returns, exact money at every step."""

from __future__ import annotations

from decimal import Decimal

from helpers.domain_builders import LineSpec, after, codes, ctx, draft, make_order, policy, req
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posreturns.domain.money import Money
from posreturns.domain.orders import Channel, Order, TenderMethod
from posreturns.domain.quote import quote_return
from posreturns.domain.refunds import _share
from posreturns.domain.returns import Condition, Reason, RefundMethod

PERMISSIVE = policy("""
[sale_items]
enabled = false
[approval]
enabled = false
[serial_returners]
enabled = false
""")
RATES = [Decimal(0), Decimal("5.5"), Decimal(10), Decimal(20), Decimal("8.875")]


@st.composite
def orders(draw: st.DrawFn, currency: str = "EUR") -> Order:
    specs = []
    for _ in range(draw(st.integers(1, 6))):
        qty, unit = draw(st.integers(1, 5)), draw(st.integers(1, 50_000))
        discount = draw(st.integers(0, unit * qty // 2))
        specs.append(LineSpec(unit, qty, discount, draw(st.sampled_from(RATES))))
    net = sum(s.unit * s.qty - s.discount for s in specs)
    methods = draw(st.lists(st.sampled_from(list(TenderMethod)), min_size=1, max_size=3, unique=True))
    return make_order(
        specs,
        tenders=[(m, draw(st.integers(1, 10))) for m in methods],
        order_discount=draw(st.integers(0, net // 3)),
        shipping=draw(st.sampled_from([0, 0, 499, 1234])),
        inclusive=draw(st.booleans()),
        channel=draw(st.sampled_from(list(Channel))),
        currency=currency,
    )


def _return_everything_in_steps(
    data: st.DataObject, order: Order, currency: str = "EUR"
) -> tuple[Order, Money]:
    """Return random parts until nothing is left; check every step; give the final snapshot and total."""
    pol = PERMISSIVE if currency == "EUR" else policy(f'currency = "{currency}"\n' + _PERMISSIVE_BODY)
    refunded = Money.zero(currency)
    while any(line.returnable_qty for line in order.lines):
        open_lines = [line for line in order.lines if line.returnable_qty]
        rows = []
        for line in data.draw(st.lists(st.sampled_from(open_lines), min_size=1, unique_by=lambda ln: ln.id)):
            qty = data.draw(st.integers(1, line.returnable_qty))
            reason = data.draw(st.sampled_from([Reason.CHANGED_MIND, Reason.WRONG_SIZE, Reason.DEFECTIVE]))
            rows.append(req(line.id, qty, reason, Condition.NEW_WITH_TAGS))
        method = data.draw(st.sampled_from([RefundMethod.ORIGINAL, RefundMethod.STORE_CREDIT]))
        quote = quote_return(draft(order, *rows, method=method), pol, ctx(), voucher_codes=codes())
        _check_step(order, quote)
        refunded = refunded + quote.refund_total
        order = after(order, quote)
        for tender in order.tenders:
            assert Money.zero(currency) <= tender.refunded <= tender.amount
    return order, refunded


_PERMISSIVE_BODY = (
    "[sale_items]\nenabled = false\n[approval]\nenabled = false\n[serial_returners]\nenabled = false\n"
)


def _check_step(order: Order, quote) -> None:  # type: ignore[no-untyped-def]
    zero = Money.zero(order.currency)
    for line_quote in quote.lines:
        line = order.line(line_quote.order_line_id)
        assert zero <= line_quote.value <= line.paid - line.refunded
        assert line_quote.fee.is_zero() and line_quote.refund == line_quote.value
        counted = Money.total((s.amount for s in line_quote.breakdown if s.counted), order.currency)
        assert counted == line_quote.refund
    assert Money.total((d.amount for d in quote.ledger), order.currency) == quote.refund_total
    paid_out = Money.total((p.amount for p in quote.tenders), order.currency)
    bonus = quote.voucher.bonus if quote.voucher else zero
    assert paid_out == quote.refund_total + quote.cash_rounding + bonus
    assert quote.shipping <= order.shipping_refundable


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(orders(), st.data())
def test_any_sequence_of_partial_returns_refunds_exactly_what_was_paid(
    order: Order, data: st.DataObject
) -> None:
    final, refunded = _return_everything_in_steps(data, order)
    shipping = final.shipping_refunded or Money.zero("EUR")
    assert refunded == order.total - order.shipping + shipping
    assert shipping in (Money.zero("EUR"), order.shipping)  # shipping goes back once, whole, or not at all
    for before, line in zip(order.lines, final.lines, strict=True):
        assert line.refunded == before.paid and line.returned_qty == before.qty
    assert Money.total((t.refunded for t in final.tenders), "EUR") == refunded


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.large_base_example])
@given(orders(), st.data())
def test_tax_shares_of_all_returns_add_up_to_the_tax_of_each_line(order: Order, data: st.DataObject) -> None:
    taxes = {line.id: Money.zero("EUR") for line in order.lines}
    current = order
    while any(line.returnable_qty for line in current.lines):
        line = data.draw(st.sampled_from([ln for ln in current.lines if ln.returnable_qty]))
        qty = data.draw(st.integers(1, line.returnable_qty))
        quote = quote_return(draft(current, req(line.id, qty)), PERMISSIVE, ctx(), voucher_codes=codes())
        taxes[line.id] = taxes[line.id] + quote.lines[0].tax
        current = after(current, quote)
    assert all(taxes[line.id] == line.tax for line in order.lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.large_base_example])
@given(orders(currency="CHF"), st.data())
def test_cash_rounding_in_chf_only_touches_cash_payouts(order: Order, data: st.DataObject) -> None:
    final, refunded = _return_everything_in_steps(data, order, currency="CHF")
    assert Money.total((t.refunded for t in final.tenders), "CHF") == refunded


def test_the_same_units_cannot_be_quoted_beyond_what_is_returnable() -> None:
    order = make_order([LineSpec(1000, qty=2)])
    first = quote_return(draft(order, req("L1", 2)), PERMISSIVE, ctx(), voucher_codes=codes())
    order = after(order, first)
    assert order.lines[0].returnable_qty == 0
    import pytest

    from posreturns.domain.errors import InvalidReturn

    with pytest.raises(InvalidReturn, match="Only 0"):
        quote_return(draft(order, req("L1", 1)), PERMISSIVE, ctx(), voucher_codes=codes())



@given(st.integers(-10**9, 10**9), st.integers(0, 10**9), st.integers(-10**9, 10**9).filter(bool),
       st.sampled_from(["EUR", "JPY", "BHD"]))
def test_a_share_in_minor_units_rounds_as_money_of_does(total: int, part: int, whole: int, currency: str) -> None:
    """Pricing a line works in minor units; its shares must round exactly as `Money.of` on the amounts."""
    amount = Money.from_minor(total, currency).amount
    expected = Money.of(amount * Decimal(part) / Decimal(whole), currency)
    assert Money.from_minor(_share(total, part, whole), currency) == expected
