"""`ReturnCompleted` -> a Medusa return received at the store, and the refund recorded.

Steps (oms/README.md): create the return at the store's location with `metadata.posreturns_event_id`,
request the items with their reasons, request, receive (restocked units with receive-items, held /
RTV / scrapped units with dismiss-items so they do not go back into stock), confirm; then refund each
tender on the payment (note = marker) or, for store credit, a credit line on the order.

Resumable from any point. A first attempt (the event was never sent) creates everything. Any later
attempt first reads what Medusa holds of the order (state.py): its return found by the
marker is resumed from its status — a request never confirmed is dropped and made again, a receive
never confirmed is cancelled and made again — and refunds and credit lines already there (matched
on their note / reference) are not made twice. An over-return is refused before anything is
created (Medusa's own check ignores dismissed units), with the returns that took the units.
"""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.medusa.exchange import ExchangePusher
from posreturns.sync.medusa.markers import event_metadata, other_content
from posreturns.sync.medusa.notes import Notes
from posreturns.sync.medusa.quick_leftovers import restock, restock_owed
from posreturns.sync.medusa.receiving import Receiver, UnbookedRefund
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.medusa.returned_units import ORDER_FIELDS, over_return, wanted_units
from posreturns.sync.medusa.state import Api, OrderState, finish_or_drop_return

LOCKED = "active order change"


class ReturnPusher:
    def __init__(self, currency: str, refs: ReferenceData, notes: Notes) -> None:
        self.refs = refs
        self.notes = notes
        self.receiver = Receiver(currency, refs)
        self.exchanges = ExchangePusher(self.receiver, refs, notes)

    def push(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> PushResult:
        original = data.get("original_order") or {}
        if not original.get("id"):
            return PushResult(Outcome.APPLIED, detail={"not_sent": "a return without a sale: Medusa has no returns "
                                                                   "without an order; it stays on the till's reports"})
        store = (event.payload.get("device") or {}).get("store_id")
        location = self.refs.location_id(store)
        if location is None:
            return PushResult(Outcome.REJECTED, f"Medusa has no stock location for store {store}; add it or fix "
                                                "the till's store.id.")
        order = api.get(f"/admin/orders/{original['id']}", [("fields", ORDER_FIELDS)])["order"]
        state = None if event.first_attempt else OrderState(api, order["id"])
        try:
            if data.get("refund_method") == "exchange" and (data.get("exchange") or {}).get("lines"):
                return self.exchanges.push(api, event, data, order, location, state)
            return self._return(api, event, data, order, location, state)
        except UnbookedRefund as error:
            return PushResult(Outcome.REJECTED, str(error), detail={"unbooked_refund": True})
        except OmsRefused as error:
            if LOCKED in str(error):
                return PushResult.retry(f"Medusa: {error} (another change of this order is in progress)")
            return self.notes.refused(api, event, data, order, {"message": f"Medusa refused the return: {error}"},
                                      state)

    def _return(self, api: Api, event: PendingEvent, data: dict[str, Any], order: dict[str, Any], location: str,
                state: OrderState | None) -> PushResult:
        wanted = wanted_units(data)
        found = state.return_of(event.event_id) if state else None
        if found is not None and other_content(found, event):
            return PushResult(Outcome.REJECTED, other_content(found, event), detail={"medusa_return_id": found["id"]})
        received_before = found is not None and found.get("status") == "received"
        if found is not None and state is not None:
            found = finish_or_drop_return(api, state, found)
            if found is None:  # dropped: its units are returnable again
                order = api.get(f"/admin/orders/{order['id']}", [("fields", ORDER_FIELDS)])["order"]
        if found is None:
            problem = over_return(order, wanted)
            if problem:
                return self.notes.refused(api, event, data, order, problem, state)
            found = self.open(api, event, data, order, location, wanted)
        if found["status"] != "received":
            self.receiver.receive(api, found["id"], wanted, data, found["metadata"] if found.get("unmarked") else None)
        restocked = 0
        if state is not None and restock_owed(state, found, event.event_id):  # the plugin stopped before it
            restocked = restock(api, event.event_id, found, wanted)
        refunded = self.receiver.refund(api, event, data, order)
        done_before = received_before and refunded == 0 and restocked == 0
        return PushResult(Outcome.DUPLICATE if done_before else Outcome.APPLIED,
                          detail={"medusa_return_id": found["id"], "refunds": refunded})

    def open(self, api: Api, event: PendingEvent, data: dict[str, Any], order: dict[str, Any], location: str,
             wanted: dict[str, dict[str, Any]]) -> dict[str, Any]:
        quiet = not self.refs.notify_customers
        created = api.post("/admin/returns", {
            "order_id": order["id"], "location_id": location, "no_notification": quiet,
            "metadata": event_metadata(event, data),
            "description": f"In-store return {data.get('return_number')}",
            "internal_note": f"posreturns event {event.event_id}"})["return"]
        rid = created["id"]
        items = []
        for line_id, w in wanted.items():
            reason = self.refs.reason_id(w["reason"])
            items.append({"id": line_id, "quantity": w["qty"], **({"reason_id": reason} if reason else {}),
                          **({"internal_note": w["note"]} if w["note"] else {})})
        try:
            # Medusa 2.21 drops `no_notification` when it creates the return: only an update while the
            # request is open records it on the return, where a notification subscriber can read it
            api.post(f"/admin/returns/{rid}", {"no_notification": quiet})
            api.post(f"/admin/returns/{rid}/request-items", {"items": items})
        except OmsRefused:
            api.delete(f"/admin/returns/{rid}/request")  # else the open return locks the order
            raise
        api.post(f"/admin/returns/{rid}/request", {"no_notification": quiet})
        return {**created, "status": "requested"}
