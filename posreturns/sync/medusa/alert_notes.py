"""Staff alerts in Medusa: the alerts the policy raised on a return ("defective: notify the buyer",
"damaged in transit: carrier claim") are noted on its Medusa order when the return is pushed
(`posreturns_alerts_<return number>`), and each acknowledgement or resolution a manager made
(`StaffAlertSettled`, queued after its return's events) is added to that note once: head office sees
every alert and who dealt with it."""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.medusa.state import Api

ALERTS_KEY = "posreturns_alerts_"
LOCKED = "active order change"


class AlertNotes:
    name = "staff_alerts"  # the posreturns plugin names the steps it makes itself (plugin.py)

    def concerns(self, event: PendingEvent) -> bool:
        data = event.payload.get("data") or {}
        if event.event_type == "ReturnCompleted":
            return _order_id(data) is not None and bool(_raised(data))
        return event.event_type == "StaffAlertSettled" and str(data.get("order_id") or "").startswith("order_")

    def after(self, api: Api, event: PendingEvent, done: PushResult) -> PushResult:
        if done.outcome not in (Outcome.APPLIED, Outcome.DUPLICATE) or not self.concerns(event):
            return done
        data = event.payload.get("data") or {}
        try:
            if event.event_type == "ReturnCompleted":
                detail = {"alerts_noted": self._raised(api, event, data)}
            else:
                detail = {"alert_settlement_noted": self._settled(api, event, data)}
        except OmsRefused as error:
            if LOCKED in str(error):
                return PushResult.retry(f"Medusa: {error} (another change of this order is in progress)")
            return PushResult(Outcome.REJECTED, f"Medusa refused to note the staff alerts on the order: {error}")
        if done.detail.get("not_sent"):
            return PushResult(Outcome.APPLIED, detail=detail)
        return PushResult(done.outcome, done.reason, done.retry_after, {**done.detail, **detail})

    def _raised(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> bool:
        order_id, key = str(_order_id(data)), f"{ALERTS_KEY}{data.get('return_number')}"
        if isinstance(_metadata(api, order_id).get(key), dict):
            return False
        device = event.payload.get("device") or {}
        api.post(f"/admin/orders/{order_id}", {"metadata": {key: {
            "return_id": data.get("return_id"), "return_number": data.get("return_number"),
            "till": event.till_id, "store": device.get("store_id"), "raised_at": event.payload.get("occurred_at"),
            "alerts": _raised(data), "settled": [], "event_id": event.event_id}}})
        return True

    def _settled(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> bool:
        order_id, key = str(data["order_id"]), f"{ALERTS_KEY}{data.get('return_number')}"
        note = _metadata(api, order_id).get(key)
        note = dict(note) if isinstance(note, dict) else {"return_id": data.get("return_id"),
                                                          "return_number": data.get("return_number"), "settled": []}
        settled = [s for s in note.get("settled") or [] if isinstance(s, dict)]
        if any(s.get("event_id") == event.event_id for s in settled):
            return False
        note["settled"] = [*settled, {"alert_id": data.get("alert_id"), "code": data.get("code"),
                                      "status": data.get("status"), "note": data.get("note"),
                                      "by": event.payload.get("operator_id"), "till": event.till_id,
                                      "at": event.payload.get("occurred_at"), "event_id": event.event_id}]
        api.post(f"/admin/orders/{order_id}", {"metadata": {key: note}})
        return True


def _order_id(data: dict[str, Any]) -> str | None:
    order_id = str((data.get("original_order") or {}).get("id") or "")
    return order_id if order_id.startswith("order_") else None


def _raised(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"sku": line.get("sku"), "code": code} for line in data.get("lines") or [] if isinstance(line, dict)
            for code in line.get("alerts") or []]


def _metadata(api: Api, order_id: str) -> dict[str, Any]:
    return dict((api.get(f"/admin/orders/{order_id}", [("fields", "id,metadata")]).get("order") or {}).get("metadata")
                or {})
