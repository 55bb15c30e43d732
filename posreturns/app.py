"""The composition root: builds the object graph for the command line, the window and the plugin.

Nothing is built at import time; `open_till` is called once per process (or per test).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from posreturns.devices.printing import PrinterSettings, ReceiptPrinting
from posreturns.devices.receipt_layout import StoreHeader
from posreturns.paths import DATABASE_FILE
from posreturns.persistence import migrate
from posreturns.persistence.cache_writer import SqlCacheWriter
from posreturns.persistence.catalog import SqlCatalog
from posreturns.persistence.engine import create_sqlite_engine
from posreturns.persistence.order_repository import SqlOrderRepository
from posreturns.persistence.policy_repository import SqlPolicyRepository
from posreturns.persistence.print_jobs import SqlPrintJobs
from posreturns.persistence.return_queries import SqlReturnQueries
from posreturns.persistence.return_recorder import SqlReturnRecorder
from posreturns.persistence.settings import SqlSettings
from posreturns.persistence.till_overview import SqlTillOverview
from posreturns.persistence.user_repository import SqlUserRepository
from posreturns.services.approvals import ApprovalService, UserAdmin
from posreturns.services.clock import FixedClock, SystemClock, parse_now
from posreturns.services.errors import BadInput
from posreturns.services.lookup import OrderLookup
from posreturns.services.policies import PolicyService
from posreturns.services.ports import Clock
from posreturns.services.return_resolver import ReturnResolver
from posreturns.services.returns import ReturnService, TillIdentity

CLOCK_OVERRIDE_ENV = "POSRETURNS_ALLOW_CLOCK_OVERRIDE"


@dataclass
class Till:
    """Everything a front end needs, wired to one data folder."""

    data_dir: Path
    engine: Engine
    orders: SqlOrderRepository
    lookup: OrderLookup
    cache_writer: SqlCacheWriter
    settings: SqlSettings
    clock: Clock
    queries: SqlReturnQueries
    policies: PolicyService
    users: UserAdmin
    approvals: ApprovalService
    returns: ReturnService
    connectivity: Any = None  # posreturns.sync.connectivity.Connectivity, once attach_oms ran
    closers: list[Any] = field(default_factory=list)

    def close(self) -> None:
        for close in self.closers:
            close()
        self.engine.dispose()

    def __enter__(self) -> Till:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def make_clock(now: str | None) -> Clock:
    """The system clock, or a fixed one for `--now` when the environment allows it (tests, demos)."""
    if now is None:
        return SystemClock()
    if os.environ.get(CLOCK_OVERRIDE_ENV) != "1":
        raise BadInput(f"--now is refused on a real till; it works only with {CLOCK_OVERRIDE_ENV}=1 (tests and demos).")
    return FixedClock(parse_now(now))


def open_till(data_dir: Path, *, clock: Clock | None = None, till_id: str | None = None) -> Till:
    """Open (creating and migrating if needed) the till's store in `data_dir`."""
    engine = create_sqlite_engine(data_dir / DATABASE_FILE)
    migrate.upgrade(engine)
    clock = clock or SystemClock()
    orders = SqlOrderRepository(engine)
    settings = SqlSettings(engine)
    timezone = settings.store_timezone()
    lookup = OrderLookup(orders, timezone=timezone)
    queries = SqlReturnQueries(engine)
    users = SqlUserRepository(engine)
    policies = PolicyService(SqlPolicyRepository(engine), clock)
    approvals = ApprovalService(users, clock)

    def identity() -> TillIdentity:
        return TillIdentity(settings.store_id() or "", till_id or settings.get("till.id") or "T1",
                            settings.store_timezone())

    returns = ReturnService(ReturnResolver(lookup, orders, queries), queries, SqlReturnRecorder(engine), approvals,
                            policies, clock, identity)
    return Till(data_dir, engine, orders, lookup, SqlCacheWriter(engine), settings, clock, queries, policies,
                UserAdmin(users, clock), approvals, returns)


def printer_settings(till: Till, printer_url: str | None = None) -> PrinterSettings:
    """The configured printer (`config set printer.url …`), or `--printer URL` for one command."""
    url = printer_url or till.settings.get("printer.url") or ""
    if not url:
        raise BadInput("No receipt printer is configured; run `posreturns config set printer.url tcp://HOST:9100` "
                       "or pass --printer URL.")
    language = till.settings.get("language") or "fr"
    return PrinterSettings(url, till.settings.get("printer.profile") or "epson-tm-t20iii",
                           "en" if language.startswith("en") else "fr")


def open_printing(till: Till, printer_url: str | None = None) -> ReceiptPrinting:
    """Receipt printing for this till: jobs stored in its database, sent to its printer."""
    catalog = SqlCatalog(till.engine)

    def header() -> StoreHeader:
        store_id = till.settings.store_id() or ""
        name = SqlTillOverview(till.engine).store_name(store_id)
        return StoreHeader(name or store_id, store_id, till.settings.get("till.id") or "T1",
                           till.settings.get("store.address") or "")

    def titles(skus: list[str]) -> dict[str, str]:
        found = {}
        for sku in skus:
            variant = catalog.find_variant(sku)
            if variant:
                found[sku] = variant["title"]
        return found

    def local_time(moment: datetime) -> datetime:
        return moment.astimezone(ZoneInfo(till.settings.store_timezone()))

    def placed_at(order_id: str) -> datetime | None:
        order = till.orders.get(order_id)
        return local_time(order.placed_at) if order else None

    return ReceiptPrinting(SqlPrintJobs(till.engine), till.queries, lambda: printer_settings(till, printer_url),
                           header, titles, placed_at, local_time)


def attach_oms(till: Till, gateway: Any = None, clock: Any = None) -> Any:
    """Connect `till`'s lookups and returns to its OMS, when one is configured (or `gateway` given):
    a receipt missing from the cache is fetched from the OMS, and returns apply the offline rules
    whenever the OMS does not answer — one connectivity state (sync/connectivity.py), shared by the
    window, the host's widget and the command line. The OMS is asked with short timeouts, and only
    when needed. Returns the Connectivity."""
    from posreturns.persistence.sync_state import SqlSyncState
    from posreturns.services.sync_ports import OmsNotConfigured, OmsUnavailable
    from posreturns.sync.connectivity import Connectivity
    from posreturns.sync.fetch import RemoteOrderFetcher
    from posreturns.sync.settings import LOOKUP_TIMEOUT, gateway_from_settings

    clock = clock or till.clock
    state = SqlSyncState(till.engine, till.cache_writer)
    made: dict[str, Any] = {"gateway": gateway}

    def oms() -> Any:
        if made["gateway"] is None:
            made["gateway"] = gateway_from_settings(till.settings, clock, till.data_dir, timeout=LOOKUP_TIMEOUT)
            till.closers.append(made["gateway"].close)
        return made["gateway"]

    def probe() -> dict[str, Any]:
        try:
            return dict(oms().probe())
        except OmsNotConfigured as error:
            raise OmsUnavailable(str(error)) from None

    def fetch(number: str) -> bool:
        try:
            return RemoteOrderFetcher(oms(), state, clock)(number)
        except OmsNotConfigured:
            return False

    configured = (lambda: True) if gateway is not None else (lambda: bool(till.settings.get("oms.url")))
    can_probe = gateway is None or hasattr(gateway, "probe")
    till.connectivity = Connectivity(state, clock, configured, probe if can_probe else None)
    till.returns.offline_now = till.connectivity.offline
    till.lookup.fetch_missing = fetch if (gateway is not None or till.settings.get("oms.url")) else None
    return till.connectivity


def open_sync(till: Till, gateway: Any = None, clock: Any = None) -> Any:
    """The sync engine of `till` (a `posreturns.sync.engine.SyncEngine`), with the OMS from the
    till's settings (`oms.url`, key from the credential store) unless a gateway is given (tests).
    Also connects the till's lookups and returns to the OMS (`attach_oms`). A change of the OMS or of
    the store is noticed at the next run: the cursors of the old one are forgotten."""
    from posreturns.persistence.outbox import SqlOutbox, owner_id
    from posreturns.persistence.sync_state import SqlSyncState
    from posreturns.sync.engine import SyncEngine
    from posreturns.sync.settings import gateway_from_settings

    clock = clock or till.clock
    given = gateway is not None
    gateway = gateway or gateway_from_settings(till.settings, clock, till.data_dir)
    state = SqlSyncState(till.engine, till.cache_writer)

    def identity() -> str:
        return f"{till.settings.get('oms.url') or gateway.name}|{till.settings.store_id() or ''}"

    engine = SyncEngine(gateway, SqlOutbox(till.engine), state, clock, owner_id(), identity=identity)
    attach_oms(till, gateway if given else None, clock)
    return engine
