"""The delivery promise of an exchange: when a replacement held elsewhere reaches the customer.

For one source (this store, a nearby store, the warehouse) and one destination (the customer's
home, or this store for pickup):

1. the order is taken today if the source works today and its cut-off time has not passed in the
   source's zone, otherwise on the source's next working day;
2. it leaves after `preparation_days` more working days of the source;
3. it travels `transit_days` working days of the route's carrier;
4. it arrives on the first day the carrier delivers and, for a pickup, this store is open.

The best promise comes first: the earliest arrival, then the cheapest route, then the order in
which the store listed its sources.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from posreturns.domain.business_days import SEARCH_LIMIT_DAYS, BusinessCalendar, NoWorkingDay
from posreturns.domain.money import Money

END_OF_DAY = time(23, 59, 59)


class Destination(StrEnum):
    HOME = "home"
    STORE = "store"


class SourceKind(StrEnum):
    HERE = "here"  # this store: a pickup here is handed over at once
    STORE = "store"
    WAREHOUSE = "warehouse"


@dataclass(frozen=True, slots=True)
class Route:
    """How a source's parcels reach one destination."""

    carrier: BusinessCalendar
    transit_days: int
    cost: Money
    before: time | None = None  # delivered before this time on the day; None: during the day


@dataclass(frozen=True, slots=True)
class Source:
    location: str  # the stock location id the OMS uses
    name: str
    kind: SourceKind
    calendar: BusinessCalendar
    zone: ZoneInfo
    cutoff: time
    preparation_days: int
    routes: Mapping[Destination, Route]


@dataclass(frozen=True, slots=True)
class DeliveryNetwork:
    """Where one store's exchanges can come from, and when this store is open for pickups."""

    store_id: str
    zone: ZoneInfo
    currency: str
    store_calendar: BusinessCalendar
    sources: tuple[Source, ...]

    def source(self, location: str) -> Source | None:
        return next((s for s in self.sources if s.location == location), None)


@dataclass(frozen=True, slots=True)
class Promise:
    source: Source
    destination: Destination
    ordered_on: date  # the day the source takes the order
    ships_on: date
    arrives_on: date
    before: time | None
    cost: Money
    immediate: bool = False  # in stock here, for a pickup here: handed over now

    def deadline(self, zone: ZoneInfo) -> datetime:
        """The latest moment of the promise, in `zone` (what promises are compared by)."""
        if self.immediate:
            return datetime.combine(self.arrives_on, time.min, zone)
        return datetime.combine(self.arrives_on, self.before or END_OF_DAY, zone)


def promise(network: DeliveryNetwork, source: Source, destination: Destination, now: datetime) -> Promise | None:
    """The promise of `source` for `destination` at the moment `now` (aware); None when the source
    has no route to that destination."""
    store_today = now.astimezone(network.zone).date()
    if source.kind is SourceKind.HERE and destination is Destination.STORE:
        return Promise(source, destination, store_today, store_today, store_today, None,
                       Money.zero(network.currency), immediate=True)
    route = source.routes.get(destination)
    if route is None:
        return None
    local = now.astimezone(source.zone)
    if source.calendar.works(local.date()) and local.time() < source.cutoff:
        ordered = local.date()
    else:
        ordered = source.calendar.next_working_day(local.date())
    ships = source.calendar.add_working_days(ordered, source.preparation_days)
    arrives = route.carrier.add_working_days(ships, route.transit_days)
    receiving = network.store_calendar if destination is Destination.STORE else None
    arrives = _first_receiving_day(route.carrier, receiving, arrives)
    return Promise(source, destination, ordered, ships, arrives, route.before, route.cost)


def promises(network: DeliveryNetwork, stock: Mapping[str, int], destination: Destination,
             now: datetime) -> list[Promise]:
    """Every source holding stock (`stock`: units by location) that can deliver `destination`,
    best first."""
    found: list[tuple[datetime, int, int, Promise]] = []
    for position, source in enumerate(network.sources):
        if stock.get(source.location, 0) <= 0:
            continue
        made = promise(network, source, destination, now)
        if made is not None:
            found.append((made.deadline(network.zone), made.cost.minor, position, made))
    return [item[3] for item in sorted(found, key=lambda item: item[:3])]


def _first_receiving_day(carrier: BusinessCalendar, store: BusinessCalendar | None, start: date) -> date:
    day = start
    for _ in range(SEARCH_LIMIT_DAYS):
        if carrier.works(day) and (store is None or store.works(day)):
            return day
        day += timedelta(days=1)
    raise NoWorkingDay(f'The carrier "{carrier.name}" and the store never work on the same day after {start}.')
