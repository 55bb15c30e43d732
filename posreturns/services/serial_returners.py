"""Serial returners, one of the manager's open queues: the customers of the store by number and
value of returns over a period (by default the policy's serial-returner window), beside the policy's
limit, with the returns of each.

Only what a manager needs to recognise a customer is shown: the name, and the phone and e-mail
masked. Nothing here is logged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from posreturns.domain.contact import masked_email, masked_phone
from posreturns.domain.report_rows import ReportReturn
from posreturns.services.reports import ReportService, check_period, day_bounds

LISTED = 200  # customers shown at most: the ones a manager acts on are at the top


@dataclass(frozen=True, slots=True)
class CustomerReturns:
    """A customer's returns in the period, as the store's cache has them (contact not masked yet)."""

    customer_id: str
    name: str | None
    phone: str | None
    email: str | None
    returns: int
    refunded_minor: int
    last_return_at: datetime


class SerialReturnerSource(Protocol):
    def customers(self, start_utc: str, end_utc: str, currency: str, training: bool,
                  limit: int) -> list[CustomerReturns]: ...


@dataclass(frozen=True, slots=True)
class SerialReturner:
    customer_id: str
    name: str
    phone: str  # masked ("•• 78"), or empty
    email: str  # masked ("c…n@example.fr"), or empty
    returns: int
    refunded_minor: int
    last_return_at: datetime
    over_limit: bool  # at or over the policy's limit: their next return needs a manager


@dataclass(frozen=True, slots=True)
class SerialReturners:
    start: date
    end: date
    currency: str
    rule_enabled: bool
    max_returns: int  # the policy asks a manager from this return on, within `days` days
    days: int
    max_amount_minor: int | None  # refunded within `days` days; None: no amount limit
    customers: tuple[SerialReturner, ...]

    @property
    def over_limit(self) -> int:
        return sum(1 for customer in self.customers if customer.over_limit)


class SerialReturnerService:
    def __init__(self, source: SerialReturnerSource, reports: ReportService, today: Callable[[], date]) -> None:
        self.source, self.reports, self.today = source, reports, today

    def default_period(self) -> tuple[date, date]:
        """The policy's serial-returner window, ending today: the last `days` days, today included."""
        end = self.today()
        return end - timedelta(days=self.reports.policies.active().serial_returners.days - 1), end

    def customers(self, start: date | None = None, end: date | None = None) -> SerialReturners:
        """The store's customers by number of returns, then refunded, over [start, end] (default: the
        policy's window); each marked when at or over the policy's limit."""
        default_start, default_end = self.default_period()
        start, end = start or default_start, end or default_end
        check_period(start, end)
        till, policy = self.reports.identity(), self.reports.policies.active()
        rules, currency = policy.serial_returners, policy.currency
        first, after = day_bounds(start, end, ZoneInfo(till.timezone))
        found = self.source.customers(first, after, currency, till.training, LISTED)
        limit = rules.max_amount.minor if rules.max_amount is not None else None

        def over(row: CustomerReturns) -> bool:
            return rules.enabled and (row.returns >= rules.max_returns
                                      or (limit is not None and row.refunded_minor > limit))

        shown = tuple(SerialReturner(row.customer_id, row.name or "", masked_phone(row.phone) if row.phone else "",
                                     masked_email(row.email) if row.email else "", row.returns, row.refunded_minor,
                                     row.last_return_at, over(row)) for row in found)
        return SerialReturners(start, end, currency, rules.enabled, rules.max_returns, rules.days, limit, shown)

    def returns_of(self, customer_id: str, start: date, end: date) -> list[ReportReturn]:
        """The customer's returns in the period, oldest first, with their lines, as the report counts them."""
        return self.reports.behind(start, end, f"customer:{customer_id}", store_wide=True)
