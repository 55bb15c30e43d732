"""Exchanges: replacement items paid with the value of the returned ones.

An even exchange moves no money. Otherwise `difference` = replacements - credit: positive is
collected from the customer, negative is given back; both go through the host POS. An incentive
bonus only lowers what the customer pays: it never turns into money paid out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from posreturns.domain.money import Money
from posreturns.domain.returns import ExchangeLine, StockBucket
from posreturns.domain.stock import StockMove


@dataclass(frozen=True, slots=True)
class ExchangeQuote:
    lines: tuple[ExchangeLine, ...]
    replacements_total: Money
    credit: Money  # refund value of the returned items
    bonus: Money
    difference: Money  # replacements - credit - bonus

    @property
    def to_collect(self) -> Money:
        return self.difference.max(Money.zero(self.difference.currency))

    @property
    def to_refund(self) -> Money:
        return (-self.difference).max(Money.zero(self.difference.currency))

    @property
    def even(self) -> bool:
        return self.difference.is_zero()


def quote_exchange(lines: Sequence[ExchangeLine], credit: Money, bonus_rate: Decimal) -> ExchangeQuote:
    """Price validated replacement lines against the credit of the returned items."""
    zero = Money.zero(credit.currency)
    replacements = Money.total((line.unit_price * line.qty for line in lines), credit.currency)
    bonus = Money.of(credit.amount * bonus_rate / 100, credit.currency).min((replacements - credit).max(zero))
    return ExchangeQuote(tuple(lines), replacements, credit, bonus, replacements - credit - bonus)


def replacement_moves(lines: Sequence[ExchangeLine], location: str) -> list[StockMove]:
    """Replacements leave this store's sellable stock, or are reserved at the source that delivers them."""
    return [StockMove(line.sku, line.source or location, StockBucket.SELLABLE, -line.qty,
                      "exchange_delivery" if line.source else "exchange") for line in lines]
