"""The store manager's use cases: the restock queue, the second-hand channel, RTV batches and the
staff alerts inbox. Reading needs nobody; every action needs a manager (`Permission.MANAGE_RESTOCK`,
`RESOLVE_ALERTS`) and is written with its stock moves, audit row and outbox event, or not at all."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from posreturns.domain.held_units import HeldUnit, UnitAction, UnitState
from posreturns.domain.messages import Text, translate
from posreturns.domain.money import Money
from posreturns.domain.permissions import Permission
from posreturns.domain.resale import GRADE_WORDS, Grade, resale_price
from posreturns.domain.returns import Disposition
from posreturns.domain.users import Principal
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.input_checks import storable
from posreturns.services.policies import PolicyService
from posreturns.services.ports import Clock
from posreturns.services.restock_ports import (
    Actor,
    AlertStore,
    ResaleItem,
    ResaleOffer,
    ResaleStore,
    RestockStore,
    RtvBatch,
    RtvStore,
    StaffAlert,
    UnitChange,
)
from posreturns.services.returns.service import TillIdentity

NOTE_MAX = 500


def clean_note(text: str, what: Text, required: bool = False) -> str:
    note = " ".join((text or "").split())
    if required and not note:
        raise BadInput(translate("services.restock", "Give {0}; nothing was changed.").format(what))
    if len(note) > NOTE_MAX or not storable(note):
        raise BadInput(translate("services.restock", "The {0} is too long or holds control characters; keep it "
                                                     "under {1} characters.").format(what, NOTE_MAX))
    return note


class RestockService:
    def __init__(self, units: RestockStore, resale: ResaleStore, rtv: RtvStore, alerts: AlertStore,
                 access: AccessService, policies: PolicyService, clock: Clock,
                 identity: Callable[[], TillIdentity]) -> None:
        self.store, self.resale_store, self.rtv_store, self.alert_store = units, resale, rtv, alerts
        self.access, self.policies, self.clock, self.identity = access, policies, clock, identity

    # -- reading -----------------------------------------------------------------------------------------
    def queue(self, include_done: bool = False) -> list[HeldUnit]:
        return self.store.units(include_done)

    def find(self, code: str) -> HeldUnit:
        unit = self.store.unit(code)
        if unit is None:
            raise NotFound(translate("services.restock", "No held unit {0!r} on this till; scan its inspection "
                                                         "tag again or check the restock queue.").format(code.strip()))
        return unit

    def batches(self, status: str | None = None) -> list[RtvBatch]:
        return self.rtv_store.batches(status)

    def resale_items(self) -> list[ResaleItem]:
        return self.resale_store.items()

    def alerts(self, status: str | None = None) -> list[StaffAlert]:
        return self.alert_store.alerts(status)

    def open_alert_count(self) -> int:
        return self.alert_store.open_count()

    def resale_quote(self, code: str, grade: Grade) -> Money:
        """The price a unit would sell at in `grade`, from the active policy's grade table."""
        unit = self.find(code)
        paid = Money.from_minor(self.resale_store.paid_per_unit(unit.id), unit.currency)
        return resale_price(paid, grade, self.policies.active().resale)

    # -- actions -----------------------------------------------------------------------------------------
    def act(self, actor: Principal, action: UnitAction, codes: Sequence[str], note: str = "",
            vendor: str = "") -> list[HeldUnit]:
        """Release, refurbish, return to the vendor or scrap units: all of them or, on a refusal, none."""
        if action is UnitAction.RESALE:
            raise BadInput(translate("services.restock", "Grade a unit for second hand with its grade (A, B or C)."))
        wanted = list(dict.fromkeys(c.strip().upper() for c in codes if c.strip()))
        if not wanted:
            raise BadInput(translate("services.restock", "Name at least one held unit (its id, or scan its "
                                                         "inspection tag)."))
        self.access.require(actor, Permission.MANAGE_RESTOCK, subject=",".join(wanted))
        note = clean_note(note, translate("services.notes", "the reason for scrapping") if action is UnitAction.SCRAP
                          else translate("services.notes", "note"),
                          required=action in (UnitAction.SCRAP, UnitAction.REFURBISH))
        supplier = (clean_note(vendor, translate("services.notes", "the vendor"), required=True)[:80]
                    if action is UnitAction.RTV else None)
        return self.store.act(self._actor(actor), [UnitChange(c, action, note, supplier) for c in wanted])

    def resell(self, actor: Principal, code: str, grade: Grade) -> ResaleItem:
        """Grade a held unit for second hand: its own SKU, in-store EAN-13 and price."""
        self.access.require(actor, Permission.MANAGE_RESTOCK, subject=code.strip().upper())
        return self._resell(actor, self.find(code), grade)

    def grade_at_return(self, actor: Principal, unit_id: str, grade: Grade) -> ResaleItem:
        """The cashier's grade of a unit the policy sends to second hand, given with the return that holds
        it (grading.py calls it for that return's units, right after its commit); any other unit waits
        for a manager."""
        self.access.require(actor, Permission.COMPLETE_RETURN, subject=unit_id)
        unit = self.find(unit_id)
        if unit.disposition != Disposition.RESALE.value or unit.state is not UnitState.HELD:
            raise BadInput(translate("services.restock", "Unit {0} is not waiting for its second-hand grade; a "
                                                         "manager grades it from the restock queue.").format(unit.id))
        return self._resell(actor, unit, grade)

    def _resell(self, actor: Principal, unit: HeldUnit, grade: Grade) -> ResaleItem:
        rules = self.policies.active().resale
        paid = Money.from_minor(self.resale_store.paid_per_unit(unit.id), unit.currency)
        price = resale_price(paid, grade, rules)
        title = f"{unit.title} · {GRADE_WORDS[grade]} ({grade.value})"
        offer = ResaleOffer(unit.id, grade, price.minor, unit.refund_minor, unit.currency, title, rules.ean_prefix)
        return self.resale_store.resell(self._actor(actor), offer)

    def ship(self, actor: Principal, batch_id: str, reference: str = "") -> RtvBatch:
        self.access.require(actor, Permission.MANAGE_RESTOCK, subject=batch_id)
        reference = clean_note(reference, translate("services.notes", "the shipping reference"))
        return self.rtv_store.ship(self._actor(actor), batch_id, reference)

    def settle_alert(self, actor: Principal, alert_id: int, resolve: bool, note: str = "") -> StaffAlert:
        self.access.require(actor, Permission.RESOLVE_ALERTS, subject=str(alert_id))
        note = clean_note(note, translate("services.notes", "what was done"), required=resolve)
        return self.alert_store.settle(self._actor(actor), alert_id, "resolved" if resolve else "acknowledged", note)

    def _actor(self, principal: Principal) -> Actor:
        till = self.identity()
        return Actor(principal.user_id, till.store_id, till.till_id, self.clock.now(), till.training)
