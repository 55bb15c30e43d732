"""The composition root: builds the object graph for the command line, the window and the plugin.

Nothing is built at import time; `open_till` is called once per process (or per test).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from posreturns.devices.printing import PrinterSettings, ReceiptPrinting
from posreturns.devices.receipt_layout import StoreHeader
from posreturns.domain.lockout import Moment
from posreturns.paths import DATABASE_FILE
from posreturns.persistence import migrate
from posreturns.persistence.audit import SqlAuditLog
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
from posreturns.services.access import AccessService
from posreturns.services.clock import FixedClock, SystemClock, parse_now, system_moment
from posreturns.services.errors import BadInput
from posreturns.services.lookup import OrderLookup
from posreturns.services.policies import PolicyService
from posreturns.services.ports import Clock
from posreturns.services.return_resolver import ReturnResolver
from posreturns.services.return_ports import AuditEntry
from posreturns.services.returns import ReturnService, TillIdentity
from posreturns.services.settings_admin import SettingsAdmin
from posreturns.services.users import UserAdmin
from posreturns.sync.pepper_store import PepperStore

TRAINING_KEY = "till.training"
INSTALL_ID_KEY = "security.install_id"


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
    access: AccessService
    users: UserAdmin
    settings_admin: SettingsAdmin
    returns: ReturnService

    @property
    def training(self) -> bool:
        """Set up for training (`init --training`, the demo store): `--now` works, returns are marked."""
        return self.settings.get(TRAINING_KEY) == "1"

    def audit(self, action: str, actor: str | None, subject: str | None, detail: dict[str, Any]) -> None:
        """One audit row, in its own transaction."""
        SqlAuditLog(self.engine).record(AuditEntry(action, actor, subject, detail, self.clock.now()))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Till:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_till(data_dir: Path, *, clock: Clock | None = None, till_id: str | None = None, now: str | None = None,
              moments: Callable[[], Moment] = system_moment) -> Till:
    """Open (creating and migrating if needed) the till's store in `data_dir`.

    `now` (`--now`) fixes the clock, and only a training till accepts it; `clock` and `moments`
    (the PIN lockout's time) are for tests."""
    engine = create_sqlite_engine(data_dir / DATABASE_FILE)
    try:
        migrate.upgrade(engine)
        settings = SqlSettings(engine)
        if now is not None:
            if settings.get(TRAINING_KEY) != "1":
                raise BadInput("--now is refused: this till records real returns. It works only on a training till "
                               "(posreturns init --training in a new data folder, or the demo store).")
            clock = FixedClock(parse_now(now))
    except BaseException:
        engine.dispose()
        raise
    clock = clock or SystemClock()
    orders = SqlOrderRepository(engine)
    timezone = settings.store_timezone()
    lookup = OrderLookup(orders, timezone=timezone)
    queries = SqlReturnQueries(engine)
    users = SqlUserRepository(engine)

    def install_id() -> str:
        known = settings.get(INSTALL_ID_KEY)
        if not known:
            known = uuid.uuid4().hex
            settings.set(INSTALL_ID_KEY, known)
        return known

    peppers = PepperStore(data_dir, install_id)
    access = AccessService(users, SqlAuditLog(engine), peppers, moments)
    policies = PolicyService(SqlPolicyRepository(engine), clock, access)

    def identity() -> TillIdentity:
        return TillIdentity(settings.store_id() or "", till_id or settings.get("till.id") or "T1",
                            settings.store_timezone(), settings.get(TRAINING_KEY) == "1")

    returns = ReturnService(ReturnResolver(lookup, orders, queries), queries, SqlReturnRecorder(engine), access,
                            policies, clock, identity)
    return Till(data_dir, engine, orders, lookup, SqlCacheWriter(engine), settings, clock, queries, policies,
                access, UserAdmin(users, access, peppers, moments), SettingsAdmin(settings, access, policies, moments),
                returns)


def set_up_training(till: Till) -> None:
    """Make `till` a training till: `--now` and the demo switches work, returns are marked "TRAINING /
    FORMATION" and never sent to the OMS nor reported. Only a till with nothing recorded on it can
    become one, and it stays one."""
    if till.training:
        return
    if SqlTillOverview(till.engine).in_use():
        raise BadInput("This till already holds real sales, returns or users, so it cannot become a training till; "
                       "set one up in a new data folder: posreturns --data-dir FOLDER init --training.")
    till.settings.change({TRAINING_KEY: "1"}, AuditEntry("till.training_set_up", None, None, {}, till.clock.now()))


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


def open_sync(till: Till, gateway: Any = None, clock: Any = None) -> Any:
    """The sync engine of `till` (a `posreturns.sync.engine.SyncEngine`), with the OMS from the
    till's settings (`oms.url`, key from the credential store) unless a gateway is given (tests).
    Also gives the till's receipt lookup its on-demand fetch from the OMS."""
    from posreturns.persistence.outbox import SqlOutbox, owner_id
    from posreturns.persistence.sync_state import SqlSyncState
    from posreturns.sync.engine import SyncEngine
    from posreturns.sync.fetch import RemoteOrderFetcher
    from posreturns.sync.settings import gateway_from_settings

    if till.training:
        raise BadInput("This is a training till: it never talks to the OMS, so nothing practised here reaches it.")
    clock = clock or till.clock
    gateway = gateway or gateway_from_settings(till.settings, clock)
    state = SqlSyncState(till.engine, till.cache_writer)
    engine = SyncEngine(gateway, SqlOutbox(till.engine), state, clock, owner_id())
    till.lookup.fetch_missing = RemoteOrderFetcher(gateway, state, clock)
    return engine
