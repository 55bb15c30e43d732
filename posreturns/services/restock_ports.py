"""Ports of the restock queue, the second-hand channel and the alerts inbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from posreturns.domain.held_units import HeldUnit, UnitAction
from posreturns.domain.resale import Grade


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts, and from which till of which store."""

    user_id: str
    store_id: str
    till_id: str
    at: datetime
    training: bool = False


@dataclass(frozen=True, slots=True)
class UnitChange:
    """One action on one unit, as the repository writes it."""

    unit_id: str
    action: UnitAction
    note: str = ""
    vendor: str | None = None


@dataclass(frozen=True, slots=True)
class ResaleOffer:
    """What a graded unit becomes: its price and what was refunded for it (the recovery)."""

    unit_id: str
    grade: Grade
    price_minor: int
    refund_minor: int
    currency: str
    title: str
    ean_prefix: str


@dataclass(frozen=True, slots=True)
class RtvBatch:
    id: str
    vendor: str
    location: str
    status: str
    created_at: datetime
    created_by: str
    shipped_at: datetime | None
    shipped_by: str | None
    reference: str | None
    units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ResaleItem:
    sku: str
    unit_id: str
    ean13: str
    grade: Grade
    title: str
    price_minor: int
    refund_minor: int
    currency: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True, slots=True)
class StaffAlert:
    id: int
    code: str
    return_id: str
    return_number: str
    sku: str
    title: str
    units: tuple[str, ...]
    raised_at: datetime
    status: str
    acknowledged_by: str | None
    resolved_by: str | None
    resolved_at: datetime | None
    note: str



class RestockStore(Protocol):
    def units(self, include_done: bool = False) -> list[HeldUnit]: ...

    def unit(self, code: str) -> HeldUnit | None: ...

    def act(self, actor: Actor, changes: Sequence[UnitChange]) -> list[HeldUnit]: ...


class ResaleStore(Protocol):
    def paid_per_unit(self, unit_id: str) -> int: ...

    def resell(self, actor: Actor, offer: ResaleOffer) -> ResaleItem: ...

    def items(self) -> list[ResaleItem]: ...

    def item(self, unit_id: str) -> ResaleItem | None: ...


class RtvStore(Protocol):
    def batches(self, status: str | None = None) -> list[RtvBatch]: ...

    def ship(self, actor: Actor, batch_id: str, reference: str) -> RtvBatch: ...


class AlertStore(Protocol):
    def alerts(self, status: str | None = None) -> list[StaffAlert]: ...

    def settle(self, actor: Actor, alert_id: int, status: str, note: str) -> StaffAlert: ...

    def open_count(self) -> int: ...
