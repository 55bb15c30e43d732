"""The cash drawer of a till over a business day: the float it started with and the cash the till
has paid out of it since. The cash in the drawer is what the policy's cash rule checks a cash
refund against (not enough: the cash part is given as store credit)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from posreturns.domain.money import Money


@dataclass(frozen=True, slots=True)
class DrawerFloat:
    """The cash counted into the drawer at the start of a shift (the latest entry of the day counts)."""

    till_id: str
    business_day: date
    amount: Money
    set_by: str
    set_at: datetime


@dataclass(frozen=True, slots=True)
class DrawerCash:
    """The float and the cash the till paid out since it was entered (cash refunds, and failed card
    refunds paid in cash). The difference of an exchange is collected by the host, never counted here."""

    float: DrawerFloat
    paid_out: Money
    counted_until: datetime  # the end of the float's business day: cash paid out after it is the next day's

    @property
    def in_drawer(self) -> Money:
        return self.float.amount - self.paid_out
