"""The original sale as the till knows it: orders, their lines and tenders, and what is returnable."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from posreturns.domain.money import Money, equal_shares


class Channel(StrEnum):
    STORE = "store"
    WEB = "web"


class TenderMethod(StrEnum):
    CARD = "card"
    CASH = "cash"
    GIFT_CARD = "gift_card"
    STORE_CREDIT = "store_credit"


@dataclass(frozen=True, slots=True)
class Tender:
    """One payment of the sale and how much of it has been refunded already."""

    id: int
    method: TenderMethod
    amount: Money
    refunded: Money
    reference: str | None = None
    card_last4: str | None = None

    @property
    def refundable(self) -> Money:
        return self.amount - self.refunded


@dataclass(frozen=True, slots=True)
class OrderLine:
    """A sold line with its price snapshot and its returned-quantity / refunded-amount ledger."""

    id: str
    sku: str
    title: str
    qty: int
    unit_price: Money
    discount: Money
    order_discount_share: Money
    tax_rate: Decimal
    tax: Money
    paid: Money
    returned_qty: int
    refunded: Money
    serials: tuple[str, ...] = ()
    returned_serials: tuple[str, ...] = ()
    category: str = ""
    final_sale: bool = False
    serial_tracked: bool = False
    second_hand: str | None = None  # the grade ("A", "B", "C") of a second-hand item graded in store

    @property
    def returnable_qty(self) -> int:
        return self.qty - self.returned_qty

    @property
    def unit_paid(self) -> Money:
        """Average price paid per unit (display); refunds use `paid_for_next`."""
        return Money.of(self.paid.amount / self.qty, self.paid.currency)

    @property
    def discount_rate(self) -> Decimal:
        """Share of the list price taken off by line and order discounts, 0..1."""
        gross = self.unit_price * self.qty
        if gross.is_zero():
            return Decimal(0)
        return (self.discount + self.order_discount_share).amount / gross.amount

    def paid_for_next(self, count: int) -> Money:
        """What the next `count` units still to be returned cost, so that returning every unit
        in any number of steps refunds exactly `paid`, never more."""
        return Money.from_minor(self.paid_for_next_minor(count), self.paid.currency)

    def paid_for_next_minor(self, count: int) -> int:
        """`paid_for_next` in minor units (what pricing a return adds and subtracts, without a `Money` each time)."""
        returnable = self.qty - self.returned_qty
        if count < 0 or count > returnable:
            raise ValueError(f"cannot price {count} units; {returnable} are returnable")
        paid = self.paid.minor
        remaining = paid - self.refunded.minor
        if count == returnable:
            return remaining
        return max(min(equal_shares(paid, self.qty, self.returned_qty, count), remaining), 0)


@dataclass(frozen=True, slots=True)
class Order:
    """A store or web sale, snapshot of what was sold and paid."""

    id: str
    number: str
    channel: Channel
    store_id: str | None
    placed_at: datetime
    currency: str
    prices_include_tax: bool
    customer_id: str | None
    lines: tuple[OrderLine, ...]
    tenders: tuple[Tender, ...]
    order_discount: Money
    shipping: Money
    customer_name: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    shipping_refunded: Money | None = None  # None: nothing refunded yet

    @property
    def shipping_refundable(self) -> Money:
        refunded = self.shipping_refunded or Money.zero(self.currency)
        return (self.shipping - refunded).max(Money.zero(self.currency))

    @property
    def total(self) -> Money:
        return Money.total((line.paid for line in self.lines), self.currency) + self.shipping

    def line(self, line_id: str) -> OrderLine:
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)

    def lines_for_sku(self, sku: str) -> list[OrderLine]:
        return [line for line in self.lines if line.sku == sku]
