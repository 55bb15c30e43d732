"""Composition of the window's services from a `Till` (standalone window and host plugin)."""

from __future__ import annotations

import getpass
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from posdrivers import list_profiles

from posreturns.app import Till, open_printing, open_sync
from posreturns.devices.documents import Block, Cut, Feed, Text
from posreturns.devices.printing import ReceiptPrinting
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.catalog import SqlCatalog
from posreturns.persistence.drafts import SqlDrafts
from posreturns.persistence.engine import WRITE
from posreturns.persistence.till_overview import SqlTillOverview
from posreturns.services.return_ports import AuditEntry
from posreturns.services.sync_ports import OmsNotConfigured
from posreturns.sync.worker import SyncWorker
from posreturns.ui.services import UiServices

PRINTER_STATUS_SECONDS = 30.0


def default_cashier(till: Till) -> str:
    return till.settings.get("cashier") or getpass.getuser()


def start_sync(till: Till) -> SyncWorker | None:
    """The background sync of the window, when an OMS is configured (`posreturns oms connect`)."""
    if not till.settings.get("oms.url"):
        return None
    try:
        worker = SyncWorker(open_sync(till))
    except OmsNotConfigured:
        return None
    worker.start()
    return worker


def ui_services(till: Till, language: str, printer_url: str | None = None, cashier: str | None = None,
                receipt_images: Callable[[], str | None] | None = None, sync: SyncWorker | None = None) -> UiServices:
    till_id = till.settings.get("till.id") or "T1"
    printing = open_printing(till, printer_url) if (printer_url or till.settings.get("printer.url")) else None

    def load_order(order_id: str) -> Any:
        return till.lookup.get(order_id)

    overview = SqlTillOverview(till.engine)
    printer_seen: dict[str, Any] = {"at": float("-inf"), "status": None}

    def probe() -> dict[str, Any]:
        pending, pulled = overview.pending_events(), overview.last_pulled_at()
        state: dict[str, Any] = {"outbox_pending": pending, "cashier": cashier or default_cashier(till),
                                 "store_id": till.settings.store_id() or "", "till_id": till_id,
                                 "online": None, "cache_age_minutes": _age_minutes(pulled),
                                 "printer_configured": printing is not None}
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

    return UiServices(lookup=till.lookup, returns=till.returns, catalog=SqlCatalog(till.engine),
                      drafts=SqlDrafts(till.settings, till_id), printing=printing, status_probe=probe,
                      recent_returns=lambda: overview.recent_returns(till_id), load_order=load_order, language=language,
                      receipt_image=receipt_images or (lambda: None),
                      approval_hint=till.settings.get("demo.approval_hint") or "",
                      after_return=sync.nudge if sync is not None else (lambda: None), **admin_services(till))


def admin_services(till: Till) -> dict[str, Any]:
    """What the settings screen needs: the settings, the manager/admin PIN, printer tests, the audit log."""

    def verify_admin(user_id: str, pin: str) -> str:
        return till.approvals.verify(user_id, pin).name  # cashiers are refused there (PinError)

    def test_print(url: str, profile: str) -> Any:
        blocks: list[Block] = [Text("posreturns", "center", bold=True, large=True), Text("Test d'impression — Test print", "center"),
                  Text("àâçéèêëîïôœùûü € ÀÇÉÈ", "center"), Feed(2), Cut()]
        return _printing_for(till, url, profile).print_document("test", None, blocks)

    def test_drawer(url: str, profile: str) -> None:
        _printing_for(till, url, profile).open_drawer()

    def audit(action: str, actor: str | None, detail: dict[str, Any]) -> None:
        write_audit(till, action, actor, None, detail)

    return {"settings": till.settings, "verify_admin": verify_admin, "test_print": test_print,
            "test_drawer": test_drawer, "printer_profiles": list_profiles, "audit": audit}


def write_audit(till: Till, action: str, actor: str | None, subject: str | None, detail: dict[str, Any]) -> None:
    with till.engine.connect().execution_options(**WRITE) as connection, connection.begin():
        insert_audit(connection, AuditEntry(action, actor, subject, detail, till.clock.now()))


def _printing_for(till: Till, url: str, profile: str) -> ReceiptPrinting:
    """The till's printing, on the printer and model typed in the settings (maybe not saved yet)."""
    base = open_printing(till, url)
    chosen = replace(base.settings(), profile=profile or base.settings().profile)
    return ReceiptPrinting(base.jobs, base.returns, lambda: chosen, base.header, base.titles, base.order_placed_at,
                           base.local_time)


def _age_minutes(stamp: str | None) -> int | None:
    if not stamp:
        return None
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int((datetime.now(UTC) - moment).total_seconds() // 60)
