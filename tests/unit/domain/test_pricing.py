from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from posreturns.domain.pricing import LineCharge, price_lines, split_order_discount, tax_minor


def test_order_discount_is_spread_in_proportion_to_net_amounts_to_the_cent() -> None:
    assert split_order_discount(2000, [10800, 13900, 3000]) == [780, 1004, 216]


def test_tax_inclusive_prices_contain_their_tax() -> None:
    assert tax_minor(12000, Decimal("20"), True) == 2000
    assert tax_minor(3500, Decimal("5.5"), True) == 182


def test_tax_exclusive_prices_add_their_tax() -> None:
    line = LineCharge(qty=2, unit_price=1000, discount=0, tax_rate=Decimal("8.875"))
    (priced,) = price_lines([line], 0, prices_include_tax=False)
    assert priced.tax == 178 and priced.paid == 2178


def test_tax_sent_by_the_host_wins_over_our_computation() -> None:
    line = LineCharge(qty=1, unit_price=1000, discount=0, tax_rate=Decimal("20"), tax=166)
    (priced,) = price_lines([line], 0, prices_include_tax=True)
    assert priced.tax == 166 and priced.paid == 1000


lines = st.lists(
    st.builds(lambda qty, unit, pct, rate: LineCharge(qty, unit, unit * qty * pct // 100, Decimal(rate)),
              st.integers(1, 5), st.integers(0, 100_000), st.integers(0, 100), st.sampled_from(["0", "5.5", "20"])),
    min_size=1, max_size=8)


@given(lines, st.integers(0, 100), st.booleans())
def test_lines_always_add_up_to_the_order(charges: list[LineCharge], pct: int, include_tax: bool) -> None:
    net = sum(c.net for c in charges)
    order_discount = net * pct // 100
    priced = price_lines(charges, order_discount, include_tax)
    assert sum(p.order_discount_share for p in priced) == order_discount
    assert all(0 <= p.order_discount_share <= c.net for p, c in zip(priced, charges, strict=True))
    base = net - order_discount
    assert sum(p.paid for p in priced) == (base if include_tax else base + sum(p.tax for p in priced))
