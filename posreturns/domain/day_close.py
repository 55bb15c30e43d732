"""The close of a till's day: what its returns paid out by tender, the cash the manager counted
against the cash the drawer paid out, and what was still open when it closed.

A close covers the returns of one till between two moments: from the start of the business day (or
the previous close of that day) to the close. Once recorded it never changes; a return recorded on
a closed day is covered by a later close of that day, a correction with its own Z number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from posreturns.domain.messages import translate


@dataclass(frozen=True, slots=True)
class TenderTotal:
    """What the returns of the close paid out in one tender, and who paid it (till or host terminal)."""

    method: str
    executed_by: str  # till | host
    returns: int
    amount_minor: int


@dataclass(frozen=True, slots=True)
class OpenItems:
    """What a manager should settle before closing: events the OMS refused (and those held behind
    them), card refunds the host's terminal never confirmed (by return number), and returns parked
    for a manager's approval."""

    sync_exceptions: int
    unconfirmed_card_refunds: tuple[str, ...]
    approvals: int = 0  # returns parked for a manager, not decided or not completed yet
    unpaid_card_refunds: int = 0  # marked failed, and not paid another way yet

    @property
    def any(self) -> bool:
        return bool(self.sync_exceptions or self.unconfirmed_card_refunds or self.approvals or self.unpaid_card_refunds)

    def sentence(self, language: str = "en") -> str:
        return self.in_language(language)

    def in_language(self, language: str) -> str:
        parts = []
        if self.sync_exceptions:
            parts.append(translate("domain.day_close", "{0} sync exception(s)").format(self.sync_exceptions))
        if self.unconfirmed_card_refunds:
            parts.append(translate("domain.day_close", "{0} card refund(s) the terminal has not confirmed")
                         .format(len(self.unconfirmed_card_refunds)))
        if self.unpaid_card_refunds:
            parts.append(translate("domain.day_close", "{0} failed card refund(s) not paid another way")
                         .format(self.unpaid_card_refunds))
        if self.approvals:
            parts.append(translate("domain.day_close", "{0} return(s) waiting for a manager").format(self.approvals))
        return ", ".join(part.in_language(language) for part in parts)


@dataclass(frozen=True, slots=True)
class DayWindow:
    """The returns a close covers: this till's, created in [start, end)."""

    till_id: str
    business_day: date
    seq: int  # 1: the close of the day; 2, 3…: corrections for returns recorded after it
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class DayTotals:
    returns: int
    refund_total_minor: int
    tenders: tuple[TenderTotal, ...]

    @property
    def cash_paid_minor(self) -> int:
        """The cash the drawer paid out (cash executed by the till; the host's cash is the host's)."""
        return sum(t.amount_minor for t in self.tenders if t.method == "cash" and t.executed_by == "till")


@dataclass(frozen=True, slots=True)
class DayClose:
    window: DayWindow
    z_number: int
    closed_at: datetime
    closed_by: str
    currency: str
    totals: DayTotals
    cash_counted_minor: int
    open_items: OpenItems
    override_reason: str | None
    training: bool = False
    # the day's drawer float and the cash the till paid out since it was entered; with a float the
    # count is the cash in the drawer, without one the cash the drawer paid out
    float_minor: int | None = None
    float_paid_minor: int = 0

    @property
    def cash_expected_minor(self) -> int:
        """The cash in the drawer (float less what it paid out) or, without a float, the cash paid out."""
        if self.float_minor is not None:
            return self.float_minor - self.float_paid_minor
        return self.totals.cash_paid_minor

    @property
    def difference_minor(self) -> int:
        """Counted less expected. With a float, above zero the drawer holds more than expected; without
        one, above zero more cash left the drawer than the returns account for."""
        return self.cash_counted_minor - self.cash_expected_minor
