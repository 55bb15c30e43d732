"""Units a return holds (disposition INSPECT, REFURBISH or RESALE: the quarantine bucket) and what a
manager does with each: the actions, the stock buckets each one moves the unit between, and the
refusal of a second action on a unit already acted on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from posreturns.domain.errors import UserFacingError
from posreturns.domain.messages import translate
from posreturns.domain.returns import StockBucket


class UnitAction(StrEnum):
    RELEASE = "release"      # back on sale
    REFURBISH = "refurbish"  # stays held, with a note
    RESALE = "resale"        # graded, sold as second hand
    RTV = "rtv"              # returned to the vendor, in a batch
    SCRAP = "scrap"          # scrapped or recycled, with a reason


class UnitState(StrEnum):
    HELD = "held"
    REFURBISHING = "refurbishing"
    RELEASED = "released"
    RESALE = "resale"
    RTV = "rtv"
    SCRAPPED = "scrapped"

    @property
    def in_queue(self) -> bool:
        return self in (UnitState.HELD, UnitState.REFURBISHING)


TARGET: dict[UnitAction, tuple[UnitState, StockBucket | None]] = {
    UnitAction.RELEASE: (UnitState.RELEASED, StockBucket.SELLABLE),
    UnitAction.REFURBISH: (UnitState.REFURBISHING, None),
    UnitAction.RESALE: (UnitState.RESALE, StockBucket.RESALE),
    UnitAction.RTV: (UnitState.RTV, StockBucket.RTV),
    UnitAction.SCRAP: (UnitState.SCRAPPED, StockBucket.SCRAP),
}

_DONE = {UnitState.RELEASED: translate("domain.held_units", "released to sale"),
         UnitState.RESALE: translate("domain.held_units", "sent to second hand"),
         UnitState.RTV: translate("domain.held_units", "returned to the vendor"),
         UnitState.SCRAPPED: translate("domain.held_units", "scrapped")}


class AlreadyActed(UserFacingError):
    """A unit left the queue before this action: nothing was changed."""


@dataclass(frozen=True, slots=True)
class HeldUnit:
    """One unit held by a return, as the queue shows it."""

    id: str  # also the code printed on its inspection tag
    return_id: str
    return_number: str
    order_number: str | None
    till_id: str | None
    location: str
    sku: str
    title: str
    category: str
    reason: str
    condition: str
    disposition: str
    cashier_note: str
    serial: str | None
    alerts: tuple[str, ...]
    received_at: datetime
    refund_minor: int
    currency: str
    state: UnitState
    acted_by: str | None = None
    acted_at: datetime | None = None
    note: str = ""
    vendor: str | None = None
    batch_id: str | None = None

    def age_hours(self, now: datetime) -> float:
        return max(0.0, (now - self.received_at).total_seconds() / 3600)


def check_can_act(unit: HeldUnit, action: UnitAction) -> None:
    """Refuse an action on a unit that left the queue, saying who did what and when."""
    if unit.state.in_queue:
        return
    who = unit.acted_by or "?"
    when = unit.acted_at.strftime("%Y-%m-%d %H:%M") if unit.acted_at else "?"
    raise AlreadyActed(translate("domain.held_units", "Unit {0} was already {1} by {2} on {3} UTC; nothing was "
                                                      "changed (reload the queue).")
                       .format(unit.id, _DONE[unit.state], who, when))


def unit_ids(return_number: str, quantities: list[int]) -> list[list[str]]:
    """The ids of the units of each line of a return: `U…-n`, n counting the return's units.

    Built from the return number (`R<store>-<till>-<seq>`) so a tag never reads as a receipt."""
    stem = "U" + return_number[1:] if return_number.startswith("R") else "U" + return_number
    ids, n = [], 0
    for qty in quantities:
        line = []
        for _ in range(qty):
            n += 1
            line.append(f"{stem}-{n}")
        ids.append(line)
    return ids
