"""The returns report of a period, for this till or the whole store, and the returns behind any of
its figures. Reading needs nobody on the command line; the window shows it to a signed-in manager."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from posreturns.domain.messages import translate
from posreturns.domain.report_rows import RecoveredItem, ReportReturn, Sales
from posreturns.domain.returns_report import ReturnsReport, behind, compute_report
from posreturns.services.collector import collector_paused
from posreturns.services.errors import BadInput
from posreturns.services.policies import PolicyService
from posreturns.services.returns.service import TillIdentity

MAX_DAYS = 400


class ReportSource(Protocol):
    def returns(self, start_utc: str, end_utc: str, currency: str, till_id: str | None, training: bool,
                timezone: ZoneInfo) -> list[ReportReturn]: ...

    def recovered(self, start_utc: str, end_utc: str) -> list[RecoveredItem]: ...

    def sales(self, store_id: str, start_utc: str, end_utc: str, currency: str) -> Sales | None: ...


def day_bounds(start: date, end: date, timezone: ZoneInfo) -> tuple[str, str]:
    """[start 00:00, the day after `end` 00:00) in the store's time zone, as UTC text."""
    first = datetime.combine(start, time(), timezone).astimezone(UTC)
    after = datetime.combine(end + timedelta(days=1), time(), timezone).astimezone(UTC)
    return first.strftime("%Y-%m-%dT%H:%M:%SZ"), after.strftime("%Y-%m-%dT%H:%M:%SZ")


def check_period(start: date, end: date) -> None:
    if end < start:
        raise BadInput(translate("services.reports", "The period ends ({0}) before it starts ({1}); give --from "
                                                     "before --to.").format(end, start))
    if (end - start).days >= MAX_DAYS:
        raise BadInput(translate("services.reports", "A report covers at most {0} days; ask for a shorter period.")
                       .format(MAX_DAYS))


class ReportService:
    def __init__(self, source: ReportSource, policies: PolicyService, identity: Callable[[], TillIdentity]) -> None:
        self.source, self.policies, self.identity = source, policies, identity

    def _rows(self, start: date, end: date, store_wide: bool) -> tuple[list[ReportReturn], list[RecoveredItem], str,
                                                                       str, str]:
        check_period(start, end)
        till = self.identity()
        zone = ZoneInfo(till.timezone)
        first, after = day_bounds(start, end, zone)
        currency = self.policies.active().currency
        rows = self.source.returns(first, after, currency, None if store_wide else till.till_id, till.training, zone)
        return rows, self.source.recovered(first, after), currency, first, after

    def report(self, start: date, end: date, store_wide: bool = False) -> ReturnsReport:
        with collector_paused():  # thousands of fresh rows without cycles (services/collector.py)
            rows, recovered, currency, first, after = self._rows(start, end, store_wide)
            till, policy = self.identity(), self.policies.active()
            costs = {d.value: cost.minor for d, cost in policy.handling_costs.items()}
            sales = self.source.sales(till.store_id, first, after, currency) if till.store_id else None
            return compute_report(rows, recovered, start=start, end=end,
                                  scope="store" if store_wide else f"till {till.till_id}", currency=currency,
                                  handling_costs=costs, sales=sales)

    def behind(self, start: date, end: date, trace: str, store_wide: bool = False) -> list[ReportReturn]:
        """The returns a figure of the report counts (`reason:DEFECTIVE`, `tender:cash`, `flag:kept`…)."""
        with collector_paused():
            rows, recovered, *_ = self._rows(start, end, store_wide)
        try:
            return behind(rows, recovered, trace)
        except ValueError:
            raise BadInput(translate("services.reports", "{0!r} is not a figure of the report; use a key such as "
                                                         "reason:DEFECTIVE, tender:cash, cashier:ID, "
                                                         "day:2026-11-26, flag:receiptless or kept:delivered (see "
                                                         "docs/manager.md).").format(trace)) from None
