"""What the returns report is computed from: one typed row per return (with its lines and tenders),
the second-hand items graded from returned units, and the sales of the period. Plain data, read
from the local store by persistence; amounts are integer minor units of the report's currency.

The rows are named tuples: a 30-day store report reads thousands of them, and a tuple is built
several times faster than a frozen dataclass."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

RECEIPTLESS = "receiptless"  # the channel of a return without its sale
UNKNOWN = "?"  # a field the OMS has not got for a return (made in the OMS itself, or by an older till)
# a delivered exchange: the OMS took the order / not yet (promised offline, or not uploaded) / it could not
DELIVERY_STATES = ("confirmed", "provisional", "exception")


class ReportLine(NamedTuple):
    sku: str
    category: str
    qty: int
    refund_minor: int
    reason: str
    disposition: str


class ReportTender(NamedTuple):
    method: str
    amount_minor: int
    executed_by: str  # till | host


class ReportReturn(NamedTuple):
    """One return as the report counts it; `day` is its date in the store's time zone."""

    id: str
    number: str
    created_at: datetime
    day: date
    till: str
    cashier: str
    channel: str  # store | web | receiptless
    decision: str  # allowed | needs_approval | ? (not known for other tills' returns)
    approved_by: str | None
    refund_method: str  # original | store_credit | exchange | ?
    refund_minor: int
    bonus_minor: int  # the exchange-first / store-credit bonus granted on top of the refund
    customer_id: str | None
    lines: tuple[ReportLine, ...]
    tenders: tuple[ReportTender, ...]
    collected_minor: int = 0  # an exchange dearer than the returned items: what the customer paid on top
    delivery: str = ""  # an exchange delivered from the network: DELIVERY_STATES; "" when handed over here

    @property
    def units(self) -> int:
        return sum(line.qty for line in self.lines)

    @property
    def overridden(self) -> bool:
        """A manager approved what the policy would not allow on its own."""
        return bool(self.approved_by)

    @property
    def kept(self) -> bool:
        """The money stayed in the store: an exchange or store credit instead of a refund."""
        return self.refund_method in ("exchange", "store_credit")

    @property
    def kept_minor(self) -> int:
        """The part of the refund the store kept: all of it for store credit or an even exchange, less the
        money given back (an exchange cheaper than the returned items, a capped store credit)."""
        if not self.kept:
            return 0
        paid_out = sum(t.amount_minor for t in self.tenders if t.method != "store_credit")
        return max(self.refund_minor - paid_out, 0)


@dataclass(frozen=True, slots=True)
class RecoveredItem:
    """A returned unit graded for second hand: its resale price against what was refunded for it."""

    return_id: str
    sku: str
    price_minor: int
    refund_minor: int


@dataclass(frozen=True, slots=True)
class Sales:
    """The sales of the period the cache knows (orders placed in the store), for the return rate."""

    orders: int
    value_minor: int
