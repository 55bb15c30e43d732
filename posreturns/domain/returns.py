"""What the cashier asks for: a return draft with its lines, reasons, conditions and refund method.

These are plain inputs. Whether the policy allows them and what they are worth is decided by
`policy_engine` and `refunds`; `quote.quote_return` puts it all together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from posreturns.domain.money import Money
from posreturns.domain.orders import Order


class Reason(StrEnum):
    WRONG_SIZE = "WRONG_SIZE"
    CHANGED_MIND = "CHANGED_MIND"
    DEFECTIVE = "DEFECTIVE"
    DAMAGED_IN_TRANSIT = "DAMAGED_IN_TRANSIT"
    NOT_AS_DESCRIBED = "NOT_AS_DESCRIBED"
    LATE_DELIVERY = "LATE_DELIVERY"
    WRONG_ITEM = "WRONG_ITEM"
    OTHER = "OTHER"  # needs a note


class Condition(StrEnum):
    NEW_WITH_TAGS = "NEW_WITH_TAGS"
    OPENED = "OPENED"
    USED = "USED"
    DAMAGED = "DAMAGED"
    MISSING_PARTS = "MISSING_PARTS"


class StockBucket(StrEnum):
    SELLABLE = "sellable"
    QUARANTINE = "quarantine"
    RESALE = "resale"
    RTV = "rtv"
    SCRAP = "scrap"


class Disposition(StrEnum):
    RESTOCK = "RESTOCK"
    INSPECT = "INSPECT"
    REFURBISH = "REFURBISH"
    RESALE = "RESALE"
    RTV = "RTV"
    SCRAP = "SCRAP"

    @property
    def bucket(self) -> StockBucket:
        """The stock bucket a unit with this disposition goes to when the return completes."""
        return _BUCKETS[self]


_BUCKETS = {
    Disposition.RESTOCK: StockBucket.SELLABLE,
    Disposition.INSPECT: StockBucket.QUARANTINE,
    Disposition.REFURBISH: StockBucket.QUARANTINE,
    Disposition.RESALE: StockBucket.QUARANTINE,  # held until graded (at the till, or by a manager)
    Disposition.RTV: StockBucket.RTV,
    Disposition.SCRAP: StockBucket.SCRAP,
}


class RefundMethod(StrEnum):
    ORIGINAL = "original"  # back to the sale's tenders
    STORE_CREDIT = "store_credit"  # one voucher
    EXCHANGE = "exchange"  # replacement items, difference collected or refunded


@dataclass(frozen=True, slots=True)
class ReturnLineRequest:
    """One returned item (or several identical units) as scanned at the till.

    `order_line_id` for a return with a receipt, `sku` for a receipt-less one. A serial-tracked
    line is entered one unit per request, each with its serial. `claimed_unit_price` is the price
    a receipt-less customer says they paid; the refund never exceeds the current price anyway.
    """

    qty: int
    reason: Reason
    condition: Condition
    order_line_id: str | None = None
    sku: str | None = None
    serial: str | None = None
    note: str = ""
    claimed_unit_price: Money | None = None


@dataclass(frozen=True, slots=True)
class ExchangeLine:
    """A replacement item the customer takes instead of money, at today's price."""

    sku: str
    qty: int
    unit_price: Money  # today's price, tax included as on the shelf
    product_id: str
    in_stock_here: bool  # for a delivered one: in stock at its source
    title: str = ""
    source: str = ""  # delivered from this stock location of the network; "": taken from the shelf here


@dataclass(frozen=True, slots=True)
class CustomerInfo:
    """Who is returning: a known customer id and whether we can reach them (phone or e-mail)."""

    customer_id: str | None = None
    has_contact: bool = False


@dataclass(frozen=True, slots=True)
class ReturnDraft:
    """A return being built at the till, before any decision.

    `cash_for_card` asks for the card part to be paid out another way (card lost or expired, or
    the customer asks for cash): it becomes cash when the policy allows, store credit otherwise.
    """

    order: Order | None
    lines: tuple[ReturnLineRequest, ...]
    refund_method: RefundMethod = RefundMethod.ORIGINAL
    exchange_lines: tuple[ExchangeLine, ...] = ()
    customer: CustomerInfo = field(default_factory=CustomerInfo)
    offline: bool = False
    cash_for_card: bool = False

    @property
    def receiptless(self) -> bool:
        return self.order is None
