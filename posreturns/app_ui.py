"""The window's services from a `Till`, for `posreturns.bootstrap` (standalone window and host widget)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from posreturns.app import Till, open_drawer_control, open_printing
from posreturns.devices.printer_thread import PrinterThread
from posreturns.devices.scanner import Scan, interpret, prepare_scans
from posreturns.domain.money import Money
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.persistence.catalog import SqlCatalog
from posreturns.persistence.drafts import SqlDrafts
from posreturns.persistence.till_overview import SqlTillOverview
from posreturns.services.promises import with_promises
from posreturns.services.setting_rules import MANAGER_IDLE_KEY as IDLE_KEY
from posreturns.services.setting_rules import QUEUE_AGE_KEY as AGE_KEY
from posreturns.ui.services import UiServices

if TYPE_CHECKING:  # and imported where used: what the first screen does not need is loaded when first needed
    from posreturns.devices.documents import Block
    from posreturns.devices.drawer import DrawerOutcome
    from posreturns.devices.printing import PrintOutcome, ReceiptPrinting
    from posreturns.domain.day_close import DayClose
    from posreturns.services.refund_replacement import Replacement
    from posreturns.sync.worker import SyncWorker
    from posreturns.ui.manager.ports import ManagerServices

PRINTER_STATUS_SECONDS = 30.0


def scan_interpreter(till: Till) -> Callable[[str], Scan]:
    """What a scan means, with the GS stand-in the till's scanner is set to send (read at each scan)."""
    def interpret_scan(raw: str) -> Scan:
        from posreturns.devices.device_settings import gs_substitute  # the drivers: after the first paint

        return interpret(raw, gs_substitute(till.settings.get))

    return interpret_scan
def ui_services(till: Till, language: str, printer_url: str | None = None,
                receipt_images: Callable[[], str | None] | None = None, sync: SyncWorker | None = None,
                signs_in: bool = True, device: PrinterThread | None = None) -> UiServices:
    """The window's services (built by `posreturns.bootstrap`). `signs_in`: the window asks for an ID and
    PIN (standalone); a host POS that vouches for its cashier passes False. `device`: the process's one
    printer thread (receipts, drawer, status and test prints); a new one if not given (tests)."""
    device = device or PrinterThread()
    printing = open_printing(till, printer_url, device) if (printer_url or till.settings.get("printer.url")) else None

    def load_order(order_id: str) -> Any:
        return till.lookup.get(order_id)

    overview = SqlTillOverview(till.engine)
    printer_seen: dict[str, Any] = {"at": float("-inf"), "status": None}

    def probe() -> dict[str, Any]:
        pending, pulled = overview.pending_events(), overview.last_pulled_at()
        state: dict[str, Any] = {"outbox_pending": pending, "store_id": till.settings.store_id() or "",
                                 "till_id": till.till_id(), "online": None, "cache_age_minutes": _age_minutes(pulled),
                                 "printer_configured": printing is not None,
                                 "print_waiting": len(printing.waiting()) if printing is not None else 0}
        if sync is not None:
            synced = sync.status()
            age = synced.get("cache_age_seconds")
            outbox = synced.get("outbox") or {}
            state.update(online=synced.get("online"), outbox_pending=outbox.get("pending", pending),
                         sync_exceptions=outbox.get("rejected", 0), sync_held=outbox.get("held", 0),
                         sync_progress=synced.get("progress"),
                         cache_age_minutes=None if age is None else int(age // 60), sync_error=synced.get("last_error"))
        if printing is not None:
            # a network printer serves one connection at a time: ask it rarely, not at every poll,
            # so the status question does not stand in the way of a receipt
            if time.monotonic() - printer_seen["at"] > PRINTER_STATUS_SECONDS:
                printer_seen.update(at=time.monotonic(), status=printing.status())
            state["printer"] = printer_seen["status"]
        return state

    promises = till.return_service.promises
    return UiServices(lookup=till.lookup, returns=till.return_service, catalog=SqlCatalog(till.engine),
                      promised=lambda variants: with_promises(variants, promises),
                      customer_address=lambda customer_id: (till.customer_address(customer_id)
                                                            if till.customer_address is not None else None),
                      drafts=SqlDrafts(till.settings, till.till_id()), printing=printing, status_probe=probe,
                      recent_returns=lambda: overview.recent_returns(till.till_id()), load_order=load_order,
                      language=language,
                      receipt_image=receipt_images or (lambda: None),
                      approval_hint=till.settings.get("demo.approval_hint") or "", data_dir=str(till.data_dir),
                      after_return=sync.nudge if sync is not None else (lambda: None),
                      sign_in=(lambda user_id, pin: till.access.sign_in(user_id, pin, Permission.COMPLETE_RETURN))
                      if signs_in else None,
                      sign_in_hint=till.settings.get("demo.sign_in_hint") or "", training=till.training,
                      approve=lambda user_id, pin: till.access.check_pin(user_id, pin, Permission.APPROVE_RETURN),
                      timezone=till.settings.store_timezone,
                      integrity=lambda: _integrity_summary(till),
                      drawer=open_drawer_control(printing) if printing is not None else None,
                      drawer_floats=till.drawer,
                      print_scanner_sheet=(lambda: printing.print_document("scanner_sheet", None,
                                                                           _scanner_sheet(language)))
                      if printing is not None else None,
                      manager_services=lambda: manager_services(till, printing, language), warm_up=prepare_scans,
                      **admin_services(till, device))


def manager_services(till: Till, printing: ReceiptPrinting | None, language: str) -> ManagerServices:
    from posreturns.app import (
        open_audit,
        open_day_close,
        open_labels,
        open_pending_approvals,
        open_queues,
        open_reports,
        open_restock,
        open_serial_returners,
        receipt_sources,
    )
    from posreturns.devices.receipt_layout import voucher_slip
    from posreturns.devices.z_report import print_z_report
    from posreturns.services.policy_change import PolicyLoading
    from posreturns.services.policy_view import PolicyAndSettings
    from posreturns.ui.manager.ports import ManagerServices

    labels = open_labels(till, printing) if printing is not None else None
    sources = receipt_sources(till)

    def print_z(close: DayClose) -> PrintOutcome:
        assert printing is not None
        return print_z_report(printing, close, sources.header().name, sources.local_time)

    def print_voucher(paid: Replacement) -> PrintOutcome:
        assert printing is not None
        voucher = {"code": paid.voucher_code, "amount": str(Money.from_minor(paid.amount_minor, paid.currency).amount)}
        blocks = voucher_slip(sources.header(), voucher, paid.currency, sources.local_time(paid.settled_at),
                              printing.settings().language)  # the receipts' language, as for any voucher
        return printing.print_document("voucher", paid.voucher_code, blocks)

    def open_drawer(paid: Replacement) -> DrawerOutcome | None:
        assert printing is not None  # the reference differs from the return's, which may have paid cash already
        return open_drawer_control(printing).open_for_return(f"{paid.return_number}/paid-otherwise", True,
                                                             paid.settled_by)

    def alert_text(code: str) -> str:
        alerts = {a.code: a for rule in till.policies.active().dispositions for a in rule.alerts}
        found = alerts.get(code)
        return code if found is None else (found.en if language.startswith("en") else found.fr)

    return ManagerServices(open_restock(till), labels,
                           lambda user_id, pin: till.access.sign_in(user_id, pin, Permission.MANAGE_RESTOCK),
                           alert_text, float(till.settings.get(IDLE_KEY) or 5), float(till.settings.get(AGE_KEY) or 48),
                           open_reports(till), open_day_close(till), open_queues(till),
                           print_z if printing is not None else None, lambda: till.policies.active().currency,
                           till.users, open_audit(till), print_voucher if printing is not None else None,
                           open_drawer if printing is not None else None, open_pending_approvals(till),
                           PolicyAndSettings(till.policies, till.settings), open_serial_returners(till),
                           PolicyLoading(till.policies, till.access), till.settings_admin)


class SettingsAccess:
    """The settings screen's unlock (a manager's or admin's PIN) and changes, through the services."""

    def __init__(self, till: Till) -> None:
        self.till = till

    def unlock(self, user_id: str, pin: str) -> Principal:
        return self.till.access.sign_in(user_id, pin, Permission.CHANGE_DEVICE_SETTINGS)

    def change(self, actor: Principal, values: dict[str, str]) -> dict[str, str]:
        return self.till.settings_admin.change(actor, values)

    def may_change(self, actor: Principal, key: str) -> bool:
        return self.till.settings_admin.may_change(actor, key)


def admin_services(till: Till, device: PrinterThread | None = None) -> dict[str, Any]:
    """What the settings screen needs: the settings, the manager/admin unlock, printer tests, the
    scanner set-up page."""

    def test_print(url: str, profile: str) -> Any:
        from posreturns.devices.documents import Cut, Feed, Text

        blocks: list[Block] = [Text("posreturns", "center", bold=True, large=True),
                               Text("Test d'impression — Test print", "center"),
                  Text("àâçéèêëîïôœùûü € ÀÇÉÈ", "center"), Feed(2), Cut()]
        return _printing_for(till, url, profile, device).print_document("test", None, blocks)

    def test_drawer(actor: Principal, url: str, profile: str) -> None:
        till.access.require(actor, Permission.OPEN_DRAWER, "settings")
        outcome = open_drawer_control(_printing_for(till, url, profile, device)).open(actor.user_id)  # audited
        if not outcome.opened:
            from posreturns.devices.printing import PrinterProblem

            raise PrinterProblem(outcome.said or "")

    def describe(text: str, completed: bool) -> dict[str, str]:
        from posreturns.devices.device_settings import gs_substitute
        from posreturns.devices.scanner_sheet import describe_scan

        return describe_scan(text, completed, gs_substitute(till.settings.get))

    return {"settings": till.settings, "settings_access": SettingsAccess(till), "test_print": test_print,
            "test_drawer": test_drawer, "printer_profiles": _profiles_default_first,
            "check_setting": _check_setting, "describe_scan": describe}


def _printing_for(till: Till, url: str, profile: str, device: PrinterThread | None) -> ReceiptPrinting:
    """The till's printing, on the printer and model typed in the settings (maybe not saved yet)."""
    from posreturns.devices.printing import ReceiptPrinting

    base = open_printing(till, url, device)
    chosen = replace(base.settings(), profile=profile or base.settings().profile)
    return ReceiptPrinting(base.jobs, base.returns, lambda: chosen, base.header, base.titles, base.order_placed_at,
                           base.local_time, base.device)


def _check_setting(key: str, value: str) -> str:
    from posreturns.devices.device_settings import check_setting  # the drivers: when a setting is changed

    return check_setting(key, value)


def _profiles_default_first() -> list[str]:
    """The shipped printer profiles, the default one first (what an unset `printer.profile` means)."""
    from posdrivers import list_profiles

    from posreturns.devices.printing import PrinterSettings

    default = PrinterSettings("").profile
    return [default, *(name for name in list_profiles() if name != default)]


def _age_minutes(stamp: str | None) -> int | None:
    if not stamp:
        return None
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int((datetime.now(UTC) - moment).total_seconds() // 60)


def _integrity_summary(till: Till) -> Any:
    """The start-up check, run in the background: its modules are loaded there too."""
    from posreturns.persistence.integrity import SqlIntegrity
    from posreturns.services.integrity import summary

    return summary(SqlIntegrity(till.engine).check())


def _scanner_sheet(language: str) -> list[Block]:
    from posreturns.devices.scanner_sheet import scanner_sheet

    return scanner_sheet(language)
