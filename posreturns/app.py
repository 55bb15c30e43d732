"""The composition root: builds the object graph for the command line, the window and the plugin.

Nothing is built at import time; `open_till` is called once per process (or per test).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from posreturns.domain.lockout import Moment
from posreturns.domain.money import Money, parse_minor
from posreturns.domain.resale import Grade
from posreturns.domain.users import Principal
from posreturns.paths import DATABASE_FILE
from posreturns.persistence import migrate
from posreturns.persistence.audit import SqlAuditLog
from posreturns.persistence.database_guard import DatabaseGuard, QuickCheck
from posreturns.persistence.engine import create_sqlite_engine
from posreturns.persistence.order_repository import SqlOrderRepository
from posreturns.persistence.plain_sqlite import PlainSqlite
from posreturns.persistence.return_queries import SqlReturnQueries
from posreturns.persistence.settings import SqlSettings
from posreturns.services.clock import FixedClock, SystemClock, parse_now, system_moment
from posreturns.services.errors import BadInput
from posreturns.services.lookup import OrderLookup
from posreturns.services.ports import Clock
from posreturns.services.returns.ports import AuditEntry
from posreturns.services.setting_rules import DEFAULT_TILL_ID, TRAINING_KEY

if TYPE_CHECKING:  # the devices and their drivers are imported by what prints, not by every command
    from posreturns.devices.drawer import CashDrawer
    from posreturns.devices.printer_thread import PrinterThread
    from posreturns.devices.printing import PrinterSettings, ReceiptPrinting
    from posreturns.devices.receipt_layout import StoreHeader
    from posreturns.devices.restock_labels import LabelPrinting
    from posreturns.persistence.cache_writer import SqlCacheWriter
    from posreturns.services.access import AccessService
    from posreturns.services.audit_view import AuditView
    from posreturns.services.day_close import DayCloseService
    from posreturns.services.drawer import DrawerService
    from posreturns.services.host_answers import HostAnswers
    from posreturns.services.open_queues import OpenQueues
    from posreturns.services.pending_approvals import PendingApprovals
    from posreturns.services.policies import PolicyService
    from posreturns.services.promises import PromiseService
    from posreturns.services.reports import ReportService
    from posreturns.services.restock import RestockService
    from posreturns.services.returns.grading import Grader
    from posreturns.services.returns.json_edge import ReturnJsonApi
    from posreturns.services.returns.service import ReturnService, TillIdentity
    from posreturns.services.serial_returners import SerialReturnerService
    from posreturns.services.settings_admin import SettingsAdmin
    from posreturns.services.users import UserAdmin
    from posreturns.sync.pepper_store import PepperStore

INSTALL_ID_KEY = "security.install_id"


@dataclass
class Till:
    """Everything a front end needs, wired to one data folder. The use cases are built when first used:
    a command line call (a host's lookup) imports and builds only what it runs."""

    data_dir: Path
    engine: Engine
    orders: SqlOrderRepository
    lookup: OrderLookup
    settings: SqlSettings
    clock: Clock
    queries: SqlReturnQueries
    guard: DatabaseGuard
    reader: PlainSqlite  # what reads sales and the active policy: plain sqlite3 beside the engine (plain_sqlite.py)
    till_override: str | None = None  # `--till`: this process's till id, over the till.id setting
    moments: Callable[[], Moment] = system_moment  # the PIN lockout's time
    connectivity: Any = None  # posreturns.sync.connectivity.Connectivity, once attach_oms ran
    # the delivery address the OMS holds for a customer id (None: no OMS), once attach_oms ran
    customer_address: Callable[[str], dict[str, Any] | None] | None = None
    closers: list[Any] = field(default_factory=list)

    @property
    def training(self) -> bool:
        """Set up for training (`init --training`, the demo store): `--now` works, returns are marked."""
        return self.settings.get(TRAINING_KEY) == "1"

    @functools.cached_property
    def cache_writer(self) -> SqlCacheWriter:
        from posreturns.persistence.cache_writer import SqlCacheWriter

        return SqlCacheWriter(self.engine)

    @functools.cached_property
    def peppers(self) -> PepperStore:
        from posreturns.sync.pepper_store import PepperStore

        return PepperStore(self.data_dir, self.install_id)

    def install_id(self) -> str:
        """This till database's own id, made at its first use: the pepper's keyring entry and the holder
        of the numbers it claims in the OMS (a reinstalled till is a new database, with a new id)."""
        known = self.settings.get(INSTALL_ID_KEY)
        if not known:
            known = uuid.uuid4().hex
            self.settings.set(INSTALL_ID_KEY, known)
        return known

    @functools.cached_property
    def access(self) -> AccessService:
        from posreturns.persistence.user_repository import SqlUserRepository
        from posreturns.services.access import AccessService

        return AccessService(SqlUserRepository(self.engine), SqlAuditLog(self.engine), self.peppers, self.moments)

    @functools.cached_property
    def policies(self) -> PolicyService:
        from posreturns.persistence.policy_repository import SqlPolicyRepository
        from posreturns.services.policies import PolicyService

        return PolicyService(SqlPolicyRepository(self.engine, self.reader), self.clock, self.access)

    @functools.cached_property
    def users(self) -> UserAdmin:
        from posreturns.persistence.user_repository import SqlUserRepository
        from posreturns.services.users import UserAdmin

        return UserAdmin(SqlUserRepository(self.engine), self.access, self.peppers, self.moments)

    @functools.cached_property
    def settings_admin(self) -> SettingsAdmin:
        from posreturns.services.settings_admin import SettingsAdmin

        return SettingsAdmin(self.settings, self.access, self.policies, self.moments)

    def till_id(self) -> str:
        """This till's one id for everything this process does: `--till` (or the host's), else the setting."""
        return self.till_override or self.settings.get("till.id") or DEFAULT_TILL_ID

    def identity(self) -> TillIdentity:
        """Who records a return: the store, this till (`till_id()`), its time zone, training."""
        settings = self.settings
        return till_identity(settings.store_id() or "", self.till_id(), settings.store_timezone(), self.training)

    @functools.cached_property
    def return_service(self) -> ReturnService:
        from posreturns.persistence.return_recorder import SqlReturnRecorder
        from posreturns.services.returns.resolver import ReturnResolver
        from posreturns.services.returns.service import ReturnService

        service = ReturnService(ReturnResolver(self.lookup, self.orders, self.queries), self.queries,
                                SqlReturnRecorder(self.engine, self.guard.after_commit), self.access, self.policies,
                                self.clock, self.identity, guard=self.guard.refuse_if_unsafe)
        service.promises = open_promises(self)
        service.grader = till_grader(restock_service(self.engine, self.access, self.policies, self.clock,
                                                     self.identity))
        if self.connectivity is not None:  # attach_oms ran before the first return
            service.offline_now = self.connectivity.offline
        service.drawer_cash = self.drawer.cash_for_refunds
        return service

    @functools.cached_property
    def drawer(self) -> DrawerService:
        """The drawer float of this till and the cash in its drawer."""
        from posreturns.persistence.drawer_floats import SqlDrawerFloats
        from posreturns.services.drawer import DrawerService

        return DrawerService(SqlDrawerFloats(self.engine), self.access, self.policies, self.clock, self.identity)

    @functools.cached_property
    def returns(self) -> ReturnJsonApi:
        """The JSON edge (command line, host integrations); `return_service` behind it is typed."""
        from posreturns.services.returns.json_edge import ReturnJsonApi

        return ReturnJsonApi(self.return_service)

    @functools.cached_property
    def host_answers(self) -> HostAnswers:
        from posreturns.persistence.till_overview import SqlTillOverview
        from posreturns.services.host_answers import HostAnswers

        return HostAnswers(self.access, self.return_service, SqlTillOverview(self.engine).audited,
                           SqlAuditLog(self.engine).record, self.clock)

    def build_use_cases(self) -> None:
        """Build now what is otherwise built when first used: the window's and the widget's threads
        (sync, printing, the GUI) then share one of each, none built by two threads at once."""
        for name in ("cache_writer", "users", "settings_admin", "returns", "host_answers", "drawer"):
            getattr(self, name)

    def audit(self, action: str, actor: str | None, subject: str | None, detail: dict[str, Any]) -> None:
        """One audit row, in its own transaction."""
        SqlAuditLog(self.engine).record(AuditEntry(action, actor, subject, detail, self.clock.now()))

    def close(self) -> None:
        for close in self.closers:
            close()
        self.engine.dispose()

    def __enter__(self) -> Till:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_till(data_dir: Path, *, clock: Clock | None = None, till_id: str | None = None, now: str | None = None,
              moments: Callable[[], Moment] = system_moment, quick_check: QuickCheck = "never") -> Till:
    """Open (creating and migrating if needed) the till's store in `data_dir`.

    `now` (`--now`) fixes the clock, and only a training till accepts it; `clock` and `moments`
    (the PIN lockout's time) are for tests. `quick_check` reads every page of the database first
    ("always"; "due": commands that write, see `persistence.database_guard`); the high-water marks
    are always compared. `StorageError` when the database is damaged."""
    engine = create_sqlite_engine(data_dir / DATABASE_FILE)
    try:
        guard = DatabaseGuard(engine, data_dir, data_dir / DATABASE_FILE)
        migrate.upgrade(engine)
        guard.check(quick_check)
        settings = SqlSettings(engine)
        if now is not None:
            if settings.get(TRAINING_KEY) != "1":
                raise BadInput("--now is refused: this till records real returns. It works only on a training till "
                               "(posreturns init --training in a new data folder, or the demo store).")
            clock = FixedClock(parse_now(now))
    except BaseException:
        engine.dispose()
        raise
    reader = PlainSqlite(data_dir / DATABASE_FILE)
    orders = SqlOrderRepository(reader)
    return Till(data_dir, engine, orders, OrderLookup(orders, timezone=settings.store_timezone()), settings,
                clock or SystemClock(), SqlReturnQueries(engine), guard, reader, till_id, moments,
                closers=[reader.close])


def till_identity(store_id: str, till_id: str, timezone: str, training: bool) -> TillIdentity:
    from posreturns.services.returns.service import TillIdentity

    return TillIdentity(store_id, till_id, timezone, training)


def check_storage(data_dir: Path) -> None:
    """Before a command that writes: the quick check when due (`StorageError` on a damaged database)."""
    database = data_dir / DATABASE_FILE
    if not database.exists():
        return
    engine = create_sqlite_engine(database)
    try:
        DatabaseGuard(engine, data_dir, database).quick_check("due")
    finally:
        engine.dispose()


def set_up_training(till: Till) -> None:
    """Make `till` a training till: `--now` and the demo switches work, returns are marked "TRAINING /
    FORMATION" and never sent to the OMS nor reported. Only a till with nothing recorded on it can
    become one, and it stays one."""
    if till.training:
        return
    from posreturns.persistence.till_overview import SqlTillOverview

    if SqlTillOverview(till.engine).in_use():
        raise BadInput("This till already holds real sales, returns or users, so it cannot become a training till; "
                       "set one up in a new data folder: posreturns --data-dir FOLDER init --training.")
    till.settings.change({TRAINING_KEY: "1"}, AuditEntry("till.training_set_up", None, None, {}, till.clock.now()))


def printer_settings(till: Till, printer_url: str | None = None) -> PrinterSettings:
    """The configured printer (`config set printer.url …`), or `--printer URL` for one command."""
    from posreturns.devices.printing import PrinterSettings

    url = printer_url or till.settings.get("printer.url") or ""
    if not url:
        raise BadInput("No receipt printer is configured; run `posreturns config set printer.url tcp://HOST:9100` "
                       "or pass --printer URL.")
    language = till.settings.get("language") or "fr"
    return PrinterSettings(url, till.settings.get("printer.profile") or "epson-tm-t20iii",
                           "en" if language.startswith("en") else "fr", till.settings.get("printer.profile_file") or "")


def open_drawer_control(printing: ReceiptPrinting) -> CashDrawer:
    """The cash drawer on the same printer thread as the receipts."""
    from posreturns.devices.drawer import CashDrawer

    return CashDrawer(printing.jobs, printing.settings, printing.device)


@dataclass(frozen=True)
class ReceiptSources:
    """What a receipt shows beside the stored return: paper and e-mail read the same."""

    header: Callable[[], StoreHeader]
    titles: Callable[[list[str]], dict[str, str]]
    placed_at: Callable[[str], datetime | None]
    local_time: Callable[[datetime], datetime]


def receipt_sources(till: Till) -> ReceiptSources:
    from posreturns.devices.receipt_layout import StoreHeader
    from posreturns.persistence.catalog import SqlCatalog
    from posreturns.persistence.till_overview import SqlTillOverview

    catalog = SqlCatalog(till.engine)

    def header() -> StoreHeader:
        store_id = till.settings.store_id() or ""
        name = SqlTillOverview(till.engine).store_name(store_id)
        return StoreHeader(name or store_id, store_id, till.till_id(),
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

    return ReceiptSources(header, titles, placed_at, local_time)


def open_printing(till: Till, printer_url: str | None = None, device: PrinterThread | None = None) -> ReceiptPrinting:
    """Receipt printing for this till: jobs stored in its database, sent to the printer configured at
    each attempt, on `device` (the one printer thread of the process; a new one if not given)."""
    from posreturns.devices.printing import ReceiptPrinting
    from posreturns.persistence.print_jobs import SqlPrintJobs

    sources = receipt_sources(till)
    printing = ReceiptPrinting(SqlPrintJobs(till.engine), till.queries, lambda: printer_settings(till, printer_url),
                               sources.header, sources.titles, sources.placed_at, sources.local_time, device)
    printing.held_tags = open_labels(till, printing).tags_of_return
    return printing


def attach_oms(till: Till, gateway: Any = None, clock: Any = None) -> Any:
    """Connect `till`'s lookups and returns to its OMS, when one is configured (or `gateway` given):
    a receipt missing from the cache is fetched from the OMS, and returns apply the offline rules
    whenever the OMS does not answer — one connectivity state (sync/connectivity.py), shared by the
    window, the host's widget and the command line. The OMS is asked with short timeouts, and only
    when needed. Returns the Connectivity."""
    from posreturns.persistence.sync_state import SqlSyncState
    from posreturns.services.sync_ports import OmsNotConfigured, OmsUnavailable
    from posreturns.sync.connectivity import Connectivity

    clock = clock or till.clock
    state = SqlSyncState(till.engine, lambda: till.cache_writer)
    made: dict[str, Any] = {"gateway": gateway}

    def oms() -> Any:
        if made["gateway"] is None:
            from posreturns.sync.settings import LOOKUP_TIMEOUT, gateway_from_settings  # HTTP: when first asked

            opened = gateway_from_settings(till.settings, clock, till.data_dir, timeout=LOOKUP_TIMEOUT)
            till.closers.append(opened.close)
            made["gateway"] = opened
        return made["gateway"]

    def probe() -> dict[str, Any]:
        try:
            return dict(oms().probe())
        except OmsNotConfigured as error:
            raise OmsUnavailable(str(error)) from None

    def fetch(number: str) -> bool:
        from posreturns.sync.fetch import RemoteOrderFetcher  # the import's rules: when a sale is missing

        try:
            return RemoteOrderFetcher(oms(), state, clock)(number)
        except OmsNotConfigured:
            return False

    def address(customer_id: str) -> dict[str, Any] | None:
        from posreturns.sync.fetch import RemoteCustomerAddress

        if till.connectivity.offline():  # no waiting for an OMS known to be away: the cashier types it
            return None
        try:
            return RemoteCustomerAddress(oms(), state, clock)(customer_id)
        except OmsNotConfigured:
            return None

    def configured() -> bool:  # a training till never talks to the OMS: it works from its own data
        return gateway is not None or (not till.training and bool(till.settings.get("oms.url")))

    can_probe = gateway is None or hasattr(gateway, "probe")
    till.connectivity = Connectivity(state, clock, configured, probe if can_probe else None)
    if "return_service" in vars(till):  # else it takes the connectivity when first built
        till.return_service.offline_now = till.connectivity.offline
    till.lookup.fetch_missing = fetch if configured() else None
    till.customer_address = address if configured() else None
    return till.connectivity


def open_sync(till: Till, gateway: Any = None, clock: Any = None) -> Any:
    """The sync engine of `till` (a `posreturns.sync.engine.SyncEngine`), with the OMS from the
    till's settings (`oms.url`, key from the credential store) unless a gateway is given (tests).
    Also connects the till's lookups and returns to the OMS (`attach_oms`). A change of the OMS or of
    the store is noticed at the next run: the cursors of the old one are forgotten."""
    from posreturns.persistence.outbox import SqlOutbox, owner_id
    from posreturns.persistence.sync_state import SqlSyncState
    from posreturns.persistence.till_numbers import SqlTillNumbers
    from posreturns.sync.engine import SyncEngine
    from posreturns.sync.numbers import NumberClaims
    from posreturns.sync.settings import gateway_from_settings

    if till.training:
        raise BadInput("This is a training till: it never talks to the OMS, so nothing practised here reaches it.")
    clock = clock or till.clock
    given = gateway is not None
    gateway = gateway or gateway_from_settings(till.settings, clock, till.data_dir)
    state = SqlSyncState(till.engine, lambda: till.cache_writer)

    def identity() -> str:
        return f"{till.settings.get('oms.url') or gateway.name}|{till.settings.store_id() or ''}"

    numbers = NumberClaims(SqlTillNumbers(till.engine, till.install_id, till.till_id))
    engine = SyncEngine(gateway, SqlOutbox(till.engine), state, clock, owner_id(), identity=identity, numbers=numbers)
    attach_oms(till, gateway if given else None, clock)
    return engine


def open_promises(till: Till) -> PromiseService:
    """Delivery promises of exchanges from the cached stock and the store's delivery network."""
    from posreturns.persistence.catalog import SqlCatalog
    from posreturns.persistence.delivery_networks import SqlDeliveryNetworks
    from posreturns.services.promises import PromiseService

    return PromiseService(SqlCatalog(till.engine), SqlDeliveryNetworks(till.engine), till.clock,
                          lambda: till.settings.store_id() or "", till.access)


def open_mail(till: Till, credentials: Any = None) -> Any:
    """The e-receipt sender of `till` (a `posreturns.sync.mail_sender.MailSender`) through the SMTP
    relay of its settings (`mail.*`, password from the credential store); raises `MailNotConfigured`, or
    `BadInput` on a training till."""
    from email.message import EmailMessage

    from posreturns.devices.email_receipt import MailAddressing, receipt_mail
    from posreturns.devices.receipt_layout import receipt_of
    from posreturns.persistence.mail_queue import SqlMailQueue
    from posreturns.persistence.outbox import owner_id
    from posreturns.services.mail_ports import QueuedMail
    from posreturns.sync.mail_sender import MailSender
    from posreturns.sync.mail_settings import in_doubt_rule, smtp_settings
    from posreturns.sync.smtp_relay import SmtpRelay

    if till.training:
        raise BadInput("This is a training till: it sends no e-receipts, so nothing practised here reaches a customer. "
                       "The e-receipts stay in the queue (`posreturns mail list`).")
    relay = smtp_settings(till.settings, credentials)
    sources = receipt_sources(till)

    def compose(mail: QueuedMail) -> EmailMessage:
        result = till.queries.show(mail.return_id)
        if result is None:
            raise LookupError(f"return {mail.return_number} is not on this till")
        receipt = receipt_of(result, sources.header(), sources.titles, sources.placed_at, sources.local_time)
        return receipt_mail(receipt, MailAddressing(relay.sender, mail.recipient, mail.message_id, relay.reply_to),
                            mail.language)

    return MailSender(SqlMailQueue(till.engine), compose, lambda: SmtpRelay(relay), till.clock, owner_id(),
                      in_doubt_rule(till.settings))


def open_sms(till: Till, credentials: Any = None) -> Any:
    """The SMS receipt sender of `till` (a `MailSender` over the queue's SMS receipts) through the SMS
    gateway of its settings (`sms.*`, token from the credential store); raises `SmsNotConfigured`, or
    `BadInput` on a training till."""
    from posreturns.persistence.mail_queue import SMS_RECEIPT, SqlMailQueue
    from posreturns.persistence.outbox import owner_id
    from posreturns.services.mail_ports import QueuedMail
    from posreturns.services.sms_text import sms_text
    from posreturns.sync.mail_sender import MailSender
    from posreturns.sync.sms_gateway import Sms, SmsGateway, international
    from posreturns.sync.sms_settings import sms_in_doubt_rule, sms_settings

    if till.training:
        raise BadInput("This is a training till: it sends no SMS, so nothing practised here reaches a customer.")
    gateway = sms_settings(till.settings, credentials)
    sources = receipt_sources(till)

    def compose(sms: QueuedMail) -> Sms:
        result = till.queries.show(sms.return_id)
        if result is None:
            raise LookupError(f"return {sms.return_number} is not on this till")
        return Sms(sms.message_id, international(sms.recipient), sms_text(result, sources.header().name, sms.language))

    return MailSender(SqlMailQueue(till.engine, SMS_RECEIPT), compose, lambda: SmsGateway(gateway), till.clock,
                      owner_id(), sms_in_doubt_rule(till.settings))


def open_restock(till: Till, till_id: str | None = None) -> RestockService:
    """The manager's restock queue, second-hand channel, RTV batches and alerts inbox of `till`
    (a `posreturns.services.restock.RestockService`)."""

    def identity() -> TillIdentity:
        settings = till.settings
        return till_identity(settings.store_id() or "", till_id or till.till_id(),
                             settings.store_timezone(), till.training)

    return restock_service(till.engine, till.access, till.policies, till.clock, identity)


def restock_service(engine: Engine, access: AccessService, policies: PolicyService, clock: Clock,
                    identity: Callable[[], TillIdentity]) -> RestockService:
    from posreturns.persistence.restock_resale import SqlResale
    from posreturns.persistence.restock_rtv import SqlRtvBatches
    from posreturns.persistence.restock_store import SqlRestockStore
    from posreturns.persistence.staff_alerts import SqlStaffAlerts
    from posreturns.services.restock import RestockService

    return RestockService(SqlRestockStore(engine), SqlResale(engine), SqlRtvBatches(engine), SqlStaffAlerts(engine),
                          access, policies, clock, identity)


def till_grader(restock: RestockService) -> Grader:
    """The cashier's grade of a unit the policy sends to second hand, given with its return (grading.py)."""

    def grade(actor: Principal, unit_id: str, grade: Grade) -> dict[str, Any]:
        item = restock.grade_at_return(actor, unit_id, grade)
        return {"unit_id": item.unit_id, "sku": item.sku, "ean13": item.ean13, "grade": item.grade.value,
                "title": item.title, "price": str(Money.from_minor(item.price_minor, item.currency).amount)}

    return grade


def open_labels(till: Till, printing: ReceiptPrinting) -> LabelPrinting:
    """Inspection tags, resale labels and RTV slips on `printing`'s printer (a
    `posreturns.devices.restock_labels.LabelPrinting`)."""
    from posreturns.devices.restock_labels import LabelPrinting
    from posreturns.persistence.catalog import SqlCatalog

    sources, catalog = receipt_sources(till), SqlCatalog(till.engine)

    def alert_text(code: str, language: str) -> str:
        alerts = {a.code: a for rule in till.policies.active().dispositions for a in rule.alerts}
        found = alerts.get(code)
        return code if found is None else (found.fr if language == "fr" else found.en)

    def original_price(sku: str) -> int | None:
        variant = catalog.find_variant(sku)
        return None if variant is None else parse_minor(variant["price"], catalog.currency)

    return LabelPrinting(printing, open_restock(till), alert_text, original_price, sources.local_time,
                         lambda: sources.header().name)


def open_reports(till: Till, till_id: str | None = None) -> ReportService:
    """The returns report of `till` (a `posreturns.services.reports.ReportService`)."""
    from posreturns.persistence.report_source import SqlReportSource
    from posreturns.services.reports import ReportService

    def identity() -> TillIdentity:
        settings = till.settings
        return till_identity(settings.store_id() or "", till_id or till.till_id(),
                             settings.store_timezone(), till.training)

    return ReportService(SqlReportSource(till.engine), till.policies, identity)


def open_serial_returners(till: Till) -> SerialReturnerService:
    """The store's serial returners (a `posreturns.services.serial_returners.SerialReturnerService`)."""
    from posreturns.persistence.serial_returners import SqlSerialReturners
    from posreturns.services.serial_returners import SerialReturnerService

    return SerialReturnerService(SqlSerialReturners(till.engine), open_reports(till),
                                 lambda: till.clock.now().astimezone(ZoneInfo(till.settings.store_timezone())).date())


def open_day_close(till: Till, till_id: str | None = None) -> DayCloseService:
    """Closing the days of `till` (a `posreturns.services.day_close.DayCloseService`)."""
    from posreturns.persistence.till_days import SqlTillDays
    from posreturns.services.day_close import DayCloseService

    def identity() -> TillIdentity:
        settings = till.settings
        return till_identity(settings.store_id() or "", till_id or till.till_id(),
                             settings.store_timezone(), till.training)

    days = DayCloseService(SqlTillDays(till.engine), till.access, till.policies, till.clock, identity)
    days.drawer = lambda business_day: till.drawer.cash(identity().till_id, business_day)
    return days


def open_queues(till: Till, till_id: str | None = None) -> OpenQueues:
    """The manager's open queues (a `posreturns.services.open_queues.OpenQueues`)."""
    from posreturns.persistence.card_refunds import SqlCardRefunds
    from posreturns.persistence.outbox_exceptions import SqlExceptionQueue
    from posreturns.persistence.refund_replacements import SqlRefundReplacements
    from posreturns.services.open_queues import OpenQueues
    from posreturns.services.refund_replacement import RefundReplacements

    def identity() -> TillIdentity:
        settings = till.settings
        return till_identity(settings.store_id() or "", till_id or till.till_id(),
                             settings.store_timezone(), till.training)

    replacements = RefundReplacements(SqlRefundReplacements(till.engine), till.access, till.policies, till.clock,
                                      identity)
    return OpenQueues(SqlExceptionQueue(till.engine), SqlCardRefunds(till.engine), till.host_answers, till.access,
                      till.clock, identity, replacements, SqlAuditLog(till.engine).record,
                      lambda: till.policies.active().resale.ean_prefix)


def open_pending_approvals(till: Till, till_id: str | None = None) -> PendingApprovals:
    """Returns parked while waiting for a manager (a `posreturns.services.pending_approvals.PendingApprovals`)."""
    from posreturns.persistence.pending_approvals import SqlPendingApprovals
    from posreturns.services.pending_approvals import PendingApprovals

    def identity() -> TillIdentity:
        settings = till.settings
        return till_identity(settings.store_id() or "", till_id or till.till_id(),
                             settings.store_timezone(), till.training)

    return PendingApprovals(SqlPendingApprovals(till.engine), till.return_service, till.access, till.clock, identity)


def open_audit(till: Till) -> AuditView:
    """The audit log, filtered (a `posreturns.services.audit_view.AuditView`)."""
    from posreturns.persistence.audit_reader import SqlAuditReader
    from posreturns.services.audit_view import AuditView

    return AuditView(SqlAuditReader(till.engine))
