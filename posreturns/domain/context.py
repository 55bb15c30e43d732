"""What the policy needs to know about the world when it quotes a return (all passed in, never fetched)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from posreturns.domain.money import Money
from posreturns.domain.resale import Grade


@dataclass(frozen=True, slots=True)
class PriceInfo:
    """Today's shelf price of a SKU (tax included) and what a receipt-less return needs to know:
    the lowest price it had over the policy's last `lowest_days` days and the day that price began
    (or the window's first day, when it was already the price then)."""

    price: Money
    tax_rate: Decimal = Decimal(0)  # percent
    category: str = ""
    final_sale: bool = False
    serial_tracked: bool = False
    lowest: Money | None = None
    lowest_from: date | None = None
    lowest_days: int = 0
    second_hand: Grade | None = None


@dataclass(frozen=True, slots=True)
class PolicyContext:
    """The till's situation at quote time.

    `now` must be timezone-aware; return windows are counted in calendar days of its timezone
    (the store's). `customer_recent_returns` and `customer_recent_refunded` count the customer's
    returns in the policy's serial-returner window, *not* counting the one being quoted.
    `offline_refunded_today` is what this till has refunded while offline today. `drawer_cash`
    is the cash in the drawer when known (None: unknown, no limit). `cache_as_of` is the age of
    the order data when offline. `refusal_path`: the way past a refusal asked for (a policy
    `RefusalPath`), which the manager's approval then grants.
    """

    now: datetime
    store_id: str
    offline: bool = False
    customer_recent_returns: int = 0
    customer_recent_refunded: Money | None = None
    offline_refunded_today: Money | None = None
    prices: Mapping[str, PriceInfo] = field(default_factory=dict)
    manager_approval: bool = False
    refusal_path: str | None = None  # "override" / "goodwill": what the cashier asks a manager for
    drawer_cash: Money | None = None
    cache_as_of: datetime | None = None

    def __post_init__(self) -> None:
        if self.now.tzinfo is None or self.now.utcoffset() is None:
            raise ValueError("PolicyContext.now must be timezone-aware")
