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
    return allocate_minor(order_discount, [max(net, 0) for net in nets])


def price_lines(lines: Sequence[LineCharge], order_discount: int, prices_include_tax: bool) -> list[PricedLine]:
    priced = []
    shares = split_order_discount(order_discount, [line.net for line in lines])
    for line, share in zip(lines, shares, strict=True):
        base = line.net - share
        tax = line.tax if line.tax is not None else tax_minor(base, line.tax_rate, prices_include_tax)
        priced.append(PricedLine(share, tax, base if prices_include_tax else base + tax))
    return priced
