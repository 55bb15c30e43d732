"""Closing a till's day: the totals by tender, the cash count against the cash paid out, and a
refusal while sync exceptions or unconfirmed card refunds are open, unless a manager gives a reason
(audited). A closed day never changes; returns recorded on it later are closed by a correction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from posreturns.domain.day_close import DayClose, DayTotals, DayWindow, OpenItems
from posreturns.domain.drawer import DrawerCash
from posreturns.domain.messages import translate
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.policies import PolicyService
from posreturns.services.ports import Clock
from posreturns.services.restock import clean_note
from posreturns.services.returns.service import TillIdentity


class DayStore(Protocol):
    def closes(self, till_id: str, business_day: date | None = None) -> list[DayClose]: ...

    def by_z(self, till_id: str, z_number: int) -> DayClose | None: ...

    def totals(self, window: DayWindow, currency: str, training: bool) -> DayTotals: ...

    def open_items(self, till_id: str, until: datetime, training: bool) -> OpenItems: ...

    def record(self, window: DayWindow, closed_by: str, at: datetime, currency: str, cash_counted_minor: int,
               open_items: OpenItems, override_reason: str | None, training: bool,
               drawer: DrawerCash | None = None) -> DayClose: ...


class OpenItemsRemain(BadInput):
    """The day cannot close while these are open (a manager may override with a reason)."""

    def __init__(self, items: OpenItems) -> None:
        self.items = items
        super().__init__(translate("services.day_close", "The day cannot close: {0} still open. Settle them in the "
                                   "manager's workspace (or `posreturns sync exceptions`, `return confirm`), or close "
                                   "with --override REASON.").format(items))


class DayCloseService:
    def __init__(self, store: DayStore, access: AccessService, policies: PolicyService, clock: Clock,
                 identity: Callable[[], TillIdentity]) -> None:
        self.store, self.access, self.policies, self.clock, self.identity = store, access, policies, clock, identity
        # the day's drawer float and the cash paid out since (set by the composition root)
        self.drawer: Callable[[date], DrawerCash | None] = lambda business_day: None

    def drawer_cash(self, business_day: date | None = None) -> DrawerCash | None:
        """The float of `business_day` (default today) and the cash paid out since, None without a float:
        with one, the close counts the cash in the drawer against the float less what it paid out."""
        return self.drawer(business_day or self.today())

    def today(self) -> date:
        return self.clock.now().astimezone(ZoneInfo(self.identity().timezone)).date()

    def window(self, business_day: date | None = None) -> DayWindow:
        """What closing `business_day` (default today) now would cover."""
        till, now = self.identity(), self.clock.now()
        zone = ZoneInfo(till.timezone)
        day = business_day or self.today()
        if day > self.today():
            raise BadInput(translate("services.day_close", "{0} has not begun yet; a day closes once it has "
                                                           "started.").format(day))
        start = datetime.combine(day, time(), zone)
        end = min(now, datetime.combine(day + timedelta(days=1), time(), zone))
        earlier = self.store.closes(till.till_id, day)
        if earlier:
            start = earlier[-1].window.end
        return DayWindow(till.till_id, day, len(earlier) + 1, start, end)

    def preview(self, business_day: date | None = None) -> tuple[DayWindow, DayTotals, OpenItems]:
        """The totals and open items a close would record now (nothing is written)."""
        till, window = self.identity(), self.window(business_day)
        currency = self.policies.active().currency
        return (window, self.store.totals(window, currency, till.training),
                self.store.open_items(till.till_id, window.end, till.training))

    def close(self, actor: Principal, cash_counted_minor: int, business_day: date | None = None,
              override_reason: str = "") -> DayClose:
        self.access.require(actor, Permission.CLOSE_DAY, subject=str(business_day or self.today()))
        if cash_counted_minor < 0:
            raise BadInput(translate("services.day_close", "The cash count cannot be negative; enter the cash "
                                                           "counted (in the drawer when a float was entered, "
                                                           "else paid out for returns)."))
        reason = clean_note(override_reason, translate("services.notes", "the reason for closing with items "
                                                                         "open"))
        till = self.identity()
        window, totals, items = self.preview(business_day)
        if window.seq > 1 and totals.returns == 0:
            last = self.store.closes(till.till_id, window.business_day)[-1]
            raise BadInput(translate("services.day_close", "Day {0} is closed (Z {1} by {2}) and no return was "
                                                           "recorded at this till since; there is nothing to "
                                                           "correct.")
                           .format(window.business_day, last.z_number, last.closed_by))
        if items.any and not reason:
            raise OpenItemsRemain(items)
        return self.store.record(window, actor.user_id, self.clock.now(), self.policies.active().currency,
                                 cash_counted_minor, items, reason if items.any else None, till.training,
                                 self.drawer_cash(window.business_day))

    def closes(self, business_day: date | None = None) -> list[DayClose]:
        return self.store.closes(self.identity().till_id, business_day)

    def by_z(self, z_number: int) -> DayClose:
        found = self.store.by_z(self.identity().till_id, z_number)
        if found is None:
            raise NotFound(translate("services.day_close", "Till {0} has no Z {1}; `posreturns day list` shows "
                                                           "them.").format(self.identity().till_id, z_number))
        return found
