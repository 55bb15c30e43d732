"""Pushing outbox events to Medusa, each at most once: the event's marker (its event id) is looked
for before anything is done, and every step can be resumed when a response was lost.

* `ReturnCompleted` -> medusa_returns.py (return / refund / exchange).
* `StockAdjusted`   -> units moved by a return are already moved by the return's receive; other
  sellable moves set the level (Medusa has no delta route), with a two-phase marker on the
  inventory item so a replay sets the same absolute level instead of adding again.
* `VoucherIssued`   -> Medusa has no store credit: the voucher is recorded on the customer's metadata
  (`posreturns_voucher_<code>`); the money side is a credit line written with the return.
"""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.connectors import medusa_mapping as mapping
from posreturns.sync.connectors.medusa_returns import ReturnPusher, major
from posreturns.sync.wire import HttpJsonClient, NotFoundAtOms

COVERED_REASONS = ("return", "exchange")


class MedusaPusher:
    def __init__(self, client: HttpJsonClient, currency: str) -> None:
        self.client = client
        self.currency = currency
        self._locations: dict[str, str] | None = None  # Medusa location id -> store code
        self._reasons: dict[str, str] | None = None    # our reason code -> Medusa return reason id
        self.returns = ReturnPusher(client, currency, self)

    # -- reference data (cached per process, refreshed by the pull) ------------------------------------
    def refresh_locations(self) -> list[dict[str, Any]]:
        answer = self.client.get("/admin/stock-locations", [("fields", "id,name,metadata,*address"), ("limit", 200)])
        locations = [loc for loc in answer.get("stock_locations") or [] if isinstance(loc, dict) and loc.get("id")]
        self._locations = {loc["id"]: mapping.store_code(loc) for loc in locations}
        return locations

    def location_codes(self) -> dict[str, str]:
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
        if self._reasons is None:
            self.refresh_reasons()
        return (self._reasons or {}).get((code or "").lower())

    # -- events ------------------------------------------------------------------------------------------
    def push(self, event: PendingEvent) -> PushResult:
        data = event.payload.get("data")
        if not isinstance(data, dict):
            return PushResult(Outcome.REJECTED, f"Event {event.seq} has no readable data; it cannot be sent.")
        try:
            if event.event_type == "ReturnCompleted":
                return self.returns.push(event, data)
            if event.event_type == "StockAdjusted":
                return self.stock(event, data)
            if event.event_type == "VoucherIssued":
                return self.voucher(event, data)
        except NotFoundAtOms as error:
            return PushResult(Outcome.REJECTED, f"Medusa: {error}")
        return PushResult(Outcome.APPLIED, detail={"not_sent": f"Medusa has no use for {event.event_type} events"})

    def stock(self, event: PendingEvent, data: dict[str, Any]) -> PushResult:
        covered, changed, already = 0, [], 0
        for index, delta in enumerate(data.get("deltas") or []):
            if delta.get("reason") in COVERED_REASONS or delta.get("bucket") != "sellable":
                covered += 1  # moved by the return's receive, or a bucket Medusa does not hold
                continue
            done = self._set_level(f"posreturns_stock_{event.event_id}_{index}", delta)
            changed.append(delta.get("sku"))
            already += done
        outcome = Outcome.DUPLICATE if changed and already == len(changed) else Outcome.APPLIED
        return PushResult(outcome, detail={"covered_by_returns": covered, "levels_set": changed})

    def _set_level(self, key: str, delta: dict[str, Any]) -> bool:
        """Apply one sellable delta; True when it had been applied before (marker found)."""
        location = self.location_id(delta.get("location"))
        items = self.client.get("/admin/inventory-items", [("sku", delta.get("sku")), ("fields", "id,sku,metadata")])
        found = items.get("inventory_items") or []
        if not location or not found:
            raise NotFoundAtOms(f"no inventory for {delta.get('sku')} at {delta.get('location')}", 404)
        item = found[0]
        marker = (item.get("metadata") or {}).get(key)
        if isinstance(marker, dict) and marker.get("done"):
            return True
        if isinstance(marker, dict) and "target" in marker:
            target = int(marker["target"])
        else:
            levels = self.client.get(f"/admin/inventory-items/{item['id']}/location-levels",
                                     [("location_id", location)]).get("inventory_levels") or []
            current = mapping.qty(levels[0], "stocked_quantity") if levels else 0
            target = max(current + int(delta.get("delta") or 0), 0)
            self.client.post(f"/admin/inventory-items/{item['id']}", {"metadata": {key: {"target": target}}})
        self.client.post(f"/admin/inventory-items/{item['id']}/location-levels/{location}", {"stocked_quantity": target})
        self.client.post(f"/admin/inventory-items/{item['id']}", {"metadata": {key: {"target": target, "done": True}}})
        return False

    def voucher(self, event: PendingEvent, data: dict[str, Any]) -> PushResult:
        customer = data.get("customer_id")
        code = str(data.get("code") or event.aggregate_id)
        if not customer or not str(customer).startswith("cus_"):
            return PushResult(Outcome.APPLIED, detail={"recorded": "on the till only: the voucher has no Medusa customer"})
        key = f"posreturns_voucher_{code}"
        try:
            record = self.client.get(f"/admin/customers/{customer}", [("fields", "id,metadata")]).get("customer") or {}
        except NotFoundAtOms:
            return PushResult(Outcome.APPLIED, detail={"recorded": f"on the till only: Medusa has no customer {customer}"})
        if key in (record.get("metadata") or {}):
            return PushResult(Outcome.DUPLICATE, detail={"customer": customer})
        minor = int(data.get("amount_minor") or 0)
        value = {"amount": format(major(minor, str(data.get("currency") or self.currency)), "f"), "currency": data.get("currency"),
                 "return_number": data.get("return_number"), "event_id": event.event_id}
        try:
            self.client.post(f"/admin/customers/{customer}", {"metadata": {key: value}})
        except OmsRefused as error:
            return PushResult(Outcome.REJECTED, f"Medusa: {error}")
        return PushResult(Outcome.APPLIED, detail={"customer": customer})
