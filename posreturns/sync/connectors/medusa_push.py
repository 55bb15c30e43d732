"""Pushing outbox events to Medusa, each at most once: the event's marker (its event id) is looked
for before anything is done, and every step can be resumed when a response was lost.

* `ReturnCompleted` -> medusa_returns.py (return / refund / exchange).
* `StockAdjusted`   -> units moved by a return or exchange are moved by Medusa itself (the return's
  receive puts restocked units back, dismissed ones stay out; the exchange's fulfilment takes the
  new ones): acknowledged without a call. Any other move is refused (the till makes none).
* `VoucherIssued`   -> Medusa has no store credit: the voucher is recorded in the metadata
  (`posreturns_voucher_<code>`) of the original order and of the customer; the money side is a
  credit line written with the return.
"""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.connectors import medusa_mapping as mapping
from posreturns.sync.connectors.medusa_returns import LOCKED, ReturnPusher, major
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
        """Stock moved by a return or an exchange is moved in Medusa by the return's receive and the
        exchange's fulfilment (or lies in a bucket Medusa does not hold): nothing to send. The till
        makes no other stock moves; one would be refused rather than silently dropped."""
        deltas = data.get("deltas") or []
        other = next((d for d in deltas if d.get("reason") not in COVERED_REASONS), None)
        if other is not None:
            return PushResult(Outcome.REJECTED, f"Medusa is only sent stock moves of returns and exchanges, not "
                                                f"{other.get('reason')!r} for {other.get('sku')}; set that level in "
                                                "Medusa by hand.")
        return PushResult(Outcome.APPLIED, detail={"covered_by_returns": len(deltas)})

    def voucher(self, event: PendingEvent, data: dict[str, Any]) -> PushResult:
        """Note the voucher on the original order and on the customer (each once); events written
        before `order_id` was added go to the customer only."""
        code = str(data.get("code") or event.aggregate_id)
        key = f"posreturns_voucher_{code}"
        currency = str(data.get("currency") or self.currency)
        value = {"amount": format(major(int(data.get("amount_minor") or 0), currency), "f"), "currency": currency,
                 "return_number": data.get("return_number"), "event_id": event.event_id}
        targets = [(f"/admin/orders/{data['order_id']}", "order")] if str(data.get("order_id") or "").startswith("order_") else []
        if str(data.get("customer_id") or "").startswith("cus_"):
            targets.append((f"/admin/customers/{data['customer_id']}", "customer"))
        if not targets:
            return PushResult(Outcome.APPLIED, detail={"recorded": "on the till only: no Medusa order or customer"})
        done: dict[str, str] = {}
        try:
            for path, kind in targets:
                done[kind] = self._note(path, kind, key, value)
        except OmsRefused as error:
            if LOCKED in str(error):
                return PushResult.retry(f"Medusa: {error} (another change of this order is in progress)")
            return PushResult(Outcome.REJECTED, f"Medusa refused to record voucher {code}: {error}")
        already = all(state == "already there" for state in done.values())
        return PushResult(Outcome.DUPLICATE if already else Outcome.APPLIED, detail={"voucher": code, **done})

    def _note(self, path: str, kind: str, key: str, value: dict[str, Any]) -> str:
        """Write `key` in the record's metadata unless it is there; what happened, in words."""
        try:
            record = self.client.get(path, [("fields", "id,metadata")]).get(kind) or {}
        except NotFoundAtOms:
            return "not in Medusa"
        if key in (record.get("metadata") or {}):
            return "already there"
        self.client.post(path, {"metadata": {key: value}})
        return "recorded"
