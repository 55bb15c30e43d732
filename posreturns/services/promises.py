"""Use case: where a replacement can come from and when it reaches the customer.

Given a product code and a destination (the customer's home, or this store for pickup), the
stock the till's cache holds per location and the store's delivery network give one promise per
source, best first, each with the age of the stock it relies on (the cache may be hours old when
the till is offline). The store's delivery network file is loaded, checked and kept here too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from posreturns.domain.delivery_network_toml import NetworkError, parse_network
from posreturns.domain.permissions import Permission
from posreturns.domain.promise import DeliveryNetwork, Destination, Promise, promises
from posreturns.domain.promise_wording import sentence, time_words, when
from posreturns.domain.users import Principal
from posreturns.domain.utc import format_utc
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.ports import Clock
from posreturns.services.returns.ports import AuditEntry

NO_NETWORK = ("No delivery network is loaded on this till; load the store's file with "
              "`posreturns exchange network load FILE` (see docs/exchanges.md).")


@dataclass(frozen=True, slots=True)
class StockAt:
    location: str
    qty: int
    as_of: datetime | None  # when the cache last heard of this level; None: never synced


@dataclass(frozen=True, slots=True)
class StoredNetwork:
    store_id: str
    text: str
    sha256: str
    loaded_at: str


class StockReader(Protocol):
    def variant_title(self, code: str) -> tuple[str, str] | None:
        """(sku, title) of the variant a barcode or SKU designates."""
        ...

    def stock_at(self, sku: str) -> list[StockAt]: ...


class NetworkRepository(Protocol):
    def get(self, store_id: str) -> StoredNetwork | None: ...
    def save(self, network: StoredNetwork, audit: AuditEntry) -> None: ...


@dataclass(frozen=True, slots=True)
class SourcePromise:
    """One line of the picker: a source, its stock with its age, and its promise."""

    promise: Promise
    available: int
    stock_as_of: datetime | None
    stock_age: timedelta | None
    when: dict[str, str]  # {"en": "tomorrow before 12:00", "fr": "demain avant 12:00"}
    sentence: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        found, source = self.promise, self.promise.source
        return {
            "location": source.location, "name": source.name, "kind": source.kind.value,
            "available": self.available,
            "stock_as_of": self.stock_as_of.isoformat() if self.stock_as_of else None,
            "stock_age_minutes": None if self.stock_age is None else int(self.stock_age.total_seconds() // 60),
            "immediate": found.immediate, "ordered_on": found.ordered_on.isoformat(),
            "ships_on": found.ships_on.isoformat(), "arrives_on": found.arrives_on.isoformat(),
            "before": time_words(found.before) if found.before else None, "cost": str(found.cost),
            "when": self.when, "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class PromiseOptions:
    sku: str
    title: str
    destination: Destination
    asked_at: datetime  # in the store's zone
    promises: tuple[SourcePromise, ...]
    elsewhere: dict[str, int]  # stock at locations that cannot deliver there (no route, not in the network)

    def to_dict(self) -> dict[str, Any]:
        return {"sku": self.sku, "title": self.title, "destination": self.destination.value,
                "asked_at": self.asked_at.isoformat(), "promises": [p.to_dict() for p in self.promises],
                "elsewhere": self.elsewhere}


class PromiseService:
    """Loading the store's network file (`load`) is an administrator's, and audited; `install` is for
    setup code (the demo store)."""

    def __init__(self, stock: StockReader, networks: NetworkRepository, clock: Clock,
                 store_id: Callable[[], str], access: AccessService) -> None:
        self.stock, self.networks, self.clock, self.store_id, self.access = stock, networks, clock, store_id, access
        self._parsed: dict[str, DeliveryNetwork] = {}  # by sha256

    def network(self) -> DeliveryNetwork:
        stored = self.networks.get(self.store_id())
        if stored is None:
            raise BadInput(NO_NETWORK)
        if stored.sha256 not in self._parsed:
            self._parsed[stored.sha256] = parse_network(stored.text)
        return self._parsed[stored.sha256]

    def options(self, code: str, destination: Destination) -> PromiseOptions:
        found = self.stock.variant_title(code)
        if found is None:
            raise NotFound(f'No product has the code "{code}"; scan the label again or type the SKU.')
        sku, title = found
        network = self.network()
        now = self.clock.now().astimezone(network.zone)
        levels = {level.location: level for level in self.stock.stock_at(sku)}
        made = promises(network, {loc: level.qty for loc, level in levels.items()}, destination, now)
        lines = tuple(self._line(p, levels[p.source.location], now) for p in made)
        promised = {p.source.location for p in made}
        elsewhere = {loc: level.qty for loc, level in sorted(levels.items()) if level.qty > 0 and loc not in promised}
        return PromiseOptions(sku, title, destination, now, lines, elsewhere)

    def describe(self) -> dict[str, Any]:
        store_id = self.store_id()
        stored = self.networks.get(store_id)
        if stored is None:
            return {"store_id": store_id, "loaded": False, "text": None}
        network = self.network()
        return {"store_id": store_id, "loaded": True, "loaded_at": stored.loaded_at, "sha256": stored.sha256,
                "timezone": str(network.zone),
                "sources": [{"location": s.location, "name": s.name, "kind": s.kind.value,
                             "cutoff": time_words(s.cutoff), "preparation_days": s.preparation_days,
                             "routes": {d.value: {"transit_days": r.transit_days, "carrier": r.carrier.name,
                                                  "before": time_words(r.before) if r.before else None,
                                                  "cost": str(r.cost)} for d, r in s.routes.items()}}
                            for s in network.sources],
                "text": stored.text}

    def load(self, text: str, source: str, actor: Principal) -> dict[str, Any]:
        """Check and keep the store's network file; a bad file changes nothing and names the wrong key."""
        self.access.require(actor, Permission.LOAD_DELIVERY_NETWORK, source)
        return self._load(text, source, actor.user_id)

    def install(self, text: str, source: str) -> dict[str, Any]:
        return self._load(text, source, None)

    def _load(self, text: str, source: str, actor: str | None) -> dict[str, Any]:
        try:
            network = parse_network(text)
        except NetworkError as error:
            raise BadInput(f"{source}: {error} The delivery network was not changed.") from None
        store_id = self.store_id()
        if store_id and network.store_id != store_id:
            raise BadInput(f'{source} is the network of store "{network.store_id}" but this till is store '
                           f'"{store_id}"; load that store\'s file. The delivery network was not changed.')
        digest = hashlib.sha256(text.encode()).hexdigest()
        previous = self.networks.get(network.store_id)
        changed = previous is None or previous.sha256 != digest
        if changed:
            at = self.clock.now()
            detail = {"sha256": digest, "source": source, "previous": previous.sha256 if previous else None,
                      "sources": [s.location for s in network.sources]}
            self.networks.save(StoredNetwork(network.store_id, text, digest,
                                             format_utc(at)),
                               AuditEntry("delivery_network.loaded", actor, network.store_id, detail, at))
        return {"store_id": network.store_id, "sha256": digest, "changed": changed,
                "sources": [s.location for s in network.sources]}

    def _line(self, found: Promise, level: StockAt, now: datetime) -> SourcePromise:
        today = now.date()
        age = None if level.as_of is None else max(now - level.as_of, timedelta(0))
        return SourcePromise(found, level.qty, level.as_of, age,
                             {lang: when(found, today, lang) for lang in ("en", "fr")},
                             {lang: sentence(found, today, lang) for lang in ("en", "fr")})


def with_promises(variants: list[dict[str, Any]], service: PromiseService | None) -> list[dict[str, Any]]:
    """The exchange picker's variants (`Catalog.siblings`), each in stock here or elsewhere given its
    promises to the customer's home and to this store (`"promises": {"home": …, "store": …}`, the JSON
    of `exchange promise`: a size on the shelf here may also be sent home from this store); as they
    are when no delivery network is loaded."""
    if service is None:
        return variants
    try:
        service.network()
    except BadInput:
        return variants
    for variant in variants:
        if variant.get("stock_elsewhere") or variant.get("stock_here"):
            variant["promises"] = {d.value: service.options(variant["sku"], d).to_dict() for d in Destination}
    return variants
