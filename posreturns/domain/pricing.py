"""What each line of a sale actually cost: line discount, prorated order discount, tax.

This is the snapshot computation done once when a sale enters the cache; refunds are computed
later from its results, never from today's prices. It works on integer minor units so that loading
a million orders stays fast; its rounding is `Money.of`'s rule (`div_half_up`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from posreturns.domain.money import allocate_minor, div_half_up


@dataclass(frozen=True, slots=True)
class LineCharge:
    """The list side of a sold line, as the host POS recorded it (minor units)."""

    qty: int
    unit_price: int
    discount: int  # the line's total discount, all units together
    tax_rate: Decimal  # percent, e.g. Decimal("20") or Decimal("5.5")
    tax: int | None = None  # the tax the host charged, when it sent it; computed otherwise

    @property
    def net(self) -> int:
        return self.unit_price * self.qty - self.discount


@dataclass(frozen=True, slots=True)
class PricedLine:
    """What the customer paid for a line, all units together (minor units)."""

    order_discount_share: int
    tax: int
    paid: int  # tax included: what left the customer's pocket for this line


@lru_cache(maxsize=256)
def _ratio(rate: Decimal) -> tuple[int, int]:
    return rate.as_integer_ratio()


def tax_minor(amount: int, rate: Decimal, prices_include_tax: bool) -> int:
    """Tax contained in (inclusive prices) or due on (exclusive prices) `amount`."""
    if not rate:
        return 0
    numerator, denominator = _ratio(rate)
    if prices_include_tax:
        return div_half_up(amount * numerator, 100 * denominator + numerator)
    return div_half_up(amount * numerator, 100 * denominator)


def split_order_discount(order_discount: int, nets: Sequence[int]) -> list[int]:
    """Spread an order-level discount over lines in proportion to their net amounts, exactly."""
    if not order_discount:
        return [0] * len(nets)  # most sales: nothing to spread
    return allocate_minor(order_discount, [max(net, 0) for net in nets])


def price_lines(lines: Sequence[LineCharge], order_discount: int, prices_include_tax: bool) -> list[PricedLine]:
    rows = [(line.qty, line.unit_price, line.discount, line.tax_rate, line.tax) for line in lines]
    return [PricedLine(*priced) for priced in price_rows(rows, order_discount, prices_include_tax)]


ChargeRow = tuple[int, int, int, Decimal, int | None]  # a LineCharge's fields, in order


def price_rows(lines: Sequence[ChargeRow], order_discount: int, prices_include_tax: bool) -> list[tuple[int, int, int]]:
    """`price_lines` on plain tuples, (order discount share, tax, paid) per line: no object per line
    when a million sales are imported."""
    nets = [qty * unit - discount for qty, unit, discount, _, _ in lines]
    priced = []
    for (_, _, _, rate, tax), net, share in zip(lines, nets, split_order_discount(order_discount, nets), strict=True):
        base = net - share
        if tax is None:
            tax = tax_minor(base, rate, prices_include_tax)
        priced.append((share, tax, base if prices_include_tax else base + tax))
    return priced
