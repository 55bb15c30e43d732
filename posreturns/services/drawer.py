"""The drawer float of a till: entered at the start of a shift (the window asks after the first
sign-in of the day, a host POS sets it through its widget, or `posreturns drawer float AMOUNT`),
kept per till and business day (the store's time zone) and audited. The cash in the drawer, the float
less what the till paid out since, is what the policy's cash rule checks a cash refund against."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from posreturns.domain.decision import money_text
from posreturns.domain.drawer import DrawerCash, DrawerFloat
from posreturns.domain.messages import Worded, translate
from posreturns.domain.money import Money, parse_minor
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput
from posreturns.services.policies import PolicyService
from posreturns.services.ports import Clock
from posreturns.services.returns.service import TillIdentity

# a float above this is a typing slip (an amount in cents, a zero too many), not a drawer's cash
MOST_MINOR = 10_000_000


class DrawerStore(Protocol):
    def latest(self, till_id: str, business_day: date, training: bool) -> DrawerFloat | None: ...

    def record(self, entry: DrawerFloat, training: bool) -> None: ...

    def cash_paid_since(self, till_id: str, since: datetime, until: datetime, currency: str,
                        training: bool) -> int: ...


class DrawerService:
    def __init__(self, store: DrawerStore, access: AccessService, policies: PolicyService, clock: Clock,
                 identity: Callable[[], TillIdentity]) -> None:
        self.store, self.access, self.policies, self.clock, self.identity = store, access, policies, clock, identity

    def today(self) -> date:
        return self.clock.now().astimezone(ZoneInfo(self.identity().timezone)).date()

    def current_float(self, till_id: str | None = None, business_day: date | None = None) -> DrawerFloat | None:
        """Today's (or `business_day`'s) float of this till (or of `till_id`), None when none was entered."""
        till = self.identity()
        return self.store.latest(till_id or till.till_id, business_day or self.today(), till.training)

    def set_float(self, actor: Principal, amount: str) -> DrawerFloat:
        """Record today's float, typed as a decimal ("150", "150.00" or "150,00"); a later entry
        (a recount) replaces it for the rest of the day. Audited."""
        till = self.identity()
        self.access.require(actor, Permission.SET_DRAWER_FLOAT, subject=till.till_id)
        currency = self.policies.active().currency
        minor = parse_minor(amount.strip().replace(",", "."), currency)  # InvalidAmount: one sentence
        if minor < 0 or minor > MOST_MINOR:
            raise BadInput(translate("services.drawer", "The float is the cash counted into the drawer: enter an "
                                                        "amount from 0 to {0}.")
                           .format(Worded(money_text, Money.from_minor(MOST_MINOR, currency))))
        entry = DrawerFloat(till.till_id, self.today(), Money.from_minor(minor, currency), actor.user_id,
                            self.clock.now())
        self.store.record(entry, till.training)
        return entry

    def cash(self, till_id: str | None = None, business_day: date | None = None) -> DrawerCash | None:
        """Today's (or `business_day`'s) float and the cash paid out since; None without a float."""
        entry = self.current_float(till_id, business_day)
        if entry is None:
            return None
        till, currency = self.identity(), entry.amount.currency
        # up to the day's end: a past day's close counts only what left the drawer that day
        end = datetime.combine(entry.business_day + timedelta(days=1), time(), ZoneInfo(till.timezone))
        paid = self.store.cash_paid_since(entry.till_id, entry.set_at, end, currency, till.training)
        return DrawerCash(entry, Money.from_minor(paid, currency), end)

    def cash_in_drawer(self, till_id: str | None = None) -> Money | None:
        """What the policy's cash rule checks a cash refund against; None (no limit) without a float,
        or with a float in another currency than the policy's."""
        cash = self.cash_for_refunds(till_id)
        return None if cash is None else cash.in_drawer

    def cash_for_refunds(self, till_id: str | None = None) -> DrawerCash | None:
        """The drawer whose cash the policy's cash rule checks a refund against (see `cash_in_drawer`)."""
        cash = self.cash(till_id)
        if cash is None or cash.float.amount.currency != self.policies.active().currency:
            return None
        return cash
