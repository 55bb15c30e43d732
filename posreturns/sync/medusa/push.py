"""Pushing outbox events to Medusa, each at most once and resumable from any point: what an earlier
attempt left in Medusa is found by the event's marker (its event id) and finished, or cancelled and
made again; every step that changes Medusa is fenced (the uploader must still hold its lease).

* `ReturnCompleted`   -> medusa_returns.py (return / refund / exchange).
* `StockAdjusted`     -> medusa_stock.py (moved by the return itself, unless its return was dismissed).
* `VoucherIssued`     -> Medusa has no store credit: the voucher is recorded in the metadata
  (`posreturns_voucher_<code>`) of the original order and of the customer (medusa_notes.py); the
  money side is a credit line written with the return.
* `ExceptionResolved` -> a manager's resolution added to the refusal's note (medusa_notes.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from posreturns.services.sync_ports import Outcome, PendingEvent, PushResult
from posreturns.sync.medusa import mapping
from posreturns.sync.medusa.notes import Notes
from posreturns.sync.medusa.returns import ReturnPusher
from posreturns.sync.medusa.stock import push_stock
from posreturns.sync.wire import HttpJsonClient, NotFoundAtOms


class MedusaPusher:
    def __init__(self, client: HttpJsonClient, currency: str) -> None:
        self.client = client
        self.currency = currency
        self._locations: dict[str, str] | None = None  # Medusa location id -> store code
        self._reasons: dict[str, str] | None = None    # our reason code -> Medusa return reason id
        self._refund_reason: str | None = None
        self._lock = threading.Lock()  # the reference data is shared by the uploader's workers
        self.returns = ReturnPusher(currency, self)
        self.notes = Notes(currency, lambda location: self.location_codes().get(location or "", location))

    # -- reference data (cached per process, refreshed by the pull) ------------------------------------
    def refresh_locations(self) -> list[dict[str, Any]]:
        answer = self.client.get("/admin/stock-locations", [("fields", "id,name,metadata,*address"), ("limit", 200)])
        locations = [loc for loc in answer.get("stock_locations") or [] if isinstance(loc, dict) and loc.get("id")]
        self._locations = {loc["id"]: mapping.store_code(loc) for loc in locations}
        return locations

    def location_codes(self) -> dict[str, str]:
        with self._lock:
            if self._locations is None:
                self.refresh_locations()
        return self._locations or {}

    def location_id(self, store_code: str | None) -> str | None:
        return next((lid for lid, code in self.location_codes().items() if code == store_code), None)

    def refresh_reasons(self) -> dict[str, str]:
        answer = self.client.get("/admin/return-reasons", [("fields", "id,value,label"), ("limit", 200)])
        self._reasons = {str(r["value"]).lower(): r["id"] for r in answer.get("return_reasons") or [] if r.get("value")}
        return self._reasons

    def reason_id(self, code: str | None) -> str | None:
        with self._lock:
            if self._reasons is None:
                self.refresh_reasons()
        return (self._reasons or {}).get((code or "").lower())

    def refund_reason(self) -> str | None:
        with self._lock:
            if self._refund_reason is None:
                reasons = self.client.get("/admin/refund-reasons", [("limit", 100)]).get("refund_reasons") or []
                self._refund_reason = next((r["id"] for r in reasons if r.get("code") == "return"), "")
        return self._refund_reason or None

    # -- events ------------------------------------------------------------------------------------------
    def push(self, event: PendingEvent, fence: Callable[[], None] | None = None) -> PushResult:
        data = event.payload.get("data")
        if not isinstance(data, dict):
            return PushResult(Outcome.REJECTED, f"Event {event.seq} has no readable data; it cannot be sent.")
        api = self.client.fenced(fence)
        try:
            if event.event_type == "ReturnCompleted":
                return self.returns.push(api, event, data)
            if event.event_type == "StockAdjusted":
                return push_stock(api, self.location_id, event, data)
            if event.event_type == "VoucherIssued":
                return self.notes.voucher(api, event, data)
            if event.event_type == "ExceptionResolved":
                return self.notes.resolved(api, event, data)
        except NotFoundAtOms as error:
            return PushResult(Outcome.REJECTED, f"Medusa: {error}")
        return PushResult(Outcome.APPLIED, detail={"not_sent": f"Medusa has no use for {event.event_type} events"})
